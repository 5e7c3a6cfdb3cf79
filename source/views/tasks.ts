// The tasks view: `docker service ps` of every service, or of the one chosen in the services view.
import {formatShortId} from '../format/names.js';
import type {StatusTone} from '../format/status.js';
import {formatPrettyWord, formatTaskError, formatTaskName, formatTaskState} from '../format/swarm.js';
import {compareNatural} from '../format/naturalOrder.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import {containerKey} from '../state/containers.js';
import type {ResourcesState} from '../state/resources.js';
import {memoizeLast} from '../state/select/memo.js';
import {inScope} from '../commands/types.js';
import {tableSortCommands} from './sort.js';
import {concernsSwarm, swarmEmptyText, swarmRefreshMs} from './swarm.js';
import type {TableView} from './types.js';

const taskTones: Record<string, StatusTone> = {
	running: 'good',
	failed: 'bad',
	rejected: 'bad',
	orphaned: 'bad',
	complete: 'muted',
	shutdown: 'muted',
};

/**
 * `docker service ps` of every service (or of one): by service and slot, each slot's newest task first and
 * the ones it replaced after it, named ` \_ web.1` as the CLI names them; `sorted` (the list in another
 * order, where a replaced task is not under the one that replaced it): every task by its own name.
 */
export function selectTaskRows(resources: ResourcesState, now: number, serviceKey?: string, sorted = false): TableRow[] {
	const tasks = [...resources.tasks.values()]
		.filter(task => serviceKey === undefined || containerKey(task.engine, task.serviceId) === serviceKey)
		.map(task => {
			const service = resources.services.get(containerKey(task.engine, task.serviceId));
			return {task, name: formatTaskName(service?.name ?? formatShortId(task.serviceId), task)};
		})
		.sort(
			(a, b) =>
				compareNatural(a.name.slice(0, a.name.lastIndexOf('.')), b.name.slice(0, b.name.lastIndexOf('.'))) ||
				a.task.slot - b.task.slot ||
				compareNatural(a.name, b.name) ||
				compareNatural(b.task.createdAt, a.task.createdAt),
		);
	return tasks.map(({task, name}, index) => {
		const node = resources.nodes.get(containerKey(task.engine, task.nodeId));
		const replaced = !sorted && index > 0 && tasks[index - 1]!.name === name && tasks[index - 1]!.task.engine === task.engine;
		return {
			key: containerKey(task.engine, task.id),
			engine: task.engine,
			id: task.id,
			cells: {
				id: formatShortId(task.id),
				name: replaced ? ` \\_ ${name}` : name,
				image: task.image,
				node: node?.hostname ?? formatShortId(task.nodeId),
				desired: formatPrettyWord(task.desiredState),
				current: formatTaskState(task, now),
				error: formatTaskError(task),
			},
			tone: task.desiredState === 'shutdown' && task.state !== 'failed' ? 'muted' : (taskTones[task.state] ?? 'warning'),
			// A replaced task sorts by its name, not by its ` \_ `; CURRENT STATE by when it was reached.
			order: {name, current: Date.parse(task.timestamp)},
		};
	});
}

const selectRowsOnce = memoizeLast(selectTaskRows);

export const tasksView: TableView = {
	kind: 'table',
	perEngine: true,
	name: 'tasks',
	title: 'Swarm tasks',
	key: '7',
	columns: [
	{id: 'id', title: 'ID', min: 12, ideal: 12, priority: 6},
	{id: 'name', title: 'NAME', min: 8, ideal: 30, priority: 0, grow: true},
	{id: 'image', title: 'IMAGE', min: 10, ideal: 30, priority: 5},
	{id: 'node', title: 'NODE', min: 6, ideal: 20, priority: 2},
	{id: 'desired', title: 'DESIRED STATE', min: 13, ideal: 13, priority: 3},
	{id: 'current', title: 'CURRENT STATE', min: 13, ideal: 30, priority: 1},
	{id: 'error', title: 'ERROR', min: 8, ideal: 30, priority: 4, grow: true},
],
	sort: {defaultOrder: 'by service and slot, as docker service ps lists them', values: {current: 'time'}},
	selectRows: state => selectRowsOnce(state.resources, state.now, state.ui.taskService?.key, state.ui.tableSorts.tasks !== undefined),
	filterRows: filterTableRows,
	listings: ['swarm'],
	concerns: concernsSwarm,
	refreshMs: swarmRefreshMs,
	ages: true,
	emptyText: swarmEmptyText('tasks'),
	caption: state => (state.ui.taskService ? `tasks of ${state.ui.taskService.name}  Esc every service's tasks` : 'every service\'s tasks'),
	commands: inScope('tasks', tableSortCommands(() => tasksView)),
	copyable: row => ({name: (row.cells.name ?? row.id).replace(/^ \\_ /, ''), id: row.id}),
};
