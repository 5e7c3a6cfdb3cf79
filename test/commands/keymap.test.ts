// The one keymap table: complete, without clashes, and resolved per mode as the prompts and overlay need.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {Key} from 'ink';
import {
	isMutating,
	type KeyAction,
	keyNameOf,
	keymap,
	type KeyScope,
	resolveKeyAction,
	scopeTitles,
} from '../../source/commands/keymap.js';
import type {Mode, ViewName} from '../../source/state/ui.js';

// `satisfies` makes the compiler name any action added to KeyAction but missing here.
const everyAction = Object.keys({
	'move-up': true,
	'move-down': true,
	'page-up': true,
	'page-down': true,
	'move-first': true,
	'move-last': true,
	'filter-open': true,
	'filter-clear': true,
	'command-open': true,
	stop: true,
	start: true,
	restart: true,
	pause: true,
	kill: true,
	remove: true,
	shell: true,
	attach: true,
	inspect: true,
	top: true,
	details: true,
	mark: true,
	'mark-all': true,
	'mark-project': true,
	'pane-search': true,
	'search-next': true,
	'search-previous': true,
	reveal: true,
	back: true,
	'confirm-yes': true,
	'confirm-no': true,
	'confirm-volumes': true,
	'sort-next': true,
	'sort-reverse': true,
	logs: true,
	follow: true,
	'logs-filter': true,
	'toggle-timestamps': true,
	'toggle-wrap': true,
	'toggle-color': true,
	'save-logs': true,
	'more-backlog': true,
	'less-backlog': true,
	'view-containers': true,
	'view-images': true,
	'view-volumes': true,
	'view-networks': true,
	'view-events': true,
	'view-contexts': true,
	'view-services': true,
	'view-tasks': true,
	'view-nodes': true,
	'service-tasks': true,
	'service-scale-up': true,
	'service-scale-down': true,
	'service-scale': true,
	'service-update': true,
	'service-remove': true,
	'service-logs': true,
	'use-context': true,
	'run-form': true,
	'disk-usage': true,
	'image-history': true,
	'image-remove': true,
	'image-prune': true,
	'image-pull': true,
	'image-run': true,
	'volume-details': true,
	'volume-remove': true,
	'volume-prune': true,
	'network-inspect': true,
	'help-toggle': true,
	quit: true,
} satisfies Record<KeyAction, true>) as KeyAction[];

const everyScope = Object.keys({list: true, containers: true, images: true, volumes: true, networks: true, services: true, contexts: true, logs: true, pane: true, confirm: true, global: true} satisfies Record<
	KeyScope,
	true
>) as KeyScope[];

/** The mode in which a scope's keys are read, and the scopes read together there. */
const modeOfScope: Record<KeyScope, Mode> = {
	list: 'list',
	containers: 'list',
	images: 'list',
	volumes: 'list',
	networks: 'list',
	services: 'list',
	contexts: 'list',
	logs: 'logs',
	pane: 'pane',
	confirm: 'confirm',
	global: 'list',
};
/** The view in which a scope's keys are read. */
const viewOfScope: Partial<Record<KeyScope, ViewName>> = {images: 'images', volumes: 'volumes', networks: 'networks', services: 'services', contexts: 'contexts'};
const scopesReadTogether: KeyScope[][] = [
	['containers', 'list', 'global'],
	['images', 'list', 'global'],
	['volumes', 'list', 'global'],
	['networks', 'list', 'global'],
	['services', 'list', 'global'],
	['contexts', 'list', 'global'],
	['logs', 'global'],
	['pane', 'global'],
	['confirm'],
];

const keysOf = (scopes: readonly KeyScope[]) =>
	keymap.filter(binding => scopes.includes(binding.scope)).flatMap(binding => binding.keys);
const duplicates = (keys: readonly string[]) => keys.filter((key, index) => keys.indexOf(key) !== index);

describe('keymap', () => {
	for (const action of everyAction) {
		test(`${action} has a key, a label and help text`, () => {
			const bindings = keymap.filter(binding => binding.action === action);
			assert.ok(bindings.length > 0, `no binding for ${action}`);
			for (const binding of bindings) {
				assert.ok(binding.keys.length > 0);
				assert.ok(binding.keys.every(key => key !== ''));
				assert.ok(binding.label.trim() !== '');
				assert.ok(binding.help.trim() !== '');
			}
		});
	}

	test('no row for an action or scope that does not exist', () => {
		for (const binding of keymap) {
			assert.ok(everyAction.includes(binding.action), binding.action);
			assert.ok(everyScope.includes(binding.scope), binding.scope);
		}
	});

	test('an action is bound at most once per scope', () => {
		for (const scope of everyScope) {
			assert.deepEqual(duplicates(keymap.filter(binding => binding.scope === scope).map(binding => binding.action)), []);
		}
	});

	for (const scope of everyScope) {
		test(`no key bound twice in the ${scope} scope`, () => {
			assert.deepEqual(duplicates(keysOf([scope])), []);
		});
	}

	for (const scopes of scopesReadTogether) {
		test(`no key bound twice among the scopes read together: ${scopes.join(' + ')}`, () => {
			assert.deepEqual(duplicates(keysOf(scopes)), []);
		});
	}

	test('every key of every binding resolves to its action where its scope is read', () => {
		for (const binding of keymap) {
			const modes: Mode[] = binding.scope === 'global' ? ['list', 'pane', 'help'] : [modeOfScope[binding.scope]];
			for (const mode of modes) {
				for (const key of binding.keys) {
					const expected = mode === 'help' && key === 'escape' ? 'help-toggle' : binding.action;
					assert.equal(resolveKeyAction(mode, key, viewOfScope[binding.scope] ?? 'containers'), expected, `${mode}: ${key}`);
				}
			}
		}
	});

	test('labels and help are plain ASCII, so every console can show the help', () => {
		for (const binding of keymap) {
			assert.match(binding.label, /^[\u0020-\u007E]+$/, binding.label);
			assert.match(binding.help, /^[\u0020-\u007E]+$/, binding.help);
		}
	});

	test('only actions that change what the engine holds are marked mutating', () => {
		const mutating = new Set(keymap.filter(binding => binding.mutating).map(binding => binding.action));
		assert.deepEqual([...mutating].sort(), [
			'attach',
			'image-prune',
			'image-pull',
			'image-remove',
			'image-run',
			'kill',
			'pause',
			'remove',
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
			'volume-prune',
			'volume-remove',
		]);
		assert.equal(isMutating('stop'), true);
		assert.equal(isMutating('inspect'), false);
		assert.equal(isMutating('move-down'), false);
	});

	test('every scope has a title for the help', () => {
		for (const scope of everyScope) assert.ok(scopeTitles[scope].trim() !== '', scope);
	});
});

describe('resolveKeyAction', () => {
	const cases: Array<[Mode, string, KeyAction | undefined]> = [
		['list', 'up', 'move-up'],
		['list', 'k', 'move-up'],
		['list', 'down', 'move-down'],
		['list', 'j', 'move-down'],
		['list', 'pageup', 'page-up'],
		['list', 'ctrl+b', 'page-up'],
		['list', 'pagedown', 'page-down'],
		['list', 'ctrl+f', 'page-down'],
		['list', 'home', 'move-first'],
		['list', 'g', 'move-first'],
		['list', 'end', 'move-last'],
		['list', 'G', 'move-last'],
		['list', '/', 'filter-open'],
		['list', 'escape', 'filter-clear'],
		['list', ':', 'command-open'],
		['list', 'return', 'details'],
		['list', '?', 'help-toggle'],
		['list', 'q', 'quit'],
		['list', 'ctrl+c', 'quit'],
		['list', 'y', undefined],
		['list', 'n', undefined],
		['list', 'x', undefined],
		// Help: Esc and ? close it, the global keys work, up/down and page keys scroll it, other list keys do nothing.
		['help', 'escape', 'help-toggle'],
		['help', '?', 'help-toggle'],
		['help', 'q', 'quit'],
		['help', 'ctrl+c', 'quit'],
		['help', 'j', 'move-down'],
		['help', 'down', 'move-down'],
		['help', 'k', 'move-up'],
		['help', 'pagedown', 'page-down'],
		['help', 'ctrl+b', 'page-up'],
		['help', 'g', undefined],
		['help', 'return', undefined],
		['help', '/', undefined],
		['help', ':', undefined],
		['help', 's', undefined],
		// Details, inspect, top: scrolling and search; list actions do nothing.
		['pane', 'j', 'move-down'],
		['pane', '/', 'pane-search'],
		['pane', 'n', 'search-next'],
		['pane', 'N', 'search-previous'],
		['pane', 'escape', 'back'],
		['pane', '?', 'help-toggle'],
		['pane', 'q', 'quit'],
		['pane', 's', undefined],
		['pane', ':', undefined],
		// A question: only its answers, and Ctrl-C.
		['confirm', 'y', 'confirm-yes'],
		['confirm', 'Y', 'confirm-yes'],
		['confirm', 'n', 'confirm-no'],
		['confirm', 'escape', 'confirm-no'],
		['confirm', 'return', 'confirm-no'],
		['confirm', 'v', 'confirm-volumes'],
		['confirm', 'ctrl+c', 'quit'],
		['confirm', 'q', undefined],
		['confirm', '?', undefined],
		['confirm', 'j', undefined],
		// Prompts take their keys themselves: only Ctrl-C is bound, to quit.
		['filter', 'ctrl+c', 'quit'],
		['filter', 'q', undefined],
		['filter', '?', undefined],
		['filter', 'escape', undefined],
		['filter', 'j', undefined],
		['filter', 'down', undefined],
		['command', 'ctrl+c', 'quit'],
		['command', 'q', undefined],
		['command', '?', undefined],
		['command', 'escape', undefined],
		['command', ':', undefined],
		['pane-search', 'ctrl+c', 'quit'],
		['pane-search', 'n', undefined],
		['pane-search', 'escape', undefined],
	];

	for (const [mode, name, expected] of cases) {
		test(`${mode}: ${name} -> ${expected ?? 'nothing'}`, () => {
			assert.equal(resolveKeyAction(mode, name), expected);
		});
	}
});

function key(overrides: Partial<Key> = {}): Key {
	return {
		upArrow: false,
		downArrow: false,
		leftArrow: false,
		rightArrow: false,
		pageDown: false,
		pageUp: false,
		home: false,
		end: false,
		return: false,
		escape: false,
		ctrl: false,
		shift: false,
		tab: false,
		backspace: false,
		delete: false,
		meta: false,
		super: false,
		hyper: false,
		capsLock: false,
		numLock: false,
		...overrides,
	};
}

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
	];

	for (const [what, input, given, expected] of cases) {
		test(what, () => {
			assert.equal(keyNameOf(input, given), expected);
		});
	}
});
