// The nodes view: `docker node ls`.
import {formatManagerStatus, formatPrettyWord} from '../format/swarm.js';
import {compareNatural} from '../format/naturalOrder.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import {containerKey} from '../state/containers.js';
import type {ResourcesState} from '../state/resources.js';
import {memoizeLast} from '../state/select/memo.js';
import {inScope} from '../commands/types.js';
import {tableSortCommands} from './sort.js';
import {concernsSwarm, swarmEmptyText, swarmRefreshMs} from './swarm.js';
import type {TableView} from './types.js';

/** `docker node ls`, by host name; this engine's own node marked `*` as the CLI marks it. */
export function selectNodeRows(resources: ResourcesState): TableRow[] {
	return [...resources.nodes.values()]
		.sort((a, b) => compareNatural(a.hostname, b.hostname))
		.map(node => ({
			key: containerKey(node.engine, node.id),
			engine: node.engine,
			id: node.id,
			cells: {
				id: `${node.id}${resources.swarm.get(node.engine)?.nodeId === node.id ? ' *' : ''}`,
				hostname: node.hostname,
				status: formatPrettyWord(node.status),
				availability: formatPrettyWord(node.availability),
				manager: formatManagerStatus(node),
				version: node.engineVersion,
			},
			tone: node.status === 'ready' ? undefined : 'bad',
		}));
}

const selectRowsOnce = memoizeLast(selectNodeRows);

export const nodesView: TableView = {
	kind: 'table',
	perEngine: true,
	name: 'nodes',
	title: 'Swarm nodes',
	key: '8',
	columns: [
	{id: 'id', title: 'ID', min: 12, ideal: 27, priority: 5},
	{id: 'hostname', title: 'HOSTNAME', min: 8, ideal: 30, priority: 0, grow: true},
	{id: 'status', title: 'STATUS', min: 6, ideal: 12, priority: 1},
	{id: 'availability', title: 'AVAILABILITY', min: 12, ideal: 12, priority: 2},
	{id: 'manager', title: 'MANAGER STATUS', min: 14, ideal: 14, priority: 3},
	{id: 'version', title: 'ENGINE VERSION', min: 14, ideal: 20, priority: 4},
],
	sort: {defaultOrder: 'by host name, as docker node ls lists them'},
	selectRows: state => selectRowsOnce(state.resources),
	filterRows: filterTableRows,
	listings: ['swarm'],
	concerns: concernsSwarm,
	refreshMs: swarmRefreshMs,
	emptyText: swarmEmptyText('nodes'),
	commands: inScope('nodes', tableSortCommands(() => nodesView)),
	copyable: row => ({name: row.cells.hostname ?? row.id, id: row.id}),
};
