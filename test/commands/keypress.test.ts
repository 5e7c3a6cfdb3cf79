// Key presses as a pure reducer over the whole state: list keys, the prompts' editing, chunks of input.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type AppState, createAppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {reduceAppEvent} from '../../source/commands/input.js';
import {reduceKeyPress} from '../../source/commands/route.js';
import type {KeyPress} from '../../source/commands/types.js';
import {containerRecord} from '../state/records.js';

const now = Date.parse('2024-05-01T12:00:00Z');
const pageSize = 10;

function started(): AppState {
	return reduceApp(createAppState(now), {
		type: 'containers/listed',
		engine: 'local',
		records: ['api', 'db', 'web', 'worker'].map(name => containerRecord({id: `id-${name}`, names: [`/${name}`]})),
	});
}

/** A named key, or each character of a text typed one by one. */
function presses(...keys: Array<string | {key: string}>): KeyPress[] {
	return keys.flatMap((item): KeyPress[] => {
		if (typeof item !== 'string') return [{name: item.key, printable: false}];
		return [...item].map(character => ({name: character, printable: true}));
	});
}

const named = (name: string) => ({key: name});

function press(state: AppState, ...keys: Array<string | {key: string}>): AppState {
	return reduceAppEvent(state, {type: 'keys/pressed', presses: presses(...keys), pageSize});
}

const selected = (state: AppState) => state.ui.selectedKey;

describe('reduceKeyPress', () => {
	test('j and k move through the rows as they are sorted', () => {
		let state = press(started(), 'j');
		assert.equal(selected(state), containerKey('local', 'id-db'));
		state = press(state, 'jj');
		assert.equal(selected(state), containerKey('local', 'id-worker'));
		state = press(state, 'k');
		assert.equal(selected(state), containerKey('local', 'id-web'));
		state = press(state, named('home'));
		assert.equal(selected(state), containerKey('local', 'id-api'));
	});

	test('a key bound to nothing leaves the state as it is', () => {
		const state = started();
		assert.equal(reduceKeyPress(state, {name: 'x', printable: true}, {pageSize, width: 80}), state);
	});

	test('/ types a filter; Enter keeps it and selects the first matching row', () => {
		let state = press(started(), 'j', '/', 'w');
		assert.equal(state.ui.mode, 'filter');
		assert.equal(state.ui.draft, 'w');
		state = press(state, 'e', named('backspace'), 'or', named('return'));
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.ui.filter, 'wor');
		assert.equal(selected(state), containerKey('local', 'id-worker'));
	});

	test('in the filter prompt q and ? are typed, not run', () => {
		const state = press(started(), '/', 'q?');
		assert.equal(state.ui.draft, 'q?');
		assert.equal(state.ui.quitting, false);
		assert.equal(state.ui.mode, 'filter');
	});

	test('Esc in the filter prompt clears the filter', () => {
		const state = press(started(), '/', 'web', named('return'), '/', named('escape'));
		assert.equal(state.ui.filter, '');
		assert.equal(state.ui.mode, 'list');
	});

	test('Ctrl-C quits from a prompt', () => {
		assert.equal(press(started(), '/', 'ab', named('ctrl+c')).ui.quitting, true);
		assert.equal(press(started(), ':', 'im', named('ctrl+c')).ui.quitting, true);
	});

	test(':q and Enter quits; Tab completes', () => {
		assert.equal(press(started(), ':', 'q', named('return')).ui.quitting, true);
		const completed = press(started(), ':', 'im', named('tab'));
		assert.equal(completed.ui.draft, 'images');
		const ran = press(completed, named('return'));
		assert.equal(ran.ui.view, 'images', ':images switches to the images view');
		const services = press(started(), ':', 'services', named('return'));
		assert.equal(services.ui.view, 'services', ':services switches to the swarm services view');
	});

	test('a control character is not typed into a prompt', () => {
		const state = reduceKeyPress(press(started(), '/'), {name: '\u0007', printable: false}, {pageSize, width: 80});
		assert.equal(state.ui.draft, '');
	});

	test('the next bound key clears a message', () => {
		const state = press(started(), ':', 'nope', named('return'));
		assert.ok(state.ui.message);
		assert.equal(press(state, 'x').ui.message, state.ui.message, 'an unbound key keeps it');
		assert.equal(press(state, 'j').ui.message, undefined);
	});

	test('? opens help, list keys do nothing there, Esc closes it', () => {
		let state = press(started(), '?');
		assert.equal(state.ui.mode, 'help');
		state = press(state, 'j');
		assert.equal(selected(state), undefined);
		state = press(state, named('escape'));
		assert.equal(state.ui.mode, 'list');
	});

	test('a chunk of keys in one read acts as the keys one after another', () => {
		const chunk = press(started(), ':', 'q', named('return'));
		const oneByOne = [':', 'q'].reduce((state, character) => press(state, character), started());
		assert.deepEqual(press(oneByOne, named('return')).ui, chunk.ui);
	});
});
