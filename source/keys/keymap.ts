// The one keymap: input handling and the `?` overlay both read this table.
import type {Key} from 'ink';
import type {Mode} from '../model/view.js';

export type KeyAction =
	| 'move-up'
	| 'move-down'
	| 'page-up'
	| 'page-down'
	| 'move-first'
	| 'move-last'
	| 'filter-open'
	| 'filter-clear'
	| 'command-open'
	| 'help-toggle'
	| 'quit';

/** Where a binding applies: list keys are given to the list; global keys work everywhere but prompts. */
export type KeyScope = 'list' | 'global';

export type KeyBinding = {
	action: KeyAction;
	/** Key names as keyNameOf produces them. */
	keys: readonly string[];
	scope: KeyScope;
	/** How the overlay and readme show the keys. */
	label: string;
	help: string;
};

export const keymap: readonly KeyBinding[] = [
	{action: 'move-up', keys: ['up', 'k'], scope: 'list', label: 'Up / k', help: 'Select the row above'},
	{action: 'move-down', keys: ['down', 'j'], scope: 'list', label: 'Down / j', help: 'Select the row below'},
	{action: 'page-up', keys: ['pageup', 'ctrl+b'], scope: 'list', label: 'PgUp / Ctrl-B', help: 'Up one page'},
	{action: 'page-down', keys: ['pagedown', 'ctrl+f'], scope: 'list', label: 'PgDn / Ctrl-F', help: 'Down one page'},
	{action: 'move-first', keys: ['home', 'g'], scope: 'list', label: 'g / Home', help: 'First row'},
	{action: 'move-last', keys: ['end', 'G'], scope: 'list', label: 'G / End', help: 'Last row'},
	{
		action: 'filter-open',
		keys: ['/'],
		scope: 'list',
		label: '/',
		help: 'Filter by name, image, status or project; Enter keeps it, Esc clears it',
	},
	{action: 'filter-clear', keys: ['escape'], scope: 'list', label: 'Esc', help: 'Clear the filter, close a prompt or overlay'},
	{
		action: 'command-open',
		keys: [':'],
		scope: 'list',
		label: ':',
		help: 'Command line: a view by name (:containers), Tab completes; :q quits',
	},
	{action: 'help-toggle', keys: ['?'], scope: 'global', label: '?', help: 'Show or hide this help'},
	{action: 'quit', keys: ['q', 'ctrl+c'], scope: 'global', label: 'q / Ctrl-C', help: 'Quit and restore the terminal'},
];

/** A stable name for what Ink reports, so the table can be written in plain words. */
export function keyNameOf(input: string, key: Key): string {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.escape) return 'escape';
	if (key.return) return 'return';
	if (key.tab) return 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
	return input;
}

/** The action bound to a key in a mode; prompts take their keys themselves, so nothing is bound there. */
export function resolveKeyAction(mode: Mode, name: string): KeyAction | undefined {
	if (mode === 'filter' || mode === 'command') {
		return name === 'ctrl+c' ? 'quit' : undefined;
	}

	if (mode === 'help' && name === 'escape') return 'help-toggle';
	const scopes: readonly KeyScope[] = mode === 'help' ? ['global'] : ['list', 'global'];
	return keymap.find(binding => scopes.includes(binding.scope) && binding.keys.includes(name))?.action;
}
