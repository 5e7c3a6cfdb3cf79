// The networks view: `docker network ls` with subnets and the attached containers' addresses.
import {ask, engineOf, onEngine, showPane, withMessage} from '../commands/effects.js';
import {inScope} from '../commands/types.js';
import {formatShortId} from '../format/names.js';
import {compareNatural} from '../format/naturalOrder.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import {containerKey} from '../state/containers.js';
import type {ResourcesState} from '../state/resources.js';
import {memoizeLast} from '../state/select/memo.js';
import {changesContainers, tableEmptyText} from './common.js';
import {tableSortCommands} from './sort.js';
import type {TableView} from './types.js';

export function selectNetworkRows(resources: ResourcesState): TableRow[] {
	return [...resources.networks.values()]
		.sort((a, b) => compareNatural(a.name, b.name))
		.map(network => ({
			key: containerKey(network.engine, network.id),
			engine: network.engine,
			id: network.id,
			cells: {
				id: formatShortId(network.id),
				name: network.name,
				driver: network.driver,
				scope: network.scope,
				subnet: network.subnets.join(', '),
				gateway: network.gateways.join(', '),
				containers: network.containers
					.map(container => `${container.name}${container.ipv4 ? ` ${container.ipv4.replace(/\/\d+$/, '')}` : ''}`)
					.sort(compareNatural)
					.join(', '),
			},
		}));
}

const selectRowsOnce = memoizeLast(selectNetworkRows);

/** What a network row acts on: its id, named by its name. */
function target(row: TableRow) {
	return {key: row.key, engine: row.engine, id: row.id, name: row.cells.name ?? row.id};
}

const commands = inScope<TableRow>('networks', [
	{
		action: 'network-inspect',
		keys: ['return', 'i'],
		help: 'Inspect: subnets, containers and their addresses',
		hint: 'inspect',
		run(state, {selected}) {
			if (!selected) return withMessage(state, 'Nothing selected.', 'error');
			const network = target(selected);
			return showPane(state, 'network', network, {kind: 'network-inspect', target: network});
		},
	},
	{
		action: 'network-remove',
		keys: ['d'],
		help: 'Remove (asks; the engine refuses one in use or its own bridge, host, none)',
		hint: 'remove',
		mutating: true,
		run(state, {selected}) {
			if (!selected) return withMessage(state, 'No network selected.', 'error');
			const network = target(selected);
			const users = selected.cells.containers ? ` It connects ${selected.cells.containers}.` : '';
			return ask(state, {action: 'network-remove', engine: selected.engine, targets: [network], force: false, question: `Remove network ${network.name}?${users} y / N`});
		},
	},
	{
		action: 'network-prune',
		keys: ['D'],
		help: 'Prune networks no container uses (asks)',
		hint: 'prune',
		mutating: true,
		run(state, {selected}) {
			const engine = engineOf(state, selected);
			return ask(state, {action: 'network-prune', engine, targets: [], force: false, question: `Prune every network no container uses${onEngine(state, engine)} (docker network prune)? y / N`});
		},
	},
	...tableSortCommands(() => networksView),
]);

export const networksView: TableView = {
	kind: 'table',
	perEngine: true,
	name: 'networks',
	title: 'Networks',
	key: '4',
	columns: [
		{id: 'id', title: 'NETWORK ID', min: 12, ideal: 12, priority: 4},
		{id: 'name', title: 'NAME', min: 10, ideal: 30, priority: 0, grow: true},
		{id: 'driver', title: 'DRIVER', min: 6, ideal: 8, priority: 2},
		{id: 'scope', title: 'SCOPE', min: 5, ideal: 6, priority: 5},
		{id: 'subnet', title: 'SUBNET', min: 10, ideal: 20, priority: 1},
		{id: 'gateway', title: 'GATEWAY', min: 9, ideal: 16, priority: 6},
		{id: 'containers', title: 'CONTAINERS', min: 10, ideal: 60, priority: 3, grow: true},
	],
	sort: {defaultOrder: 'by name, as docker network ls lists them'},
	selectRows: state => selectRowsOnce(state.resources),
	filterRows: filterTableRows,
	listings: ['networks'],
	concerns: event => event.type === 'network' || changesContainers(event),
	emptyText: tableEmptyText('networks'),
	commands,
	copyable: row => ({name: row.cells.name ?? row.id, id: row.id}),
};
