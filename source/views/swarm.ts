// What the swarm views share: whether an engine is a manager, and the events that change them.
import type {AppState} from '../state/app.js';
import type {EventEntry} from '../state/resources.js';
import {changesContainers} from './common.js';

/** Task states change without an event (Docker 20.10): the swarm views are listed this often while shown. */
export const swarmRefreshMs = 2000;

export function concernsSwarm(event: EventEntry): boolean {
	return event.type === 'service' || event.type === 'node' || changesContainers(event);
}

/** An engine that is no swarm manager is said to be one, not shown as an error or an empty list. */
export function swarmEmptyText(what: string) {
	return (state: AppState, filter: string): string => {
		const engines = [...state.connection.keys()];
		if (engines.length > 0 && engines.every(engine => state.resources.swarm.get(engine)?.manager === false)) {
			return engines.length === 1
				? 'this engine is not a swarm manager: docker swarm init to make one'
				: 'none of these engines is a swarm manager: docker swarm init to make one';
		}

		if (!engines.some(engine => state.resources.listed.has(`swarm/${engine}`))) return 'Loading…';
		return filter === '' ? `No ${what}.` : `Nothing matches "${filter}".`;
	};
}
