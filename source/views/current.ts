// THE current list: the rows the screen shows and every command acts on, filtered once, with the selection.
import type {ContainerRow} from '../format/containerColumns.js';
import type {TableRow} from '../format/tableRow.js';
import type {AppState} from '../state/app.js';
import {memoizeLast} from '../state/select/memo.js';
import {selectSelectedIndex} from '../state/ui.js';
import {selectView} from './registry.js';
import {selectTableSort, sortViewRows} from './sort.js';
import type {ContainersView, TableView} from './types.js';

export type CurrentList =
	| {view: ContainersView; rows: readonly ContainerRow[]; keys: readonly string[]; selectedIndex: number; selected: ContainerRow | undefined; filter: string}
	| {view: TableView; rows: readonly TableRow[]; keys: readonly string[]; selectedIndex: number; selected: TableRow | undefined; filter: string};

/** The filter as the list shows it: the draft while `/` is typed, else the one kept. */
export function selectFilterText(state: AppState): string {
	return state.ui.mode === 'filter' ? state.ui.draft : state.ui.filter;
}

const filterOnce = memoizeLast(<Row extends {key: string}>(rows: readonly Row[], filter: string, filterRows: (rows: readonly Row[], filter: string) => readonly Row[]) => {
	const shown = filterRows(rows, filter);
	return {rows: shown, keys: shown.map(row => row.key)};
});

/** A table view's rows in its order now: sorted again only when the rows or the order change. */
const sortOnce = memoizeLast(sortViewRows);

export function selectCurrentList(state: AppState): CurrentList {
	const view = selectView(state.ui.view);
	const filter = selectFilterText(state);
	if (view.kind === 'containers') {
		const {rows, keys} = filterOnce(view.selectRows(state), filter, view.filterRows);
		const selectedIndex = selectSelectedIndex(state.ui, keys);
		return {view, rows, keys, selectedIndex, selected: rows[selectedIndex], filter};
	}

	const {rows, keys} = filterOnce(sortOnce(view.selectRows(state), selectTableSort(state, view)), filter, view.filterRows);
	const selectedIndex = selectSelectedIndex(state.ui, keys);
	return {view, rows, keys, selectedIndex, selected: rows[selectedIndex], filter};
}
