// The whole state as one value, composed from one reducer per concern.
import {type KeyPress, reduceKeyPress} from './keypress.js';
import {appendLogLines, appendNotice, type IncomingLogLine, type LogsState} from './logs.js';
import {
	actionWords,
	describeTargets,
	emptyOperations,
	enqueue,
	fillPane,
	type OperationsState,
	type Request,
	type RequestResult,
	takeRequests,
} from './operations.js';
import {type ConnectionAction, type ConnectionState, reduceConnection} from './connection.js';
import {type ContainersAction, type ContainersState, emptyContainers, reduceContainers} from './containers.js';
import {emptyStats, reduceStats, type StatsAction, type StatsState} from './stats.js';
import {initialView, reduceView, type ViewAction, type ViewState} from './view.js';

export type AppState = {
	containers: ContainersState;
	stats: StatsState;
	connection: ConnectionState;
	view: ViewState;
	operations: OperationsState;
	/** The logs pane while it is open. */
	logs: LogsState | undefined;
	settings: Settings;
	/** Milliseconds since the epoch, advanced by the clock so status texts tick on. */
	now: number;
};

/** Chosen at start (flags, terminal). */
export type Settings = {
	/** Backlog lines a logs pane starts with. */
	logTail: number;
	/** Lines a logs pane keeps at most. */
	logCapacity: number;
	/** Whether the containers' own colours are shown in logs at first. */
	logColor: boolean;
};

export const defaultSettings: Settings = {logTail: 1000, logCapacity: 5000, logColor: true};

export type AppAction =
	| ContainersAction
	| StatsAction
	| ConnectionAction
	| ViewAction
	| {type: 'batch'; actions: readonly AppAction[]}
	| {type: 'clock/tick'; now: number}
	| {type: 'keys/pressed'; presses: readonly KeyPress[]; pageSize: number; width?: number}
	| {type: 'logs/appended'; generation: number; lines: readonly IncomingLogLine[]}
	| {type: 'logs/ended'; generation: number; name: string; removed: boolean}
	| {type: 'requests/taken'; ids: readonly number[]}
	| {type: 'request/finished'; request: Request; result: RequestResult}
	| {type: 'pane/refresh'};

export function createAppState(now: number): AppState {
	return {
		containers: emptyContainers,
		stats: emptyStats,
		connection: new Map(),
		view: initialView,
		operations: emptyOperations,
		logs: undefined,
		settings: defaultSettings,
		now,
	};
}

export function reduceApp(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'batch': {
			return action.actions.reduce(reduceApp, state);
		}

		case 'clock/tick': {
			return {...state, now: action.now};
		}

		case 'requests/taken': {
			return {...state, operations: takeRequests(state.operations, action.ids)};
		}

		case 'request/finished': {
			return finishRequest(state, action.request, action.result);
		}

		case 'pane/refresh': {
			const {pane} = state.operations;
			if (!pane || pane.kind !== 'top' || state.operations.outbox.some(request => request.kind === 'top')) return state;
			return {...state, operations: enqueue(state.operations, {kind: 'top', target: pane.target})};
		}

		case 'keys/pressed': {
			return action.presses.reduce(
				(next, press) => reduceKeyPress(next, press, action.pageSize, action.width ?? 80),
				state,
			);
		}

		case 'logs/appended': {
			if (state.logs?.generation !== action.generation) return state;
			return {...state, logs: appendLogLines(state.logs, action.lines)};
		}

		case 'logs/ended': {
			if (state.logs?.generation !== action.generation) return state;
			const text = action.removed
				? `-- ${action.name} was removed: its log ends here --`
				: `-- ${action.name} stopped: its log ends here --`;
			return {...state, logs: appendNotice(state.logs, text)};
		}

		case 'containers/listed':
		case 'container/updated':
		case 'container/removed':
		case 'container/timed': {
			const containers = reduceContainers(state.containers, action);
			return containers === state.containers ? state : {...state, containers};
		}

		case 'stats/sampled':
		case 'stats/ended': {
			const stats = reduceStats(state.stats, action);
			return stats === state.stats ? state : {...state, stats};
		}

		case 'engine/connected':
		case 'engine/described':
		case 'engine/lost':
		case 'engine/retrying': {
			const connection = reduceConnection(state.connection, action);
			return connection === state.connection ? state : {...state, connection};
		}

		default: {
			const view = reduceView(state.view, action);
			return view === state.view ? state : {...state, view};
		}
	}
}

/** The outcome of a request, as a message or in the pane; container states arrive through the events. */
function finishRequest(state: AppState, request: Request, result: RequestResult): AppState {
	const message = (text: string, tone: 'info' | 'error') => ({...state.view, message: {text, tone}});
	switch (request.kind) {
		case 'container-action': {
			const words = actionWords[request.action];
			if (result.kind !== 'container-action' || result.failures.length === 0) {
				return {...state, view: message(`${words.done} ${describeTargets(request.targets)}.`, 'info')};
			}

			const failures = result.failures.map(failure => `${failure.name}: ${failure.error}`).join('; ');
			const done = request.targets.length - result.failures.length;
			return {
				...state,
				view: message(`Could not ${words.verb} ${failures}${done > 0 ? ` (${words.done.toLowerCase()} ${done})` : ''}`, 'error'),
			};
		}

		case 'inspect':
		case 'top': {
			const pane = fillPane(state.operations.pane, request.target, result);
			return pane === state.operations.pane ? state : {...state, operations: {...state.operations, pane}};
		}

		case 'save-logs': {
			if (result.kind === 'saved') return {...state, view: message(`Saved ${result.lines} lines to ${result.path}`, 'info')};
			return {...state, view: message(`Could not save the log: ${result.kind === 'failed' ? result.error : 'unknown error'}`, 'error')};
		}

		case 'shell':
		case 'attach': {
			const error = result.kind === 'terminal' || result.kind === 'failed' ? result.error : undefined;
			if (error) return {...state, view: message(error, 'error')};
			const what = request.kind === 'shell' ? 'Shell in' : 'Detached from';
			return {...state, view: message(`${what} ${request.target.name}${request.kind === 'shell' ? ' closed' : ''}.`, 'info')};
		}
	}
}
