// Selectors from state to the rows of the containers pane: filtered, grouped by compose project, formatted.
import type {ContainerState} from '../engine/types.js';
import {formatContainerName, formatImage} from '../format/names.js';
import {formatPorts} from '../format/ports.js';
import {formatStatus, selectStatusTone, type StatusTone} from '../format/status.js';
import {containerKey, type ContainersState} from './containers.js';
import type {ContainerFigures, StatsState} from './stats.js';

export const composeProjectLabel = 'com.docker.compose.project';

export type ContainerRow = {
	key: string;
	engine: string;
	id: string;
	name: string;
	image: string;
	state: ContainerState;
	status: string;
	tone: StatusTone;
	ports: string;
	project: string;
	figures: ContainerFigures | undefined;
};

export function selectContainerRows(
	containers: ContainersState,
	stats: StatsState,
	filter: string,
	now: number,
): ContainerRow[] {
	const rows: ContainerRow[] = [];
	for (const record of containers.records.values()) {
		const key = containerKey(record.engine, record.id);
		const timing = containers.timings.get(key);
		const status = timing ? formatStatus(timing, now) : record.status;
		rows.push({
			key,
			engine: record.engine,
			id: record.id,
			name: formatContainerName(record.names),
			image: formatImage(record.image, record.imageId),
			state: record.state,
			status,
			tone: selectStatusTone(record.state, status),
			ports: formatPorts(record.ports),
			project: record.labels[composeProjectLabel] ?? '',
			figures: record.state === 'running' || record.state === 'paused' ? stats.get(key) : undefined,
		});
	}

	return sortContainerRows(filterContainerRows(rows, filter));
}

/** Case-insensitive match on name, image, status, project or id prefix. */
export function filterContainerRows(rows: readonly ContainerRow[], filter: string): ContainerRow[] {
	const needle = filter.trim().toLowerCase();
	if (needle === '') return [...rows];
	return rows.filter(
		row =>
			row.name.toLowerCase().includes(needle) ||
			row.image.toLowerCase().includes(needle) ||
			row.status.toLowerCase().includes(needle) ||
			row.project.toLowerCase().includes(needle) ||
			row.id.startsWith(needle),
	);
}

/** Compose projects together (alphabetically), standalone containers after them, names within. */
export function sortContainerRows(rows: readonly ContainerRow[]): ContainerRow[] {
	return [...rows].sort((a, b) => {
		if (a.project !== b.project) {
			if (a.project === '') return 1;
			if (b.project === '') return -1;
			return a.project < b.project ? -1 : 1;
		}

		if (a.name !== b.name) return a.name < b.name ? -1 : 1;
		return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	});
}

export type ContainerCounts = {total: number; running: number; paused: number; stopped: number};

export function selectContainerCounts(containers: ContainersState): ContainerCounts {
	const counts = {total: 0, running: 0, paused: 0, stopped: 0};
	for (const record of containers.records.values()) {
		counts.total++;
		if (record.state === 'paused') counts.paused++;
		else if (record.state === 'running' || record.state === 'restarting') counts.running++;
		else counts.stopped++;
	}

	return counts;
}
