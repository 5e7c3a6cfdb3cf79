// The figures of a local engine's containers, read where the engine reads them: the kernel's cgroup files of
// each container and its network namespace's counters. `docker stats` asks the engine, and each sample costs
// dockerd, containerd and the container's shim a reading (about 2 ms of the engine's CPU for one sample);
// berth on the engine's own machine reads the same files itself, so following 50 containers a second costs
// the engine nothing. Where a container cannot be read here (another machine, another PID namespace, a
// cgroup layout berth does not know, a container that shares another's network), the caller asks the engine.
import {closeSync, openSync, readFileSync, readSync} from 'node:fs';
import {totalmem} from 'node:os';
import {blockBytes, cgroupPaths, networkBytes, numberAt, statValueIn, systemCpu} from './kernelFormats.js';
import type {StatsSample, Subscription} from './types.js';

/** What a running container's inspect tells of where its figures are. */
export type ContainerPlace = {pid: number; networkMode: string};

/** Room for /proc/stat's CPU lines on a machine of several hundred CPUs (the interrupts after them may be cut). */
const buffer = Buffer.alloc(65_536);

/** An open kernel file read again from its start into `buffer`: its length, undefined once the file is gone. */
function rereadBytes(fd: number): number | undefined {
	try {
		const length = readSync(fd, buffer, 0, buffer.length, 0);
		return length > 0 ? length : undefined;
	} catch {
		return undefined;
	}
}

/** The text of an open kernel file read again from its start; undefined once the file is gone. */
function reread(fd: number): string | undefined {
	const length = rereadBytes(fd);
	return length === undefined ? undefined : buffer.toString('latin1', 0, length);
}

/**
 * A file of one number (cpuacct.usage, memory.current, pids.current) read again, without making a string of
 * it: every container every second, strings were most of what a pass left to the collector. `max` (cgroup
 * v2's no limit) is infinite; undefined once the file is gone.
 */
function rereadNumber(fd: number): number | undefined {
	const length = rereadBytes(fd);
	if (length === undefined) return undefined;
	if (buffer[0] === 0x6d /* m */) return Number.POSITIVE_INFINITY;
	return numberAt(buffer, 0, length);
}

/** The number after `key ` on a line of a stat file (memory.stat, cpu.stat) read again (0 when not there); undefined once gone. */
function rereadStatValue(fd: number, key: string): number | undefined {
	const length = rereadBytes(fd);
	if (length === undefined) return undefined;
	return statValueIn(buffer, length, key) ?? 0;
}

/** A file read once (/proc/PID/cgroup); empty if it cannot be read (no such process here). */
function readOrEmpty(path: string): string {
	try {
		return readFileSync(path, 'latin1');
	} catch {
		return '';
	}
}

function openOrUndefined(path: string): number | undefined {
	try {
		return openSync(path, 'r');
	} catch {
		return undefined;
	}
}

/** What a pass reads once for all its containers. */
type SystemReading = {systemCpu: number; onlineCpus: number; read: string; memory: number};

/** The files read again for each sample; block I/O (`io`) and the network's counters only for a reading with the I/O. */
type Files = {cpu: number; memory: number; memoryStat: number; memoryLimit: number; pids: number; io?: number; network?: number};

/** The open files of one container, read again for each sample. */
class ContainerFiles {
	private constructor(
		private readonly files: Files,
		private readonly v2: boolean,
	) {}

	/**
	 * Opens a container's files, those of its network and block I/O only `withIo`; undefined where they are not
	 * on this machine as berth knows them.
	 */
	static open(id: string, place: ContainerPlace, root: string, withIo: boolean): ContainerFiles | undefined {
		if (place.pid <= 0 || place.networkMode.startsWith('container:')) return undefined;
		const paths = cgroupPaths(readOrEmpty(`/proc/${place.pid}/cgroup`));
		// The process must be the container's, seen from here: the same PID namespace, the same machine.
		if (![...paths.values()].some(path => path.includes(id))) return undefined;
		const v1 = paths.get('memory');
		const v2 = v1 === undefined ? paths.get('') : undefined;
		if (v1 === undefined && v2 === undefined) return undefined;
		const opened: number[] = [];
		const open = (path: string) => {
			const fd = openOrUndefined(path);
			if (fd !== undefined) opened.push(fd);
			return fd;
		};

		const at = (controller: string, file: string) => (v2 === undefined ? `${root}/${controller}${paths.get(controller.split(',').at(-1)!) ?? ''}/${file}` : `${root}${v2}/${file}`);
		const cpu = v2 === undefined ? (open(at('cpuacct', 'cpuacct.usage')) ?? open(at('cpu,cpuacct', 'cpuacct.usage'))) : open(at('', 'cpu.stat'));
		const memory = open(v2 === undefined ? at('memory', 'memory.usage_in_bytes') : at('', 'memory.current'));
		const memoryStat = open(at('memory', 'memory.stat'));
		const memoryLimit = open(v2 === undefined ? at('memory', 'memory.limit_in_bytes') : at('', 'memory.max'));
		const pids = open(at('pids', 'pids.current'));
		const io = withIo ? open(v2 === undefined ? at('blkio', 'blkio.throttle.io_service_bytes_recursive') : at('', 'io.stat')) : undefined;
		const network = withIo && place.networkMode !== 'host' ? open(`/proc/${place.pid}/net/dev`) : undefined;
		if ([cpu, memory, memoryStat, memoryLimit, pids].includes(undefined) || (withIo && (io === undefined || (place.networkMode !== 'host' && network === undefined)))) {
			for (const fd of opened) closeSync(fd);
			return undefined;
		}

		return new ContainerFiles({cpu: cpu!, memory: memory!, memoryStat: memoryStat!, memoryLimit: memoryLimit!, pids: pids!, io, network}, v2 !== undefined);
	}

	/**
	 * The counters now, beside the CPU counters they are compared with (as the engine's sample carries its
	 * reading before); the network and block I/O only when opened with them (their files are half the cost of a
	 * reading). Undefined once the container stopped (its files are gone) or restarted (another process).
	 */
	read(system: SystemReading, preCpuTotal: number, preSystemCpu: number): StatsSample | undefined {
		const {files} = this;
		// Numbers are read where the kernel wrote them, without a string each (a container a second, every second).
		const cpu = this.v2 ? rereadStatValue(files.cpu, 'usage_usec') : rereadNumber(files.cpu);
		const usage = rereadNumber(files.memory);
		const cache = rereadStatValue(files.memoryStat, this.v2 ? 'inactive_file' : 'total_inactive_file');
		const limit = rereadNumber(files.memoryLimit);
		const pids = rereadNumber(files.pids);
		if (cpu === undefined || usage === undefined || cache === undefined || limit === undefined || pids === undefined) return undefined;
		const sample: StatsSample = {
			read: system.read,
			cpuTotal: this.v2 ? cpu * 1000 : cpu,
			preCpuTotal,
			systemCpu: system.systemCpu,
			preSystemCpu,
			onlineCpus: system.onlineCpus,
			memoryUsage: usage,
			memoryCache: cache < usage ? cache : 0,
			// As the engine: no limit of its own (or one above the machine's memory) is the machine's memory.
			memoryLimit: Math.min(limit, system.memory),
			pids,
		};
		// Opened without its I/O: the sample goes without.
		if (files.io === undefined) return sample;
		const blockLength = rereadBytes(files.io);
		const networkLength = files.network === undefined ? 0 : rereadBytes(files.network);
		if (blockLength === undefined || networkLength === undefined) return undefined;
		const block = blockBytes(buffer, blockLength);
		sample.blockRead = block.blockRead;
		sample.blockWrite = block.blockWrite;
		const network = networkLength === 0 ? undefined : networkBytes(buffer, networkLength);
		sample.networkRx = network ? network.networkRx : 0;
		sample.networkTx = network ? network.networkTx : 0;
		return sample;
	}

	close(): void {
		for (const fd of Object.values(this.files)) if (fd !== undefined) closeSync(fd);
	}
}

/** How long a reading of the machine's CPU time serves the samples that follow it. */
const sharedSystemMs = 50;

/** Containers whose place is kept. */
const maxPlaces = 1000;

type Follower = {
	id: string;
	onSample: (sample: StatsSample) => void;
	/** The kernel cannot tell any more: the caller asks the engine from now on. */
	onLost: () => void;
	files?: ContainerFiles;
	last?: {cpuTotal: number; systemCpu: number};
	/** Its network and block I/O are read too. */
	io: boolean;
	closed: boolean;
};

/**
 * Reads the followed containers of one engine in passes, a pass every `periodMs`: their samples come together
 * (one redraw), as the engine's own collector sends them.
 */
export class KernelStats {
	private readonly followers = new Set<Follower>();
	private timer: NodeJS.Timeout | undefined;
	private readonly procStat = openOrUndefined('/proc/stat');
	/** The last reading of the machine's CPU time, and when (performance.now()). */
	private lastSystem: {at: number; reading: SystemReading} | undefined;
	/** Where containers sampled lately are, oldest first. */
	private readonly places = new Map<string, ContainerPlace>();

	constructor(
		/** Asks the engine where a running container is (its inspect); undefined if it is not running. */
		private readonly place: (id: string) => Promise<ContainerPlace | undefined>,
		private readonly periodMs = 1000,
		private readonly root = '/sys/fs/cgroup',
	) {}

	/** Containers followed now (each holds its files open). */
	following(): number {
		return this.followers.size;
	}

	/** Whether this machine can read stats at all (Linux, /proc mounted). */
	usable(): boolean {
		return this.procStat !== undefined;
	}

	/**
	 * A sample a period, from the kernel, with the network and block I/O when `io`; `onLost` once it cannot
	 * be read here and the engine must be asked.
	 */
	follow(id: string, onSample: (sample: StatsSample) => void, onLost: () => void, io = true): Subscription {
		const follower: Follower = {id, onSample, onLost, closed: false, io};
		this.followers.add(follower);
		this.locate(follower);
		this.timer ??= setInterval(() => {
			this.pass();
		}, this.periodMs);
		return {
			close: () => {
				this.drop(follower);
			},
		};
	}

	/**
	 * One sample, undefined where the kernel cannot tell (the caller asks the engine). Without `oneShot` it
	 * waits a period for a second reading, so that it carries the CPU used in between, as the engine's does.
	 */
	async sample(id: string, options: {oneShot?: boolean; io?: boolean} = {}): Promise<StatsSample | undefined> {
		// The files are opened for each sample (a row sampled every few seconds holds none open); where the
		// container is, is asked of the engine again only when its place known before no longer reads.
		const known = this.places.get(id);
		const io = options.io ?? true;
		let files = known ? ContainerFiles.open(id, known, this.root, io) : undefined;
		if (!files) {
			const place = await this.where(id);
			files = place ? ContainerFiles.open(id, place, this.root, io) : undefined;
		}

		if (!files) return undefined;
		try {
			const before = this.system();
			const first = before && files.read(before, 0, 0);
			if (!first || options.oneShot) return first;
			await new Promise(resolve => setTimeout(resolve, this.periodMs));
			const system = this.system();
			return (system && files.read(system, first.cpuTotal, first.systemCpu)) || undefined;
		} finally {
			files.close();
		}
	}

	/**
	 * The machine's CPU time now, read once for the samples taken together: a round of rows sampled every few
	 * seconds (each its own sample) shares one reading of /proc/stat, as a pass does and as Docker's collector
	 * reads it once for all its containers.
	 */
	private system(): SystemReading | undefined {
		const now = performance.now();
		if (this.lastSystem && now - this.lastSystem.at < sharedSystemMs) return this.lastSystem.reading;
		const text = this.procStat === undefined ? undefined : reread(this.procStat);
		const reading = text ? {...systemCpu(text), read: new Date().toISOString(), memory: totalmem()} : undefined;
		this.lastSystem = reading ? {at: now, reading} : undefined;
		return reading;
	}

	/** Where a container is, asked of the engine; kept for the next samples (a bounded number of containers). */
	private async where(id: string): Promise<ContainerPlace | undefined> {
		this.places.delete(id);
		const place = await this.place(id).catch(() => undefined);
		if (!place) return undefined;
		if (this.places.size >= maxPlaces) this.places.delete(this.places.keys().next().value!);
		this.places.set(id, place);
		return place;
	}

	private locate(follower: Follower): void {
		this.where(follower.id)
			.then(place => {
				if (follower.closed) return;
				const files = place ? ContainerFiles.open(follower.id, place, this.root, follower.io) : undefined;
				if (!files) {
					this.lose(follower);
					return;
				}

				follower.files = files;
				// The first reading is what the first sample is compared with.
				const system = this.system();
				const first = system && files.read(system, 0, 0);
				follower.last = first ? {cpuTotal: first.cpuTotal, systemCpu: first.systemCpu} : undefined;
			});
	}

	/** Stops reading a follower; the passes stop with the last one. */
	private drop(follower: Follower): void {
		follower.closed = true;
		follower.files?.close();
		follower.files = undefined;
		this.followers.delete(follower);
		if (this.followers.size === 0) {
			clearInterval(this.timer);
			this.timer = undefined;
		}
	}

	private lose(follower: Follower): void {
		this.drop(follower);
		follower.onLost();
	}

	private pass(): void {
		const system = this.system();
		if (!system) return;
		for (const follower of [...this.followers]) {
			if (follower.closed || !follower.files) continue;
			const {last} = follower;
			const now = follower.files.read(system, last ? last.cpuTotal : 0, last ? last.systemCpu : 0);
			if (!now) {
				// Stopped or restarted: asked again where it is; a restarted container goes on being read here.
				follower.files.close();
				follower.files = undefined;
				follower.last = undefined;
				this.locate(follower);
				continue;
			}

			// Noted in place: fifty followers a second.
			if (last) {
				last.cpuTotal = now.cpuTotal;
				last.systemCpu = now.systemCpu;
			} else {
				follower.last = {cpuTotal: now.cpuTotal, systemCpu: now.systemCpu};
			}

			follower.onSample(now);
		}
	}
}
