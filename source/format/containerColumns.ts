// The containers pane's columns and how one container becomes one line of text.
import type {ContainerState} from '../engine/types.js';
import type {ContainerFigures} from '../state/stats.js';
import type {StatusTone} from './status.js';
import {type ColumnLayout, type ColumnSpec, columnGap, cutOf, padCell, type StyledSegment, textWidth} from './table.js';
import {formatBytes, formatInOut, formatMemoryUsage, formatPercent} from './units.js';

/** One container as the list shows it: every text formatted, with what sorting and actions need. */
export type ContainerRow = {
	key: string;
	engine: string;
	id: string;
	name: string;
	image: string;
	state: ContainerState;
	status: string;
	tone: StatusTone;
	ports: string;
	project: string;
	figures: ContainerFigures | undefined;
	/** Its engine does not answer: the figures are the last ones known, marked `?`. */
	stale?: boolean;
	/** The engine's restart count, once inspect has told it. */
	restarts?: number | undefined;
	/** An alert not yet acknowledged concerns it. */
	alerted?: boolean | undefined;
	/** Unix seconds. */
	created: number;
	/** As `docker ps` lists it: the command and its arguments, as one text. */
	command?: string;
};

export type ContainerColumn =
	| 'engine'
	| 'id'
	| 'name'
	| 'image'
	| 'command'
	| 'status'
	| 'restarts'
	| 'ports'
	| 'cpu'
	| 'memory'
	| 'mempercent'
	| 'netio'
	| 'blockio'
	| 'pids'
	| 'project';

export const containerColumns: ReadonlyArray<ColumnSpec<ContainerColumn>> = [
	{id: 'name', title: 'NAME', min: 12, ideal: 40, priority: 1, grow: true},
	{id: 'status', title: 'STATUS', min: 20, ideal: 60, priority: 0},
	{id: 'cpu', title: 'CPU %', min: 7, ideal: 8, priority: 2, align: 'right'},
	{id: 'memory', title: 'MEM USAGE', min: 9, ideal: 20, priority: 3},
	{id: 'ports', title: 'PORTS', min: 10, ideal: 40, priority: 4, grow: true},
	{id: 'image', title: 'IMAGE', min: 10, ideal: 32, priority: 5, grow: true},
	{id: 'project', title: 'PROJECT', min: 7, ideal: 20, priority: 6},
	{id: 'restarts', title: 'RESTARTS', min: 8, ideal: 8, priority: 7, align: 'right'},
];

/**
 * The other columns of `docker ps` and `docker stats`, shown only when `columns.containers` in the
 * configuration names them: CONTAINER ID, COMMAND, MEM %, NET I/O, BLOCK I/O, PIDS.
 */
export const extraContainerColumns: ReadonlyArray<ColumnSpec<ContainerColumn>> = [
	{id: 'id', title: 'CONTAINER ID', min: 12, ideal: 12, priority: 8},
	{id: 'command', title: 'COMMAND', min: 10, ideal: 30, priority: 9, grow: true},
	{id: 'mempercent', title: 'MEM %', min: 7, ideal: 7, priority: 10, align: 'right'},
	{id: 'netio', title: 'NET I/O', min: 15, ideal: 19, priority: 11},
	{id: 'blockio', title: 'BLOCK I/O', min: 15, ideal: 19, priority: 12},
	{id: 'pids', title: 'PIDS', min: 4, ideal: 5, priority: 13, align: 'right'},
];

/** Shown first when berth shows several engines. */
export const engineColumn: ColumnSpec<ContainerColumn> = {id: 'engine', title: 'ENGINE', min: 6, ideal: 40, priority: 2};

/** Left-to-right order on screen, whatever the priorities. */
const screenOrder: readonly ContainerColumn[] = ['engine', 'id', 'name', 'image', 'command', 'status', 'restarts', 'ports', 'cpu', 'memory', 'mempercent', 'netio', 'blockio', 'pids', 'project'];

export function orderColumns(layout: ColumnLayout<ContainerColumn>, order: readonly string[] = screenOrder): ColumnLayout<ContainerColumn> {
	return [...layout].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
}

/** A run of text in a line, with the tone it is drawn in (none: the default colour). */
export type LineSegment = {text: string; tone?: StatusTone | 'heading'};

function cellText(row: ContainerRow, column: ContainerColumn, width: number): string {
	switch (column) {
		case 'engine': {
			return row.engine;
		}

		case 'name': {
			return row.name;
		}

		case 'image': {
			return row.image;
		}

		case 'status': {
			return row.status;
		}

		case 'ports': {
			return row.ports;
		}

		case 'restarts': {
			return row.restarts === undefined ? '' : String(row.restarts);
		}

		case 'cpu': {
			return row.figures ? `${formatPercent(row.figures.cpuPercent)}${formatUnconfirmedMark(row)}` : '';
		}

		case 'memory': {
			if (!row.figures) return '';
			const mark = formatUnconfirmedMark(row);
			const full = `${formatMemoryUsage(row.figures.memoryUsage, row.figures.memoryLimit)}${mark}`;
			return full.length <= width ? full : `${formatBytes(row.figures.memoryUsage)}${mark}`;
		}

		case 'project': {
			return row.project;
		}

		case 'id': {
			return row.id.slice(0, 12);
		}

		case 'command': {
			return row.command === undefined ? '' : `"${row.command}"`;
		}

		case 'mempercent': {
			return row.figures ? `${formatPercent(row.figures.memoryPercent)}${formatUnconfirmedMark(row)}` : '';
		}

		case 'netio': {
			return row.figures ? `${formatInOut(row.figures.networkRx, row.figures.networkTx)}${formatUnconfirmedMark(row)}` : '';
		}

		case 'blockio': {
			return row.figures ? `${formatInOut(row.figures.blockRead, row.figures.blockWrite)}${formatUnconfirmedMark(row)}` : '';
		}

		case 'pids': {
			return row.figures ? `${row.figures.pids}${formatUnconfirmedMark(row)}` : '';
		}
	}
}

/** `?` after figures that are the last known, not sampled now: its engine does not answer, or its row was off screen. */
function formatUnconfirmedMark(row: ContainerRow): string {
	return row.stale || row.figures?.left ? '?' : '';
}

/** The columns whose width follows their texts, in the order rowWidths gives them. */
const textColumns = ['engine', 'name', 'image', 'status', 'ports', 'restarts', 'project', 'command'] as const;

/**
 * Each row's text widths, in textColumns' order. A row is never changed: one whose texts change is made anew
 * (formatContainerRows), so a list of a thousand measures only its new rows again (the clock's second, a
 * storm's batch), not six thousand texts.
 */
const measuredRows = new WeakMap<ContainerRow, readonly number[]>();

function rowWidths(row: ContainerRow): readonly number[] {
	let widths = measuredRows.get(row);
	if (!widths) {
		widths = [
			textWidth(row.engine),
			textWidth(row.name),
			textWidth(row.image),
			textWidth(row.status),
			textWidth(row.ports),
			row.restarts === undefined ? 0 : String(row.restarts).length,
			textWidth(row.project),
			row.command === undefined ? 0 : textWidth(row.command) + 2,
		];
		measuredRows.set(row, widths);
	}

	return widths;
}

/** The widest text of each column over all rows (figures at their widest), for content-sized columns. */
export function measureContainerColumns(rows: readonly ContainerRow[]): Map<ContainerColumn, number> {
	const widest = textColumns.map(() => 0);
	// An indexed loop: a for-of makes an iterator result for each of the thousand rows until V8 optimises it.
	for (let rowIndex = 0; rowIndex < rows.length; rowIndex++) {
		const widths = rowWidths(rows[rowIndex]!);
		for (let index = 0; index < widest.length; index++) if (widths[index]! > widest[index]!) widest[index] = widths[index]!;
	}

	const measured = new Map<ContainerColumn, number>(textColumns.map((column, index) => [column, widest[index]!]));
	// The figures' columns are as wide as their widest figure.
	measured.set('cpu', 7);
	measured.set('memory', 20);
	measured.set('id', 12);
	measured.set('mempercent', 7);
	measured.set('netio', 19);
	measured.set('blockio', 19);
	measured.set('pids', 5);
	return measured;
}

/** One container as segments of one line; only the status carries a tone of its own. */
export function formatContainerLine(
	row: ContainerRow,
	layout: ColumnLayout<ContainerColumn>,
	ellipsis = '…',
): LineSegment[] {
	const segments: LineSegment[] = [];
	let plain = '';
	// Indexed: entries() made an [index, column] pair per column of every row drawn.
	for (let index = 0; index < layout.length; index++) {
		const column = layout[index]!;
		const gap = index === 0 ? '' : ' '.repeat(columnGap);
		const text = padCell(cellText(row, column.id, column.width), column.width, column.align, ellipsis, cutOf(column.id));
		if (column.id === 'status') {
			segments.push({text: plain + gap});
			segments.push({text, tone: row.tone});
			plain = '';
		} else {
			plain += gap + text;
		}
	}

	if (plain !== '') segments.push({text: plain});
	return segments.filter(segment => segment.text !== '');
}

export function formatContainerHeading(layout: ColumnLayout<ContainerColumn>, ellipsis = '…'): string {
	return layout
		.map(column => padCell(column.title, column.width, column.align, ellipsis))
		.join(' '.repeat(columnGap));
}

/** A row's text around its coloured status. */
export type ContainerLine = {before: string; status: string; tone: LineSegment['tone']; after: string};

/**
 * A row's text around its coloured status, made once per row and layout: a key that moves the selection
 * draws the rows again without formatting them again.
 */
const lines = new WeakMap<ContainerRow, {layout: ColumnLayout<ContainerColumn>; ellipsis: string; line: ContainerLine}>();

export function containerLineOf(row: ContainerRow, layout: ColumnLayout<ContainerColumn>, ellipsis: string): ContainerLine {
	const made = lines.get(row);
	if (made && made.layout === layout && made.ellipsis === ellipsis) return made.line;
	const segments = formatContainerLine(row, layout, ellipsis);
	const statusIndex = segments.findIndex(segment => segment.tone !== undefined);
	const join = (from: number, to?: number) =>
		segments
			.slice(from, to)
			.map(segment => segment.text)
			.join('');
	const line: ContainerLine =
		statusIndex === -1
			? {before: join(0), status: '', tone: undefined, after: ''}
			: {before: join(0, statusIndex), status: segments[statusIndex]!.text, tone: segments[statusIndex]!.tone, after: join(statusIndex + 1)};
	lines.set(row, {layout, ellipsis, line});
	return line;
}

/**
 * A row as it is drawn: runs of text in one line, inverse when it is the selection in colour. The first two
 * columns are the pointer when selected, then `*` when marked, else `!` (bold red in colour) when an alert
 * concerns it. Without colour (statusColor false) the selection shows by its pointer only. Only the status's
 * words are coloured: colour codes around the padding would cost bytes on every redraw.
 */
export function containerRowRuns(
	line: ContainerLine,
	{selected, marked, alerted}: {selected: boolean; marked: boolean; alerted: boolean},
	pointer: string,
	statusColor: string | undefined | false,
): {inverse: boolean; runs: StyledSegment[]} {
	const gutter = `${selected ? pointer : ' '}${marked ? '*' : alerted ? '!' : ' '}`;
	if (statusColor === false) return {inverse: false, runs: [{text: `${gutter}${line.before}${line.status}${line.after}`}]};
	const words = line.status.trimEnd();
	return {
		inverse: selected,
		runs: [
			...(alerted && !marked ? [{text: gutter[0]!}, {text: '!', color: 'red', bold: true}] : [{text: gutter}]),
			{text: line.before},
			{text: words, color: statusColor},
			{text: `${line.status.slice(words.length)}${line.after}`},
		],
	};
}
