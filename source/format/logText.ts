// Makes log text safe to draw: a container's output is data, never commands to the terminal. Pure.
import cliTruncate from 'cli-truncate';
import stringWidth from 'string-width';
import wrapAnsi from 'wrap-ansi';
import {textWidth} from './table.js';

const escape = '\u001B';
const sgrPattern = /\u001B\[[0-9;:]*m/g;
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;

function caret(code: number): string {
	return code === 0x7f ? '^?' : `^${String.fromCharCode(code + 64)}`;
}

/**
 * Drops every escape sequence but colour (SGR), which is kept for the colour switch; cursor moves, screen
 * clears, title changes, OSC 52 clipboard writes, hyperlinks and device strings are dropped. Other control
 * characters are shown as ^X, tabs become spaces, and a carriage return keeps what was written after it,
 * as a terminal would show the line.
 */
export function sanitizeLogText(raw: string): string {
	// Most lines have no control character at all (no escape, tab, carriage return, C1 code): kept as they are.
	if (!controlCharacter.test(raw)) return raw;
	const afterReturn = raw.lastIndexOf('\r');
	const text = afterReturn === -1 ? raw : raw.slice(afterReturn + 1);
	let result = '';
	let column = 0;
	for (let index = 0; index < text.length; index++) {
		let character = text[index]!;
		const code = character.charCodeAt(0);
		// A surrogate pair is one character on screen.
		if (code >= 0xd8_00 && code <= 0xdb_ff && index + 1 < text.length) character += text[++index]!;
		if (character === escape) {
			const next = text[index + 1];
			if (next === '[') {
				// CSI: parameters, intermediates, one final byte.
				let end = index + 2;
				while (end < text.length && /[0-?]/.test(text[end]!)) end++;
				while (end < text.length && /[ -/]/.test(text[end]!)) end++;
				const final = text[end];
				const sequence = text.slice(index, end + 1);
				if (final === 'm' && /^\u001B\[[0-9;:]*m$/.test(sequence)) result += sequence;
				index = end;
				continue;
			}

			if (next === ']' || next === 'P' || next === 'X' || next === '^' || next === '_') {
				// OSC and device strings run to BEL or ST (ESC \): all of it goes.
				let end = index + 2;
				while (end < text.length && text[end] !== '\u0007' && !(text[end] === escape && text[end + 1] === '\\')) end++;
				index = text[end] === escape ? end + 1 : end;
				continue;
			}

			index += next === undefined ? 0 : 1;
			continue;
		}

		if (code >= 0x80 && code <= 0x9f) continue;
		if (character === '\t') {
			const spaces = 8 - (column % 8);
			result += ' '.repeat(spaces);
			column += spaces;
			continue;
		}

		if (code < 0x20 || code === 0x7f) {
			result += caret(code);
			column += 2;
			continue;
		}

		result += character;
		column += stringWidth(character);
	}

	return result;
}

/** Colour sequences and characters (a surrogate pair as one), in order. */
export function stripSgr(text: string): string {
	return text.replace(sgrPattern, '');
}

/** Columns the text takes on screen (SGR sequences take none, wide characters two). */
export function measureLogText(text: string): number {
	return stringWidth(stripSgr(text));
}

/**
 * Splits sanitized text into rows of at most `width` columns (wrap-ansi, by grapheme and terminal column). Each
 * row opens again the colours that were on where it starts, so a wrapped line keeps its colour on every row, and
 * a coloured row ends with a reset so nothing drawn after it takes the colour.
 */
export function wrapLogText(text: string, width: number, maxRows = Number.POSITIVE_INFINITY): string[] {
	const rows = wrapAnsi(text, Math.max(1, width), {hard: true, wordWrap: false, trim: false}).split('\n').slice(0, maxRows);
	return rows.map(row => (row.includes(escape) ? `${row}\u001B[0m` : row));
}

/** Plain sentences (an engine's reasons) in rows of at most `width` columns, broken between words where one fits. */
export function wrapWords(text: string, width: number): string[] {
	return wrapAnsi(text, Math.max(1, width), {hard: true, wordWrap: true, trim: true}).split('\n');
}

/**
 * A labelled value too long for the width goes on below its start, under the value's column (a details
 * field, an event's attribute). When that column leaves under 20, the value goes on below, 4 in, under its
 * label (itself wrapped, at its own indent, when it is wider than the width: a label is data too).
 */
export function wrapUnderLabel(label: string, value: string, width: number): string[] {
	const indent = textWidth(label);
	if (indent + textWidth(value) <= width) return [`${label}${value}`];
	if (width - indent < 20) return [...wrapLabel(label, width), ...wrapWords(value, width - 4).map(row => `    ${row}`)];
	const [first = '', ...rest] = wrapWords(value, width - indent);
	return [`${label}${first}`, ...rest.map(row => `${' '.repeat(indent)}${row}`)];
}

/** A label alone on its rows: as it is when it fits, else wrapped under its own leading spaces. */
function wrapLabel(label: string, width: number): string[] {
	const shown = label.trimEnd();
	if (textWidth(shown) <= width) return [shown];
	const lead = shown.length - shown.trimStart().length;
	return wrapWords(shown.trimStart(), width - lead).map(row => `${' '.repeat(lead)}${row}`);
}

/** The first `width` columns of the text, with a mark where it was cut (cli-truncate: colours kept and closed). */
export function truncateLogText(text: string, width: number, ellipsis: string): string {
	if (measureLogText(text) <= width) return text;
	const cut = cliTruncate(text, Math.max(1, width), {truncationCharacter: ellipsis});
	return cut.includes(escape) ? `${cut}\u001B[0m` : cut;
}

/**
 * Safe to draw, colour dropped too: text from an engine (a label, an environment value, a command, a file's
 * name or text, an engine's error) is data, never commands to the terminal. Escape sequences go, other
 * control characters show as `^X`; text without any (almost all of it) comes back as it is.
 */
export function formatSafeText(raw: string): string {
	return controlCharacter.test(raw) ? stripSgr(sanitizeLogText(raw)) : raw;
}
