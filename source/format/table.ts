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

/** Keeps the most important columns that fit, widens them towards their ideal, then shares the rest. */
export function layoutColumns<Id extends string>(
	width: number,
	columns: ReadonlyArray<ColumnSpec<Id>>,
): ColumnLayout<Id> {
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

	const growing = kept.filter(column => column.grow);
	for (const [index, column] of growing.entries()) {
		const share = Math.floor(spare / (growing.length - index));
		widths.set(column.id, (widths.get(column.id) ?? 0) + share);
		spare -= share;
	}

	return kept.map(column => ({
		id: column.id,
		title: column.title,
		width: Math.max(0, widths.get(column.id) ?? column.min),
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
