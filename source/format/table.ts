// Fits columns into the terminal's width and pads cells, so a whole row can be one <Text>. Widths are terminal
// columns (string-width: a CJK character or an emoji takes two, a combining mark none), never code points.
import cliTruncate from 'cli-truncate';
import sliceAnsi from 'slice-ansi';
import stringWidth from 'string-width';

export type ColumnSpec<Id extends string> = {
	id: Id;
	title: string;
	/** Narrowest useful width; below it the column is dropped. */
	min: number;
	/** Width it gets once every kept column has its minimum. */
	ideal: number;
	/** Lower numbers are kept longer when space runs out. */
	priority: number;
	/** Columns that take what is left after every column has its ideal width. */
	grow?: boolean;
	align?: 'left' | 'right';
};

export type ColumnLayout<Id extends string> = Array<{id: Id; title: string; width: number; align: 'left' | 'right'}>;

export const columnGap = 1;

/**
 * Characters one terminal column wide each: printable Latin-1 but the soft hyphen, general punctuation but
 * the bidirectional controls, arrows, box drawing and block elements (berth's ·, ›, …, ↑, ↓, ▁-█). The same
 * set as the build's narrowTextPattern (esbuild.config.mjs), which a test checks against string-width. Text
 * made of them is as wide as it is long, and cut by its length.
 */
export const narrowText = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2029\u202F-\u205E\u2190-\u21FF\u2500-\u259F]*$/;

/** Terminal columns a text takes; narrow text (almost every cell) is counted without string-width's work. */
export function textWidth(text: string): number {
	return narrowText.test(text) ? text.length : stringWidth(text);
}

/**
 * Keeps the most important columns that fit, widens them towards their ideal, then shares the rest.
 * Given the widest content of each column, no column is made wider than its content needs
 * (as `docker ps` sizes its columns), and what is left stays blank at the right.
 */
export function layoutColumns<Id extends string>(
	width: number,
	specs: ReadonlyArray<ColumnSpec<Id>>,
	contentWidths?: ReadonlyMap<Id, number>,
): ColumnLayout<Id> {
	const columns = specs.map(column => {
		const content = contentWidths?.get(column.id);
		if (content === undefined) return {...column, most: Number.POSITIVE_INFINITY};
		const needed = Math.max(column.min, content, textWidth(column.title));
		return {
			...column,
			ideal: Math.min(column.ideal, needed),
			grow: column.grow === true && needed > column.ideal,
			most: needed,
		};
	});

	const total = (kept: ReadonlyArray<ColumnSpec<Id>>, widthOf: (column: ColumnSpec<Id>) => number) =>
		kept.reduce((sum, column) => sum + widthOf(column), 0) + Math.max(0, kept.length - 1) * columnGap;

	let kept = [...columns];
	while (kept.length > 1 && total(kept, column => column.min) > width) {
		const dropped = kept.reduce((worst, column) => (column.priority > worst.priority ? column : worst));
		kept = kept.filter(column => column !== dropped);
	}

	const widths = new Map<Id, number>(kept.map(column => [column.id, column.min]));
	let spare = width - total(kept, column => column.min);
	for (const column of [...kept].sort((a, b) => a.priority - b.priority)) {
		const extra = Math.min(spare, column.ideal - column.min);
		if (extra > 0) {
			widths.set(column.id, column.min + extra);
			spare -= extra;
		}
	}

	// A growing column takes no more than its content needs: the ones that need least are served first,
	// so what they leave goes to the others, and what nobody needs stays blank.
	const room = (column: (typeof kept)[number]) => column.most - (widths.get(column.id) ?? 0);
	const growing = kept.filter(column => column.grow).sort((a, b) => (room(a) < room(b) ? -1 : room(a) > room(b) ? 1 : 0));
	for (const [index, column] of growing.entries()) {
		const share = Math.min(Math.floor(spare / (growing.length - index)), room(column));
		widths.set(column.id, (widths.get(column.id) ?? 0) + share);
		spare -= share;
	}

	return kept.map(column => ({
		id: column.id,
		title: column.title,
		// A lone column wider than the space is cut to it.
		width: Math.max(0, Math.min(width, widths.get(column.id) ?? column.min)),
		align: column.align ?? 'left',
	}));
}

/**
 * The layout with the sorted column's heading marked by its direction (`SIZE↓`, `NAMEv` without Unicode), as
 * k9s marks it: the order shows where the eye already is, at any width. The mark takes the heading's last
 * place when the column is no wider than its heading.
 */
export function markSortedColumn<Id extends string>(layout: ColumnLayout<Id>, sorted: {id: string; descending: boolean} | undefined, unicode: boolean): ColumnLayout<Id> {
	const index = sorted ? layout.findIndex(column => column.id === sorted.id) : -1;
	if (!sorted || index === -1) return layout;
	const column = layout[index]!;
	const mark = sorted.descending ? (unicode ? '↓' : 'v') : unicode ? '↑' : '^';
	const room = Math.max(0, column.width - 1);
	const head = textWidth(column.title) <= room ? column.title : narrowText.test(column.title) ? column.title.slice(0, room) : truncateText(column.title, room);
	const title = `${head}${mark}`;
	return layout.map((each, at) => (at === index ? {...each, title} : each));
}

/** Cuts text to a width in columns, marking the cut with an ellipsis (a wide character that would straddle it goes). */
export function truncateText(text: string, width: number, ellipsis = '…', position: 'end' | 'middle' = 'end'): string {
	if (width <= 0) return '';
	if (narrowText.test(text)) {
		if (text.length <= width) return text;
		if (position === 'end' || width < 3) return `${text.slice(0, width - 1)}${ellipsis}`;
		// Both ends kept: names that share a start (prod-eu-1, prod-eu-2) or an end (a.example.com) stay apart.
		const tail = Math.floor((width - 1) / 2);
		return `${text.slice(0, width - 1 - tail)}${ellipsis}${text.slice(text.length - tail)}`;
	}

	return cliTruncate(text, width, {truncationCharacter: ellipsis, position});
}

/** The columns cut in the middle when too narrow: an engine's name, whose end tells engines apart as often as its start. */
export function cutOf(column: string): 'end' | 'middle' {
	return column === 'engine' ? 'middle' : 'end';
}

/** Text cut or padded to exactly `width` columns. */
export function padCell(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…', position: 'end' | 'middle' = 'end'): string {
	const cut = truncateText(text, width, ellipsis, position);
	const gap = ' '.repeat(Math.max(0, width - textWidth(cut)));
	return align === 'right' ? gap + cut : cut + gap;
}

/** A run of text in one style, as Ink's <Text> draws it. */
export type StyledSegment = {text: string; color?: string | undefined; bold?: boolean | undefined; dim?: boolean | undefined; inverse?: boolean | undefined};

/** Cuts a line made of several runs (each drawn in its own style) to a width, keeping the runs. */
export function truncateSegments<Segment extends {text: string}>(
	segments: readonly Segment[],
	width: number,
	ellipsis = '…',
): Segment[] {
	const total = segments.reduce((sum, segment) => sum + textWidth(segment.text), 0);
	if (total <= width) return [...segments];
	const result: Segment[] = [];
	let room = Math.max(0, width - textWidth(ellipsis));
	for (const segment of segments) {
		if (room <= 0) break;
		// Narrow text is cut by its length: the header is cut so at every frame on a narrow terminal.
		if (narrowText.test(segment.text)) {
			result.push({...segment, text: segment.text.slice(0, room)});
			room -= Math.min(room, segment.text.length);
			continue;
		}

		const kept = sliceAnsi(segment.text, 0, room);
		// slice-ansi keeps a wide character that starts inside the room whole; one that would pass the edge goes.
		const fitted = stringWidth(kept) > room ? sliceAnsi(segment.text, 0, room - 1) : kept;
		result.push({...segment, text: fitted});
		room -= Math.min(room, stringWidth(segment.text));
	}

	if (width > 0) result.push({...(result.at(-1) ?? segments[0]!), text: ellipsis});
	return result;
}

/** Content widths as a list shows them: each column's width and, for one waiting to narrow, since when it could. */
export type KeptWidths<Id extends string> = {
	widths: ReadonlyMap<Id, number>;
	narrowerSince: ReadonlyMap<Id, number>;
};

/**
 * Content widths that widen at once and narrow only once the narrower content has lasted `holdMs`. A container
 * that comes and goes (a job, short-lived containers one after another, a storm) would otherwise move the
 * columns after it on every row each time, and every row would be drawn again; on a screen left running the
 * table would jump. Returns `kept` itself when nothing changed, so what is laid out from it can be kept too.
 */
export function keepWidths<Id extends string>(
	kept: KeptWidths<Id> | undefined,
	measured: ReadonlyMap<Id, number>,
	now: number,
	holdMs: number,
): KeptWidths<Id> {
	if (!kept) return {widths: measured, narrowerSince: new Map()};
	let resized = kept.widths.size !== measured.size;
	let waitChanged = false;
	const widths = new Map<Id, number>();
	const narrowerSince = new Map<Id, number>();
	for (const [id, width] of measured) {
		const before = kept.widths.get(id);
		const since = kept.narrowerSince.get(id);
		if (before === undefined || width >= before) {
			widths.set(id, width);
			resized ||= width !== before;
			waitChanged ||= since !== undefined;
		} else if (since !== undefined && now - since >= holdMs) {
			widths.set(id, width);
			resized = true;
		} else {
			widths.set(id, before);
			narrowerSince.set(id, since ?? now);
			waitChanged ||= since === undefined;
		}
	}

	// The same widths stay the same map while only the waitChanged changed: the layout made from them stands.
	if (resized) return {widths, narrowerSince};
	return waitChanged ? {widths: kept.widths, narrowerSince} : kept;
}
