// The whole screen's props from the state: a pure selector, so the App only wires and renders.
import {formatHints, keymap} from '../commands/keymap.js';
import {selectPromptLabel} from '../commands/prompts.js';
import {selectHelpFirst, selectScopes} from '../commands/route.js';
import type {Command} from '../commands/types.js';
import type {Engine} from '../engine/types.js';
import {type ContainerColumn, containerColumns, engineColumn, measureContainerColumns, orderColumns} from '../format/containerColumns.js';
import {formatDiskUsage} from '../format/diskUsage.js';
import {type ColumnLayout, type ColumnSpec, type KeptWidths, keepWidths, layoutColumns, markSortedColumn} from '../format/table.js';
import {measureTableColumns, tableEngineColumn} from '../format/tableRow.js';
import type {AppState} from '../state/app.js';
import {countOpenAlerts} from '../state/alerts.js';
import {type LogsState, selectLogRows} from '../state/logs.js';
import {formatUnanswered} from '../state/connection.js';
import {keepSelectionInView} from '../state/files.js';
import {formatConfirmation, type PaneKind} from '../state/operations.js';
import {selectContainerCounts, selectResourceTotals} from '../state/select/containers.js';
import {memoizeLast} from '../state/select/memo.js';
import {paneTitles, selectPaneLinesFor} from '../state/select/paneLines.js';
import {defaultSort, selectOffset} from '../state/ui.js';
import type {ScreenProps} from '../ui/Screen.js';
import type {Theme} from '../ui/theme.js';
import {type CurrentList, selectCurrentList} from '../views/current.js';
import {views} from '../views/registry.js';
import {selectTableSort, selectTableSortLabel} from '../views/sort.js';
import type {Display} from './display.js';
import {countMessageRows} from '../format/statusLine.js';

export const minimumSize = {width: 50, height: 8};

export type ScreenSize = {width: number; height: number};

/** The list area is what is left after the header, the column titles and the status line's rows. */
export function selectPageSize(height: number, statusRows = 1): number {
	return Math.max(1, height - 2 - statusRows);
}

/** The rows the status line takes: a message in as many as it needs (up to three), a prompt or question in one. */
export function selectStatusRowCount(state: AppState, width: number, theme: Theme): number {
	if (state.operations.confirmation && state.ui.mode === 'confirm') return 1;
	if (selectPromptLabel(state, selectCurrentList(state).selected as {engine: string; cells?: Record<string, string>} | undefined) !== undefined) return 1;
	return countMessageRows(selectStatusMessage(state), width, theme);
}

/** How long a column of the containers list keeps a width its content no longer needs (format/table.ts keepWidths). */
export const columnHoldMs = 30_000;

/** What a list's content needs: each column's widest text, and whether RESTARTS has anything to say. */
const measureContainersOnce = memoizeLast((rows: CurrentList['rows']) => {
	const containerRows = rows as Parameters<typeof measureContainerColumns>[0];
	// RESTARTS takes room only once a container has restarted: a column of zeros says nothing.
	return {widths: measureContainerColumns(containerRows), restarted: containerRows.some(row => (row.restarts ?? 0) > 0)};
});

const layoutContainers = memoizeLast(
	(widths: ReadonlyMap<ContainerColumn, number>, restarted: boolean, width: number, engineCount: number, columns: ReadonlyArray<ColumnSpec<ContainerColumn>> = containerColumns) => {
		const shown = restarted ? columns : columns.filter(column => column.id !== 'restarts');
		return orderColumns(
			layoutColumns(Math.max(0, width - 2), engineCount > 1 ? [engineColumn, ...shown] : shown, widths),
			// The configured order, else the usual one.
			columns === containerColumns ? undefined : ['engine', ...columns.map(column => column.id)],
		);
	},
);

/** The widths a list is laid out with, from what its content needs now (the screen's memory of them, if it keeps one). */
export type KeepWidths = (measured: ReadonlyMap<ContainerColumn, number>, list: {view: string; filter: string}, now: number) => ReadonlyMap<ContainerColumn, number>;

/**
 * selectScreenProps for one screen, which remembers the containers list's column widths: a column widens at
 * once and narrows only after `holdMs`, so a container that comes and goes does not move every row. What the
 * user does (another view, another filter) lays the list out again at once.
 */
export function createScreenSelector(holdMs = columnHoldMs): typeof selectScreenProps {
	let kept: KeptWidths<ContainerColumn> | undefined;
	let keptFor = '';
	const keep: KeepWidths = (measured, list, now) => {
		const context = `${list.view}\0${list.filter}`;
		if (context !== keptFor) kept = undefined;
		keptFor = context;
		kept = keepWidths(kept, measured, now, holdMs);
		return kept.widths;
	};

	return (state, engines, size, theme, display) => selectScreenProps(state, engines, size, theme, display, keep);
}

const countOnce = memoizeLast(selectContainerCounts);
const totalOnce = memoizeLast(selectResourceTotals);

const layoutTable = memoizeLast((rows: CurrentList['rows'], width: number, columns: Parameters<typeof layoutColumns>[1]) =>
	layoutColumns(Math.max(0, width - 2), columns, measureTableColumns(rows as Parameters<typeof measureTableColumns>[0])),
);

const withEngineColumn = memoizeLast((columns: ReadonlyArray<ColumnSpec<string>>) => [tableEngineColumn, ...columns]);

/** The keys' hints change with the mode, the view, the pane and read-only, not with every frame of figures. */
const hintsOnce = memoizeLast((mode: AppState['ui']['mode'], view: string, paneKind: PaneKind | undefined, readOnly: boolean, commands: readonly Command[]) =>
	formatHints(selectScopes(mode, view, paneKind), {readOnly, paneKind}, commands),
);

/** The views' keys, made once: the views are known when berth starts. */
let viewKeysText: string | undefined;

/** The status line's keys: the view's caption, then the keys of the mode's scopes that have a hint. */
export function selectHints(state: AppState, list: CurrentList, commands: readonly Command[] = keymap): string {
	// The selected row's engine may be read-only on its own: its mutating keys are not offered.
	const engine = list.selected?.engine;
	const engineReadOnly = !state.ui.readOnly && engine !== undefined && (state.ui.readOnlyEngines?.has(engine) ?? false);
	const keys = state.ui.kiosk ? '' : hintsOnce(state.ui.mode, state.ui.view, state.operations.pane?.kind, state.ui.readOnly || engineReadOnly, commands);
	const caption = state.ui.mode === 'list' ? list.view.caption?.(state) : undefined;
	const readOnly = state.ui.kiosk ? 'kiosk (read-only)  ' : state.ui.readOnly ? 'read-only  ' : engineReadOnly ? `${engine}: read-only  ` : '';
	// The views' keys, digits as a range: `1-9 ! views`.
	const viewKeys = state.ui.mode === 'list' ? `${(viewKeysText ??= formatViewKeys(views.map(view => view.key)))} views  ` : '';
	return `${readOnly}${caption ? `${caption}  ` : ''}${viewKeys}${keys}`;
}

/** `0-9 !`: a run of digits as a range, the other keys after it. */
export function formatViewKeys(keys: readonly string[]): string {
	const digits = keys.filter(key => /^\d$/.test(key)).sort();
	const others = keys.filter(key => !digits.includes(key));
	const range = digits.length > 1 ? `${digits[0]}-${digits.at(-1)}` : (digits[0] ?? '');
	return [range, ...others].filter(Boolean).join(' ');
}

export function formatLogsTitle(logs: LogsState): string {
	const who = logs.targets.length === 1 ? logs.targets[0]!.name : `${logs.targets.length} containers (${logs.targets.map(target => target.name).join(', ')})`;
	const following = logs.follow ? 'following' : 'paused (G follows)';
	const filter = logs.filter === '' ? '' : `, filter "${logs.filter}"`;
	const dropped = logs.dropped > 0 ? `, ${logs.dropped} older dropped` : '';
	return `Logs: ${who}: ${following}, ${logs.lines.length} lines kept of ${logs.capacity}${dropped}${filter}`;
}

/**
 * The status line's message. One that says an action is under way (`Stopping web…`) says too that it waits
 * for an engine that does not answer, and for how long.
 */
export function selectStatusMessage(state: AppState): AppState['ui']['message'] {
	const {message} = state.ui;
	if (!message || message.tone !== 'info' || !message.text.endsWith('…')) return message;
	const silent = [...state.connection].flatMap(([name, connection]) =>
		connection.status === 'connected' && connection.unanswered ? [`${name} ${formatUnanswered(connection.unanswered)}`] : [],
	);
	if (silent.length === 0) return message;
	return {...message, text: `${message.text} waiting for the engine (${silent.join(', ')})`};
}

export function selectScreenProps(
	state: AppState,
	engines: ReadonlyArray<Pick<Engine, 'name' | 'addressText'>>,
	{width, height}: ScreenSize,
	theme: Theme,
	display?: Display,
	keep?: KeepWidths,
): ScreenProps {
	const commands = display?.commands ?? keymap;
	const columns = display?.columns.get(state.ui.view);
	const pageSize = selectPageSize(height, selectStatusRowCount(state, width, theme));
	const list = selectCurrentList(state);
	const offset = selectOffset(state.ui, list.keys, pageSize);
	const shown = list.rows.slice(offset, offset + pageSize);
	const selectedKey = list.selected?.key;
	const {mode} = state.ui;
	const engine = engines[0];
	const {pane} = state.operations;
	const {logs} = state;
	const paneLines = pane ? selectPaneLinesFor(state, pane, theme.unicode, width) : undefined;
	const sorted = selectSortedColumn(state, list);
	const markSorted = <Id extends string>(layout: ColumnLayout<Id>) => markSortedOnce(layout, sorted?.id, sorted?.descending ?? false, theme.unicode) as ColumnLayout<Id>;
	return {
		width,
		height,
		minimum: minimumSize,
		theme,
		header: {
			address: engines.length > 1 ? `${engines.length} engines` : (engine?.addressText ?? ''),
			connection: engine ? state.connection.get(engine.name) : undefined,
			engines: engines.length > 1 ? engines.map(each => ({name: each.name, connection: state.connection.get(each.name)})) : undefined,
			counts: countOnce(state.containers),
			alerts: countOpenAlerts(state.alerts),
			totals: totalOnce(state.containers, state.stats),
			sort: selectSortLabel(state, list),
			shown: list.rows.length,
			filter: list.filter,
			theme,
			width,
		},
		table: {
			rows: list.view.kind === 'containers' ? (shown as Extract<CurrentList, {view: {kind: 'containers'}}>['rows']) : [],
			layout:
				list.view.kind === 'containers'
					? markSorted(containerLayout(list, state.now, width, engines.length, columns as ReadonlyArray<ColumnSpec<ContainerColumn>> | undefined, keep))
					: [],
			selectedKey,
			marks: state.ui.marks,
			height: pageSize,
			theme,
			emptyText: list.view.emptyText(state, list.filter),
		},
		status: {
			mode,
			draft: state.ui.draft,
			message: selectStatusMessage(state),
			hints: selectHints(state, list, commands),
			theme,
			width,
			question: state.operations.confirmation ? formatConfirmation(state.operations.confirmation) : undefined,
			prompt: selectPromptLabel(state, list.selected as {engine: string; cells?: Record<string, string>} | undefined),
			promptError: state.ui.promptError?.mode === state.ui.mode ? state.ui.promptError.text : undefined,
		},
		bindings: commands,
		helpScroll: state.ui.helpScroll,
		helpFirst: mode === 'help' ? selectHelpFirst(state) : undefined,
		form: mode === 'form' ? state.form : undefined,
		resourceTable:
			list.view.kind === 'table'
				? {
						rows: shown as Extract<CurrentList, {view: {kind: 'table'}}>['rows'],
						layout: markSorted(layoutTable(list.rows, width, tableColumns(list.view, columns, engines.length))),
						selectedKey,
						emptyText: list.view.emptyText(state, list.filter),
					}
				: undefined,
		logs:
			logs && (mode === 'logs' || mode === 'logs-search' || mode === 'logs-filter' || mode === 'help')
				? {
						title: formatLogsTitle(logs),
						rows: selectLogRows(logs, width, Math.max(1, pageSize - 1)),
						nameWidth: logs.targets.length > 1 ? Math.max(...logs.targets.map(target => target.name.length)) : 0,
						timestamps: logs.timestamps,
						wrap: logs.wrap,
						logColor: logs.color,
						search: mode === 'logs-search' ? state.ui.draft : logs.search,
					}
				: undefined,
		pane:
			pane && (mode === 'pane' || mode === 'pane-search' || mode === 'copy-out' || mode === 'copy-in' || (mode === 'confirm' && pane.kind === 'files'))
				? {
						title: `${paneTitles[pane.kind]}: ${pane.target.name}`,
						lines: paneLines!,
						table: pane.kind === 'disk' && state.resources.disk.get(pane.target.engine) ? formatDiskUsage(state.resources.disk.get(pane.target.engine)!) : undefined,
						// A folder's selection stays in view when a long message takes rows from the pane.
						scroll: pane.follow ? Math.max(0, paneLines!.length - pageSize) : pane.files ? keepSelectionInView(pane.files, pane.scroll, pageSize) : pane.scroll,
						search: mode === 'pane-search' ? state.ui.draft : pane.search,
					}
				: undefined,
	};
}

/** The column the list is sorted by, when it is a column shown and not the view's own order. */
function selectSortedColumn(state: AppState, list: CurrentList): {id: string; descending: boolean} | undefined {
	if (list.view.kind === 'table') {
		const sort = selectTableSort(state, list.view);
		return sort?.column === undefined ? undefined : {id: sort.column, descending: sort.descending};
	}

	const {sort} = state.ui;
	// By age there is no column (docker ps's CREATED is not one of berth's).
	return sort.by === 'age' || (sort.by === defaultSort.by && sort.descending === defaultSort.descending) ? undefined : {id: sort.by, descending: sort.descending};
}

const markSortedOnce = memoizeLast(
	<Id extends string>(layout: ColumnLayout<Id>, id: string | undefined, descending: boolean, unicode: boolean) =>
		markSortedColumn(layout, id === undefined ? undefined : {id, descending}, unicode),
);

/** The header's words for the list's order, when it is not the view's own. */
function selectSortLabel(state: AppState, list: CurrentList): {by: string; descending?: boolean} | undefined {
	if (list.view.kind === 'table') return selectTableSortLabel(list.view, selectTableSort(state, list.view));
	const {sort} = state.ui;
	return sort.by === defaultSort.by && sort.descending === defaultSort.descending ? undefined : sort;
}

function tableColumns(view: Extract<CurrentList['view'], {kind: 'table'}>, configured: ReadonlyArray<ColumnSpec<string>> | undefined, engineCount: number) {
	const columns = configured ?? view.columns;
	return engineCount > 1 && view.perEngine ? withEngineColumn(columns) : columns;
}

function containerLayout(list: CurrentList, now: number, width: number, engineCount: number, columns: ReadonlyArray<ColumnSpec<ContainerColumn>> | undefined, keep?: KeepWidths) {
	const measured = measureContainersOnce(list.rows);
	const widths = keep ? keep(measured.widths, {view: list.view.name, filter: list.filter}, now) : measured.widths;
	return layoutContainers(widths, measured.restarted, width, engineCount, columns);
}

/** The rows on screen of the current list (the stats and timings follow only these). */
export function selectShownRows(state: AppState, {width, height}: ScreenSize, theme: Theme): CurrentList['rows'] {
	const list = selectCurrentList(state);
	const pageSize = selectPageSize(height, selectStatusRowCount(state, width, theme));
	const offset = selectOffset(state.ui, list.keys, pageSize);
	return list.rows.slice(offset, offset + pageSize);
}
