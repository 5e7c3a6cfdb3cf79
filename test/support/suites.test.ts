// npm test's passes: which test files run once, and which once per Docker version.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runsPerEngine} from './suites.js';
import {engineVersions} from './testEngine.js';

test('the engine-layer and end-to-end suites and the engine self-test run once per engine, the rest once', () => {
	for (const file of ['test/engine/docker.test.ts', 'test/e2e/swarm.test.ts', 'test/support/engine.test.ts']) {
		assert.equal(runsPerEngine(file), true, file);
	}

	for (const file of ['test/format/status.test.ts', 'test/ui/Screen.test.tsx', 'test/app/engineSync.test.ts', 'test/support/suites.test.ts', 'test/readme.test.ts']) {
		assert.equal(runsPerEngine(file), false, file);
	}
});

test('the engines are the two the readme names', () => {
	assert.deepEqual([...engineVersions], ['20.10', '26.1']);
});
