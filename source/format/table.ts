// Fits columns into the terminal's width and pads cells, so a whole row can be one <Text>.

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
		const needed = Math.max(column.min, content, [...column.title].length);
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

/** Cuts text to a width, marking the cut with an ellipsis. */
export function truncateText(text: string, width: number, ellipsis = '…'): string {
	if (width <= 0) return '';
	const characters = [...text];
	if (characters.length <= width) return text;
	return `${characters.slice(0, width - 1).join('')}${ellipsis}`;
}

export function padCell(text: string, width: number, align: 'left' | 'right' = 'left', ellipsis = '…'): string {
	const cut = truncateText(text, width, ellipsis);
	const gap = ' '.repeat(Math.max(0, width - [...cut].length));
	return align === 'right' ? gap + cut : cut + gap;
}

/** Cuts a line made of several runs (each drawn in its own style) to a width, keeping the runs. */
export function truncateSegments<Segment extends {text: string}>(
	segments: readonly Segment[],
	width: number,
	ellipsis = '…',
): Segment[] {
	const total = segments.reduce((sum, segment) => sum + [...segment.text].length, 0);
	if (total <= width) return [...segments];
	const result: Segment[] = [];
	let room = Math.max(0, width - 1);
	for (const segment of segments) {
		if (room <= 0) break;
		const characters = [...segment.text];
		result.push({...segment, text: characters.slice(0, room).join('')});
		room -= Math.min(room, characters.length);
	}

	if (width > 0) result.push({...(result.at(-1) ?? segments[0]!), text: ellipsis});
	return result;
}
