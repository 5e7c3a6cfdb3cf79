// The one keymap: every command of every scope, without clashes, found by scope order, shown as labels and hints.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Key} from 'ink';
import {findCommand, formatHints, formatKeyLabel, formatKeyName, keymap, keyNameOf, scopeTitles} from '../../source/commands/keymap.js';
import {selectScopes} from '../../source/commands/route.js';
import type {Command, KeyScope} from '../../source/commands/types.js';
import type {Mode} from '../../source/state/ui.js';
import {views} from '../../source/views/registry.js';
import {inkKey as key} from './press.js';

const duplicates = (values: readonly string[]) => values.filter((value, index) => values.indexOf(value) !== index);
const scopesUsed = [...new Set(keymap.map(command => command.scope))];
const viewNames = views.map(view => view.name);

/** Where a scope's keys are read: the mode and the view. */
function placeOf(scope: KeyScope): {mode: Mode; view: string; paneKind?: string} {
	if (viewNames.includes(scope)) return {mode: 'list', view: scope};
	// The files pane's keys are read in the pane mode while the files pane is open.
	if (scope === 'files') return {mode: 'pane', view: 'containers', paneKind: 'files'};
	const modes: Record<string, Mode> = {list: 'list', global: 'list', logs: 'logs', pane: 'pane', confirm: 'confirm', help: 'help'};
	assert.ok(modes[scope], `a scope no mode reads: ${scope}`);
	return {mode: modes[scope]!, view: 'containers'};
}

describe('keymap', () => {
	test('every command has an action, keys and plain ASCII help', () => {
		assert.ok(keymap.length > 50);
		for (const command of keymap) {
			assert.match(command.action, /^[a-z][a-z-]*$/, command.action);
			assert.ok(command.keys.length > 0, command.action);
			assert.ok(command.keys.every(key => key !== ''), command.action);
			assert.match(command.help, /^[\u0020-\u007E]+$/, command.help);
			if (command.hint !== undefined) assert.match(command.hint, /^[a-z ]+$/, command.hint);
		}
	});

	for (const scope of scopesUsed) {
		test(`no key bound twice in the ${scope} scope, no action twice`, () => {
			const commands = keymap.filter(command => command.scope === scope);
			assert.deepEqual(duplicates(commands.flatMap(command => command.keys)), []);
			assert.deepEqual(duplicates(commands.map(command => command.action)), []);
		});
	}

	const together: Array<{mode: Mode; view: string; paneKind?: string}> = [
		...viewNames.map(view => ({mode: 'list' as const, view})),
		{mode: 'logs', view: 'containers'},
		{mode: 'pane', view: 'containers'},
		{mode: 'pane', view: 'containers', paneKind: 'files'},
		{mode: 'help', view: 'containers'},
		{mode: 'confirm', view: 'containers'},
	];
	for (const {mode, view, paneKind} of together) {
		const scopes = selectScopes(mode, view, paneKind);
		test(`no key bound twice among the scopes read together: ${scopes.join(' + ')}`, () => {
			assert.deepEqual(duplicates(keymap.filter(command => scopes.includes(command.scope)).flatMap(command => command.keys)), []);
		});
	}

	test('every key of every command finds that command where its scope is read', () => {
		for (const command of keymap) {
			const {mode, view, paneKind} = placeOf(command.scope);
			for (const key of command.keys) assert.equal(findCommand(selectScopes(mode, view, paneKind), key), command, `${command.scope}: ${key}`);
		}
	});

	test('the views bind their number keys in every list', () => {
		for (const view of views) {
			const found = findCommand(selectScopes('list', 'images'), view.key);
			assert.equal(found?.action, `view-${view.name}`);
			assert.equal(found?.scope, 'list');
		}
	});

	test('only commands that change what an engine holds are mutating', () => {
		const mutating = [...new Set(keymap.filter(command => command.mutating).map(command => command.action))].sort();
		assert.deepEqual(mutating, [
			'attach',
			'container-prune',
			'files-copy-in',
			'image-prune',
			'image-pull',
			'image-remove',
			'image-run',
			'kill',
			'network-prune',
			'network-remove',
			'pause',
			'project-down',
			'project-pull',
			'project-restart',
			'project-start',
			'project-stop',
			'project-up',
			'remove',
			'rename',
			'restart',
			'run-form',
			'service-remove',
			'service-scale',
			'service-scale-down',
			'service-scale-up',
			'service-update',
			'shell',
			'start',
			'stop',
			'update',
			'volume-files',
			'volume-prune',
			'volume-remove',
		]);
	});

	test('scopeTitles name every scope the keymap uses, once, and no other', () => {
		const titled = scopeTitles.map(entry => entry.scope);
		assert.deepEqual(duplicates(titled), []);
		assert.deepEqual([...titled].sort(), [...scopesUsed].sort());
		for (const {title} of scopeTitles) assert.ok(title.trim() !== '');
	});
});

describe('findCommand', () => {
	const cases: Array<[Mode, string, string, string | undefined]> = [
		['list', 'containers', 'up', 'move-up'],
		['list', 'containers', 'k', 'move-up'],
		['list', 'containers', 'j', 'move-down'],
		['list', 'containers', 'ctrl+b', 'page-up'],
		['list', 'containers', 'ctrl+f', 'page-down'],
		['list', 'containers', 'home', 'move-first'],
		['list', 'containers', 'G', 'move-last'],
		['list', 'containers', '/', 'filter-open'],
		['list', 'containers', 'escape', 'filter-clear'],
		['list', 'containers', ':', 'command-open'],
		['list', 'containers', 'return', 'details'],
		['list', 'containers', 's', 'stop'],
		['list', 'containers', '?', 'help-toggle'],
		['list', 'containers', 'q', 'quit'],
		['list', 'containers', 'ctrl+c', 'quit'],
		['list', 'containers', 'y', 'copy-name'],
		['list', 'images', 'Y', 'copy-id'],
		['list', 'containers', 'x', undefined],
		// The same key means the view's own command in each view.
		['list', 'images', 'return', 'image-history'],
		['list', 'images', 'd', 'image-remove'],
		['list', 'images', 'p', 'image-pull'],
		['list', 'images', 's', undefined],
		['list', 'volumes', 'd', 'volume-remove'],
		['list', 'networks', 'i', 'network-inspect'],
		['list', 'services', 'd', 'service-remove'],
		['list', 'services', '=', 'service-scale'],
		['list', 'contexts', 'return', 'use-context'],
		['list', 'events', 'return', 'event-show'],
		['list', 'pulse', 'return', undefined],
		['list', 'tasks', 'd', undefined],
		['list', 'nodes', 'return', undefined],
		// Help: its own scrolling and Esc, then the global keys; the list keys do nothing.
		['help', 'containers', 'escape', 'help-close'],
		['help', 'containers', '?', 'help-toggle'],
		['help', 'containers', 'q', 'quit'],
		['help', 'containers', 'j', 'move-down'],
		['help', 'containers', 'pagedown', 'page-down'],
		['help', 'containers', 'g', undefined],
		['help', 'containers', 'return', undefined],
		['help', 'containers', '/', undefined],
		// Panes: scrolling and search; list actions do nothing.
		['pane', 'containers', 'j', 'move-down'],
		['pane', 'containers', '/', 'pane-search'],
		['pane', 'containers', 'n', 'search-next'],
		['pane', 'containers', 'N', 'search-previous'],
		['pane', 'containers', 'x', 'reveal'],
		['pane', 'containers', 'escape', 'back'],
		['pane', 'containers', 'q', 'quit'],
		['pane', 'containers', 's', undefined],
		['pane', 'containers', ':', undefined],
		// Logs.
		['logs', 'containers', 'f', 'logs-filter'],
		['logs', 'containers', 's', 'save-logs'],
		['logs', 'containers', 'G', 'follow'],
		['logs', 'containers', 'escape', 'back'],
		['logs', 'containers', '?', 'help-toggle'],
		['logs', 'containers', 'd', undefined],
		// A question: only its answers (Ctrl-C is taken before any scope).
		['confirm', 'containers', 'y', 'confirm-yes'],
		['confirm', 'containers', 'Y', 'confirm-yes'],
		['confirm', 'containers', 'n', 'confirm-no'],
		['confirm', 'containers', 'escape', 'confirm-no'],
		['confirm', 'containers', 'return', 'confirm-no'],
		['confirm', 'containers', 'v', 'confirm-volumes'],
		['confirm', 'containers', 'q', undefined],
		['confirm', 'containers', '?', undefined],
		// Prompts and the form take their keys themselves: no scope is read.
		['filter', 'containers', 'q', undefined],
		['command', 'containers', 'escape', undefined],
		['pane-search', 'containers', 'n', undefined],
		['form', 'containers', 'return', undefined],
	];
	for (const [mode, view, key, expected] of cases) {
		test(`${mode} (${view}): ${key} -> ${expected ?? 'nothing'}`, () => {
			assert.equal(findCommand(selectScopes(mode, view), key)?.action, expected);
		});
	}

	test('the first scope that binds a key wins', () => {
		const run = (state: Parameters<Command['run']>[0]) => state;
		const commands: Command[] = [
			{action: 'outer', keys: ['x'], scope: 'list', help: 'outer', run},
			{action: 'inner', keys: ['x'], scope: 'images', help: 'inner', run},
		];
		assert.equal(findCommand(['images', 'list'], 'x', commands)?.action, 'inner');
		assert.equal(findCommand(['list', 'images'], 'x', commands)?.action, 'outer');
		assert.equal(findCommand(['volumes'], 'x', commands), undefined);
	});
});

describe('selectScopes', () => {
	test('the most specific scope first', () => {
		assert.deepEqual(selectScopes('list', 'images'), ['images', 'list', 'global']);
		assert.deepEqual(selectScopes('logs', 'images'), ['logs', 'global']);
		assert.deepEqual(selectScopes('pane', 'images'), ['pane', 'global']);
		assert.deepEqual(selectScopes('help', 'images'), ['help', 'global']);
		assert.deepEqual(selectScopes('confirm', 'images'), ['confirm']);
		for (const mode of ['filter', 'command', 'pane-search', 'logs-search', 'logs-filter', 'pull', 'scale', 'form'] as const) {
			assert.deepEqual(selectScopes(mode, 'containers'), [], mode);
		}
	});
});

describe('labels', () => {
	const names: Array<[string, string]> = [
		['up', 'Up'],
		['down', 'Down'],
		['left', 'Left'],
		['right', 'Right'],
		['pageup', 'PgUp'],
		['pagedown', 'PgDn'],
		['home', 'Home'],
		['end', 'End'],
		['escape', 'Esc'],
		['return', 'Enter'],
		['tab', 'Tab'],
		['backspace', 'Backspace'],
		[' ', 'Space'],
		['ctrl+b', 'Ctrl-B'],
		['ctrl+c', 'Ctrl-C'],
		['x', 'x'],
		['G', 'G'],
		['/', '/'],
	];
	for (const [name, label] of names) {
		test(`${JSON.stringify(name)} is shown as ${label}`, () => {
			assert.equal(formatKeyName(name), label);
		});
	}

	test('a command\'s keys joined with slashes', () => {
		assert.equal(formatKeyLabel(['up', 'k']), 'Up / k');
		assert.equal(formatKeyLabel(['pageup', 'ctrl+b']), 'PgUp / Ctrl-B');
		assert.equal(formatKeyLabel(['q', 'ctrl+c']), 'q / Ctrl-C');
		assert.equal(formatKeyLabel(['s']), 's');
	});

	test('every label of the keymap is plain ASCII', () => {
		for (const command of keymap) assert.match(formatKeyLabel(command.keys), /^[\u0020-\u007E]+$/, command.action);
	});
});

describe('formatHints', () => {
	test('the hinted commands of the scopes, in keymap order, named by their first key', () => {
		const hints = formatHints(selectScopes('list', 'containers'), {readOnly: false});
		assert.match(hints, /^s stop {2}S start {2}r restart {2}p pause {2}d remove {2}e shell {2}l logs {2}Enter details/);
		assert.match(hints, /\/ filter {2}: command {2}\? help {2}q quit$/);
		assert.doesNotMatch(hints, /inspect/, 'a command without a hint is only in the help');
	});

	test('read-only hides the mutating commands and keeps the rest', () => {
		const hints = formatHints(selectScopes('list', 'containers'), {readOnly: true});
		assert.doesNotMatch(hints, /stop|start|restart|pause|remove|shell/);
		assert.match(hints, /^l logs {2}Enter details {2}\/ filter/);
		const services = formatHints(selectScopes('list', 'services'), {readOnly: true});
		assert.doesNotMatch(services, /scale|update|remove|replicas/);
		assert.match(services, /Enter tasks {2}l logs/);
	});

	test('each mode has its own hints', () => {
		assert.equal(formatHints(selectScopes('confirm', 'containers'), {readOnly: false}), '');
		assert.match(formatHints(selectScopes('pane', 'containers', 'details'), {readOnly: false, paneKind: 'details'}), /^Esc back {2}j scroll {2}\/ search {2}n next match {2}x reveal secrets/);
		// Only where something is masked: not the disk usage, a command's output, the layers.
		for (const kind of ['disk', 'output', 'history', 'top'] as const) {
			assert.doesNotMatch(formatHints(selectScopes('pane', 'containers', kind), {readOnly: false, paneKind: kind}), /reveal/, kind);
		}
		assert.match(formatHints(selectScopes('logs', 'containers'), {readOnly: false}), /^Esc back {2}j scroll .*f filter/);
	});

	test('with a keymap of its own', () => {
		const run = (state: Parameters<Command['run']>[0]) => state;
		const commands: Command[] = [
			{action: 'a', keys: ['return'], scope: 'one', help: 'a', hint: 'go', run},
			{action: 'b', keys: ['x'], scope: 'one', help: 'b', hint: 'change', mutating: true, run},
			{action: 'c', keys: ['y'], scope: 'one', help: 'c', run},
			{action: 'd', keys: ['ctrl+z'], scope: 'two', help: 'd', hint: 'last', run},
		];
		assert.equal(formatHints(['one', 'two'], {readOnly: false}, commands), 'Enter go  x change  Ctrl-Z last');
		assert.equal(formatHints(['two', 'one'], {readOnly: true}, commands), 'Ctrl-Z last  Enter go');
	});
});

describe('keyNameOf', () => {
	// What Ink reports (input and key) and the name the keymap is written in.
	const cases: Array<[string, string, Key, string]> = [
		['up arrow', '', key({upArrow: true}), 'up'],
		['down arrow', '', key({downArrow: true}), 'down'],
		['left arrow', '', key({leftArrow: true}), 'left'],
		['right arrow', '', key({rightArrow: true}), 'right'],
		['page up', '', key({pageUp: true}), 'pageup'],
		['page down', '', key({pageDown: true}), 'pagedown'],
		['home', '', key({home: true}), 'home'],
		['end', '', key({end: true}), 'end'],
		['escape', '', key({escape: true}), 'escape'],
		['enter', '\r', key({return: true}), 'return'],
		['tab', '\t', key({tab: true}), 'tab'],
		['backspace', '', key({backspace: true}), 'backspace'],
		['delete (what many terminals send for backspace)', '', key({delete: true}), 'backspace'],
		['ctrl+c', 'c', key({ctrl: true}), 'ctrl+c'],
		['ctrl+F typed with shift', 'F', key({ctrl: true, shift: true}), 'ctrl+f'],
		['a letter', 'j', key(), 'j'],
		['a capital', 'G', key({shift: true}), 'G'],
		['a symbol', '/', key(), '/'],
		['a space', ' ', key(), ' '],
		['a chunk of text', 'abc', key(), 'abc'],
	];

	for (const [what, input, given, expected] of cases) {
		test(what, () => {
			assert.equal(keyNameOf(input, given), expected);
		});
	}
});
