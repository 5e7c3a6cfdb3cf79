// The engine layer's images, volumes and disk usage against the real test engines (20.10 and 26.1).
import assert from 'node:assert/strict';
import {after, before, describe, test} from 'node:test';
import {apiAtLeast, volumePruneFilters} from '../../source/engine/resources.js';
import {connectTestEngine} from '../support/berth.js';
import {idleCmd, isolatedEngine, uniqueName} from '../support/testEngine.js';

test('apiAtLeast compares API versions as numbers', () => {
	const cases: Array<[string, string, boolean]> = [
		['1.41', '1.42', false],
		['1.42', '1.42', true],
		['1.45', '1.42', true],
		['1.100', '1.42', true],
		['1.9', '1.42', false],
		['2.0', '1.42', true],
	];
	for (const [version, minimum, expected] of cases) assert.equal(apiAtLeast(version, minimum), expected, `${version} >= ${minimum}`);
});

test('a volume prune asks for every unused volume where the engine would prune only anonymous ones', () => {
	assert.deepEqual(volumePruneFilters('1.41'), {});
	assert.deepEqual(volumePruneFilters('1.42'), {all: ['true']});
	assert.deepEqual(volumePruneFilters('1.45'), {all: ['true']});
});

// A prune takes every unused volume of its engine: an engine of this file's own, so that no other test's
// volumes go with it.
describe('volume prune', () => {
	const engine = isolatedEngine('prune-volumes');
	let skip: false | string = 'not started';
	before(async () => {
		skip = await engine.skip();
	});
	after(async () => {
		if (!skip) await engine.down();
	});

	test('removes named and anonymous volumes no container uses, and keeps the used one (as docker volume prune --all on 26.1)', async t => {
		if (skip) {
			t.skip(skip);
			return;
		}

		// The engine keeps its data between runs: start from no containers and no volumes at all.
		await engine.removeTestContainers();
		for (const volume of (await engine.docker('volume', 'ls', '-q')).split('\n').filter(Boolean)) {
			await engine.docker('volume', 'rm', '-f', volume);
		}

		const named = uniqueName('vnamed');
		const used = uniqueName('vused');
		const user = uniqueName('vuser');
		const leaver = uniqueName('vleaver');
		await engine.docker('volume', 'create', named);
		await engine.docker('volume', 'create', used);
		await engine.runContainer({name: user, args: ['-v', `${used}:/data`], cmd: [...idleCmd], create: true});
		// An anonymous volume, left behind by a container removed without -v.
		await engine.runContainer({name: leaver, args: ['-v', '/data'], cmd: ['true'], create: true});
		const anonymous = await engine.docker('inspect', '--format', '{{range .Mounts}}{{.Name}}{{end}}', leaver);
		await engine.docker('rm', leaver);
		assert.match(anonymous, /^[0-9a-f]{64}$/);
		await engine.docker('run', '--rm', '-v', `${named}:/data`, 'berth-test/busybox:latest', 'sh', '-c', 'echo data > /data/file');

		const pruned = await connectTestEngine('prune', engine.dockerHost).volumes.prune();
		const left = (await engine.docker('volume', 'ls', '-q')).split('\n');
		assert.ok(!left.includes(named), 'the unused named volume is gone');
		assert.ok(!left.includes(anonymous), 'the unused anonymous volume is gone');
		assert.ok(left.includes(used), 'the volume in use stays');
		assert.equal(pruned.deleted, 2);
		assert.ok(pruned.reclaimed > 0, 'the named volume held a file');
		await engine.removeTestContainers([user]);
		await engine.docker('volume', 'rm', used);
	});
});
