// Ink's input as berth's key presses, and a batch of them applied to the state in order.
import type {Key} from 'ink';
import type {AppAction, AppState} from '../state/app.js';
import {reduceApp} from '../state/app.js';
import {keyNameOf} from './keymap.js';
import {type KeyContext, reduceKeyPress} from './route.js';
import type {Command, KeyPress} from './types.js';

/** Keys that arrive as plain control characters inside a chunk of typed text. */
const controlKeyNames: Record<string, string> = {
	'\r': 'return',
	'\n': 'return',
	'\t': 'tab',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u001B': 'escape',
};

/**
 * Keys typed faster than the terminal is read (a paste, tmux send-keys, a slow link) arrive as one chunk:
 * each character is a key press of its own.
 */
export function splitKeyPresses(input: string, key: Key): KeyPress[] {
	// Esc and the next key read in one chunk (a slow link) look like Alt and that key: take them apart.
	if (key.meta && !key.ctrl && input.length === 1 && !key.escape && /[\u0020-\u007E]/.test(input)) {
		return [{name: 'escape', printable: false}, {name: input, printable: true}];
	}

	// Esc pressed twice, read in one chunk, is parsed as Alt and Esc: it was two presses (Esc Esc leaves a pane
	// and clears the filter).
	if (key.escape && key.meta && !key.ctrl && input === '\u001B') return [{name: 'escape', printable: false}, {name: 'escape', printable: false}];
	const name = keyNameOf(input, key);
	const plain = !key.ctrl && !key.meta && name === input;
	if (!plain) return [{name, printable: false}];
	return [...input].map(character => {
		const control = controlKeyNames[character];
		if (control) return {name: control, printable: false};
		// Ctrl and a letter, read with other keys in one chunk, is its control character (Ctrl-U is \u0015).
		const code = character.charCodeAt(0);
		if (code >= 1 && code <= 26) return {name: `ctrl+${String.fromCharCode(code + 96)}`, printable: false};
		return {name: character, printable: !/[\u0000-\u001F\u007F]/.test(character)};
	});
}

/** What the App dispatches: the state's own actions, or keys pressed on a screen of a size. */
export type AppEvent =
	| AppAction
	| ({type: 'keys/pressed'; presses: readonly KeyPress[]; commands?: readonly Command[]} & Partial<KeyContext> & {pageSize: number});

export function reduceAppEvent(state: AppState, event: AppEvent): AppState {
	if (event.type !== 'keys/pressed') return reduceApp(state, event);
	const size = {pageSize: event.pageSize, width: event.width ?? 80, columns: event.columns, engineCount: event.engineCount};
	return event.presses.reduce((next, press) => reduceKeyPress(next, press, size, event.commands), state);
}
