// The alert rules' look at what each action tells of containers and engines, composed into reduceApp. Pure.
import {formatContainerName} from '../format/names.js';
import {observeEngine, swarmServiceLabel} from './alertRules.js';
import {type AlertsState, forgetGone, raiseAlerts, watchEvent, watchStopAsked, watchTiming} from './alerts.js';
import type {ConnectionAction, ConnectionState} from './connection.js';
import {containerKey, type ContainersAction, type ContainersState} from './containers.js';
import type {OperationsState} from './operations.js';
import type {ResourcesAction} from './resources.js';

/** The parts of the state the rules read (AppState has them; named here so nothing imports in a circle). */
export type WatchedState = {
	alerts: AlertsState;
	containers: ContainersState;
	connection: ConnectionState;
	operations: OperationsState;
	now: number;
};

type WatchedAction =
	| Extract<ContainersAction, {type: 'container/timed' | 'containers/listed'}>
	| Extract<ResourcesAction, {type: 'events/received'}>
	| Extract<ConnectionAction, {type: 'engine/lost' | 'engine/connected'}>
	| {type: 'requests/taken'; ids: readonly number[]; at?: number}
	| {type: 'other'};

/** Stops, kills and removes berth itself sends: the exits they cause raise no alert. */
const stoppingActions = new Set(['stop', 'kill', 'remove', 'restart']);

/** The alert rules' look at what an action tells of containers and engines. */
export function watchForAlerts<State extends WatchedState>(before: State, after: State, action: {type: string}): State {
	const watched = action as WatchedAction;
	let alerts = after.alerts;
	switch (watched.type) {
		case 'container/timed': {
			const key = containerKey(watched.engine, watched.id);
			const record = after.containers.records.get(key);
			// A stale answer the containers did not take is no news either.
			if (!record || after.containers.timings.get(key) !== watched.timing) return after;
			const name = formatContainerName(record.names);
			const service = record.labels[swarmServiceLabel];
			// When inspect was read: the clock ticks only when the screen needs it, and may be seconds behind.
			alerts = watchTiming(alerts, {key, engine: watched.engine, name, timing: watched.timing, now: watched.timing.readAt ?? after.now, created: record.created * 1000, service});
			break;
		}

		case 'containers/listed': {
			alerts = forgetGone(alerts, watched.engine, key => after.containers.records.has(key));
			break;
		}

		case 'events/received': {
			if (watched.event.type !== 'container' || watched.event.id === '') return after;
			alerts = watchEvent(alerts, containerKey(watched.engine, watched.event.id), watched.event);
			break;
		}

		case 'requests/taken': {
			const keys = before.operations.outbox.flatMap(request =>
				watched.ids.includes(request.id) && request.kind === 'container-action' && stoppingActions.has(request.action) ? request.targets.map(target => target.key) : [],
			);
			alerts = watchStopAsked(alerts, keys, watched.at ?? after.now);
			break;
		}

		case 'engine/lost':
		case 'engine/connected': {
			const was = before.connection.get(watched.engine)?.status;
			const now = watched.type === 'engine/lost' ? 'disconnected' : 'connected';
			const raised = observeEngine(watched.engine, was, now, watched.type === 'engine/lost' ? watched.at : (watched.at ?? after.now), watched.type === 'engine/lost' ? watched.error : '');
			alerts = raised ? raiseAlerts(alerts, [raised]) : alerts;
			break;
		}

		default: {
			return after;
		}
	}

	return alerts === after.alerts ? after : {...after, alerts};
}
