// What several views share: their empty texts and which events change the containers they count.
import type {AppState} from '../state/app.js';
import type {EventEntry} from '../state/resources.js';

/** Loading before the first listing, then none or no match. */
export function tableEmptyText(what: string) {
	return (state: AppState, filter: string) =>
		state.resources.listed.size === 0 ? 'Loading…' : filter === '' ? `No ${what}.` : `Nothing matches "${filter}".`;
}

/** A container came, went, started, died or was renamed: lists that name containers change. */
export function changesContainers(event: EventEntry): boolean {
	return event.type === 'container' && /^(create|destroy|start|die|rename)$/.test(event.action);
}
