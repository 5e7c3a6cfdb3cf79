// The alerts raised so far, newest first and bounded, with what the rules remember per container. Pure reducer.
import type {ContainerTiming, EngineEvent} from '../engine/types.js';
import {writable} from './batch.js';
import {ShardedMap} from './shardedMap.js';
import {
	type AlertRules,
	type ContainerWatch,
	defaultAlertRules,
	observeEvent,
	observeTaskFailure,
	observeTiming,
	type RaisedAlert,
	type ServiceWatch,
} from './alertRules.js';

export type Alert = RaisedAlert & {
	id: number;
	/** Raised again this many times since it was first raised. */
	times: number;
	acknowledged: boolean;
};

export type AlertsState = {
	list: readonly Alert[];
	watches: ReadonlyMap<string, ContainerWatch>;
	/** Swarm services whose tasks failed within the window, by `engine \0 service`: as many as have failed lately. */
	services?: ReadonlyMap<string, ServiceWatch>;
	rules: AlertRules;
	/** When berth began to watch, in milliseconds. */
	since: number;
	/** Every alert raised or raised again gets the next id: the outlets send those above the last they sent. */
	nextId: number;
};

export const alertCapacity = 200;

export function createAlerts(since: number, rules: AlertRules = defaultAlertRules): AlertsState {
	return {list: [], watches: ShardedMap.of(), rules, since, nextId: 1};
}

export type AlertsAction =
	| {type: 'alert/acknowledged'; id: number}
	| {type: 'alerts/acknowledged'}
	| {type: 'alerts/configured'; rules: AlertRules};

/** Adds raised alerts; one of the same kind about the same container or engine comes back to the top, unacknowledged. */
export function raiseAlerts(state: AlertsState, raised: readonly RaisedAlert[]): AlertsState {
	if (raised.length === 0) return state;
	let {list, nextId} = state;
	for (const {replaces, ...alert} of raised) {
		const earlier = list.find(entry => entry.kind === alert.kind && entry.key === alert.key);
		// The alert this one corrects loses that exit: one line for one exit (its earlier exits stay counted).
		const corrected = replaces === undefined ? undefined : list.find(entry => entry.kind === replaces && entry.key === alert.key);
		const rest = list.flatMap(entry => {
			if (entry === earlier) return [];
			if (entry !== corrected) return [entry];
			return entry.times > 1 ? [{...entry, times: entry.times - 1}] : [];
		});
		list = [{...alert, id: nextId++, times: (earlier?.times ?? 0) + 1, acknowledged: false}, ...rest].slice(0, alertCapacity);
	}

	return {...state, list, nextId};
}

export function reduceAlerts(state: AlertsState, action: AlertsAction): AlertsState {
	switch (action.type) {
		case 'alert/acknowledged': {
			if (!state.list.some(alert => alert.id === action.id && !alert.acknowledged)) return state;
			return {...state, list: state.list.map(alert => (alert.id === action.id ? {...alert, acknowledged: true} : alert))};
		}

		case 'alerts/acknowledged': {
			if (state.list.every(alert => alert.acknowledged)) return state;
			return {...state, list: state.list.map(alert => (alert.acknowledged ? alert : {...alert, acknowledged: true}))};
		}

		case 'alerts/configured': {
			return {...state, rules: action.rules};
		}
	}
}

/** One more look at a container (inspect's answer). */
export function watchTiming(
	state: AlertsState,
	look: {key: string; engine: string; name: string; timing: ContainerTiming; now: number; created: number; service?: string | undefined},
): AlertsState {
	const {watch, alerts, taskFailed} = observeTiming(state.watches.get(look.key), {...look, since: state.since}, state.rules);
	const watches = writable(state.watches);
	watches.set(look.key, watch);
	const watched = raiseAlerts({...state, watches}, alerts);
	return taskFailed && look.service !== undefined ? watchTaskFailure(watched, look.engine, look.service, taskFailed.exitCode, look.now) : watched;
}

/** A swarm task failed: one more failure of its service. Services with no failure in the window are forgotten. */
function watchTaskFailure(state: AlertsState, engine: string, service: string, exitCode: number, now: number): AlertsState {
	const key = `${engine}\u0000${service}`;
	const {watch, alerts} = observeTaskFailure(state.services?.get(key), {key, engine, service, exitCode, now}, state.rules);
	const services = new Map([...(state.services ?? [])].filter(([, each]) => each.failures.some(time => time > now - state.rules.windowMs)));
	services.set(key, watch);
	return raiseAlerts({...state, services}, alerts);
}

export function watchEvent(state: AlertsState, key: string, event: EngineEvent): AlertsState {
	if (event.action === 'destroy') {
		if (!state.watches.has(key)) return state;
		const watches = writable(state.watches);
		watches.delete(key);
		return {...state, watches};
	}

	const watch = observeEvent(state.watches.get(key), event);
	if (watch === state.watches.get(key)) return state;
	const watches = writable(state.watches);
	watches.set(key, watch!);
	return {...state, watches};
}

/** What is remembered of containers an engine no longer lists goes (a destroy missed while it was away). */
export function forgetGone(state: AlertsState, engine: string, listed: (key: string) => boolean): AlertsState {
	const prefix = `${engine}\u0000`;
	const gone: string[] = [];
	state.watches.forEach((_watch, key) => {
		if (key.startsWith(prefix) && !listed(key)) gone.push(key);
	});
	if (gone.length === 0) return state;
	const watches = writable(state.watches);
	for (const key of gone) watches.delete(key);
	return {...state, watches};
}

/** A stop, kill or remove berth sent: the exit that follows is no news. */
export function watchStopAsked(state: AlertsState, keys: readonly string[], at: number): AlertsState {
	if (keys.length === 0) return state;
	const watches = writable(state.watches);
	for (const key of keys) {
		const watch = watches.get(key) ?? {restartCount: undefined, restarts: [], health: 'none' as const, finishedAt: ''};
		watches.set(key, {...watch, stopAskedAt: at});
	}

	return {...state, watches};
}

/** Alerts not yet acknowledged. */
export function countOpenAlerts(state: AlertsState): number {
	return state.list.filter(alert => !alert.acknowledged).length;
}

/** Keys of the containers an open alert concerns. */
export function selectAlertedKeys(state: AlertsState): ReadonlySet<string> {
	return new Set(state.list.filter(alert => !alert.acknowledged && alert.container !== '').map(alert => alert.key));
}
