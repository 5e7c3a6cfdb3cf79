// The pane's lines from the state: here, an image pull's progress.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {createAppState} from '../../../source/state/app.js';
import type {Pane} from '../../../source/state/operations.js';
import {formatPullLines, selectPaneLinesFor} from '../../../source/state/select/paneLines.js';
import type {PullState} from '../../../source/state/resources.js';

function pull(overrides: Partial<PullState>): PullState {
	return {engine: 'local', reference: 'registry:5000/app:1.0', layers: new Map(), messages: [], done: false, error: undefined, ...overrides};
}

describe('formatPullLines', () => {
	test('a pull that fails before the engine names a layer says why, and counts no layers', () => {
		const lines = formatPullLines(pull({error: 'manifest unknown'}));
		assert.equal(lines[0], 'registry:5000/app:1.0: failed: manifest unknown');
		assert.ok(!lines.some(line => /layers done/.test(line)), lines.join('\n'));
	});

	test('with layers: how many are done and how much came down, Pulling from, each layer, then the engine\'s other words', () => {
		const layers = new Map([
			['aaa', {layer: 'aaa', status: 'Pull complete', current: undefined, total: undefined}],
			['bbb', {layer: 'bbb', status: 'Downloading', current: 500_000, total: 2_000_000}],
		]);
		const lines = formatPullLines(pull({layers, messages: ['Pulling from app', 'Digest: sha256:abc']}));
		assert.equal(lines[0], 'registry:5000/app:1.0: pulling…');
		assert.equal(lines[1], '1 of 2 layers done, 500kB of 2MB downloaded');
		assert.match(lines.find(line => line.startsWith('bbb')) ?? '', /Downloading 500kB \/ 2MB$/);
		assert.equal(lines[3], 'Pulling from app', 'before the layers, as docker pull prints it');
		assert.equal(lines.at(-1), 'Digest: sha256:abc', 'the digest after them');
	});

	test('the pane wraps a long reason to the width, where the words that say why come last', () => {
		const error =
			'initializing source docker://127.0.0.1:5000/qa/app:v2: pinging container registry 127.0.0.1:5000: Get "https://127.0.0.1:5000/v2/": http: server gave HTTP response to HTTPS client';
		const state = {...createAppState(0), resources: {...createAppState(0).resources, pull: pull({error})}};
		const pane: Pane = {kind: 'pull', target: {key: '', engine: 'local', id: '', name: 'registry:5000/app:1.0'}, document: undefined, table: undefined, layers: undefined, error: undefined, revealed: false, scroll: 0, search: ''};
		const lines = selectPaneLinesFor(state, pane, true, 60);
		assert.ok(lines.every(line => line.length <= 60), lines.join('\n'));
		assert.match(lines.join(''), /server gave HTTP response to HTTPS client$/m);
		assert.ok(lines.length > 3, 'the reason over several rows');
	});
});
