// A directory listing and a file's text as the files pane shows them: `ls -l`-like lines, text made safe.
import type {FileEntry} from '../engine/types.js';
import {formatLocalTime} from './duration.js';
import {formatSafeText} from './logText.js';
import {compareNatural} from './naturalOrder.js';
import {padCell} from './table.js';
import {formatDecimalSize} from './units.js';


/** How much of a file the pane reads: larger files are shown in part. */
export const fileTextLimit = 256 * 1024;

const typeLetters: Record<FileEntry['type'], string> = {
	file: '-',
	directory: 'd',
	symlink: 'l',
	link: 'h',
	fifo: 'p',
	device: 'c',
	other: '?',
};

/** `drwxr-xr-x`, with setuid, setgid and sticky bits as ls shows them. */
export function formatFileMode(type: FileEntry['type'], mode: number): string {
	const bits = ['r', 'w', 'x', 'r', 'w', 'x', 'r', 'w', 'x'].map((letter, index) => (mode & (0o400 >> index) ? letter : '-'));
	const special = (at: number, flag: number, letter: string) => {
		if (mode & flag) bits[at] = bits[at] === '-' ? letter.toUpperCase() : letter;
	};

	special(2, 0o4000, 's');
	special(5, 0o2000, 's');
	special(8, 0o1000, 't');
	return `${typeLetters[type]}${bits.join('')}`;
}

/** Directories first, then the rest, each in natural order (as the other lists sort names). */
export function sortFileEntries(entries: readonly FileEntry[]): FileEntry[] {
	return [...entries].sort((a, b) => Number(b.type === 'directory') - Number(a.type === 'directory') || compareNatural(a.name, b.name));
}

function formatModified(ms: number): string {
	if (ms === 0) return '-';
	return formatLocalTime(ms, false);
}

/** One line per entry: mode, size, modified (local time, as `ls -l`), name, and a link's target. Names are made safe to print. */
export function formatFileEntry(entry: FileEntry): string {
	const name = formatSafeText(entry.name) + (entry.type === 'directory' ? '/' : '');
	const size = entry.type === 'directory' ? '-' : formatDecimalSize(entry.size);
	const link = entry.linkTarget ? ` -> ${formatSafeText(entry.linkTarget)}` : '';
	return `${formatFileMode(entry.type, entry.mode)}  ${padCell(size, 9, 'right')}  ${formatModified(entry.modified)}  ${name}${link}`;
}

/** Text with a NUL byte, or mostly not UTF-8, is binary. */
export function isBinary(bytes: Uint8Array): boolean {
	if (bytes.includes(0)) return true;
	const text = new TextDecoder('utf-8', {fatal: false}).decode(bytes);
	const replaced = text.split('\uFFFD').length - 1;
	return replaced > Math.max(4, text.length / 100);
}

/** A file's lines as the pane shows them: escape sequences neutralised as in logs; binary said so; a part said so. */
export function formatFileText(bytes: Uint8Array, size: number, partial: boolean): string[] {
	if (isBinary(bytes)) return [`(a binary file of ${formatDecimalSize(size)}: not shown)`];
	const text = new TextDecoder('utf-8').decode(bytes);
	const lines = text.split('\n');
	if (lines.at(-1) === '') lines.pop();
	const shown = lines.map(line => formatSafeText(line.replace(/\r$/, '')));
	return partial ? [...shown, `-- the first ${formatDecimalSize(bytes.length)} of ${formatDecimalSize(size)} shown --`] : shown;
}
