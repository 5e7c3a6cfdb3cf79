// The whole state as one value, composed from one reducer per concern.
import type {AppAction, AppState, Settings} from './types.js';
import {finishRequest} from './finish.js';
import {emptyResources, reduceResources} from './resources.js';
import {appendLogLines, appendNotice} from './logs.js';
import {emptyOperations, enqueue, takeRequests} from './operations.js';
import {reduceConnection} from './connection.js';
import {containerKey, emptyContainers, reduceContainers} from './containers.js';
import {emptyStats, reduceStats} from './stats.js';
import {appendPaneOutput} from './paneRequests.js';
import {initialUi, reduceUi} from './ui.js';
import {observeEngine} from './alertRules.js';
import {createAlerts, raiseAlerts, reduceAlerts, watchEvent, watchStopAsked, watchTiming} from './alerts.js';
import {formatContainerName} from '../format/names.js';
import {countEvent} from './pulse.js';

export type {AppAction, AppState, Settings} from './types.js';

export const defaultSettings: Settings = {logTail: 1000, logCapacity: 5000, logColor: true};

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

/** Stops, kills and removes berth itself sends: the exits they cause raise no alert. */
const stoppingActions = new Set(['stop', 'kill', 'remove', 'restart']);

/** The alert rules' look at what an action tells of containers and engines. */
function watchForAlerts(before: AppState, after: AppState, action: AppAction): AppState {
	let alerts = after.alerts;
	switch (action.type) {
		case 'container/timed': {
			const key = containerKey(action.engine, action.id);
			const record = after.containers.records.get(key);
			// A stale answer the containers did not take is no news either.
			if (!record || after.containers.timings.get(key) !== action.timing) return after;
			const name = formatContainerName(record.names);
			alerts = watchTiming(alerts, {key, engine: action.engine, name, timing: action.timing, now: after.now, created: record.created * 1000});
			break;
		}

		case 'events/received': {
			if (action.event.type !== 'container' || action.event.id === '') return after;
			alerts = watchEvent(alerts, containerKey(action.engine, action.event.id), action.event);
			break;
		}

		case 'requests/taken': {
			const keys = before.operations.outbox.flatMap(request =>
				action.ids.includes(request.id) && request.kind === 'container-action' && stoppingActions.has(request.action) ? request.targets.map(target => target.key) : [],
			);
			alerts = watchStopAsked(alerts, keys, after.now);
			break;
		}

		case 'engine/lost':
		case 'engine/connected': {
			const was = before.connection.get(action.engine)?.status;
			const now = action.type === 'engine/lost' ? 'disconnected' : 'connected';
			const raised = observeEngine(action.engine, was, now, action.type === 'engine/lost' ? action.at : after.now, action.type === 'engine/lost' ? action.error : '');
			alerts = raised ? raiseAlerts(alerts, [raised]) : alerts;
			break;
		}

		default: {
			return after;
		}
	}

	return alerts === after.alerts ? after : {...after, alerts};
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

		case 'pane/output': {
			return {...state, operations: appendPaneOutput(state.operations, action.key, action.lines)};
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
		case 'engine/unanswered':
		case 'engine/answering':
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
