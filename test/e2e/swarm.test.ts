// End to end: the services, tasks and nodes views on a swarm manager of its own, and on an engine that is none.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {after, afterEach, before, describe, test} from 'node:test';
import {BerthSessions, statusText, waitUntil} from '../support/berth.js';
import {engineSkip, isolatedEngine, testDockerHost, testImage, uniqueName} from '../support/testEngine.js';

const execFileAsync = promisify(execFile);

// Swarm mode makes a bridge named docker_gwbridge, shared by name between the engines of one machine: only
// this engine of its own ever enters swarm mode, never the shared test engine.
const engine = isolatedEngine('swarm');
const sharedSkip = await engineSkip();
let skip: false | string = await engine.skip();
const service = uniqueName('svc');

/** Actions wait for the engine and the swarm's scheduler, and CI machines can be slow. */
const slow = {timeoutMs: 30_000};
const testTimeout = {timeout: 180_000};
/** berth, ready once its table shows NAME. */
const berth = new BerthSessions({ready: /NAME/, readyTimeoutMs: slow.timeoutMs});

async function bridgeExists(name: string): Promise<boolean> {
	return execFileAsync('ip', ['link', 'show', name]).then(
		() => true,
		() => false,
	);
}

before(async () => {
	if (skip) return;
	await engine.docker('swarm', 'leave', '--force').catch(() => undefined);
	const ours = await engine.docker('network', 'inspect', 'docker_gwbridge').then(
		() => true,
		() => false,
	);
	if (!ours && (await bridgeExists('docker_gwbridge'))) {
		skip = 'another engine of this machine is in swarm mode (docker_gwbridge exists): two must not be';
		return;
	}

	await engine.docker('swarm', 'init', '--advertise-addr', '127.0.0.1', '--listen-addr', '127.0.0.1:2377');
	await engine.docker(
		'service',
		'create',
		'--detach',
		'--name',
		service,
		'--replicas',
		'1',
		'--stop-grace-period',
		'2s',
		testImage,
		'sh',
		'-c',
		'trap "exit 0" TERM; while :; do echo tick; sleep 1; done',
	);
});

after(async () => {
	await berth.killAll();
	if (await engine.answers()) {
		await engine.docker('service', 'rm', service).catch(() => undefined);
		await engine.docker('swarm', 'leave', '--force').catch(() => undefined);
		// The bridge swarm made stays after leaving: it goes with its network.
		await engine.docker('network', 'rm', 'docker_gwbridge').catch(() => undefined);
	}

	await engine.down().catch(() => undefined);
});

afterEach(() => berth.killAll());

/** The screen line of a row (not the header above the table) that shows `text` as a word of its own. */
function lineWith(screen: string, text: string): string {
	const escaped = text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return screen.split('\n').slice(1).find(line => new RegExp(`(^|\\s)${escaped}(\\s|$)`).test(line)) ?? '';
}

describe('swarm views', () => {
	test('an engine that is no swarm manager says so in 6, 7 and 8', {...testTimeout, skip: sharedSkip}, async () => {
		const session = await berth.start({host: testDockerHost});
		for (const key of ['6', '7', '8']) {
			await session.sendText(key);
			const screen = await session.waitFor('this engine is not a swarm manager: docker swarm init to make one', slow);
			// Not the engine's own error (`This node is not a swarm manager. Use "docker swarm init"…`).
			assert.doesNotMatch(screen, /Error:|This node is not a swarm manager/, `${key}: said plainly, not as an error`);
		}
	});

	test('services: scale, tasks, nodes, update, logs and remove on a swarm manager', {...testTimeout, skip}, async t => {
		if (skip) {
			t.skip(skip);
			return;
		}

		const hostname = (await engine.docker('node', 'ls', '--format', '{{.Hostname}}')).trim();
		const session = await berth.start({host: engine.dockerHost});
		await session.sendText('6');
		let screen = await session.waitFor(current => /\s1\/1(\s|$)/.test(lineWith(current, service)), slow);
		assert.match(screen, /NAME\s+MODE\s+REPLICAS\s+IMAGE\s+PORTS/);
		assert.match(lineWith(screen, service), /replicated\s+1\/1\s+berth-test\/busybox:latest/);

		// Two presses before the first scale is through: both count (the engine's version check retries).
		await session.sendText('+');
		await session.sendText('+');
		screen = await session.waitFor(current => /\s3\/3(\s|$)/.test(lineWith(current, service)), slow);
		assert.equal(
			await engine.docker('service', 'ls', '--filter', `name=${service}`, '--format', '{{.Replicas}}'),
			'3/3',
			'docker service ls agrees',
		);

		await session.sendKeys('Enter');
		screen = await session.waitFor(
			current => [1, 2, 3].every(slot => new RegExp(`\\s${hostname}\\s+Running\\s+Running`).test(lineWith(current, `${service}.${slot}`))),
			slow,
		);
		assert.match(screen, /NAME\s+IMAGE\s+NODE\s+DESIRED STATE\s+CURRENT STATE\s+ERROR/);
		assert.match(statusText(screen), new RegExp(`tasks of ${service}`));

		await session.sendText('8');
		screen = await session.waitFor(current => /\sReady\s+Active\s+Leader\s/.test(lineWith(current, hostname)), slow);
		assert.match(screen, /HOSTNAME\s+STATUS\s+AVAILABILITY\s+MANAGER STATUS\s+ENGINE VERSION/);

		await session.sendText('6');
		await session.waitFor(current => lineWith(current, service).startsWith('›'), slow);
		const forced = async () => engine.docker('service', 'inspect', '--format', '{{.Spec.TaskTemplate.ForceUpdate}}', service);
		assert.equal(await forced(), '0');
		await session.sendText('u');
		assert.ok(await waitUntil(async () => (await forced()) === '1', {...slow, intervalMs: 200}), 'u raised the ForceUpdate counter (docker service update --force)');
		await session.waitFor(current => statusText(current).includes(`Updated ${service}`), slow);

		await session.sendText('l');
		screen = await session.waitFor(current => current.includes(`Logs: ${service}`) && /\btick\b/.test(current), slow);
		await session.sendKeys('Escape');
		await session.waitFor(current => lineWith(current, service) !== '', slow);

		await session.sendText('d');
		await session.waitFor(current => statusText(current).includes(`Remove service ${service}?`), slow);
		await session.sendText('y');
		await session.waitFor(current => lineWith(current, service) === '' && current.includes('No services.'), slow);
		assert.equal(await engine.docker('service', 'ls', '--filter', `name=${service}`, '--format', '{{.Name}}'), '');
	});

	test('a service whose tasks keep failing raises one crash-loop for the service, and no died alert for each task', {...testTimeout, skip}, async t => {
		if (skip) {
			t.skip(skip);
			return;
		}

		const name = uniqueName('fails');
		const session = await berth.start({host: engine.dockerHost});
		await engine.docker('service', 'create', '--detach', '--name', name, '--replicas', '1', '--restart-delay', '1s', testImage, 'sh', '-c', 'sleep 1; exit 3');
		try {
			await session.sendText('!');
			const screen = await session.waitFor(current => current.includes(`service ${name}: 3 tasks failed within 10 minutes, last exit code 3`), slow);
			assert.match(lineWith(screen, 'crash-loop'), new RegExp(`crash-loop\\s+${name}\\s+service`));
			assert.doesNotMatch(screen, /\sdied\s/, 'each task container fails once: not an alert of its own');
		} finally {
			await engine.docker('service', 'rm', name).catch(() => undefined);
		}
	});

	test('--read-only: + does not scale', {...testTimeout, skip}, async t => {
		if (skip) {
			t.skip(skip);
			return;
		}

		const name = uniqueName('ro');
		await engine.docker('service', 'create', '--detach', '--name', name, '--replicas', '1', '--stop-grace-period', '2s', testImage, 'sh', '-c', 'trap "exit 0" TERM; while :; do sleep 1; done');
		try {
			const session = await berth.start({host: engine.dockerHost, args: ['--read-only']});
			await session.sendText('6');
			await session.waitFor(current => /\s1\/1(\s|$)/.test(lineWith(current, name)), slow);
			await session.sendText('+');
			await session.waitFor(current => statusText(current).includes('Read-only mode'), slow);
			assert.equal(await engine.docker('service', 'inspect', '--format', '{{.Spec.Mode.Replicated.Replicas}}', name), '1');
		} finally {
			await engine.docker('service', 'rm', name).catch(() => undefined);
		}
	});
});
