// The volumes view: `docker volume ls` with sizes and the containers that mount each; details, remove, prune.
import {ask, engineOf, onEngine, showPane, withMessage} from '../commands/effects.js';
import {openFiles} from '../commands/files.js';
import {inScope} from '../commands/types.js';
import {formatContainerName} from '../format/names.js';
import {compareNatural} from '../format/naturalOrder.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import {formatDecimalSize} from '../format/units.js';
import {containerKey, type ContainersState} from '../state/containers.js';
import type {ResourcesState} from '../state/resources.js';
import {memoizeLast} from '../state/select/memo.js';
import {changesContainers, tableEmptyText} from './common.js';
import {tableSortCommands} from './sort.js';
import type {TableView} from './types.js';

/** `docker volume ls` with `docker system df -v` sizes and the containers that mount each volume. */
export function selectVolumeRows(resources: ResourcesState, containers: ContainersState): TableRow[] {
	return [...resources.volumes.values()]
		.sort((a, b) => compareNatural(a.name, b.name))
		.map(volume => {
			const users: string[] = [];
			for (const record of containers.records.values()) {
				if (record.engine === volume.engine && record.mounts.some(mount => mount.type === 'volume' && mount.name === volume.name)) {
					users.push(formatContainerName(record.names));
				}
			}

			users.sort(compareNatural);
			const size = resources.disk.get(volume.engine)?.volumes.find(entry => entry.name === volume.name)?.size;
			return {
				key: containerKey(volume.engine, volume.name),
				engine: volume.engine,
				id: volume.name,
				cells: {
					driver: volume.driver,
					name: volume.name,
					size: size === undefined || size < 0 ? 'N/A' : formatDecimalSize(size, 4),
					containers: users.join(', '),
					mountpoint: volume.mountpoint,
				},
				tone: users.length === 0 ? 'muted' : undefined,
				...(size === undefined || size < 0 ? {} : {order: {size}}),
			};
		});
}

const selectRowsOnce = memoizeLast(selectVolumeRows);

function target(row: TableRow) {
	return {key: row.key, engine: row.engine, id: row.id, name: row.cells.name ?? row.id};
}

const commands = inScope<TableRow>('volumes', [
	{
		action: 'volume-details',
		keys: ['return'],
		help: 'Details: driver, mountpoint, size, containers',
		hint: 'details',
		run: (state, {selected}) =>
			selected
				? showPane(state, 'volume', target(selected), {kind: 'refresh', engine: selected.engine, what: 'disk'})
				: withMessage(state, 'No volume selected.', 'error'),
	},
	{
		action: 'volume-inspect',
		keys: ['i'],
		help: 'Inspect document (docker volume inspect), searchable with /',
		hint: 'inspect',
		run: (state, {selected}) =>
			selected ? showPane(state, 'volume-inspect', target(selected), {kind: 'volume-inspect', target: target(selected)}) : withMessage(state, 'No volume selected.', 'error'),
	},
	{
		action: 'volume-files',
		keys: ['f'],
		help: 'Its files, read-only (through a short-lived helper container)',
		hint: 'files',
		// The helper container is created and removed: a change to the engine, off in a pure viewer.
		mutating: true,
		run: (state, {selected}) => (selected ? openFiles(state, target(selected), {volume: selected.id}) : withMessage(state, 'No volume selected.', 'error')),
	},
	{
		action: 'volume-remove',
		keys: ['d'],
		help: 'Remove (asks; the engine refuses one in use)',
		hint: 'remove',
		mutating: true,
		run(state, {selected}) {
			if (!selected) return withMessage(state, 'No volume selected.', 'error');
			const volume = target(selected);
			const users = selected.cells.containers ? ` It is used by ${selected.cells.containers}: the engine will refuse.` : '';
			return ask(state, {action: 'volume-remove', engine: selected.engine, targets: [volume], force: false, question: `Remove volume ${volume.name}?${users} y / N`});
		},
	},
	{
		action: 'volume-prune',
		keys: ['D'],
		help: 'Prune unused volumes (asks)',
		hint: 'prune',
		mutating: true,
		run(state, {selected}) {
			const engine = engineOf(state, selected);
			return ask(state, {action: 'volume-prune', engine, targets: [], force: false, question: `Prune every volume no container uses${onEngine(state, engine)} (docker volume prune)? y / N`});
		},
	},
	...tableSortCommands(() => volumesView),
]);

export const volumesView: TableView = {
	kind: 'table',
	perEngine: true,
	name: 'volumes',
	title: 'Volumes',
	key: '3',
	columns: [
		{id: 'driver', title: 'DRIVER', min: 6, ideal: 8, priority: 3},
		{id: 'name', title: 'VOLUME NAME', min: 12, ideal: 64, priority: 0, grow: true},
		{id: 'size', title: 'SIZE', min: 7, ideal: 9, priority: 1, align: 'right'},
		{id: 'containers', title: 'CONTAINERS', min: 10, ideal: 40, priority: 2, grow: true},
		{id: 'mountpoint', title: 'MOUNTPOINT', min: 10, ideal: 60, priority: 4, grow: true},
	],
	sort: {defaultOrder: 'by name, as docker volume ls lists them', values: {size: 'size'}},
	selectRows: state => selectRowsOnce(state.resources, state.containers),
	filterRows: filterTableRows,
	listings: ['volumes', 'disk'],
	concerns: event => event.type === 'volume' || changesContainers(event),
	emptyText: tableEmptyText('volumes'),
	commands,
	copyable: row => ({name: row.id}),
};
