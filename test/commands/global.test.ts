// Keys that work everywhere but in prompts (help, quit), and the keys of the `?` overlay.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {keymap, scopeTitles, selectHelpRows} from '../../source/commands/keymap.js';
import type {AppState} from '../../source/state/app.js';
import {logLines, named, pageSize, press, width, withContainers, type Typed} from './press.js';

const list = () => withContainers(['api', 'web']);

describe('? the help', () => {
	const places: Array<[string, (state: AppState) => AppState, string]> = [
		['the list', state => state, 'list'],
		['a pane', state => press(state, 'i'), 'pane'],
		['the logs', state => logLines(press(state, 'l'), ['hello']), 'logs'],
	];
	for (const [where, reach, mode] of places) {
		test(`opens from ${where} at its top; ? and Esc go back there`, () => {
			const from = reach(list());
			const open = press(press(from, '?'), 'jj', '?');
			assert.equal(press(from, '?').ui.mode, 'help');
			assert.equal(press(from, '?').ui.helpScroll, 0);
			assert.equal(open.ui.mode, mode);
			assert.equal(press(from, '?', named('escape')).ui.mode, mode);
			assert.equal(press(from, '?', 'jj', '?', '?').ui.helpScroll, 0, 'opened again at the top');
		});
	}

	test('the pane and the logs stay open under the help', () => {
		const pane = press(list(), 'i', '?');
		assert.equal(pane.operations.pane?.kind, 'inspect');
		const logs = press(list(), 'l', '?');
		assert.ok(logs.logs);
	});
});

describe('scrolling the help', () => {
	const cases: Array<[string, Typed[], number]> = [
		['j and Down: a line down', ['j', named('down')], 2],
		['k and Up: a line up', ['jjj', 'k', named('up')], 1],
		['not above the top', ['k'], 0],
		['PgDn and Ctrl-F: a page down', [named('pagedown'), named('ctrl+f')], 2 * pageSize],
		['PgUp and Ctrl-B: a page up', [named('pagedown'), named('pagedown'), named('pagedown'), named('pageup'), named('ctrl+b')], pageSize],
		['PgUp at the top stays there', [named('pageup')], 0],
	];
	for (const [what, keys, expected] of cases) {
		test(what, () => {
			assert.equal(press(list(), '?', ...keys).ui.helpScroll, expected);
		});
	}

	test('scrolling down past the end, then up, moves the help at once', () => {
		const far = press(list(), '?', 'j'.repeat(500));
		// The rows at the test's width: long help texts take two.
		const lines = selectHelpRows(keymap, undefined, width).length;
		assert.ok(lines > scopeTitles.length + keymap.length);
		assert.ok(far.ui.helpScroll <= lines, `helpScroll ${far.ui.helpScroll} of ${lines} rows`);
		assert.ok(far.ui.helpScroll > 0, 'it did scroll');
		assert.equal(press(far, 'k').ui.helpScroll, far.ui.helpScroll - 1, 'k moves up at once');
	});

	test('the list under the help does not move', () => {
		const state = press(list(), '?', 'jG');
		assert.equal(state.ui.selectedKey, undefined);
		assert.equal(state.ui.helpScroll, 1);
	});
});

describe('q and Ctrl-C: quit', () => {
	const places: Array<[string, Typed[]]> = [
		['the list', []],
		['the help', ['?']],
		['a pane', ['i']],
		['the logs', ['l']],
	];
	for (const [where, keys] of places) {
		for (const key of ['q', named('ctrl+c')]) {
			test(`${typeof key === 'string' ? key : 'Ctrl-C'} quits from ${where}`, () => {
				const state = press(list(), ...keys, key);
				assert.equal(state.ui.quitting, true);
				assert.equal(state.operations.outbox.length, press(list(), ...keys).operations.outbox.length);
			});
		}
	}

	test('q is typed, not run, at a prompt', () => {
		assert.equal(press(list(), '/', 'q').ui.quitting, false);
	});
});
