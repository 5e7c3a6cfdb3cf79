// The services view: `docker service ls`, with tasks, scaling, update, remove and logs.
import {ask, openLogs, withMessage, withMode, withRequest} from '../commands/effects.js';
import {inScope} from '../commands/types.js';
import {formatShortId} from '../format/names.js';
import {formatReplicas, formatServicePorts} from '../format/swarm.js';
import {compareNatural} from '../format/naturalOrder.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import {containerKey} from '../state/containers.js';
import type {ResourcesState} from '../state/resources.js';
import {memoizeLast} from '../state/select/memo.js';
import type {AppState} from '../state/app.js';
import {switchView} from '../state/ui.js';
import {tableSortCommands} from './sort.js';
import {concernsSwarm, swarmEmptyText, swarmRefreshMs} from './swarm.js';
import type {TableView} from './types.js';

/** `docker service ls`, by name; a service short of its desired tasks stands out. */
export function selectServiceRows(resources: ResourcesState): TableRow[] {
	return [...resources.services.values()]
		.sort((a, b) => compareNatural(a.name, b.name))
		.map(service => ({
			key: containerKey(service.engine, service.id),
			engine: service.engine,
			id: service.id,
			cells: {
				id: formatShortId(service.id),
				name: service.name,
				mode: service.mode,
				replicas: formatReplicas(service),
				image: service.image,
				ports: formatServicePorts(service.ports),
			},
			tone: service.runningTasks < service.desiredTasks ? 'warning' : undefined,
			// REPLICAS by the running tasks: `10/10` after `9/10`.
			order: {replicas: service.runningTasks},
		}));
}

const selectRowsOnce = memoizeLast(selectServiceRows);

function target(row: TableRow) {
	return {key: row.key, engine: row.engine, id: row.id, name: row.cells.name ?? row.id};
}

/** Scales the selected service by one or to a number; the engine's answer comes back as a message. */
export function requestScale(state: AppState, selected: TableRow | undefined, replicas: {by: number} | {to: number}): AppState {
	if (!selected) return withMessage(state, 'No service selected.', 'error');
	const service = target(selected);
	const how = 'to' in replicas ? `to ${replicas.to}` : replicas.by > 0 ? 'up by one' : 'down by one';
	return withMessage(withRequest(state, {kind: 'service-scale', target: service, replicas}), `Scaling ${service.name} ${how}…`);
}

const commands = inScope<TableRow>('services', [
	{
		action: 'service-tasks',
		keys: ['return'],
		help: 'Its tasks (docker service ps); Esc there shows all tasks',
		hint: 'tasks',
		run(state, {selected}) {
			if (!selected) return withMessage(state, 'No service selected.', 'error');
			const service = target(selected);
			return {...state, ui: {...switchView(state.ui, 'tasks'), taskService: {key: service.key, name: service.name}}};
		},
	},
	{action: 'service-scale-up', keys: ['+'], help: 'Scale up by one replica', hint: 'scale up', mutating: true, run: (state, {selected}) => requestScale(state, selected, {by: 1})},
	{action: 'service-scale-down', keys: ['-'], help: 'Scale down by one replica', mutating: true, run: (state, {selected}) => requestScale(state, selected, {by: -1})},
	{
		action: 'service-scale',
		keys: ['='],
		help: 'Scale to a number of replicas (typed)',
		hint: 'replicas',
		mutating: true,
		run: (state, {selected}) => (selected ? withMode({...state, ui: {...state.ui, message: undefined}}, 'scale', '') : withMessage(state, 'No service selected.', 'error')),
	},
	{
		action: 'service-update',
		keys: ['u'],
		help: 'Restart its tasks (docker service update --force)',
		hint: 'update',
		mutating: true,
		run(state, {selected}) {
			if (!selected) return withMessage(state, 'No service selected.', 'error');
			const service = target(selected);
			return withMessage(withRequest(state, {kind: 'service-update', target: service}), `Updating ${service.name}: its tasks are replaced…`);
		},
	},
	{
		action: 'service-remove',
		keys: ['d'],
		help: 'Remove (asks first)',
		hint: 'remove',
		mutating: true,
		run(state, {selected}) {
			if (!selected) return withMessage(state, 'No service selected.', 'error');
			const service = target(selected);
			return ask(state, {action: 'service-remove', engine: selected.engine, targets: [service], force: false, question: `Remove service ${service.name}? Its tasks stop (docker service rm). y / N`});
		},
	},
	{
		action: 'service-logs',
		keys: ['l'],
		help: 'Logs of all its tasks, following',
		hint: 'logs',
		run: (state, {selected}) => (selected ? openLogs(state, [{...target(selected), state: 'running', service: true}]) : withMessage(state, 'No service selected.', 'error')),
	},
	...tableSortCommands(() => servicesView),
]);

export const servicesView: TableView = {
	kind: 'table',
	perEngine: true,
	name: 'services',
	title: 'Swarm services',
	key: '6',
	columns: [
	{id: 'id', title: 'ID', min: 12, ideal: 12, priority: 5},
	{id: 'name', title: 'NAME', min: 8, ideal: 30, priority: 0, grow: true},
	{id: 'mode', title: 'MODE', min: 6, ideal: 14, priority: 3},
	{id: 'replicas', title: 'REPLICAS', min: 8, ideal: 24, priority: 1},
	{id: 'image', title: 'IMAGE', min: 10, ideal: 40, priority: 2, grow: true},
	{id: 'ports', title: 'PORTS', min: 10, ideal: 40, priority: 4, grow: true},
],
	sort: {defaultOrder: 'by name, as docker service ls lists them', values: {replicas: 'count'}},
	selectRows: state => selectRowsOnce(state.resources),
	filterRows: filterTableRows,
	listings: ['swarm'],
	concerns: concernsSwarm,
	refreshMs: swarmRefreshMs,
	emptyText: swarmEmptyText('services'),
	commands,
	copyable: row => ({name: row.cells.name ?? row.id, id: row.id}),
};
