// Ink's frame made row by row, where it can be: the build puts this in front of Ink's own Output.get().
//
// Ink builds every frame as a grid of cells: one object per cell of the screen (9600 at 160x60), each line
// of text cut into one styled-character object per character, then every line joined again. That is most
// of a frame's cost and of the memory it churns, and berth's screens rarely need it: each row is one or a
// few flat texts side by side. When every text of a frame is one line of narrow characters and colour codes,
// with no clipping and no overlap, the rows are the texts joined with spaces between them,
// which shows the same cells. Any other frame (the help's clipped box, wide characters) is left to Ink.
import {narrowText} from '../format/table.js';

/** What Ink's Output records for a frame (its `operations`). */
export type FrameOperation =
	| {type: 'write'; x: number; y: number; text: string; transformers: ReadonlyArray<(line: string, index: number) => string>}
	| {type: 'clip'; clip: unknown}
	| {type: 'unclip'};

// eslint-disable-next-line no-control-regex
const colourCode = /\u001B\[([\d;]*)m/g;

/** The code that ends each style an SGR parameter starts, by parameter. */
const styleEnds = new Map<number, number>([
	[1, 22],
	[2, 22],
	[3, 23],
	[4, 24],
	[5, 25],
	[6, 25],
	[7, 27],
	[8, 28],
	[9, 29],
	[53, 55],
]);
const endCodes = new Set([22, 23, 24, 25, 27, 28, 29, 39, 49, 55, 59]);

function styleEndOf(code: number): number | undefined {
	if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97) || code === 38) return 39;
	if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107) || code === 48) return 49;
	if (code === 58) return 59;
	return styleEnds.get(code);
}

/**
 * Whether a text leaves a style on after its last character (so the cells after it would take it); undefined
 * when it holds a code this does not know.
 */
export function leavesStyleOn(text: string): boolean | undefined {
	const on = new Set<number>();
	// exec in a loop: matchAll made an iterator and its results for every row of every frame.
	colourCode.lastIndex = 0;
	for (let match = colourCode.exec(text); match; match = colourCode.exec(text)) {
		const parameters = match[1] === '' ? [0] : match[1]!.split(';').map(Number);
		for (let index = 0; index < parameters.length; index++) {
			const code = parameters[index]!;
			if (code === 0) {
				on.clear();
			} else if (endCodes.has(code)) {
				on.delete(code);
			} else {
				const end = styleEndOf(code);
				if (end === undefined) return undefined;
				on.add(end);
				// 38;5;N and 38;2;R;G;B carry their colour in the parameters that follow.
				if (code === 38 || code === 48 || code === 58) index += parameters[index + 1] === 5 ? 2 : parameters[index + 1] === 2 ? 4 : 0;
			}
		}
	}

	return on.size > 0;
}

type Piece = {x: number; width: number; text: string};

/** A text as a row shows it: its width and the text with its styles ended; null when Ink must draw it. */
type ReadText = {width: number; shown: string} | null;

/**
 * The texts of the last two frames as read: most rows of a frame are the rows of the frame before (a storm
 * changes a few rows at a time), and reading a row's colour codes made a set and a match per code.
 */
let readBefore = new Map<string, ReadText>();
let readNow = new Map<string, ReadText>();

function readText(text: string): ReadText {
	// null is a text read before that Ink must draw: kept like the others, not read again.
	let read = readNow.get(text);
	if (read !== undefined) return read;
	read = readBefore.get(text);
	if (read === undefined) read = readAfresh(text);
	readNow.set(text, read);
	return read;
}

function readAfresh(text: string): ReadText {
	let plain = text;
	let shown = text;
	if (text.includes('\u001B')) {
		plain = text.replace(colourCode, '');
		const on = leavesStyleOn(text);
		if (plain.includes('\u001B') || on === undefined) return null;
		if (on) shown = `${text}\u001B[0m`;
	}

	return narrowText.test(plain) ? {width: plain.length, shown} : null;
}

/**
 * The frame Ink's Output.get() would make from these operations, as {output, height}; undefined when the frame
 * needs Ink's own cell grid.
 */
export function frameByRows(operations: readonly FrameOperation[], width: number, height: number): {output: string; height: number} | undefined {
	// What the last frame read is kept for this one; what the frame before it read and it did not goes.
	readBefore = readNow;
	readNow = new Map();
	const rows: Array<Piece[] | undefined> = [];
	for (const operation of operations) {
		if (operation.type !== 'write') return undefined;
		const {x, y} = operation;
		if (operation.text.includes('\n')) return undefined;
		// A <Text>'s colours and weight are transformers of its line.
		let text = operation.text;
		for (const transformer of operation.transformers) text = transformer(text, 0);
		const read = readText(text);
		if (!read) return undefined;
		if (y < 0 || y >= height) continue;
		const row = (rows[y] ??= []);
		const last = row.at(-1);
		if (x < 0 || x + read.width > width || (last && x < last.x + last.width)) return undefined;
		row.push({x, width: read.width, text: read.shown});
	}

	const lines: string[] = [];
	for (let y = 0; y < height; y++) {
		let line = '';
		let column = 0;
		for (const piece of rows[y] ?? []) {
			line += ' '.repeat(piece.x - column) + piece.text;
			column = piece.x + piece.width;
		}

		lines.push(line.trimEnd());
	}

	return {output: lines.join('\n'), height};
}
