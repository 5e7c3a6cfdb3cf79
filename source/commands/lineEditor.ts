// One line editor for every prompt (filter, command line, searches, pull, scale, rename): what a key does to a draft.
import type {KeyPress} from './types.js';

export type LineEdit =
	| {kind: 'typed'; draft: string}
	| {kind: 'submit'; text: string}
	| {kind: 'cancel'}
	| {kind: 'complete'}
	| {kind: 'ignored'};

/** Printable characters are typed (when `accepts` them), Backspace erases one, Ctrl-U all, Enter submits, Esc cancels. */
export function editLine(draft: string, press: KeyPress, accepts: (character: string) => boolean = () => true): LineEdit {
	if (press.name === 'escape') return {kind: 'cancel'};
	if (press.name === 'return') return {kind: 'submit', text: draft};
	if (press.name === 'tab') return {kind: 'complete'};
	if (press.name === 'ctrl+u') return {kind: 'typed', draft: ''};
	if (press.name === 'backspace') return {kind: 'typed', draft: [...draft].slice(0, -1).join('')};
	if (press.printable && accepts(press.name)) return {kind: 'typed', draft: draft + press.name};
	return {kind: 'ignored'};
}
