// The events view: the engines' recent events, newest first; Enter shows one whole in a pane.
import {showPane, withMessage} from '../commands/effects.js';
import {inScope} from '../commands/types.js';
import {formatLocalTime} from '../format/duration.js';
import {formatEventName} from '../format/names.js';
import type {StatusTone} from '../format/status.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import type {EventEntry} from '../state/resources.js';
import {memoizeLast} from '../state/select/memo.js';
import type {TableView} from './types.js';

const eventTones: Record<string, StatusTone> = {
	die: 'bad',
	kill: 'bad',
	oom: 'bad',
	destroy: 'bad',
	delete: 'bad',
	start: 'good',
	create: 'neutral',
	pull: 'neutral',
	pause: 'warning',
	unpause: 'good',
};

export function selectEventRows(events: readonly EventEntry[]): TableRow[] {
	return [...events].reverse().map(event => {
		const {name, image, exitCode, ...rest} = event.attributes;
		const details = [
			image && event.type === 'container' ? `image=${image}` : '',
			exitCode === undefined ? '' : `exitCode=${exitCode}`,
			...Object.entries(rest)
				.filter(([key]) => !key.startsWith('com.docker.compose') && key !== 'driver' && key !== 'type')
				.slice(0, 3)
				.map(([key, value]) => `${key}=${value}`),
		].filter(Boolean);
		return {
			key: `${event.engine}\u0000${event.seq}`,
			engine: event.engine,
			id: String(event.seq),
			cells: {
				time: formatLocalTime(Math.floor(event.timeNano / 1e6)),
				type: event.type,
				action: event.action,
				// An image's event names it by reference (busybox:latest) or by its id; only an id is shortened.
				name: formatEventName(name, event.id, event.type),
				details: details.join(' '),
			},
			tone: eventTones[event.action.split(':')[0] ?? ''],
		};
	});
}

const selectRowsOnce = memoizeLast(selectEventRows);

const commands = inScope<TableRow>('events', [
	{
		action: 'event-show',
		keys: ['return'],
		help: 'The selected event whole: every field and attribute',
		hint: 'show',
		run(state, {selected}) {
			if (!selected) return withMessage(state, 'No event selected.', 'error');
			return showPane(state, 'event', {key: selected.key, engine: selected.engine, id: selected.id, name: `${selected.cells.action} ${selected.cells.name}`});
		},
	},
]);

export const eventsView: TableView = {
	kind: 'table',
	perEngine: true,
	name: 'events',
	title: 'Events',
	key: '5',
	columns: [
		{id: 'time', title: 'TIME', min: 8, ideal: 19, priority: 0},
		{id: 'type', title: 'TYPE', min: 7, ideal: 9, priority: 1},
		{id: 'action', title: 'ACTION', min: 8, ideal: 22, priority: 0},
		{id: 'name', title: 'NAME', min: 10, ideal: 36, priority: 1, grow: true},
		{id: 'details', title: 'DETAILS', min: 10, ideal: 80, priority: 2, grow: true},
	],
	selectRows: state => selectRowsOnce(state.resources.events),
	filterRows: filterTableRows,
	listings: [],
	emptyText: (_state, filter) => (filter === '' ? 'No events.' : `Nothing matches "${filter}".`),
	caption: () => 'newest first',
	commands,
};
