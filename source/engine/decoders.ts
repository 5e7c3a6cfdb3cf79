// Pure decoders from the Engine API's JSON to berth's records: containers, events, stats, process tables.
import type Docker from 'dockerode';
import type {ContainerRecord, ContainerState, EngineEvent, EngineVersion, PortRecord, StatsSample} from './types.js';

const knownStates = new Set<ContainerState>([
	'created',
	'running',
	'paused',
	'restarting',
	'removing',
	'exited',
	'dead',
]);

/** GET /version's answer as berth keeps it. */
export function toEngineVersion(value: unknown): EngineVersion {
	const version = value as Docker.DockerVersion & {Components?: Array<{Name?: string}>};
	// Podman answers the same API; its components say so.
	const podman = (version.Components ?? []).some(component => /podman/i.test(component.Name ?? ''));
	return {
		product: podman ? 'Podman' : 'Docker',
		version: version.Version,
		apiVersion: version.ApiVersion,
		os: version.Os,
		arch: version.Arch,
	};
}

export function toContainerRecord(engine: string, info: Docker.ContainerInfo): ContainerRecord {
	const state = (info.State ?? '').toLowerCase() as ContainerState;
	return {
		engine,
		id: info.Id,
		names: info.Names ?? [],
		image: info.Image ?? '',
		imageId: info.ImageID ?? '',
		command: info.Command ?? '',
		created: info.Created ?? 0,
		state: knownStates.has(state) ? state : 'dead',
		status: info.Status ?? '',
		ports: (info.Ports ?? []).map(port => ({
			ip: port.IP ?? '',
			privatePort: port.PrivatePort,
			publicPort: port.PublicPort ?? 0,
			type: port.Type ?? 'tcp',
		})),
		labels: info.Labels ?? {},
		mounts: (info.Mounts ?? []).map(mount => ({
			type: mount.Type ?? '',
			name: mount.Name ?? '',
			source: mount.Source ?? '',
			destination: mount.Destination ?? '',
		})),
		networks: Object.keys(info.NetworkSettings?.Networks ?? {}),
	};
}

/**
 * Inspect's NetworkSettings.Ports as the listing's Ports: a binding each (both read the same record of the
 * engine's, Docker 20.10 and 26.1 alike), an exposed port that is not published as its number alone.
 */
export function toPortRecords(ports: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null | undefined): PortRecord[] {
	const records: PortRecord[] = [];
	for (const [port, bindings] of Object.entries(ports ?? {})) {
		const [number = '', type = 'tcp'] = port.split('/');
		const privatePort = Number(number);
		if (!bindings || bindings.length === 0) records.push({ip: '', privatePort, publicPort: 0, type});
		else for (const binding of bindings) records.push({ip: binding.HostIp ?? '', privatePort, publicPort: Number(binding.HostPort ?? 0), type});
	}

	return records;
}

type RawEvent = {
	Type?: string;
	Action?: string;
	status?: string;
	id?: string;
	Actor?: {ID?: string; Attributes?: Record<string, string>};
	time?: number;
	timeNano?: number;
};

export function toEngineEvent(value: unknown): EngineEvent {
	const raw = (value ?? {}) as RawEvent;
	return {
		type: raw.Type ?? 'container',
		action: raw.Action ?? raw.status ?? '',
		id: raw.Actor?.ID ?? raw.id ?? '',
		attributes: raw.Actor?.Attributes ?? {},
		timeNano: raw.timeNano ?? (raw.time ?? 0) * 1e9,
	};
}

type RawCpu = {
	cpu_usage?: {total_usage?: number; percpu_usage?: number[] | null};
	system_cpu_usage?: number;
	online_cpus?: number;
};

type RawStats = {
	read?: string;
	preread?: string;
	cpu_stats?: RawCpu;
	precpu_stats?: RawCpu;
	memory_stats?: {usage?: number; limit?: number; stats?: Record<string, number>};
	pids_stats?: {current?: number};
	networks?: Record<string, {rx_bytes?: number; tx_bytes?: number}> | null;
	blkio_stats?: {io_service_bytes_recursive?: Array<{op?: string; value?: number}> | null};
};

/** Nanoseconds of all the host's CPUs by the clock at an RFC 3339 time: 0 for none or the zero time. */
function clockCpu(time: string | undefined, cpus: number): number {
	const ms = Date.parse(time ?? '');
	return ms > 0 ? ms * 1e6 * cpus : 0;
}

/**
 * One stats document. Podman's system_cpu_usage counts only the time the host's CPUs were busy, not all of it
 * (podman#28761), so the CLI's formula made a container's share of the busy time its CPU %: 6% for a container
 * `podman stats` puts at 0.2%. For Podman (`podman`) the clock times the CPUs stands in for it, as Docker's is.
 */
export function toStatsSample(value: unknown, podman = false): StatsSample {
	const raw = (value ?? {}) as RawStats;
	const cpu = raw.cpu_stats ?? {};
	const pre = raw.precpu_stats ?? {};
	const onlineCpus = cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 0;
	const memory = raw.memory_stats ?? {};
	const usage = memory.usage ?? 0;
	// The CLI subtracts the inactive page cache: cgroup v1 reports total_inactive_file, v2 inactive_file.
	const stats = memory.stats ?? {};
	const cache = stats.total_inactive_file ?? stats.inactive_file ?? 0;
	return {
		read: raw.read ?? '',
		cpuTotal: cpu.cpu_usage?.total_usage ?? 0,
		preCpuTotal: pre.cpu_usage?.total_usage ?? 0,
		systemCpu: podman ? clockCpu(raw.read, onlineCpus) : (cpu.system_cpu_usage ?? 0),
		preSystemCpu: podman ? clockCpu(raw.preread, onlineCpus) : (pre.system_cpu_usage ?? 0),
		onlineCpus,
		memoryUsage: usage,
		memoryCache: cache < usage ? cache : 0,
		memoryLimit: memory.limit ?? 0,
		pids: raw.pids_stats?.current ?? 0,
		...sumNetworks(raw.networks),
		...sumBlockIo(raw.blkio_stats?.io_service_bytes_recursive),
	};
}

function sumNetworks(networks: RawStats['networks']): {networkRx: number; networkTx: number} {
	let networkRx = 0;
	let networkTx = 0;
	for (const network of Object.values(networks ?? {})) {
		networkRx += network.rx_bytes ?? 0;
		networkTx += network.tx_bytes ?? 0;
	}

	return {networkRx, networkTx};
}

/** As the CLI: cgroup v1 says Read/Write, v2 read/write. */
function sumBlockIo(entries: Array<{op?: string; value?: number}> | null | undefined): {blockRead: number; blockWrite: number} {
	let blockRead = 0;
	let blockWrite = 0;
	for (const entry of entries ?? []) {
		const op = (entry.op ?? '').toLowerCase();
		if (op === 'read') blockRead += entry.value ?? 0;
		else if (op === 'write') blockWrite += entry.value ?? 0;
	}

	return {blockRead, blockWrite};
}

export function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}

/**
 * Podman answers top with one title line and one string per process: split them into columns as Docker
 * sends them, the last column (the command) keeping its spaces.
 */
export function splitProcessTable(table: {titles: string[]; processes: string[][]}): {titles: string[]; processes: string[][]} {
	if (table.titles.length !== 1 || !/\s/.test(table.titles[0]!.trim())) return table;
	const titles = table.titles[0]!.trim().split(/\s+/);
	const processes = table.processes.map(row => {
		const words = (row.join(' ')).trim().split(/\s+/);
		return [...words.slice(0, titles.length - 1), words.slice(titles.length - 1).join(' ')];
	});
	return {titles, processes};
}

/**
 * An RFC 3339 time with up to nine digits of the second as the engine's `since` takes it,
 * `seconds.nanoseconds`; `after`: a nanosecond later (the engine's `since` keeps a line of that very time).
 */
export function toLogSince(time: string, after = false): string {
	const match = /^(.*T\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(time);
	let seconds = Math.floor((Date.parse(match ? `${match[1]}${match[3]}` : time) || 0) / 1000);
	let nanoseconds = Number((match?.[2] ?? '').padEnd(9, '0'));
	if (after && ++nanoseconds === 1e9) {
		seconds++;
		nanoseconds = 0;
	}

	return `${seconds}.${String(nanoseconds).padStart(9, '0')}`;
}
