// The terminal's clipboard, set with OSC 52: the terminal berth draws in (and the one an ssh session or tmux
// hands it on to) puts the text on the clipboard of the machine in front of the person.
import type {RequestResult} from '../state/operations.js';

/** OSC 52 for the clipboard: the text base64-encoded, so that nothing in it reaches the terminal as a command. */
export function formatClipboard(text: string): string {
	return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/**
 * Writes the text to the clipboard through the terminal, between frames. The Linux console has no clipboard
 * and would print the sequence's text: nothing is written there.
 */
export function copyToClipboard(text: string, environment: NodeJS.ProcessEnv, write: (bytes: string) => void): RequestResult {
	if (environment.TERM === 'linux') return {kind: 'failed', error: 'the Linux console has no clipboard'};
	write(formatClipboard(text));
	return {kind: 'done', text: ''};
}
