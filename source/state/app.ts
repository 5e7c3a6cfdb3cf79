// The whole state as one value, composed from one reducer per concern.
import {placeEngineError, type RunFormState} from './runForm.js';
import {containerKey} from './containers.js';
import {emptyResources, reduceResources, type ResourcesAction, type ResourcesState} from './resources.js';
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
import {initialUi, reduceUi, type UiAction, type UiState} from './ui.js';
import {type AlertsAction, type AlertsState, createAlerts, reduceAlerts} from './alerts.js';
import {watchForAlerts} from './alertWatch.js';
import {countEvent, type EventRate} from './pulse.js';

export type AppState = {
	containers: ContainersState;
	stats: StatsState;
	connection: ConnectionState;
	ui: UiState;
	operations: OperationsState;
	/** The logs pane while it is open. */
	logs: LogsState | undefined;
	/**
	 * The generation of the last logs pane opened, kept when the pane closes: logs opened again (Esc then l,
	 * in one chunk of keys too) are a new generation, so new streams open and the old ones' lines are not taken.
	 */
	logGeneration: number;
	resources: ResourcesState;
	/** The run form while it is open. */
	form: RunFormState | undefined;
	settings: Settings;
	alerts: AlertsState;
	/** Events per engine lately, for the pulse view. */
	eventRate: EventRate;
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
	/** Whether the terminal draws Unicode blocks (charts in text are ASCII otherwise). */
	unicode?: boolean;
};

export const defaultSettings: Settings = {logTail: 1000, logCapacity: 5000, logColor: true};

export type AppAction =
	| ContainersAction
	| StatsAction
	| ResourcesAction
	| ConnectionAction
	| UiAction
	| AlertsAction
	| {type: 'batch'; actions: readonly AppAction[]}
	| {type: 'clock/tick'; now: number}
	| {type: 'logs/appended'; generation: number; lines: readonly IncomingLogLine[]; dropped?: number}
	| {type: 'logs/ended'; generation: number; name: string; removed: boolean}
	| {type: 'requests/taken'; ids: readonly number[]}
	| {type: 'request/finished'; request: Request; result: RequestResult}
	| {type: 'pane/refresh'}
	| {type: 'engines/replaced'; names: readonly string[]};

export function createAppState(now: number): AppState {
	return {
		containers: emptyContainers,
		stats: emptyStats,
		connection: new Map(),
		ui: initialUi,
		operations: emptyOperations,
		logs: undefined,
		logGeneration: 0,
		resources: emptyResources,
		form: undefined,
		settings: defaultSettings,
		alerts: createAlerts(now),
		eventRate: new Map(),
		now,
	};
}

export function reduceApp(state: AppState, action: AppAction): AppState {
	return watchForAlerts(state, reduceConcern(state, action), action);
}

function reduceConcern(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'alert/acknowledged':
		case 'alerts/acknowledged':
		case 'alerts/configured': {
			const alerts = reduceAlerts(state.alerts, action);
			return alerts === state.alerts ? state : {...state, alerts};
		}

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

		case 'engines/replaced': {
			// Another context: what berth knew of the engines it no longer shows goes.
			const keep = (engine: string) => action.names.includes(engine);
			const records = new Map([...state.containers.records].filter(([, record]) => keep(record.engine)));
			const timings = new Map([...state.containers.timings].filter(([key]) => records.has(key)));
			return {
				...state,
				containers: {...state.containers, records, timings, listedEngines: new Set([...state.containers.listedEngines].filter(keep))},
				stats: new Map([...state.stats].filter(([key]) => records.has(key))),
				connection: new Map([...state.connection].filter(([engine]) => keep(engine))),
				ui: {...state.ui, marks: new Set(), message: {text: `Showing ${action.names.join(', ')}.`, tone: 'info'}},
			};
		}

		case 'pane/refresh': {
			const {pane} = state.operations;
			if (!pane || pane.kind !== 'top' || state.operations.outbox.some(request => request.kind === 'top')) return state;
			return {...state, operations: enqueue(state.operations, {kind: 'top', target: pane.target})};
		}

		case 'logs/appended': {
			if (state.logs?.generation !== action.generation) return state;
			const logs = appendLogLines(state.logs, action.lines);
			return {...state, logs: action.dropped ? {...logs, dropped: logs.dropped + action.dropped} : logs};
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

		case 'events/received': {
			const eventRate = countEvent(state.eventRate, action.engine, Math.floor(action.event.timeNano / 1_000_000));
			return {...state, eventRate, resources: reduceResources(state.resources, action)};
		}

		case 'images/listed':
		case 'volumes/listed':
		case 'networks/listed':
		case 'disk/measured':
		case 'pull/started':
		case 'pull/progressed':
		case 'contexts/read':
		case 'swarm/listed':
		case 'pull/finished': {
			return {...state, resources: reduceResources(state.resources, action)};
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
			const view = reduceUi(state.ui, action);
			return view === state.ui ? state : {...state, ui: view};
		}
	}
}

/** The outcome of a request, as a message or in the pane; container states arrive through the events. */
function finishRequest(state: AppState, request: Request, result: RequestResult): AppState {
	const message = (text: string, tone: 'info' | 'error') => ({...state.ui, message: {text, tone}});
	switch (request.kind) {
		case 'container-action': {
			const words = actionWords[request.action];
			if (result.kind !== 'container-action' || result.failures.length === 0) {
				return {...state, ui: message(`${words.done} ${describeTargets(request.targets)}.`, 'info')};
			}

			const failures = result.failures.map(failure => `${failure.name}: ${failure.error}`).join('; ');
			const done = request.targets.length - result.failures.length;
			return {
				...state,
				ui: message(`Could not ${words.verb} ${failures}${done > 0 ? ` (${words.done.toLowerCase()} ${done})` : ''}`, 'error'),
			};
		}

		case 'resource-action': {
			if (result.kind === 'failed') return {...state, ui: message(result.error, 'error')};
			if (result.kind !== 'resource-action') return state;
			if (result.failures.length > 0) {
				const [first] = result.failures;
				// An image in use: the engine refuses plain removal; ask once more, to force it.
				if (request.action === 'image-remove' && !request.force && /conflict|being used|in use|must be forced/i.test(first!.error)) {
					const targets = request.targets;
					return {
						...state,
						operations: {
							...state.operations,
							confirmation: {
								action: 'remove',
								targets: [],
								force: true,
								removeVolumes: false,
								resource: {
									action: 'image-remove',
									engine: request.engine,
									targets,
									force: true,
									question: `Force-remove ${targets.map(target => target.name).join(', ')} (docker rmi -f)? y / N. The engine refused plain removal: ${first!.error}`,
								},
							},
						},
						ui: {...state.ui, mode: 'confirm', message: undefined},
					};
				}

				return {...state, ui: message(result.failures.map(failure => `${failure.name}: ${failure.error}`).join('; '), 'error')};
			}

			return {...state, ui: message(result.lines.join('; ') || 'Done.', 'info')};
		}

		case 'pull': {
			return {...state, ui: message(result.kind === 'failed' ? `Pull of ${request.reference} failed: ${result.error}` : `Pulled ${request.reference}.`, result.kind === 'failed' ? 'error' : 'info')};
		}

		case 'run': {
			if (result.kind === 'failed') {
				if (!state.form) return {...state, ui: message(result.error, 'error')};
				const field = placeEngineError(result.error);
				return {
					...state,
					form: {
						...state.form,
						submitting: false,
						engineError: field ? undefined : result.error,
						errors: field ? {...state.form.errors, [field]: result.error} : state.form.errors,
						...(field ? {focus: field} : {}),
					},
				};
			}

			const started = {...state, form: undefined, ui: {...message(result.kind === 'done' ? result.text : 'Started.', 'info'), mode: 'list' as const}};
			// "A shell attached": the new container's main process, as `docker run -it` gives it.
			if (request.shell && result.kind === 'done' && result.id) {
				const target = {key: containerKey(request.engine, result.id), engine: request.engine, id: result.id, name: request.spec.name || result.id.slice(0, 12), state: 'running' as const};
				return {...started, operations: enqueue(started.operations, {kind: 'attach', target})};
			}

			return started;
		}

		case 'refresh': {
			return state;
		}

		case 'service-scale':
		case 'service-update': {
			if (result.kind === 'failed') return {...state, ui: message(result.error, 'error')};
			return {...state, ui: message(result.kind === 'done' ? result.text : 'Done.', 'info')};
		}

		case 'use-context': {
			return result.kind === 'failed' ? {...state, ui: message(result.error, 'error')} : state;
		}

		case 'image-history':
		case 'network-inspect':
		case 'inspect':
		case 'top': {
			const pane = fillPane(state.operations.pane, request.target, result);
			return pane === state.operations.pane ? state : {...state, operations: {...state.operations, pane}};
		}

		case 'save-logs': {
			if (result.kind === 'saved') return {...state, ui: message(`Saved ${result.lines} lines to ${result.path}`, 'info')};
			return {...state, ui: message(`Could not save the log: ${result.kind === 'failed' ? result.error : 'unknown error'}`, 'error')};
		}

		case 'shell':
		case 'attach': {
			const error = result.kind === 'terminal' || result.kind === 'failed' ? result.error : undefined;
			if (error) return {...state, ui: message(error, 'error')};
			const what = request.kind === 'shell' ? 'Shell in' : 'Detached from';
			return {...state, ui: message(`${what} ${request.target.name}${request.kind === 'shell' ? ' closed' : ''}.`, 'info')};
		}
	}
}
