// The one keymap: every command of every scope, read by key handling, the `?` overlay, the hints and the readme.
import type {Key} from 'ink';
import {wrapWords} from '../format/logText.js';
import {textWidth} from '../format/table.js';
import {views} from '../views/registry.js';
import {confirmCommands} from './confirm.js';
import {filesCommands} from './files.js';
import {globalCommands, helpCommands} from './global.js';
import {listCommands} from './list.js';
import {logsCommands} from './logs.js';
import {paneCommands} from './pane.js';
import type {PaneKind} from '../state/operations.js';
import type {Command, KeyScope} from './types.js';

export const keymap: readonly Command[] = [
	...listCommands,
	...views.flatMap((view): readonly Command[] => view.commands),
	...logsCommands,
	...filesCommands,
	...paneCommands,
	...confirmCommands,
	...helpCommands,
	...globalCommands,
];

/** The scopes in the order the help shows them, with their titles. */
export const scopeTitles: ReadonlyArray<{scope: KeyScope; title: string}> = [
	{scope: 'list', title: 'Every list'},
	...views.filter(view => view.commands.length > 0).map(view => ({scope: view.name, title: view.title})),
	{scope: 'logs', title: 'Logs'},
	{scope: 'files', title: 'Files (inside a container or volume)'},
	{scope: 'pane', title: 'Details, inspect, top'},
	{scope: 'confirm', title: 'Questions (y / N)'},
	{scope: 'help', title: 'This help'},
	{scope: 'global', title: 'Everywhere'},
];

const keyWords: Record<string, string> = {
	up: 'Up',
	down: 'Down',
	left: 'Left',
	right: 'Right',
	pageup: 'PgUp',
	pagedown: 'PgDn',
	home: 'Home',
	end: 'End',
	escape: 'Esc',
	return: 'Enter',
	tab: 'Tab',
	backspace: 'Backspace',
	' ': 'Space',
};

/** A key as people write it: `Enter`, `Ctrl-B`, `Space`, `x`. */
export function formatKeyName(name: string): string {
	if (name.startsWith('ctrl+')) return `Ctrl-${name.slice('ctrl+'.length).toUpperCase()}`;
	return keyWords[name] ?? name;
}

/** How the overlay, the readme and the hints show a command's keys. */
export function formatKeyLabel(keys: readonly string[]): string {
	return keys.map(key => formatKeyName(key)).join(' / ');
}

export type HelpLine = {kind: 'heading'; text: string} | {kind: 'binding'; label: string; help: string};

/**
 * The `?` overlay's lines: each scope's title, then its commands' keys and help; the keys of where the help was
 * opened from (`first`: a view, the logs, a pane) before the others, where they are read without scrolling.
 */
export function selectHelpLines(bindings: readonly Command[] = keymap, first?: KeyScope): HelpLine[] {
	const opened = scopeTitles.find(entry => entry.scope === first);
	const order = opened ? [opened, ...scopeTitles.filter(entry => entry !== opened)] : scopeTitles;
	return order.flatMap(({scope, title}) => [
		{kind: 'heading' as const, text: title},
		...bindings
			// An action whose every key a custom command took has none left to show.
			.filter(binding => binding.scope === scope && binding.keys.length > 0)
			.map(binding => ({kind: 'binding' as const, label: formatKeyLabel(binding.keys), help: binding.help})),
	]);
}

/** The narrowest room for help texts that is worth wrapping into: narrower, they are cut as they are. */
const narrowestWrap = 20;

/**
 * The overlay's rows at a width: a help text longer than its room goes on in the rows below, under itself
 * (`Update (docker update): restart policy, memory,` / `CPUs, process limit`), so that at 80 columns every
 * word is read. The help scrolls over these rows.
 */
export function selectHelpRows(bindings: readonly Command[] = keymap, first: KeyScope | undefined, width: number): HelpLine[] {
	const lines = selectHelpLines(bindings, first);
	const keyWidth = Math.max(...lines.map(line => (line.kind === 'binding' ? line.label.length : 0)));
	const room = width - keyWidth - 4;
	if (room < narrowestWrap) return lines;
	return lines.flatMap(line =>
		line.kind === 'binding' && textWidth(line.help) > room
			? wrapWords(line.help, room).map((part, index) => ({kind: 'binding' as const, label: index === 0 ? line.label : '', help: part}))
			: [line],
	);
}

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

/** The command a key runs in these scopes, the first scope first. */
export function findCommand(scopes: readonly KeyScope[], name: string, commands: readonly Command[] = keymap): Command | undefined {
	for (const scope of scopes) {
		const found = commands.find(command => command.scope === scope && command.keys.includes(name));
		if (found) return found;
	}

	return undefined;
}

const arrowKeys = new Set(['up', 'down', 'left', 'right', 'pageup', 'pagedown', 'home', 'end']);

/** The key a hint names: the first, unless it is an arrow or paging key (then `j` rather than Down). */
function hintKeyOf(keys: readonly string[]): string {
	return keys.find(key => !arrowKeys.has(key)) ?? keys[0]!;
}

/** The status line's keys for these scopes: the commands that have a hint, in keymap order. */
export function formatHints(scopes: readonly KeyScope[], options: {readOnly: boolean; paneKind?: PaneKind | undefined}, commands: readonly Command[] = keymap): string {
	const here = (command: Command) => !command.paneKinds || (options.paneKind !== undefined && command.paneKinds.includes(options.paneKind));
	return scopes
		.flatMap(scope => commands.filter(command => command.scope === scope && command.hint && command.keys.length > 0 && !(options.readOnly && command.mutating) && here(command)))
		.map(command => `${formatKeyName(hintKeyOf(command.keys))} ${command.hint}`)
		.join('  ');
}
