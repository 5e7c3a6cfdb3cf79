// The whole state as one value, composed from one reducer per concern.
import type {AppAction, AppState, Settings} from './types.js';
import {finishRequest} from './finish.js';
import {emptyResources, reduceResources} from './resources.js';
import {appendLogLines, appendNotice} from './logs.js';
import {emptyOperations, enqueue, takeRequests} from './operations.js';
import {reduceConnection} from './connection.js';
import {emptyContainers, reduceContainers, reduceOneBatch} from './containers.js';
import {emptyStats, reduceStats} from './stats.js';
import {appendPaneOutput} from './paneRequests.js';
import {initialUi, reduceUi} from './ui.js';
import {createAlerts, reduceAlerts} from './alerts.js';
import {countEvent} from './pulse.js';
import {watchForAlerts} from './alertWatch.js';
import {ShardedMap} from './shardedMap.js';

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
			return reduceOneBatch(() => action.actions.reduce(reduceApp, state));
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
			const records = ShardedMap.of([...state.containers.records].filter(([, record]) => keep(record.engine)));
			const timings = ShardedMap.of([...state.containers.timings].filter(([key]) => records.has(key)));
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
				: action.restarting
					? `-- ${action.name} exited and is restarting: its next log follows --`
					: `-- ${action.name} stopped: its log ends here --`;
			return {...state, logs: appendNotice(state.logs, text)};
		}

		case 'logs/restarted': {
			if (state.logs?.generation !== action.generation) return state;
			return {...state, logs: appendNotice(state.logs, `-- ${action.name} started again: its new log follows --`)};
		}

		case 'containers/listed':
		case 'container/updated':
		case 'container/removed':
		case 'container/timed': {
			const containers = reduceContainers(state.containers, action);
			if (containers === state.containers) return state;
			// The figures of containers that are gone go with them (those kept for rows off screen included).
			const gone = action.type === 'container/removed' || action.type === 'containers/listed' ? [...state.stats.keys()].filter(key => !containers.records.has(key)) : [];
			if (gone.length === 0) return {...state, containers};
			const stats = new Map(state.stats);
			for (const key of gone) stats.delete(key);
			return {...state, containers, stats};
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
		case 'stats/ended':
		case 'stats/left': {
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
