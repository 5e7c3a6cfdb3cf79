// A row of the images, volumes, networks, events, contexts and swarm lists: one text cell per column.
import type {StatusTone} from './status.js';
import {formatSafeText} from './logText.js';
import {compareNatural} from './naturalOrder.js';
import {type ColumnSpec, textWidth} from './table.js';

export type TableRow = {
	key: string;
	engine: string;
	/** What actions act on: image id, volume name, network id, event seq. */
	id: string;
	cells: Record<string, string>;
	/** Drawn in a tone of its own (a dangling image, an unused volume). */
	tone?: StatusTone | undefined;
	/**
	 * What a column sorts by where its text does not order: a size in bytes, a time in ms, a count; or a text
	 * (a task's name without its ` \_ `). Columns not here sort by their text.
	 */
	order?: Readonly<Record<string, number | string>>;
};

/** The ENGINE column of a per-engine table (images, volumes, ...) when berth shows several engines. */
export const tableEngineColumn: ColumnSpec<string> = {id: 'engine', title: 'ENGINE', min: 6, ideal: 16, priority: 2};

/** A cell's text, safe to draw (a label or a name from an engine is data); ENGINE is the row's engine unless the row has a cell of that name. */
export function tableCell(row: TableRow, column: string): string {
	return formatSafeText(row.cells[column] ?? (column === 'engine' ? row.engine : ''));
}

/** Case-insensitive match on any cell. */
export function filterTableRows(rows: readonly TableRow[], filter: string): readonly TableRow[] {
	const needle = filter.trim().toLowerCase();
	if (needle === '') return rows;
	return rows.filter(row => Object.values(row.cells).some(cell => cell.toLowerCase().includes(needle)));
}

/** What a row sorts by in a column: its value, else its text (ENGINE: its engine); nothing for an empty cell. */
function sortValueOf(row: TableRow, column: string): number | string | undefined {
	const value = row.order?.[column] ?? row.cells[column] ?? (column === 'engine' ? row.engine : undefined);
	return value === '' || Number.isNaN(value) ? undefined : value;
}

/**
 * The rows by a column: values as numbers, texts in natural order (`web-2` before `web-10`), rows with nothing
 * to sort by last whichever the direction; rows that tie keep their own order. Without a column: the rows'
 * own order, reversed if asked.
 */
export function sortTableRows(rows: readonly TableRow[], column: string | undefined, descending: boolean): TableRow[] {
	if (column === undefined) return descending ? [...rows].reverse() : [...rows];
	const direction = descending ? -1 : 1;
	const values = new Map(rows.map(row => [row, sortValueOf(row, column)]));
	// Array.prototype.sort is stable: ties stay in the view's own order.
	return [...rows].sort((a, b) => {
		const [left, right] = [values.get(a), values.get(b)];
		if (left === undefined || right === undefined) return left === right ? 0 : left === undefined ? 1 : -1;
		if (typeof left === 'number' && typeof right === 'number') return (left - right) * direction;
		// A number and a text in one column (should not be): numbers first.
		if (typeof left !== typeof right) return typeof left === 'number' ? -1 : 1;
		return compareNatural(String(left), String(right)) * direction;
	});
}

/** The widest text of each column over all rows, for content-sized columns. */
export function measureTableColumns(rows: readonly TableRow[]): Map<string, number> {
	const widths = new Map<string, number>();
	const measure = (row: TableRow, column: string) => {
		// As drawn: tableCell's text.
		const width = textWidth(tableCell(row, column));
		if (width > (widths.get(column) ?? 0)) widths.set(column, width);
	};

	for (const row of rows) {
		for (const column in row.cells) if (Object.hasOwn(row.cells, column)) measure(row, column);
		if (row.cells.engine === undefined) measure(row, 'engine');
	}

	return widths;
}
