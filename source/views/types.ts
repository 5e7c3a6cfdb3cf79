// What a view is: one list of berth's, described whole (name, key, columns, rows, listings, commands).
import type {Command} from '../commands/types.js';
import type {ColumnSpec} from '../format/table.js';
import type {AppState} from '../state/app.js';
import type {EventEntry, ListingKind} from '../state/resources.js';

/** A row any list can show and select. */
export type ListRow = {key: string; engine: string};

export type ViewSpec<Row extends ListRow> = {
	/** The name typed after `:` and shown in the help. */
	name: string;
	title: string;
	/** The key that shows it from any list. */
	key: string;
	/** The rows of the view, unfiltered; memoised by the view, so that a key press does not rebuild them. */
	selectRows: (state: AppState) => readonly Row[];
	filterRows: (rows: readonly Row[], filter: string) => readonly Row[];
	/** The listings it needs while it is shown, asked again after events that concern it. */
	listings: readonly ListingKind[];
	concerns?: (event: EventEntry) => boolean;
	/** Listed again this often while shown (task states change without an event). */
	refreshMs?: number;
	/** Its texts count time ("3 minutes ago"), so the clock may change them. */
	ages?: boolean;
	/** Said where there are no rows. */
	emptyText: (state: AppState, filter: string) => string;
	/** Words for the status line before the keys (the tasks of one service). */
	caption?: (state: AppState) => string | undefined;
	commands: ReadonlyArray<Command<Row>>;
	/** What `y` copies of a row (its name, as docker commands take it) and `Y` (its full ID, where it has one). */
	copyable?: (row: Row) => {name: string; id?: string | undefined};
};

/** How a table view sorts with `o` and `O`. */
export type TableSortSpec = {
	/** Its own order in words, after `Sorted ` in the status line: `as docker images lists them (newest first)`. */
	defaultOrder: string;
	/**
	 * Columns whose rows carry a value to sort by (TableRow.order), and what it is: first chosen, sizes and
	 * counts sort largest first and times newest first. The other columns sort by text, A to Z.
	 */
	values?: Readonly<Record<string, 'size' | 'time' | 'count'>>;
};

/** Images, volumes, networks and the other docker lists: cells by column. */
export type TableView = ViewSpec<import('../format/tableRow.js').TableRow> & {
	kind: 'table';
	columns: ReadonlyArray<ColumnSpec<string>>;
	/** Its rows are each one engine's (images, volumes, ...): with several engines an ENGINE column comes first. */
	perEngine?: boolean;
	/** How `o` and `O` sort it; a view without it keeps its own order (a log, a page of lines). */
	sort?: TableSortSpec;
};

/** The containers list, with its figures, marks and sort. */
export type ContainersView = ViewSpec<import('../format/containerColumns.js').ContainerRow> & {kind: 'containers'};

export type View = TableView | ContainersView;
