// Rows of the images, volumes, networks, events, contexts and swarm panes: one cell per column, filtered. Pure selectors.
import {formatHumanDuration, formatImageCreatedSince} from '../format/duration.js';
import {formatContainerName, formatShortId} from '../format/names.js';
import {compareNatural} from '../format/naturalOrder.js';
import {
	contextColumns,
	eventColumns,
	imageColumns,
	networkColumns,
	nodeColumns,
	serviceColumns,
	type TableColumn,
	taskColumns,
	volumeColumns,
} from '../format/resourceColumns.js';
import type {StatusTone} from '../format/status.js';
import type {ColumnSpec} from '../format/table.js';
import {formatImageNames} from '../format/reference.js';
import {formatDecimalSize} from '../format/units.js';
import {
	formatManagerStatus,
	formatPrettyWord,
	formatReplicas,
	formatServicePorts,
	formatTaskError,
	formatTaskName,
	formatTaskState,
} from '../format/swarm.js';
import {containerKey, type ContainersState} from './containers.js';
import type {ResourcesState} from './resources.js';

export type TableRow = {
	key: string;
	engine: string;
	/** What actions act on: image id, volume name, network id, event seq. */
	id: string;
	cells: Record<TableColumn, string>;
	/** Drawn in a tone of its own (a dangling image, an unused volume). */
	tone?: StatusTone | undefined;
};

export type TableViewName = 'images' | 'volumes' | 'networks' | 'events' | 'contexts' | 'services' | 'tasks' | 'nodes';

export const tableColumns: Record<TableViewName, ReadonlyArray<ColumnSpec<TableColumn>>> = {
	images: imageColumns,
	volumes: volumeColumns,
	networks: networkColumns,
	events: eventColumns,
	contexts: contextColumns,
	services: serviceColumns,
	tasks: taskColumns,
	nodes: nodeColumns,
};

function namesOf(containers: ContainersState, engine: string, matches: (record: ContainersState['records'] extends ReadonlyMap<string, infer R> ? R : never) => boolean): string[] {
	const names: string[] = [];
	for (const record of containers.records.values()) {
		if (record.engine === engine && matches(record)) names.push(formatContainerName(record.names));
	}

	return names.sort(compareNatural);
}

/** `docker images`: one row per tag, a dangling image as `<none>` `<none>`, newest first. */
export function selectImageRows(resources: ResourcesState, containers: ContainersState, now: number): TableRow[] {
	const images = [...resources.images.values()].sort((a, b) => b.created - a.created || compareNatural(a.repoTags[0] ?? '', b.repoTags[0] ?? ''));
	const rows: TableRow[] = [];
	for (const image of images) {
		const users = namesOf(containers, image.engine, record => record.imageId === image.id);
		const names = formatImageNames(image.repoTags, image.repoDigests);
		for (const {repository, tag, reference} of names.length > 0 ? names : [{repository: '<none>', tag: '<none>', reference: '<none>:<none>'}]) {
			const dangling = image.repoTags.length === 0;
			rows.push({
				key: `${containerKey(image.engine, image.id)}\u0000${reference}`,
				engine: image.engine,
				id: names.length === 0 ? image.id : reference,
				cells: {
					repository,
					tag,
					id: formatShortId(image.id),
					created: formatImageCreatedSince(image.created, now),
					size: formatDecimalSize(image.size),
					containers: dangling && users.length === 0 ? '(dangling)' : users.join(', '),
				},
				tone: dangling ? 'warning' : undefined,
			});
		}
	}

	return rows;
}

/** `docker volume ls` with `docker system df -v` sizes and the containers that mount each volume. */
export function selectVolumeRows(resources: ResourcesState, containers: ContainersState): TableRow[] {
	return [...resources.volumes.values()]
		.sort((a, b) => compareNatural(a.name, b.name))
		.map(volume => {
			const users = namesOf(containers, volume.engine, record => record.mounts.some(mount => mount.type === 'volume' && mount.name === volume.name));
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
			};
		});
}

/** `docker network ls` with subnets and the attached containers' addresses. */
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

/** The engine's recent events, newest first. */
export function selectEventRows(resources: ResourcesState): TableRow[] {
	return [...resources.events].reverse().map(event => {
		const {name, image, exitCode, ...rest} = event.attributes;
		const details = [
			image && event.type === 'container' ? `image=${image}` : '',
			exitCode === undefined ? '' : `exitCode=${exitCode}`,
			...Object.entries(rest)
				.filter(([key]) => !key.startsWith('com.docker.compose') && key !== 'driver' && key !== 'type')
				.slice(0, 3)
				.map(([key, value]) => `${key}=${value}`),
		].filter(Boolean);
		const time = new Date(Math.floor(event.timeNano / 1e6));
		return {
			key: `${event.engine}\u0000${event.seq}`,
			engine: event.engine,
			id: String(event.seq),
			cells: {
				time: time.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ''),
				type: event.type,
				action: event.action,
				name: name ?? formatShortId(event.id),
				details: details.join(' '),
			},
			tone: eventTones[event.action.split(':')[0] ?? ''],
		};
	});
}

export function selectTableRows(
	view: TableViewName,
	resources: ResourcesState,
	containers: ContainersState,
	now: number,
	shownEngines: ReadonlySet<string> = new Set(),
	/** The tasks view shows only this service's tasks (its row key) when given. */
	taskService?: string,
): TableRow[] {
	switch (view) {
		case 'images': {
			return selectImageRows(resources, containers, now);
		}

		case 'volumes': {
			return selectVolumeRows(resources, containers);
		}

		case 'networks': {
			return selectNetworkRows(resources);
		}

		case 'events': {
			return selectEventRows(resources);
		}

		case 'contexts': {
			return selectContextRows(resources, shownEngines);
		}

		case 'services': {
			return selectServiceRows(resources);
		}

		case 'tasks': {
			return selectTaskRows(resources, now, taskService);
		}

		case 'nodes': {
			return selectNodeRows(resources);
		}
	}
}

function byText(a: string, b: string): number {
	return compareNatural(a, b);
}

/** `docker service ls`, by name; a service short of its desired tasks stands out. */
export function selectServiceRows(resources: ResourcesState): TableRow[] {
	return [...resources.services.values()]
		.sort((a, b) => byText(a.name, b.name))
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
		}));
}

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
 * the ones it replaced after it, named ` \_ web.1` as the CLI names them.
 */
export function selectTaskRows(resources: ResourcesState, now: number, serviceKey?: string): TableRow[] {
	const tasks = [...resources.tasks.values()]
		.filter(task => serviceKey === undefined || containerKey(task.engine, task.serviceId) === serviceKey)
		.map(task => {
			const service = resources.services.get(containerKey(task.engine, task.serviceId));
			return {task, name: formatTaskName(service?.name ?? formatShortId(task.serviceId), task)};
		})
		.sort(
			(a, b) =>
				byText(a.name.slice(0, a.name.lastIndexOf('.')), b.name.slice(0, b.name.lastIndexOf('.'))) ||
				a.task.slot - b.task.slot ||
				byText(a.name, b.name) ||
				byText(b.task.createdAt, a.task.createdAt),
		);
	return tasks.map(({task, name}, index) => {
		const node = resources.nodes.get(containerKey(task.engine, task.nodeId));
		const replaced = index > 0 && tasks[index - 1]!.name === name && tasks[index - 1]!.task.engine === task.engine;
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
		};
	});
}

/** `docker node ls`, by host name; this engine's own node marked `*` as the CLI marks it. */
export function selectNodeRows(resources: ResourcesState): TableRow[] {
	return [...resources.nodes.values()]
		.sort((a, b) => byText(a.hostname, b.hostname))
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

/** `docker context ls`, with the contexts berth shows now marked. */
export function selectContextRows(resources: ResourcesState, shownEngines: ReadonlySet<string>): TableRow[] {
	return [...resources.contexts].sort((a, b) => compareNatural(a.name, b.name)).map(context => ({
		key: `context\u0000${context.name}`,
		engine: context.name,
		id: context.name,
		cells: {
			name: `${context.name}${shownEngines.has(context.name) ? ' *' : ''}`,
			description: context.description,
			endpoint: context.host,
			shown: shownEngines.has(context.name) ? 'shown' : '',
		},
		tone: shownEngines.has(context.name) ? 'good' : undefined,
	}));
}

/** Case-insensitive match on any cell. */
export function filterTableRows(rows: readonly TableRow[], filter: string): TableRow[] {
	const needle = filter.trim().toLowerCase();
	if (needle === '') return [...rows];
	return rows.filter(row => Object.values(row.cells).some(cell => cell.toLowerCase().includes(needle)));
}
