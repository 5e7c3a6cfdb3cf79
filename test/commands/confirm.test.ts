// The keys of a y / N question: yes does what was asked, anything else cancels, v adds the volumes to a remove.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerState} from '../../source/engine/types.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {formatConfirmation} from '../../source/state/operations.js';
import {containerRecord} from '../state/records.js';
import {everyView, named, press, requests, stateOf, withContainers} from './press.js';

const target = (name: string, state: ContainerState = 'running') => ({key: containerKey('local', `id-${name}`), engine: 'local', id: `id-${name}`, name, state});

function asked(key: string, names = ['api', 'web']): AppState {
	const state = press(withContainers(names), key);
	assert.equal(state.ui.mode, 'confirm');
	return state;
}

describe('yes', () => {
	for (const key of ['y', 'Y']) {
		test(`${key} carries out the container action asked, clears the marks and says so`, () => {
			const state = press(asked('K'), key);
			assert.deepEqual(requests(state), [{kind: 'container-action', action: 'kill', targets: [target('api')], options: {force: false, removeVolumes: false}}]);
			assert.equal(state.ui.mode, 'list');
			assert.equal(state.operations.confirmation, undefined);
			assert.deepEqual(state.ui.message, {text: 'Killing api…', tone: 'info'});
		});
	}

	test('a question about several marked containers acts on them all', () => {
		const state = press(withContainers(['api', 'web']), '*', 's');
		assert.equal(state.ui.mode, 'confirm');
		assert.equal(formatConfirmation(state.operations.confirmation!), 'Stop 2 containers? y / N');
		const done = press(state, 'y');
		assert.deepEqual(requests(done), [{kind: 'container-action', action: 'stop', targets: [target('api'), target('web')], options: {force: false, removeVolumes: false}}]);
		assert.equal(done.ui.marks.size, 0);
		assert.equal(done.ui.message?.text, 'Stopping 2 containers…');
	});

	test('a question about images, volumes or services asks the engine for the resource action', () => {
		const state = press(everyView(), '3', 'd', 'y');
		assert.deepEqual(requests(state), [
			{kind: 'resource-action', action: 'volume-remove', engine: 'local', targets: [{key: containerKey('local', 'data'), engine: 'local', id: 'data', name: 'data'}], force: false},
		]);
		assert.equal(state.operations.confirmation, undefined);
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.ui.message?.text, 'Asking the engine…');
	});

	test('with no question open, y only goes back to the list', () => {
		const state = {...asked('K'), operations: {...asked('K').operations, confirmation: undefined}};
		const after = press(state, 'y');
		assert.equal(after.ui.mode, 'list');
		assert.equal(after.operations.outbox.length, 0);
	});
});

describe('no (the default)', () => {
	for (const key of ['n', 'N', named('escape'), named('return')]) {
		test(`${typeof key === 'string' ? key : key.key} cancels: nothing asked of the engine`, () => {
			const state = press(asked('d'), key);
			assert.equal(state.operations.outbox.length, 0);
			assert.equal(state.operations.confirmation, undefined);
			assert.equal(state.ui.mode, 'list');
			assert.deepEqual(state.ui.message, {text: 'Cancelled: nothing was changed.', tone: 'info'});
		});
	}

	test('cancelling keeps the marks', () => {
		const state = press(withContainers(['api', 'web']), '*', 'r', 'n');
		assert.equal(state.ui.marks.size, 2);
	});
});

describe('v: remove with the anonymous volumes', () => {
	test('toggles on a remove, and the remove then asks for them; a running container is forced', () => {
		let state = asked('d');
		assert.deepEqual(state.operations.confirmation, {action: 'remove', targets: [target('api')], force: true, removeVolumes: false});
		assert.match(formatConfirmation(state.operations.confirmation!), /\[ \] v:/);
		state = press(state, 'v');
		assert.equal(state.operations.confirmation?.removeVolumes, true);
		assert.match(formatConfirmation(state.operations.confirmation!), /\[x\] v:/);
		assert.equal(press(state, 'v').operations.confirmation?.removeVolumes, false);
		state = press(state, 'y');
		assert.deepEqual(requests(state), [{kind: 'container-action', action: 'remove', targets: [target('api')], options: {force: true, removeVolumes: true}}]);
	});

	test('a stopped container is not forced', () => {
		const state = press(reduceApp(stateOf(), {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'id-old', names: ['/old'], state: 'exited', status: 'Exited (0)'})]}), 'd', 'y');
		assert.deepEqual(requests(state), [{kind: 'container-action', action: 'remove', targets: [target('old', 'exited')], options: {force: false, removeVolumes: false}}]);
	});

	test('does nothing on another question', () => {
		const kill = asked('K');
		assert.equal(press(kill, 'v'), kill);
		const volume = press(everyView(), '3', 'd');
		assert.equal(press(volume, 'v'), volume);
	});
});

describe('other keys', () => {
	test('a question takes only its answers: list and global keys do nothing', () => {
		const state = asked('K');
		for (const key of ['q', '?', 'j', 's', '/', ':']) assert.equal(press(state, key), state, key);
	});
});
