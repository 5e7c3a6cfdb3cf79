// Sorting a table view: `o` and `O` beside their handlers, and the words the status line and the header say.
import type {Command, CommandContext} from '../commands/types.js';
import {sortTableRows, tableEngineColumn, type TableRow} from '../format/tableRow.js';
import type {AppState} from '../state/app.js';
import {reduceUi, type TableSort, type UiAction} from '../state/ui.js';
import type {TableView} from './types.js';

/** How a value column reads each way: [first chosen (descending), reversed]. */
const valueWords = {
	size: ['largest first', 'smallest first'],
	time: ['newest first', 'oldest first'],
	count: ['most first', 'fewest first'],
} as const;

/** The table view's order now; undefined for its own. */
export function selectTableSort(state: AppState, view: TableView): TableSort | undefined {
	return view.sort ? state.ui.tableSorts[view.name] : undefined;
}

/** The columns `o` goes through, in the order shown: ENGINE first when berth shows several engines (answered or not). */
export function selectSortColumns(state: AppState, view: TableView, configured?: readonly string[], engineCount = state.connection.size): string[] {
	const ids = configured ?? view.columns.map(column => column.id);
	return view.perEngine && engineCount > 1 ? [tableEngineColumn.id, ...ids] : [...ids];
}

/** A column's heading (`SIZE`), its id when the view has no such column. */
export function formatColumnTitle(view: TableView, column: string): string {
	return (column === tableEngineColumn.id && view.perEngine ? tableEngineColumn : view.columns.find(each => each.id === column))?.title ?? column;
}

/** What the status line says of an order: `Sorted by SIZE, largest first`, `Sorted as docker images lists them (newest first)`. */
export function formatTableSort(view: TableView, sort: TableSort | undefined): string {
	if (!sort || sort.column === undefined) return `Sorted ${view.sort?.defaultOrder ?? 'as the view lists them'}${sort?.descending ? ', reversed' : ''}`;
	const kind = view.sort?.values?.[sort.column];
	const words = kind ? valueWords[kind][sort.descending ? 0 : 1] : sort.descending ? 'Z to A' : 'A to Z';
	return `Sorted by ${formatColumnTitle(view, sort.column)}, ${words}`;
}

/** What the header says of an order that is not the view's own: a column, lower case, with its direction; or `reversed`. */
export function selectTableSortLabel(view: TableView, sort: TableSort | undefined): {by: string; descending?: boolean} | undefined {
	if (!sort) return undefined;
	if (sort.column === undefined) return sort.descending ? {by: 'reversed'} : undefined;
	return {by: formatColumnTitle(view, sort.column).toLowerCase(), descending: sort.descending};
}

/** The table view's rows in its order now. */
export function sortViewRows(rows: readonly TableRow[], sort: TableSort | undefined): readonly TableRow[] {
	return sort ? sortTableRows(rows, sort.column, sort.descending) : rows;
}

/** `: o next, O reverses.`, with the keys as the configuration binds them; a key bound to nothing is not offered. */
export function formatSortKeys(keysOf: CommandContext['keysOf']): string {
	const next = keysOf ? keysOf('sort-next') : 'o';
	const reverse = keysOf ? keysOf('sort-reverse') : 'O';
	const offered = [next === '' ? '' : `${next} next`, reverse === '' ? '' : `${reverse} reverses`].filter(Boolean);
	return offered.length === 0 ? '.' : `: ${offered.join(', ')}.`;
}

function withSort(state: AppState, view: TableView, action: UiAction, keysOf: CommandContext['keysOf']): AppState {
	const ui = reduceUi(state.ui, action);
	const next = {...state, ui};
	return {...next, ui: {...ui, message: {text: `${formatTableSort(view, selectTableSort(next, view))}${formatSortKeys(keysOf)}`, tone: 'info'}}};
}

/**
 * `o` and `O` of a table view, for its own commands; `view` gives the view itself once it is made (the
 * commands are made before it). The selection stays on its row.
 */
export function tableSortCommands(view: () => TableView): Array<Omit<Command<TableRow>, 'scope'>> {
	return [
		{
			action: 'sort-next',
			keys: ['o'],
			help: 'Sort by the next column; after the last, back to the view\'s own order',
			run(state: AppState, {selected, columns, engineCount, keysOf}: CommandContext<TableRow>) {
				const shown = view();
				const values = shown.sort?.values ?? {};
				const order = selectSortColumns(state, shown, columns, engineCount).map(id => ({id, descending: Object.hasOwn(values, id)}));
				return withSort(state, shown, {type: 'table-sort/next', view: shown.name, columns: order, selectedKey: selected?.key}, keysOf);
			},
		},
		{
			action: 'sort-reverse',
			keys: ['O'],
			help: 'Reverse the sort order',
			run: (state: AppState, {selected, keysOf}: CommandContext<TableRow>) =>
				withSort(state, view(), {type: 'table-sort/reverse', view: view().name, selectedKey: selected?.key}, keysOf),
		},
	];
}
