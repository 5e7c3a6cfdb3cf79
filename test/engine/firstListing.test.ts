// The early first listing (plain HTTP/1.0 on a socket, before the UI loads) against the real test engine: the
// same version and containers as dockerode's, and a quiet undefined wherever dockerode must ask instead.
import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {parseEngineAddress} from '../../source/engine/address.js';
import {toContainerRecord, toEngineVersion} from '../../source/engine/decoders.js';
import {startFirstListing} from '../../source/engine/firstListing.js';
import {connectTestEngine} from '../support/berth.js';
import {engineSkip, idleCmd, removeTestContainers, runContainer, testDockerHost, uniqueName} from '../support/testEngine.js';

const skip = await engineSkip();
const created: string[] = [];
after(() => skip || removeTestContainers(created));

test('answers what dockerode answers: the version and every container, running or not', {skip}, async () => {
	const running = uniqueName('first-running');
	const made = uniqueName('first-created');
	created.push(running, made);
	await runContainer({name: running, cmd: [...idleCmd]});
	await runContainer({name: made, create: true});
	const parsed = parseEngineAddress(testDockerHost, {});
	assert.ok(parsed.ok);
	const listing = await startFirstListing(parsed.address);
	assert.ok(listing, 'a unix socket is asked early');
	const engine = connectTestEngine();
	const [version, records] = await Promise.all([engine.system.version(), engine.containers.list()]);
	assert.deepEqual(toEngineVersion(listing.version), version);
	const early = listing.containers.map(info => toContainerRecord('test', info as Parameters<typeof toContainerRecord>[1]));
	for (const name of [running, made]) {
		const mine = early.find(record => record.names.includes(`/${name}`));
		assert.ok(mine, `${name} is listed`);
		assert.deepEqual(mine, records.find(record => record.names.includes(`/${name}`)));
	}
});

test('ssh, TLS and named pipes are left to dockerode; an engine that is not there gives undefined, not an error', async () => {
	assert.equal(startFirstListing({kind: 'ssh', host: '127.0.0.1', port: 22}), undefined);
	assert.equal(startFirstListing({kind: 'tcp', host: '127.0.0.1', port: 2376, tls: {verify: true, certPath: '/nonexistent'}}), undefined);
	assert.equal(startFirstListing({kind: 'npipe', socketPath: '//./pipe/docker_engine'}), undefined);
	assert.equal(await startFirstListing({kind: 'unix', socketPath: '/nonexistent/docker.sock'}), undefined);
});
