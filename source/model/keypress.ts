// What a key press does to the state: the keymap's actions and the prompts' editing, as one pure function.
import type {ContainerActionName} from '../engine/types.js';
import {isMutating, type KeyAction, keymap, resolveKeyAction} from '../keys/keymap.js';
import type {AppState} from './app.js';
import {reduceApp} from './app.js';
import {
	actionWords,
	type ActionTarget,
	choosePauseAction,
	type Confirmation,
	createConfirmation,
	describeTargets,
	enqueue,
	needsConfirmation,
	openPane,
	type PaneKind,
} from './operations.js';
import {
	createLogs,
	formatLogsForFile,
	jumpToLogMatch,
	type LogsState,
	scrollLogs,
} from './logs.js';
import {clampScroll, selectSearchMatches} from './pane.js';
import {selectPaneLinesFor} from './paneLines.js';
import {type ContainerRow, selectContainerRows} from './rows.js';
import {createRunForm, parseRunForm, restartPolicies, runFormFields, runModes} from './runForm.js';
import {filterTableRows, selectTableRows, type TableRow} from './tables.js';
import {formatFamiliarReference, parseImageReference} from '../format/reference.js';
import {type ListShape, selectSelectedIndex, type ViewAction, type ViewName} from './view.js';

export type KeyPress = {
	/** Name from keyNameOf: 'down', 'return', 'ctrl+c', or the character typed. */
	name: string;
	/** True for a character that can be typed into a prompt. */
	printable: boolean;
};

function selectRows(state: AppState): ContainerRow[] {
	const filter = state.view.mode === 'filter' ? state.view.draft : state.view.filter;
	return selectContainerRows(state.containers, state.stats, filter, state.now, state.view.sort);
}

/** Rows of the images, volumes, networks or events view, filtered as shown. */
export function selectCurrentTableRows(state: AppState): TableRow[] {
	const view = state.view.view;
	if (view === 'containers') return [];
	const filter = state.view.mode === 'filter' ? state.view.draft : state.view.filter;
	return filterTableRows(
		selectTableRows(view, state.resources, state.containers, state.now, new Set(state.connection.keys()), state.view.taskService?.key),
		filter,
	);
}

function listShape(state: AppState, pageSize: number): ListShape {
	const keys = state.view.view === 'containers' ? selectRows(state).map(row => row.key) : selectCurrentTableRows(state).map(row => row.key);
	return {keys, pageSize};
}

/** The row the selection is on, of whichever list is shown. */
function selectedOf<Row extends {key: string}>(state: AppState, rows: readonly Row[]): Row | undefined {
	const index = selectSelectedIndex(
		state.view,
		rows.map(row => row.key),
	);
	return index === -1 ? undefined : rows[index];
}

function selectedTableRow(state: AppState): TableRow | undefined {
	return selectedOf(state, selectCurrentTableRows(state));
}

function defaultEngine(state: AppState): string {
	return state.view.view === 'containers' ? (selectedRow(state)?.engine ?? firstEngine(state)) : (selectedTableRow(state)?.engine ?? firstEngine(state));
}

function firstEngine(state: AppState): string {
	return [...state.connection.keys()][0] ?? 'default';
}

function toTarget(row: ContainerRow): ActionTarget {
	return {key: row.key, engine: row.engine, id: row.id, name: row.name, state: row.state};
}

function selectedRow(state: AppState): ContainerRow | undefined {
	return selectedOf(state, selectRows(state));
}

/** Marked containers when there are marks (filtered or not), else the selected one. */
export function selectActionTargets(state: AppState): ActionTarget[] {
	if (state.view.marks.size > 0) {
		const all = selectContainerRows(state.containers, state.stats, '', state.now);
		return all.filter(row => state.view.marks.has(row.key)).map(row => toTarget(row));
	}

	const row = selectedRow(state);
	return row ? [toTarget(row)] : [];
}

function withMessage(state: AppState, text: string, tone: 'info' | 'error' = 'info'): AppState {
	return {...state, view: {...state.view, message: {text, tone}}};
}

function promptAction(state: AppState, press: KeyPress, pageSize: number): AppState {
	const {name} = press;
	const view = (action: ViewAction) => reduceApp(state, action);
	switch (state.view.mode) {
		case 'filter': {
			if (name === 'escape') return view({type: 'filter/clear'});
			if (name === 'return') return view({type: 'filter/keep', list: listShape(state, pageSize)});
			if (name === 'backspace') return view({type: 'filter/erase'});
			if (press.printable) return view({type: 'filter/type', text: name});
			return state;
		}

		case 'pane-search': {
			if (name === 'escape') return {...state, view: {...state.view, mode: 'pane', draft: ''}};
			if (name === 'return') return keepPaneSearch(state, pageSize);
			if (name === 'backspace') return view({type: 'filter/erase'});
			if (press.printable) return view({type: 'filter/type', text: name});
			return state;
		}

		default: {
			if (name === 'escape') return view({type: 'command/cancel'});
			if (name === 'return') return view({type: 'command/run'});
			if (name === 'tab') return view({type: 'command/complete'});
			if (name === 'backspace') return view({type: 'command/erase'});
			if (press.printable) return view({type: 'command/type', text: name});
			return state;
		}
	}
}

/** Asks the engine to act, or asks the person first; the result comes back through the engine's events. */
function requestAction(state: AppState, action: ContainerActionName, targets: readonly ActionTarget[]): AppState {
	if (targets.length === 0) return withMessage(state, 'No container selected.', 'error');
	if (needsConfirmation(action, targets)) {
		return {
			...state,
			operations: {...state.operations, confirmation: createConfirmation(action, targets)},
			view: {...state.view, mode: 'confirm', message: undefined},
		};
	}

	return issueAction(state, action, targets, {});
}

function issueAction(
	state: AppState,
	action: ContainerActionName,
	targets: readonly ActionTarget[],
	options: {force?: boolean; removeVolumes?: boolean},
): AppState {
	const operations = enqueue(state.operations, {kind: 'container-action', action, targets, options});
	return {
		...state,
		operations: {...operations, confirmation: undefined},
		view: {
			...state.view,
			mode: 'list',
			marks: new Set(),
			message: {text: `${actionWords[action].doing} ${describeTargets(targets)}…`, tone: 'info'},
		},
	};
}

function openPaneFor(state: AppState, kind: PaneKind): AppState {
	const row = selectedRow(state);
	if (!row) return withMessage(state, 'No container selected.', 'error');
	const target = toTarget(row);
	const operations = enqueue(state.operations, {kind: kind === 'top' ? 'top' : 'inspect', target});
	return {...state, operations: {...operations, pane: openPane(kind, target)}, view: {...state.view, mode: 'pane'}};
}

function scrollPane(state: AppState, to: (scroll: number, lineCount: number) => number, pageSize: number): AppState {
	const {pane} = state.operations;
	if (!pane) return state;
	const lineCount = selectPaneLinesFor(state, pane, true).length;
	const scroll = clampScroll(to(pane.scroll, lineCount), lineCount, pageSize);
	return {...state, operations: {...state.operations, pane: {...pane, scroll}}};
}

function keepPaneSearch(state: AppState, pageSize: number): AppState {
	const {pane} = state.operations;
	if (!pane) return state;
	const search = state.view.draft;
	// A new search starts from the top of the document; the same one again goes on from where it is.
	const scroll = search === pane.search ? pane.scroll : 0;
	const next = {
		...state,
		operations: {...state.operations, pane: {...pane, search, scroll}},
		view: {...state.view, mode: 'pane' as const, draft: ''},
	};
	return jumpToMatch(next, search === pane.search ? 1 : 0, pageSize);
}

/** Scrolls so that the next (direction 1), previous (-1) or first at/after the top (0) match is on top. */
function jumpToMatch(state: AppState, direction: -1 | 0 | 1, pageSize: number): AppState {
	const {pane} = state.operations;
	if (!pane || pane.search === '') return state;
	const lines = selectPaneLinesFor(state, pane, true);
	const matches = selectSearchMatches(lines, pane.search);
	if (matches.length === 0) return withMessage(state, `No match for "${pane.search}".`, 'error');
	const found =
		direction === -1
			? ([...matches].reverse().find(index => index < pane.scroll) ?? matches.at(-1)!)
			: (matches.find(index => (direction === 0 ? index >= pane.scroll : index > pane.scroll)) ?? matches[0]!);
	const position = matches.indexOf(found) + 1;
	const scrolled = scrollPane(state, () => found, pageSize);
	return withMessage(
		{...scrolled, operations: {...scrolled.operations, pane: {...scrolled.operations.pane!, scroll: found}}},
		`Match ${position} of ${matches.length} for "${pane.search}" (line ${found + 1}).`,
	);
}

function markAction(state: AppState, action: 'mark' | 'mark-all' | 'mark-project'): AppState {
	const marks = new Set(state.view.marks);
	const withMarks = (text?: string) => ({
		...state,
		view: {...state.view, marks, message: text ? {text, tone: 'info' as const} : state.view.message},
	});
	if (action === 'mark') {
		const row = selectedRow(state);
		if (!row) return state;
		if (marks.has(row.key)) marks.delete(row.key);
		else marks.add(row.key);
		return withMarks(`${marks.size} marked.`);
	}

	if (action === 'mark-all') {
		const shown = selectRows(state).map(row => row.key);
		if (shown.length > 0 && shown.every(key => marks.has(key))) {
			marks.clear();
			return withMarks('Marks cleared.');
		}

		for (const key of shown) marks.add(key);
		return withMarks(`${marks.size} marked.`);
	}

	const row = selectedRow(state);
	if (!row) return state;
	if (row.project === '') return withMessage(state, `${row.name} is not part of a compose project.`, 'error');
	const all = selectContainerRows(state.containers, state.stats, '', state.now);
	marks.clear();
	for (const member of all) if (member.project === row.project && member.engine === row.engine) marks.add(member.key);
	return withMarks(`Marked the ${marks.size} containers of compose project ${row.project}.`);
}

function runBoundAction(state: AppState, action: KeyAction, pageSize: number): AppState {
	const handled = runTableAction(state, action);
	if (handled) return handled;
	const view = (viewAction: ViewAction) => reduceApp(state, viewAction);
	const list = () => listShape(state, pageSize);
	const inPane = state.view.mode === 'pane';
	if (state.view.mode === 'help') {
		const by = {'move-up': -1, 'move-down': 1, 'page-up': -pageSize, 'page-down': pageSize}[action as string];
		if (by !== undefined) return view({type: 'help/scroll', by});
	}

	switch (action) {
		case 'move-up': {
			return inPane ? scrollPane(state, scroll => scroll - 1, pageSize) : view({type: 'move', by: -1, list: list()});
		}

		case 'move-down': {
			return inPane ? scrollPane(state, scroll => scroll + 1, pageSize) : view({type: 'move', by: 1, list: list()});
		}

		case 'page-up': {
			return inPane ? scrollPane(state, scroll => scroll - pageSize, pageSize) : view({type: 'page', by: -1, list: list()});
		}

		case 'page-down': {
			return inPane ? scrollPane(state, scroll => scroll + pageSize, pageSize) : view({type: 'page', by: 1, list: list()});
		}

		case 'move-first': {
			return inPane ? scrollPane(state, () => 0, pageSize) : view({type: 'move-to', to: 'first', list: list()});
		}

		case 'move-last': {
			return inPane
				? scrollPane(state, (_scroll, lineCount) => lineCount, pageSize)
				: view({type: 'move-to', to: 'last', list: list()});
		}

		case 'filter-open': {
			return view({type: 'filter/open'});
		}

		case 'filter-clear': {
			return view({type: 'filter/clear'});
		}

		case 'command-open': {
			return view({type: 'command/open'});
		}

		case 'stop':
		case 'start':
		case 'restart':
		case 'kill':
		case 'remove': {
			return requestAction(state, action, selectActionTargets(state));
		}

		case 'pause': {
			const targets = selectActionTargets(state);
			return requestAction(state, choosePauseAction(targets), targets);
		}

		case 'shell':
		case 'attach': {
			const row = selectedRow(state);
			if (!row) return withMessage(state, 'No container selected.', 'error');
			const operations = enqueue(state.operations, {kind: action, target: toTarget(row)});
			return withMessage(
				{...state, operations},
				action === 'shell' ? `Opening a shell in ${row.name}…` : `Attaching to ${row.name}…`,
			);
		}

		case 'details':
		case 'inspect':
		case 'top': {
			return openPaneFor(state, action);
		}

		case 'logs': {
			const targets = selectActionTargets(state);
			if (targets.length === 0) return withMessage(state, 'No container selected.', 'error');
			const logs = createLogs(targets, {
				tail: state.settings.logTail,
				capacity: state.settings.logCapacity,
				color: state.settings.logColor,
				generation: (state.logs?.generation ?? 0) + 1,
			});
			return {...state, logs, view: {...state.view, mode: 'logs', marks: new Set()}};
		}

		case 'view-containers':
		case 'view-images':
		case 'view-volumes':
		case 'view-networks':
		case 'view-events':
		case 'view-contexts':
		case 'view-services':
		case 'view-tasks':
		case 'view-nodes':
		case 'service-tasks':
		case 'service-scale-up':
		case 'service-scale-down':
		case 'service-scale':
		case 'service-update':
		case 'service-remove':
		case 'service-logs':
		case 'use-context':
		case 'run-form':
		case 'disk-usage':
		case 'image-history':
		case 'image-remove':
		case 'image-prune':
		case 'image-pull':
		case 'image-run':
		case 'volume-details':
		case 'volume-remove':
		case 'volume-prune':
		case 'network-inspect':
		case 'follow':
		case 'logs-filter':
		case 'toggle-timestamps':
		case 'toggle-wrap':
		case 'toggle-color':
		case 'save-logs':
		case 'more-backlog':
		case 'less-backlog': {
			return state;
		}

		case 'mark':
		case 'mark-all':
		case 'mark-project': {
			return markAction(state, action);
		}

		case 'sort-next': {
			const sorted = view({type: 'sort/next'});
			return withMessage(sorted, `Sorted by ${sorted.view.sort.by}${sorted.view.sort.descending ? ', largest first' : ''}: o next, O reverses.`);
		}

		case 'sort-reverse': {
			return view({type: 'sort/reverse'});
		}

		case 'pane-search': {
			return {...state, view: {...state.view, mode: 'pane-search', draft: state.operations.pane?.search ?? ''}};
		}

		case 'search-next': {
			return jumpToMatch(state, 1, pageSize);
		}

		case 'search-previous': {
			return jumpToMatch(state, -1, pageSize);
		}

		case 'reveal': {
			const {pane} = state.operations;
			if (!pane) return state;
			return withMessage(
				{...state, operations: {...state.operations, pane: {...pane, revealed: !pane.revealed}}},
				pane.revealed ? 'Secret-looking values masked.' : 'Secret-looking values shown: x masks them again.',
			);
		}

		case 'back': {
			return {...state, operations: {...state.operations, pane: undefined}, view: {...state.view, mode: 'list'}};
		}

		case 'confirm-yes': {
			const {confirmation} = state.operations;
			if (!confirmation) return {...state, view: {...state.view, mode: 'list'}};
			if (confirmation.resource) {
				const {resource} = confirmation;
				const operations = enqueue(state.operations, {
					kind: 'resource-action',
					action: resource.action,
					engine: resource.engine,
					targets: resource.targets,
					force: resource.force,
				});
				return {
					...state,
					operations: {...operations, confirmation: undefined},
					view: {...state.view, mode: 'list', message: {text: 'Asking the engine…', tone: 'info'}},
				};
			}

			return issueAction(state, confirmation.action, confirmation.targets, {
				force: confirmation.force,
				removeVolumes: confirmation.removeVolumes,
			});
		}

		case 'confirm-no': {
			return {
				...state,
				operations: {...state.operations, confirmation: undefined},
				view: {...state.view, mode: 'list', message: {text: 'Cancelled: nothing was changed.', tone: 'info'}},
			};
		}

		case 'confirm-volumes': {
			const {confirmation} = state.operations;
			if (confirmation?.action !== 'remove') return state;
			return {
				...state,
				operations: {...state.operations, confirmation: {...confirmation, removeVolumes: !confirmation.removeVolumes}},
			};
		}

		case 'help-toggle': {
			return view({type: 'help/toggle'});
		}

		case 'quit': {
			return view({type: 'quit'});
		}
	}
}

export function reduceKeyPress(state: AppState, press: KeyPress, pageSize: number, width = 80): AppState {
	const {mode} = state.view;
	if (mode === 'form') {
		if (press.name === 'ctrl+c') return reduceApp(state, {type: 'quit'});
		return formKeyPress(state, press);
	}

	if (mode === 'pull') {
		if (press.name === 'ctrl+c') return reduceApp(state, {type: 'quit'});
		return pullPromptAction(state, press);
	}

	if (mode === 'scale') {
		if (press.name === 'ctrl+c') return reduceApp(state, {type: 'quit'});
		return scalePromptAction(state, press);
	}

	if (mode === 'logs-search' || mode === 'logs-filter') {
		if (press.name === 'ctrl+c') return reduceApp(state, {type: 'quit'});
		return logsPromptAction(state, press, pageSize, width);
	}

	if (mode === 'filter' || mode === 'command' || mode === 'pane-search') {
		if (press.name === 'ctrl+c') return reduceApp(state, {type: 'quit'});
		return promptAction(state, press, pageSize);
	}

	const bound = resolveKeyAction(mode, press.name, state.view.view);
	if (bound === undefined) return state;
	if (state.view.readOnly && isMutating(bound)) {
		const label = keymap.find(binding => binding.action === bound)?.label ?? press.name;
		return withMessage(state, `Read-only mode: "${label}" would change a container, so it is off.`, 'error');
	}

	const cleared =
		state.view.message && mode !== 'confirm' ? {...state, view: {...state.view, message: undefined}} : state;
	if (mode === 'logs' && cleared.logs) return runLogsAction(cleared, cleared.logs, bound, pageSize, width);
	return runBoundAction(cleared, bound, pageSize);
}

function withLogs(state: AppState, logs: LogsState, message?: string): AppState {
	const next = {...state, logs};
	return message ? withMessage(next, message) : next;
}

function logsPromptAction(state: AppState, press: KeyPress, pageSize: number, width: number): AppState {
	const {logs} = state;
	if (!logs) return {...state, view: {...state.view, mode: 'list', draft: ''}};
	const {name} = press;
	const back = {...state, view: {...state.view, mode: 'logs' as const, draft: ''}};
	if (name === 'escape') {
		// Esc leaves a search as it was, and clears a filter.
		return state.view.mode === 'logs-filter' ? withLogs(back, {...logs, filter: ''}) : back;
	}

	if (name === 'return') {
		if (state.view.mode === 'logs-filter') {
			const text = state.view.draft.trim();
			return withLogs(back, {...logs, filter: text}, text === '' ? 'Filter off: every line shown.' : `Showing only lines with "${text}".`);
		}

		const searched = {...logs, search: state.view.draft};
		if (searched.search === '') return withLogs(back, searched);
		const jump = jumpToLogMatch(searched, 1, width, pageSize - 1);
		return jump.found
			? withLogs(back, jump.logs, `Matches of "${searched.search}" highlighted: n next, N previous.`)
			: withLogs({...back, view: {...back.view, message: {text: `No line has "${searched.search}".`, tone: 'error'}}}, searched);
	}

	const view = (action: ViewAction) => reduceApp(state, action);
	if (name === 'backspace') return view({type: 'filter/erase'});
	if (press.printable) return view({type: 'filter/type', text: name});
	return state;
}

function runLogsAction(state: AppState, logs: LogsState, action: KeyAction, pageSize: number, width: number): AppState {
	// The pane's title takes one line of the page.
	const height = Math.max(1, pageSize - 1);
	switch (action) {
		case 'move-up': {
			return withLogs(state, scrollLogs(logs, -1, width, height));
		}

		case 'move-down': {
			return withLogs(state, scrollLogs(logs, 1, width, height));
		}

		case 'page-up': {
			return withLogs(state, scrollLogs(logs, -height, width, height));
		}

		case 'page-down': {
			return withLogs(state, scrollLogs(logs, height, width, height));
		}

		case 'move-first': {
			return withLogs(state, {...logs, follow: false, anchor: 0});
		}

		case 'follow': {
			return withLogs(state, {...logs, follow: true}, 'Following the newest lines.');
		}

		case 'pane-search': {
			return {...state, view: {...state.view, mode: 'logs-search', draft: logs.search}};
		}

		case 'logs-filter': {
			return {...state, view: {...state.view, mode: 'logs-filter', draft: logs.filter}};
		}

		case 'search-next':
		case 'search-previous': {
			if (logs.search === '') return withMessage(state, 'Nothing to search for yet: / first.', 'error');
			const jump = jumpToLogMatch(logs, action === 'search-next' ? 1 : -1, width, height);
			return jump.found ? withLogs(state, jump.logs) : withMessage(state, `No line has "${logs.search}".`, 'error');
		}

		case 'toggle-timestamps': {
			return withLogs(state, {...logs, timestamps: !logs.timestamps});
		}

		case 'toggle-wrap': {
			return withLogs(state, {...logs, wrap: !logs.wrap});
		}

		case 'toggle-color': {
			return withLogs(state, {...logs, color: !logs.color}, logs.color ? 'Log colours off.' : 'Log colours on.');
		}

		case 'more-backlog':
		case 'less-backlog': {
			const tail =
				action === 'more-backlog' ? Math.min(logs.capacity, logs.tail * 2) : Math.max(10, Math.floor(logs.tail / 2));
			const reopened = createLogs(logs.targets, {
				tail,
				capacity: logs.capacity,
				color: logs.color,
				generation: logs.generation + 1,
			});
			return withLogs(state, {...reopened, timestamps: logs.timestamps, wrap: logs.wrap}, `Reloading with the last ${tail} lines.`);
		}

		case 'save-logs': {
			const name = logs.targets.length === 1 ? logs.targets[0]!.name : `${logs.targets.length}-containers`;
			const operations = enqueue(state.operations, {
				kind: 'save-logs',
				name,
				content: formatLogsForFile(logs),
				lines: logs.lines.length,
			});
			return {...state, operations};
		}

		case 'back': {
			return {...state, logs: undefined, view: {...state.view, mode: 'list'}};
		}

		default: {
			return runBoundAction(state, action, pageSize);
		}
	}
}

function cycle<Value>(values: readonly Value[], current: Value, by: number): Value {
	const index = values.indexOf(current);
	return values[(index + by + values.length) % values.length]!;
}

function formKeyPress(state: AppState, press: KeyPress): AppState {
	const {form} = state;
	if (!form) return {...state, view: {...state.view, mode: 'list'}};
	if (form.submitting) return state;
	const {name} = press;
	const set = (next: Partial<typeof form>) => ({...state, form: {...form, ...next}});
	const index = runFormFields.indexOf(form.focus);
	const choice = form.focus === 'restart' ? restartPolicies : form.focus === 'mode' ? runModes : undefined;
	if (name === 'escape') {
		return {...state, form: undefined, view: {...state.view, mode: 'list', message: {text: 'Run cancelled: nothing was created.', tone: 'info'}}};
	}

	if (name === 'tab' || name === 'down') return set({focus: runFormFields[(index + 1) % runFormFields.length]!});
	if (name === 'up') return set({focus: runFormFields[(index - 1 + runFormFields.length) % runFormFields.length]!});
	if (choice && (name === 'left' || name === 'right' || name === ' ')) {
		const value = cycle<string>(choice, form.values[form.focus], name === 'left' ? -1 : 1);
		return set({values: {...form.values, [form.focus]: value}});
	}

	if (name === 'return') {
		const containerNames = new Set(
			[...state.containers.records.values()].filter(record => record.engine === form.engine).flatMap(record => record.names.map(entry => entry.replace(/^\//, ''))),
		);
		const listed = state.resources.listed.has(`images/${form.engine}`);
		const images = listed ? [...state.resources.images.values()].filter(image => image.engine === form.engine) : undefined;
		const result = parseRunForm(form.values, {containerNames, images});
		if (!result.ok) {
			const first = runFormFields.find(field => result.errors[field] !== undefined) ?? form.focus;
			return set({errors: result.errors, engineError: undefined, focus: first});
		}

		const operations = enqueue(state.operations, {kind: 'run', engine: form.engine, spec: result.spec, shell: result.shell});
		return {...set({errors: {}, engineError: undefined, submitting: true}), operations};
	}

	if (choice) return state;
	if (name === 'backspace') return set({values: {...form.values, [form.focus]: [...form.values[form.focus]].slice(0, -1).join('')}, errors: {...form.errors, [form.focus]: undefined}});
	if (press.printable) return set({values: {...form.values, [form.focus]: form.values[form.focus] + name}, errors: {...form.errors, [form.focus]: undefined}});
	return state;
}

function pullPromptAction(state: AppState, press: KeyPress): AppState {
	const {name} = press;
	const view = (action: ViewAction) => reduceApp(state, action);
	if (name === 'escape') return {...state, view: {...state.view, mode: 'list', draft: ''}};
	if (name === 'backspace') return view({type: 'filter/erase'});
	if (name === 'return') {
		const parsed = parseImageReference(state.view.draft);
		if (!parsed.ok) return withMessage({...state, view: {...state.view, mode: 'list', draft: ''}}, `Cannot pull: ${parsed.error}`, 'error');
		const reference = formatFamiliarReference(parsed.reference);
		const engine = defaultEngine(state);
		const operations = enqueue(state.operations, {kind: 'pull', engine, reference});
		const target = {key: `pull\u0000${reference}`, engine, id: reference, name: reference};
		return {
			...state,
			operations: {...operations, pane: openPane('pull', target)},
			view: {...state.view, mode: 'pane', draft: '', message: {text: `Pulling ${reference}…`, tone: 'info'}},
		};
	}

	if (press.printable) return view({type: 'filter/type', text: name});
	return state;
}

/** The `=` prompt of the services view: a number of replicas, then Enter scales the selected service to it. */
function scalePromptAction(state: AppState, press: KeyPress): AppState {
	const {name} = press;
	if (name === 'escape') return {...state, view: {...state.view, mode: 'list', draft: ''}};
	if (name === 'backspace') return reduceApp(state, {type: 'filter/erase'});
	if (name === 'return') {
		const text = state.view.draft.trim();
		if (!/^\d{1,6}$/.test(text)) return withMessage({...state, view: {...state.view, mode: 'list', draft: ''}}, `Cannot scale to "${text}": type a number of replicas (0 or more).`, 'error');
		const listed = {...state, view: {...state.view, mode: 'list' as const, draft: ''}};
		return requestScale(listed, {to: Number(text)});
	}

	if (press.printable && /^\d$/.test(name)) return reduceApp(state, {type: 'filter/type', text: name});
	return state;
}

function requestScale(state: AppState, replicas: {by: number} | {to: number}): AppState {
	const row = selectedTableRow(state);
	if (!row) return withMessage(state, 'No service selected.', 'error');
	const target = {key: row.key, engine: row.engine, id: row.id, name: row.cells.name ?? row.id};
	const operations = enqueue(state.operations, {kind: 'service-scale', target, replicas});
	const how = 'to' in replicas ? `to ${replicas.to}` : replicas.by > 0 ? 'up by one' : 'down by one';
	return withMessage({...state, operations}, `Scaling ${target.name} ${how}…`);
}

/** Actions of the images, volumes and networks views. */
function runTableAction(state: AppState, action: KeyAction): AppState | undefined {
	const row = selectedTableRow(state);
	const target = row ? {key: row.key, engine: row.engine, id: row.id, name: row.cells.name ?? (row.cells.repository ? `${row.cells.repository}:${row.cells.tag}` : row.id)} : undefined;
	const confirm = (resource: NonNullable<Confirmation['resource']>): AppState => ({
		...state,
		operations: {...state.operations, confirmation: {action: 'remove', targets: [], force: false, removeVolumes: false, resource}},
		view: {...state.view, mode: 'confirm', message: undefined},
	});
	switch (action) {
		case 'run-form': {
			const image = state.view.view === 'images' && row && row.cells.repository !== '<none>' ? `${row.cells.repository}:${row.cells.tag}` : '';
			const engine = defaultEngine(state);
			// The form checks the image against the engine's images: list them now.
			const operations = enqueue(state.operations, {kind: 'refresh', engine, what: 'images'});
			return {...state, operations, form: createRunForm(engine, image), view: {...state.view, mode: 'form', message: undefined}};
		}

		case 'image-run': {
			if (!row) return withMessage(state, 'No image selected.', 'error');
			const image = row.cells.repository === '<none>' ? row.id : `${row.cells.repository}:${row.cells.tag}`;
			const operations = enqueue(state.operations, {kind: 'refresh', engine: row.engine, what: 'images'});
			return {...state, operations, form: createRunForm(row.engine, image), view: {...state.view, mode: 'form', message: undefined}};
		}

		case 'image-pull': {
			return {...state, view: {...state.view, mode: 'pull', draft: '', message: undefined}};
		}

		case 'image-history':
		case 'network-inspect': {
			if (!target) return withMessage(state, 'Nothing selected.', 'error');
			const kind = action === 'image-history' ? 'history' : 'network';
			const operations = enqueue(state.operations, {kind: action, target});
			return {...state, operations: {...operations, pane: openPane(kind, target)}, view: {...state.view, mode: 'pane'}};
		}

		case 'disk-usage': {
			const engine = defaultEngine(state);
			const operations = enqueue(state.operations, {kind: 'refresh', engine, what: 'disk'});
			const pane = openPane('disk', {key: `disk\u0000${engine}`, engine, id: engine, name: engine});
			return {...state, operations: {...operations, pane}, view: {...state.view, mode: 'pane'}};
		}

		case 'volume-details': {
			if (!target) return withMessage(state, 'No volume selected.', 'error');
			const operations = enqueue(state.operations, {kind: 'refresh', engine: target.engine, what: 'disk'});
			return {...state, operations: {...operations, pane: openPane('volume', target)}, view: {...state.view, mode: 'pane'}};
		}

		case 'image-remove': {
			if (!target || !row) return withMessage(state, 'No image selected.', 'error');
			const users = row.cells.containers && row.cells.containers !== '(dangling)' ? ` It is used by ${row.cells.containers}.` : '';
			return confirm({action: 'image-remove', engine: row.engine, targets: [target], force: false, question: `Remove image ${target.name}?${users} y / N`});
		}

		case 'volume-remove': {
			if (!target || !row) return withMessage(state, 'No volume selected.', 'error');
			const users = row.cells.containers ? ` It is used by ${row.cells.containers}: the engine will refuse.` : '';
			return confirm({action: 'volume-remove', engine: row.engine, targets: [target], force: false, question: `Remove volume ${target.name}?${users} y / N`});
		}

		case 'image-prune': {
			const engine = defaultEngine(state);
			const dangling = [...state.resources.images.values()].filter(image => image.engine === engine && image.repoTags.length === 0).length;
			return confirm({action: 'image-prune', engine, targets: [], force: false, question: `Prune ${dangling} dangling image${dangling === 1 ? '' : 's'} (docker image prune)? y / N`});
		}

		case 'volume-prune': {
			const engine = defaultEngine(state);
			return confirm({action: 'volume-prune', engine, targets: [], force: false, question: 'Prune every volume no container uses (docker volume prune)? y / N'});
		}

		case 'service-tasks': {
			if (!target) return withMessage(state, 'No service selected.', 'error');
			const switched = reduceApp(state, {type: 'view/switch', view: 'tasks'});
			return {...switched, view: {...switched.view, taskService: {key: target.key, name: target.name}}};
		}

		case 'service-scale-up':
		case 'service-scale-down': {
			return requestScale(state, {by: action === 'service-scale-up' ? 1 : -1});
		}

		case 'service-scale': {
			if (!target) return withMessage(state, 'No service selected.', 'error');
			return {...state, view: {...state.view, mode: 'scale', draft: '', message: undefined}};
		}

		case 'service-update': {
			if (!target) return withMessage(state, 'No service selected.', 'error');
			const operations = enqueue(state.operations, {kind: 'service-update', target});
			return withMessage({...state, operations}, `Updating ${target.name}: its tasks are replaced…`);
		}

		case 'service-remove': {
			if (!target || !row) return withMessage(state, 'No service selected.', 'error');
			return confirm({action: 'service-remove', engine: row.engine, targets: [target], force: false, question: `Remove service ${target.name}? Its tasks stop (docker service rm). y / N`});
		}

		case 'service-logs': {
			if (!target) return withMessage(state, 'No service selected.', 'error');
			const logs = createLogs([{...target, state: 'running', service: true}], {
				tail: state.settings.logTail,
				capacity: state.settings.logCapacity,
				color: state.settings.logColor,
				generation: (state.logs?.generation ?? 0) + 1,
			});
			return {...state, logs, view: {...state.view, mode: 'logs', marks: new Set()}};
		}

		case 'use-context': {
			if (!row) return withMessage(state, 'No context selected.', 'error');
			const operations = enqueue(state.operations, {kind: 'use-context', name: row.id});
			return withMessage({...state, operations}, `Connecting to the context ${row.id}…`);
		}

		case 'view-containers':
		case 'view-images':
		case 'view-volumes':
		case 'view-networks':
		case 'view-contexts':
		case 'view-services':
		case 'view-tasks':
		case 'view-nodes':
		case 'view-events': {
			const next = reduceApp(state, {type: 'view/switch', view: action.slice('view-'.length) as ViewName});
			return next;
		}

		default: {
			return undefined;
		}
	}
}
