// A row of the images, volumes, networks, events, contexts and swarm lists: one text cell per column.
import type {StatusTone} from './status.js';
import {formatSafeText} from './logText.js';
import {textWidth} from './table.js';

export type TableRow = {
	key: string;
	engine: string;
	/** What actions act on: image id, volume name, network id, event seq. */
	id: string;
	cells: Record<string, string>;
	/** Drawn in a tone of its own (a dangling image, an unused volume). */
	tone?: StatusTone | undefined;
};

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
