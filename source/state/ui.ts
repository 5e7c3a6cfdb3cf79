// What the person is doing in the UI: mode, filter, command line, selection and scroll. Pure reducer.

export type SortKey = 'project' | 'name' | 'status' | 'age' | 'cpu' | 'memory';

export const sortKeys: readonly SortKey[] = ['project', 'name', 'status', 'age', 'cpu', 'memory'];

export type SortOrder = {by: SortKey; descending: boolean};

/** Compose projects together, as berth starts. */
export const defaultSort: SortOrder = {by: 'project', descending: false};

/** A table view's order: by a column, or (no column) the view's own; either way possibly reversed. */
export type TableSort = {column: string | undefined; descending: boolean};

export type Mode =
	| 'list'
	| 'filter'
	| 'command'
	| 'help'
	| 'confirm'
	| 'pane'
	| 'pane-search'
	| 'logs'
	| 'logs-search'
	| 'logs-filter'
	| 'form'
	| 'pull'
	| 'scale'
	| 'rename'
	| 'update'
	| 'copy-out'
	| 'copy-in';

/** A view's name, as the view registry knows it (source/views/registry.ts). */
export type ViewName = string;

export type Message = {text: string; tone: 'info' | 'error'};

export type UiState = {
	mode: Mode;
	view: ViewName;
	/** The filter the list is narrowed by once Enter kept it. */
	filter: string;
	/** What is being typed at the `/` or `:` prompt. */
	draft: string;
	selectedKey: string | undefined;
	/** Where the selection was, for when its row disappears. */
	selectedIndex: number;
	/** First row on screen. */
	offset: number;
	message: Message | undefined;
	quitting: boolean;
	/** Containers (by key) that actions apply to instead of the selection. */
	marks: ReadonlySet<string>;
	/** A pure viewer: keys that would change what the engine holds answer with a message instead. */
	readOnly: boolean;
	/** Engines read-only on their own (the configuration file): their rows' mutating keys are off. */
	readOnlyEngines?: ReadonlySet<string>;
	/** A wall screen: read-only, and keys only move between views (and along a list). */
	kiosk?: boolean;
	/** First line of the help overlay on screen. */
	helpScroll: number;
	sort: SortOrder;
	/** Each table view's order, by view name; a view not named here is in its own order. */
	tableSorts: Readonly<Record<ViewName, TableSort>>;
	/** Selection, scroll and filter of the views not shown, to come back to. */
	positions: Readonly<Record<ViewName, ListPosition>>;
	/** Where closing the help goes back to. */
	helpReturn?: Mode;
	/** The container the rename prompt was opened for: the selection may move while the name is typed. */
	renameTarget?: {key: string; engine: string; id: string; name: string} | undefined;
	/** What was wrong with the text a prompt was given, shown while that prompt is open again with it. */
	promptError?: {mode: Mode; text: string} | undefined;
	/** The containers the `docker update` prompt was opened for (the marked ones, else the selected one). */
	updateTargets?: ReadonlyArray<{key: string; engine: string; id: string; name: string}> | undefined;
	/** The tasks view shows only this service's tasks (Enter on a service); any view switch ends it. */
	taskService?: {key: string; name: string} | undefined;
};

export const initialUi: UiState = {
	mode: 'list',
	view: 'containers',
	filter: '',
	draft: '',
	selectedKey: undefined,
	selectedIndex: 0,
	offset: 0,
	message: undefined,
	quitting: false,
	marks: new Set(),
	readOnly: false,
	helpScroll: 0,
	sort: defaultSort,
	tableSorts: {},
	positions: {},
};

export type ListPosition = {selectedKey: string | undefined; selectedIndex: number; offset: number; filter: string};

/** Shows another view, keeping where the person was in this one. */
export function switchView(state: UiState, view: ViewName): UiState {
	if (view === state.view) return {...state, mode: 'list', message: undefined, taskService: undefined};
	const here: ListPosition = {
		selectedKey: state.selectedKey,
		selectedIndex: state.selectedIndex,
		offset: state.offset,
		filter: state.filter,
	};
	const there = state.positions[view] ?? {selectedKey: undefined, selectedIndex: 0, offset: 0, filter: ''};
	return {
		...state,
		...there,
		view,
		mode: 'list',
		draft: '',
		marks: new Set(),
		message: undefined,
		taskService: undefined,
		positions: {...state.positions, [state.view]: here},
	};
}

/** The rows the list shows now, which movement needs to know. */
export type ListShape = {keys: readonly string[]; pageSize: number};

export type UiAction =
	| {type: 'move'; by: number; list: ListShape}
	| {type: 'move-to'; to: 'first' | 'last'; list: ListShape}
	| {type: 'page'; by: 1 | -1; list: ListShape}
	| {type: 'filter/open'}
	| {type: 'filter/type'; text: string}
	| {type: 'filter/erase'}
	| {type: 'filter/keep'; list: ListShape}
	| {type: 'filter/clear'}
	| {type: 'command/open'}
	| {type: 'command/type'; text: string}
	| {type: 'command/erase'}
	| {type: 'command/cancel'}
	| {type: 'help/toggle'}
	| {type: 'help/close'}
	| {type: 'help/scroll'; by: number}
	| {type: 'view/switch'; view: ViewName}
	/** Sorts a table view by the column after its current one (each column with the direction it starts in); after the last, its own order. */
	| {type: 'table-sort/next'; view: ViewName; columns: ReadonlyArray<{id: string; descending: boolean}>; selectedKey: string | undefined}
	| {type: 'table-sort/reverse'; view: ViewName; selectedKey: string | undefined}
	| {type: 'message/show'; message: Message}
	| {type: 'message/clear'}
	| {type: 'quit'};

/** Index of the selected row in the current list, even when its row has gone. */
export function selectSelectedIndex(state: UiState, keys: readonly string[]): number {
	if (keys.length === 0) return -1;
	const found = state.selectedKey === undefined ? -1 : keys.indexOf(state.selectedKey);
	if (found !== -1) return found;
	return Math.min(Math.max(0, state.selectedIndex), keys.length - 1);
}

/** First row on screen so that the selection stays visible and the page is full where it can be. */
export function selectOffset(state: UiState, keys: readonly string[], pageSize: number): number {
	const index = selectSelectedIndex(state, keys);
	const size = Math.max(1, pageSize);
	let offset = Math.min(state.offset, Math.max(0, keys.length - size));
	if (index < offset) offset = index;
	if (index >= offset + size) offset = index - size + 1;
	return Math.max(0, offset);
}

/** The view's order set, or dropped when it is the view's own; the selection stays on the row it was on. */
function withTableSort(state: UiState, view: ViewName, sort: TableSort | undefined, selectedKey: string | undefined): UiState {
	const {[view]: _old, ...others} = state.tableSorts;
	const tableSorts = sort && (sort.column !== undefined || sort.descending) ? {...others, [view]: sort} : others;
	return {...state, tableSorts, selectedKey: selectedKey ?? state.selectedKey};
}

function selectAt(state: UiState, list: ListShape, index: number): UiState {
	if (list.keys.length === 0) return {...state, selectedKey: undefined, selectedIndex: 0, offset: 0};
	const clamped = Math.min(Math.max(0, index), list.keys.length - 1);
	const next = {...state, selectedKey: list.keys[clamped], selectedIndex: clamped};
	return {...next, offset: selectOffset(next, list.keys, list.pageSize)};
}

export function reduceUi(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'move': {
			return selectAt(state, action.list, selectSelectedIndex(state, action.list.keys) + action.by);
		}

		case 'move-to': {
			return selectAt(state, action.list, action.to === 'first' ? 0 : action.list.keys.length - 1);
		}

		case 'page': {
			const size = Math.max(1, action.list.pageSize);
			return selectAt(state, action.list, selectSelectedIndex(state, action.list.keys) + action.by * size);
		}

		case 'filter/open': {
			return {...state, mode: 'filter', draft: state.filter, message: undefined};
		}

		case 'filter/type': {
			return {...state, draft: state.draft + action.text};
		}

		case 'filter/erase': {
			return {...state, draft: [...state.draft].slice(0, -1).join('')};
		}

		case 'filter/keep': {
			// The list passed in is already narrowed by the draft: its first row becomes the selection.
			return selectAt({...state, mode: 'list', filter: state.draft.trim(), offset: 0}, action.list, 0);
		}

		case 'filter/clear': {
			return {
				...state,
				mode: 'list',
				filter: '',
				draft: '',
				marks: state.mode === 'list' ? new Set() : state.marks,
				taskService: state.mode === 'list' ? undefined : state.taskService,
			};
		}

		case 'command/open': {
			return {...state, mode: 'command', draft: '', message: undefined};
		}

		case 'command/type': {
			return {...state, draft: state.draft + action.text};
		}

		case 'command/erase': {
			return {...state, draft: [...state.draft].slice(0, -1).join('')};
		}

		case 'command/cancel': {
			return {...state, mode: 'list', draft: ''};
		}

		case 'help/toggle': {
			// Help opened from a pane goes back to the pane.
			if (state.mode === 'help') return {...state, mode: state.helpReturn ?? 'list'};
			const back: Mode = state.mode === 'pane' || state.mode === 'logs' ? state.mode : 'list';
			return {...state, mode: 'help', helpScroll: 0, helpReturn: back};
		}

		case 'view/switch': {
			return switchView(state, action.view);
		}

		case 'table-sort/next': {
			const current = state.tableSorts[action.view]?.column;
			// From the view's own order, or a column no longer shown: the first column.
			const next = action.columns[current === undefined ? 0 : action.columns.findIndex(column => column.id === current) + 1];
			return withTableSort(state, action.view, next && {column: next.id, descending: next.descending}, action.selectedKey);
		}

		case 'table-sort/reverse': {
			const current = state.tableSorts[action.view] ?? {column: undefined, descending: false};
			return withTableSort(state, action.view, {...current, descending: !current.descending}, action.selectedKey);
		}

		case 'help/scroll': {
			return {...state, helpScroll: Math.max(0, state.helpScroll + action.by)};
		}

		case 'help/close': {
			return {...state, mode: state.helpReturn ?? 'list'};
		}

		case 'message/show': {
			return {...state, message: action.message};
		}

		case 'message/clear': {
			return {...state, message: undefined};
		}

		case 'quit': {
			return {...state, quitting: true};
		}
	}
}
