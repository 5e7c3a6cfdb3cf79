// The keymap as data the configuration transforms: key names, remapped actions, keys bound twice, and the
// state driven with the remapped keymap (the new key acts, the old one does not, help and hints follow).
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {selectHints} from '../../source/app/screen.js';
import {reduceAppEvent} from '../../source/commands/input.js';
import {customCommands} from '../../source/commands/custom.js';
import {applyKeyConfig, formatDisplacements, parseKeyName} from '../../source/commands/keyConfig.js';
import {keymap, selectHelpLines} from '../../source/commands/keymap.js';
import type {Command} from '../../source/commands/types.js';
import type {AppState} from '../../source/state/app.js';
import {selectCurrentList} from '../../source/views/current.js';
import {pageSize, presses, requests, type Typed, width, withContainers} from './press.js';

const keyNames: Array<[string, string | undefined]> = [
	['x', 'x'],
	['X', 'X'],
	['Ctrl-x', 'ctrl+x'],
	['ctrl+B', 'ctrl+b'],
	['C-a', 'ctrl+a'],
	['Enter', 'return'],
	['Esc', 'escape'],
	['Space', ' '],
	['Delete', 'backspace'],
	['PgDn', 'pagedown'],
	['up', 'up'],
	['?', '?'],
	['F5', undefined],
	['xy', undefined],
	['Ctrl-1', undefined],
];

for (const [text, name] of keyNames) {
	test(`parseKeyName(${JSON.stringify(text)}) = ${JSON.stringify(name)}`, () => {
		assert.equal(parseKeyName(text), name);
	});
}

function remapped(keys: Record<string, string[]>, extra: Command[] = []): Command[] {
	const applied = applyKeyConfig(keymap, keys, extra);
	if (!applied.ok) throw new Error(applied.error.message);
	return applied.commands;
}

function pressWith(commands: readonly Command[], state: AppState, ...keys: Typed[]): AppState {
	return reduceAppEvent(state, {type: 'keys/pressed', presses: presses(...keys), pageSize, width, commands});
}

test('the defaults have no key bound twice in a scope', () => {
	assert.deepEqual(applyKeyConfig(keymap, {}), {ok: true, commands: [...keymap], displaced: []});
});

test('an action on a new key: the new key acts, the old one does not', () => {
	const commands = remapped({stop: ['x']});
	const state = withContainers(['api']);
	const byNew = pressWith(commands, state, 'x');
	assert.deepEqual(requests(byNew).map(request => request.kind === 'container-action' && request.action), ['stop']);
	const byOld = pressWith(commands, state, 's');
	assert.deepEqual(requests(byOld), []);
});

test('an action on several keys, in every scope it has', () => {
	const commands = remapped({'move-down': ['J', 'down']});
	assert.deepEqual(
		commands.filter(command => command.action === 'move-down').map(command => [command.scope, command.keys]),
		['list', 'logs', 'pane', 'help'].map(scope => [scope, ['J', 'down']]),
	);
	const state = withContainers(['api', 'web']);
	assert.equal(selectCurrentList(pressWith(commands, state, 'J')).selected?.key, 'local\u0000id-web');
	assert.equal(selectCurrentList(pressWith(commands, state, 'j')).selected?.key, 'local\u0000id-api');
});

test('? and the status line name the new key', () => {
	const commands = remapped({stop: ['x']});
	const lines = selectHelpLines(commands).filter(line => line.kind === 'binding' && line.help === keymap.find(command => command.action === 'stop')!.help);
	assert.deepEqual(lines.map(line => line.kind === 'binding' && line.label), ['x']);
	const state = withContainers(['api']);
	const hints = selectHints(state, selectCurrentList(state), commands);
	assert.match(hints, /x stop/);
	assert.doesNotMatch(hints, /s stop/);
});

test('a custom command on a default key takes it (a file written before berth bound that key works on); the action is told, and has no hint or help line left', () => {
	const deploy = customCommands([{name: 'Deploy', key: 'u', scope: 'containers', run: 'echo {{name}}', terminal: false, confirm: false, mutating: false}]);
	const applied = applyKeyConfig(keymap, {}, deploy);
	assert.ok(applied.ok);
	assert.deepEqual(applied.displaced, [{action: 'update', key: 'u', scope: 'containers', by: 'custom:Deploy'}]);
	assert.equal(formatDisplacements(applied.displaced), 'u in containers runs your command Deploy, not update');
	const state = withContainers(['api']);
	const pressed = pressWith(applied.commands, state, 'u');
	assert.deepEqual(requests(pressed).map(request => request.kind), ['custom'], 'u runs the custom command');
	assert.equal(pressed.ui.mode, 'list', 'not the update prompt');
	const helps = selectHelpLines(applied.commands).filter(line => line.kind === 'binding').map(line => line.kind === 'binding' && line.help);
	assert.ok(!helps.includes(keymap.find(command => command.action === 'update')!.help), 'update has no key to show');
	// Given a key of its own in keys:, the action is on it, and nothing is displaced.
	const moved = applyKeyConfig(keymap, {update: ['N']}, deploy);
	assert.ok(moved.ok);
	assert.deepEqual(moved.displaced, []);
	assert.equal(pressWith(moved.commands, state, 'N').ui.mode, 'update');
	// Put by the file on the key of a custom command, it is a key given twice.
	assert.equal(applyKeyConfig(keymap, {update: ['u']}, deploy).ok, false);
});

test('a custom command on a key every list has (y) or a global one (q) shadows it in its view: told too', () => {
	const mine = customCommands([
		{name: 'Yank', key: 'y', scope: 'containers', run: 'echo', terminal: false, confirm: false, mutating: false},
		{name: 'Quiet', key: 'q', scope: 'images', run: 'echo', terminal: false, confirm: false, mutating: false},
	]);
	const applied = applyKeyConfig(keymap, {}, mine);
	assert.ok(applied.ok);
	assert.equal(formatDisplacements(applied.displaced), 'y in containers runs your command Yank, not copy-name; q in images runs your command Quiet, not quit');
	// Elsewhere y still copies: the list's command keeps its key.
	assert.deepEqual(applied.commands.find(command => command.action === 'copy-name')?.keys, ['y']);
});

test('an unknown action, and a key bound twice in one scope, are refused', () => {
	assert.deepEqual(applyKeyConfig(keymap, {stpo: ['x']}), {ok: false, error: {action: 'stpo', message: 'no action named stpo'}});
	assert.deepEqual(applyKeyConfig(keymap, {stop: ['r']}), {ok: false, error: {action: 'stop', message: 'key r is bound twice in containers: to stop and to restart'}});
	// Two scopes may share a key: the more specific one wins, as with the defaults.
	assert.equal(applyKeyConfig(keymap, {stop: ['/']}).ok, true);
});
