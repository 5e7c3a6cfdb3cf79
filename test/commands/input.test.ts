// Ink's input as berth's key presses, and a batch of them applied to the state in order.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {reduceAppEvent, splitKeyPresses} from '../../source/commands/input.js';
import type {Key} from 'ink';
import type {KeyPress} from '../../source/commands/types.js';
import {inkKey as key, named, pageSize, press, presses, stateOf, withContainers} from './press.js';


const typed = (name: string): KeyPress => ({name, printable: true});
const control = (name: string): KeyPress => ({name, printable: false});

describe('splitKeyPresses', () => {
	const cases: Array<[string, string, Key, KeyPress[]]> = [
		['a character', 'j', key(), [typed('j')]],
		['a chunk: one press per character', 'web', key(), [typed('w'), typed('e'), typed('b')]],
		['a chunk with Enter in it', ':q\r', key(), [typed(':'), typed('q'), control('return')]],
		['a chunk with Ctrl-U in it (c, then Ctrl-U read at once)', 'c\u0015', key(), [typed('c'), control('ctrl+u')]],
		['Ctrl-B and Ctrl-F in a chunk', '\u0002\u0006', key(), [control('ctrl+b'), control('ctrl+f')]],
		['a chunk with a newline, a tab, a backspace and Esc', 'a\n\t\u007F\b\u001B', key(), [typed('a'), control('return'), control('tab'), control('backspace'), control('backspace'), control('escape')]],
		['a control character is no typed character (BEL is Ctrl-G)', 'a\u0007', key(), [typed('a'), control('ctrl+g')]],
		['an arrow', '', key({downArrow: true}), [control('down')]],
		['Enter', '\r', key({return: true}), [control('return')]],
		['Ctrl-C', 'c', key({ctrl: true}), [control('ctrl+c')]],
		['Esc read together with the next key looks like Alt: taken apart', 'j', key({meta: true}), [control('escape'), typed('j')]],
		['Alt with Esc itself is Esc', '', key({meta: true, escape: true}), [control('escape')]],
		['Esc twice in one chunk (Ink reads it as Alt and Esc) is two presses', '\u001B', key({meta: true, escape: true}), [control('escape'), control('escape')]],
		['a space', ' ', key(), [typed(' ')]],
		['non-ASCII text', 'é😀', key(), [typed('é'), typed('😀')]],
	];
	for (const [what, input, given, expected] of cases) {
		test(what, () => {
			assert.deepEqual(splitKeyPresses(input, given), expected);
		});
	}
});

describe('reduceAppEvent', () => {
	test('the state\'s own actions go to reduceApp', () => {
		const state = reduceAppEvent(stateOf(), {type: 'clock/tick', now: 42});
		assert.equal(state.now, 42);
	});

	test('keys pressed act one after another, as typed one by one', () => {
		const chunk = reduceAppEvent(withContainers(['api', 'web']), {type: 'keys/pressed', presses: presses('/', 'web', named('return'), 's'), pageSize});
		const oneByOne = ['/', 'w', 'e', 'b', named('return'), 's'].reduce((state, item) => press(state, item), withContainers(['api', 'web']));
		assert.deepEqual(chunk.operations, oneByOne.operations);
		assert.deepEqual(chunk.ui, oneByOne.ui);
		assert.equal(chunk.ui.message?.text, 'Stopping web…');
	});

	test('no presses: the same state', () => {
		const state = withContainers(['api']);
		assert.equal(reduceAppEvent(state, {type: 'keys/pressed', presses: [], pageSize}), state);
	});

	test('the page size is the one given: a page down moves by it', () => {
		const names = Array.from({length: 30}, (_, index) => `c${String(index).padStart(2, '0')}`);
		const state = reduceAppEvent(withContainers(names), {type: 'keys/pressed', presses: presses(named('pagedown')), pageSize: 7});
		assert.equal(state.ui.selectedIndex, 7);
	});
});
