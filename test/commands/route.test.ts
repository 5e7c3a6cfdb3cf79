// Where a key goes: prompts and the form first, then the mode's scopes, past the read-only gate.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatKeyLabel, keymap} from '../../source/commands/keymap.js';
import {reduceKeyPress, selectHelpFirst} from '../../source/commands/route.js';
import type {Command} from '../../source/commands/types.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import type {Mode} from '../../source/state/ui.js';
import {selectCurrentList} from '../../source/views/current.js';
import {views} from '../../source/views/registry.js';
import {everyView, finish, logLines, named, now, pageSize, press, readOnly, requests, shownContainers, width, withContainers} from './press.js';

const size = {pageSize, width};

/** The state in the mode a command's scope is read in, with a row selected where there are rows. */
function placeFor(command: Command): AppState {
	const state = everyView();
	const view = views.find(entry => entry.name === command.scope);
	// The files pane's keys: the files of the selected container.
	if (command.scope === 'files') return press(state, '1', 'f');
	return press(state, view ? view.key : '1');
}

describe('the kiosk gate', () => {
	const kiosk = (state: AppState): AppState => ({...state, ui: {...state.ui, readOnly: true, kiosk: true}});
	test('every key but the views\' and the arrows is refused, nothing asked of the engine', () => {
		for (const command of keymap.filter(each => each.scope !== 'help' && each.scope !== 'confirm' && each.scope !== 'pane' && each.scope !== 'logs')) {
			if (/^(view-|move-|page-)/.test(command.action)) continue;
			for (const key of command.keys) {
				if (key === 'ctrl+c') continue;
				const before = kiosk(placeFor(command));
				const after = press(before, {key});
				assert.match(after.ui.message?.text ?? '', /^Kiosk mode: /, `${command.scope}: ${command.action} (${key})`);
				assert.deepEqual(after.operations, before.operations);
				assert.equal(after.ui.mode, before.ui.mode);
				assert.equal(after.ui.quitting, false);
			}
		}
	});

	test('a key bound to nothing in the view says what works, as a refused one does', () => {
		const state = kiosk(press(withContainers(['api', 'web']), '0'));
		assert.equal(state.ui.view, 'pulse');
		const after = press(state, 's');
		assert.equal(after.ui.message?.text, 'Kiosk mode: the view keys and the arrows work.');
		assert.deepEqual(after.operations, state.operations);
		assert.equal(press(kiosk(withContainers(['api'])), 'Z').ui.message?.text, 'Kiosk mode: the view keys and the arrows work.');
		assert.equal(press(withContainers(['api']), 'Z').ui.message, undefined, 'not in kiosk: nothing said');
	});

	test('the view keys and the arrows work; Ctrl-C still quits', () => {
		const state = kiosk(withContainers(['api', 'web']));
		assert.equal(press(state, '0').ui.view, 'pulse');
		assert.equal(press(state, '!').ui.view, 'alerts');
		assert.equal(press(press(state, '!'), '1').ui.view, 'containers');
		assert.notEqual(press(state, 'j').ui.selectedKey, press(state, 'k').ui.selectedKey);
		assert.equal(press(state, {key: 'ctrl+c'}).ui.quitting, true);
	});
});

describe('the read-only gate', () => {
	const mutating = keymap.filter(command => command.mutating);
	test('there are mutating commands in several scopes', () => {
		assert.deepEqual([...new Set(mutating.map(command => command.scope))].sort(), ['containers', 'files', 'images', 'list', 'networks', 'projects', 'services', 'volumes']);
	});

	for (const command of mutating) {
		for (const key of command.keys) {
			test(`${command.scope}: ${command.action} (${key}) is refused with a message, nothing asked of the engine`, () => {
				const before = readOnly(placeFor(command));
				assert.equal(before.ui.mode, command.scope === 'files' ? 'pane' : 'list');
				assert.ok(selectCurrentList(before).selected, 'a row is selected, so only the gate refuses');
				const after = press(before, {key});
				assert.deepEqual(after.ui.message, {text: `Read-only mode: "${formatKeyLabel(command.keys)}" would change what the engine holds, so it is off.`, tone: 'error'});
				assert.equal(after.ui.mode, before.ui.mode);
				assert.deepEqual(after.operations, before.operations);
				assert.equal(after.form, undefined);
				assert.equal(after.logs, undefined);
				assert.deepEqual({...after.ui, message: undefined}, before.ui);
			});
		}
	}

	test('the same keys act when not read-only', () => {
		for (const command of mutating) {
			const before = placeFor(command);
			const after = press(before, {key: command.keys[0]!});
			assert.notDeepEqual(after, before, command.action);
			assert.doesNotMatch(after.ui.message?.text ?? '', /Read-only/, command.action);
		}
	});

	test('read-only lets the commands that change nothing work', () => {
		const state = press(readOnly(withContainers(['api', 'web'])), 'j', 'l');
		assert.equal(state.ui.mode, 'logs');
		assert.equal(press(readOnly(withContainers(['api'])), 'i').ui.mode, 'pane');
		assert.equal(press(readOnly(withContainers(['api'])), '/').ui.mode, 'filter');
	});
});

describe('Ctrl-C', () => {
	const places: Array<[string, (state: AppState) => AppState]> = [
		['the filter prompt', state => press(state, '/', 'ab')],
		['the command line', state => press(state, ':', 'im')],
		['a question', state => press(state, 'K')],
		['the help', state => press(state, '?')],
		['a pane', state => press(state, 'i')],
		['the pane search', state => press(state, 'i', '/', 'x')],
		['the logs', state => press(state, 'l')],
		['the logs search', state => press(state, 'l', '/', 'x')],
		['the logs filter', state => press(state, 'l', 'f', 'x')],
		['the pull prompt', state => press(state, '2', 'p', 'nginx')],
		['the scale prompt', state => press(state, '6', '=', '3')],
		['the run form', state => press(state, 'R', 'nginx')],
	];
	for (const [where, reach] of places) {
		test(`quits from ${where}`, () => {
			const reached = reach(everyView());
			assert.notEqual(reached.ui.mode, 'list', 'the place is reached');
			const state = press(reached, named('ctrl+c'));
			assert.equal(state.ui.quitting, true);
			assert.equal(state.operations.outbox.length, reached.operations.outbox.length, 'and asks nothing on the way');
		});
	}
});

describe('messages', () => {
	test('the next bound key clears a message; an unbound one keeps it', () => {
		const state = press(withContainers(['api', 'web']), ':', 'nope', named('return'));
		assert.ok(state.ui.message);
		assert.equal(press(state, 'x').ui.message, state.ui.message);
		assert.equal(press(state, 'j').ui.message, undefined);
	});

	test('a command that says something replaces the message', () => {
		const state = press(withContainers(['api']), ':', 'nope', named('return'), 's');
		assert.equal(state.ui.message?.text, 'Stopping api…');
	});

	test('a question\'s keys do not clear the message first', () => {
		const asked = press(withContainers(['api']), 'K');
		const withMessage = {...asked, ui: {...asked.ui, message: {text: 'kept', tone: 'info' as const}}};
		assert.equal(press(withMessage, 'v').ui.message?.text, 'kept');
	});
});

describe('keys bound to nothing', () => {
	const cases: Array<[Mode | string, (state: AppState) => AppState, string]> = [
		['list', state => state, 'x'],
		['list (a view without commands)', state => press(state, '5'), 'd'],
		['help', state => press(state, '?'), 'g'],
		['pane', state => press(state, 'i'), 's'],
		['logs', state => press(state, 'l'), 'd'],
		['confirm', state => press(state, 'K'), 'q'],
		['form (a choice field)', state => ({...press(state, 'R'), form: {...press(state, 'R').form!, focus: 'restart'}}), 'x'],
	];
	for (const [mode, reach, key] of cases) {
		test(`${mode}: ${key} leaves the state as it is`, () => {
			const state = reach(everyView());
			assert.equal(reduceKeyPress(state, {name: key, printable: true}, size), state);
		});
	}
});

describe('reduceKeyPress with a keymap of its own', () => {
	test('runs the command found, with the current list as context', () => {
		let seen: {rows: number; selected: unknown} | undefined;
		const commands: Command[] = [
			{
				action: 'probe',
				keys: ['z'],
				scope: 'list',
				help: 'probe',
				run(state, context) {
					seen = {rows: context.rows.length, selected: context.selected};
					return {...state, now: 1};
				},
			},
		];
		const state = press(withContainers(['api', 'db', 'web']), 'j');
		const after = reduceKeyPress(state, {name: 'z', printable: true}, size, commands);
		assert.equal(after.now, 1);
		assert.equal(seen?.rows, 3);
		assert.equal((seen?.selected as {name: string}).name, 'db');
		assert.equal(reduceKeyPress(state, {name: 's', printable: true}, size, commands), state, 'the keymap given is the only one');
	});
});

describe('the filter and an unreachable engine agree with the screen', () => {
	/** api on the local engine, cache and queue on a remote one that was lost. */
	function lostRemote(): AppState {
		let state = withContainers(['api', 'web']);
		state = withContainers(['cache', 'queue'], 'remote', state);
		return reduceApp(state, {type: 'engine/lost', engine: 'remote', error: 'connection refused', at: now});
	}

	test('a filter that matches only the lost engine\'s rows: s stops the row the screen shows selected', () => {
		const state = press(lostRemote(), '/', 'unreachable', named('return'), 'j');
		const shown = shownContainers(state);
		assert.deepEqual(shown.rows.map(row => row.name), ['cache', 'queue']);
		assert.equal(shown.selected?.name, 'queue');
		assert.match(shown.selected?.status ?? '', /engine unreachable/);
		const stopped = press(state, 's');
		assert.notEqual(stopped.ui.message?.text, 'No container selected.');
		assert.deepEqual(requests(stopped), [
			{
				kind: 'container-action',
				action: 'stop',
				targets: [{key: containerKey('remote', 'id-queue'), engine: 'remote', id: 'id-queue', name: 'queue', state: 'running'}],
				options: {},
			},
		]);
	});

	test('filtering by the engine\'s name finds the same rows', () => {
		const state = press(lostRemote(), '/', 'remote', named('return'));
		assert.equal(shownContainers(state).selected?.name, 'cache');
		assert.deepEqual(requests(press(state, 'r')).map(request => request.kind === 'container-action' && request.targets.map(target => target.name)), [['cache']]);
	});

	test('while the filter is typed the screen and the list shown agree too', () => {
		const state = press(lostRemote(), '/', 'queue');
		assert.deepEqual(shownContainers(state).rows.map(row => row.name), ['queue']);
		const kept = press(state, named('return'), 'S');
		assert.deepEqual(requests(kept).map(request => request.kind === 'container-action' && request.targets[0]!.name), ['queue']);
	});

	test('an engine that comes back takes the mark off its rows, and the filter on it then matches nothing', () => {
		let state = press(lostRemote(), '/', 'unreachable', named('return'));
		state = reduceApp(state, {type: 'engine/connected', engine: 'remote', version: '25.0.0'});
		assert.deepEqual(selectCurrentList(state).rows, []);
		assert.equal(press(state, 's').ui.message?.text, 'No container selected.');
		assert.equal(press(state, 's').operations.outbox.length, 0);
	});
});

describe('a pane filled after it opened still takes keys', () => {
	test('the logs pane and an inspect pane', () => {
		const logs = logLines(press(withContainers(['api']), 'l'), ['one', 'two']);
		assert.equal(press(logs, 'g').logs?.follow, false);
		const pane = finish(press(withContainers(['api']), 'i'), 'inspect', {kind: 'inspect', document: {Id: 'id-api'}});
		assert.equal(press(pane, 'x').operations.pane?.revealed, true);
	});
});

describe('the help\'s first keys', () => {
	test('those of the view, the logs or the pane it was opened from', () => {
		const list = withContainers(['api']);
		assert.equal(selectHelpFirst(press(list, '?')), 'containers');
		assert.equal(selectHelpFirst(press(list, '2', '?')), 'images');
		assert.equal(selectHelpFirst(press(list, 'l', '?')), 'logs');
		assert.equal(selectHelpFirst(press(list, named('return'), '?')), 'pane');
	});
});
