// The whole state as one value, composed from one reducer per concern.
import {type KeyPress, reduceKeyPress} from './keypress.js';
import {type ConnectionAction, type ConnectionState, reduceConnection} from './connection.js';
import {type ContainersAction, type ContainersState, emptyContainers, reduceContainers} from './containers.js';
import {emptyStats, reduceStats, type StatsAction, type StatsState} from './stats.js';
import {initialView, reduceView, type ViewAction, type ViewState} from './view.js';

export type AppState = {
	containers: ContainersState;
	stats: StatsState;
	connection: ConnectionState;
	view: ViewState;
	/** Milliseconds since the epoch, advanced by the clock so status texts tick on. */
	now: number;
};

export type AppAction =
	| ContainersAction
	| StatsAction
	| ConnectionAction
	| ViewAction
	| {type: 'batch'; actions: readonly AppAction[]}
	| {type: 'clock/tick'; now: number}
	| {type: 'keys/pressed'; presses: readonly KeyPress[]; pageSize: number};

export function createAppState(now: number): AppState {
	return {containers: emptyContainers, stats: emptyStats, connection: new Map(), view: initialView, now};
}

export function reduceApp(state: AppState, action: AppAction): AppState {
	switch (action.type) {
		case 'batch': {
			return action.actions.reduce(reduceApp, state);
		}

		case 'clock/tick': {
			return {...state, now: action.now};
		}

		case 'keys/pressed': {
			return action.presses.reduce((next, press) => reduceKeyPress(next, press, action.pageSize), state);
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
