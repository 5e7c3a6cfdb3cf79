// What commands do to the state, shared by the views and the other scopes: messages, requests, panes, questions.
import type {ContainerActionName} from '../engine/types.js';
import type {ContainerRow} from '../format/containerColumns.js';
import type {AppState} from '../state/app.js';
import {createLogs} from '../state/logs.js';
import {
	actionWords,
	type ActionTarget,
	type Confirmation,
	createConfirmation,
	describeTargets,
	enqueue,
	needsConfirmation,
	openPane,
	type PaneKind,
	type PaneTarget,
	type Request,
} from '../state/operations.js';
import {createRunForm} from '../state/runForm.js';
import type {Mode} from '../state/ui.js';
import {clampScroll} from '../state/pane.js';
import {selectPaneLinesFor} from '../state/select/paneLines.js';

type NewRequest = Request extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

export function withMessage(state: AppState, text: string, tone: 'info' | 'error' = 'info'): AppState {
	return {...state, ui: {...state.ui, message: {text, tone}}};
}

export function withMode(state: AppState, mode: Mode, draft = state.ui.draft): AppState {
	return {...state, ui: {...state.ui, mode, draft}};
}

/** Puts a request in the outbox; the app carries it out and reports back. */
export function withRequest(state: AppState, request: NewRequest): AppState {
	return {...state, operations: enqueue(state.operations, request)};
}

/** Opens a pane for a target, with the request that fills it. */
export function showPane(state: AppState, kind: PaneKind, target: PaneTarget, request?: NewRequest): AppState {
	const operations = request ? enqueue(state.operations, request) : state.operations;
	return {...state, operations: {...operations, pane: openPane(kind, target)}, ui: {...state.ui, mode: 'pane'}};
}

/** Asks a y / N question about images, volumes or services. */
export function ask(state: AppState, resource: NonNullable<Confirmation['resource']>): AppState {
	return {
		...state,
		operations: {...state.operations, confirmation: {action: 'remove', targets: [], force: false, removeVolumes: false, resource}},
		ui: {...state.ui, mode: 'confirm', message: undefined},
	};
}

export function firstEngine(state: AppState): string {
	return [...state.connection.keys()][0] ?? 'default';
}

/** ` on NAME` when berth shows several engines (a prune's question names the one it prunes), else nothing. */
export function onEngine(state: AppState, engine: string): string {
	return state.connection.size > 1 ? ` on ${engine}` : '';
}

/** The engine of the selected row, else the first one. */
export function engineOf(state: AppState, selected: {engine: string} | undefined): string {
	return selected?.engine ?? firstEngine(state);
}

/** The logs pane, following these containers (or a service's tasks). */
export function openLogs(state: AppState, targets: readonly ActionTarget[]): AppState {
	const logs = createLogs(targets, {
		tail: state.settings.logTail,
		capacity: state.settings.logCapacity,
		color: state.settings.logColor,
		generation: state.logGeneration + 1,
		timestamps: state.settings.logTimestamps ?? false,
		wrap: state.settings.logWrap ?? false,
	});
	return {...state, logs, logGeneration: logs.generation, ui: {...state.ui, mode: 'logs', marks: new Set()}};
}

/** The run form, for an image (or empty); the images are listed again, for the form checks the image. */
export function openRunForm(state: AppState, engine: string, image: string): AppState {
	const listed = withRequest(state, {kind: 'refresh', engine, what: 'images'});
	return {...listed, form: createRunForm(engine, image), ui: {...listed.ui, mode: 'form', message: undefined}};
}

export function toTarget(row: ContainerRow): ActionTarget {
	return {key: row.key, engine: row.engine, id: row.id, name: row.name, state: row.state};
}

/** Asks the engine to act on containers, or asks the person first; the result comes back through events. */
export function requestContainerAction(state: AppState, action: ContainerActionName, targets: readonly ActionTarget[]): AppState {
	if (targets.length === 0) return withMessage(state, 'No container selected.', 'error');
	if (needsConfirmation(action, targets)) {
		return {
			...state,
			operations: {...state.operations, confirmation: createConfirmation(action, targets)},
			ui: {...state.ui, mode: 'confirm', message: undefined},
		};
	}

	return issueContainerAction(state, action, targets, {});
}

export function issueContainerAction(
	state: AppState,
	action: ContainerActionName,
	targets: readonly ActionTarget[],
	options: {force?: boolean; removeVolumes?: boolean},
): AppState {
	const operations = enqueue(state.operations, {kind: 'container-action', action, targets, options});
	return {
		...state,
		operations: {...operations, confirmation: undefined},
		ui: {
			...state.ui,
			mode: 'list',
			marks: new Set(),
			message: {text: `${actionWords[action].doing} ${describeTargets(targets)}…`, tone: 'info'},
		},
	};
}

/** Scrolls the open pane, within its lines (as many as the screen's width makes them: the pull pane wraps). */
export function scrollPane(state: AppState, to: (scroll: number, lineCount: number) => number, pageSize: number, width?: number): AppState {
	const {pane} = state.operations;
	if (!pane) return state;
	const lineCount = selectPaneLinesFor(state, pane, true, width).length;
	const bottom = Math.max(0, lineCount - pageSize);
	// A pane that follows its output (compose) is at its bottom; scrolling back to the bottom follows again.
	const scroll = clampScroll(to(pane.follow === undefined || !pane.follow ? pane.scroll : bottom, lineCount), lineCount, pageSize);
	return {...state, operations: {...state.operations, pane: {...pane, scroll, ...(pane.follow === undefined ? {} : {follow: scroll >= bottom})}}};
}
