// Live resource figures per container, computed as `docker stats` computes them. Pure.
import type {ContainerState, StatsSample} from '../engine/types.js';
import {containerKey} from './containers.js';
import {writable} from './batch.js';

/** One moment of a container's history, for the charts; the I/O rates undefined where its I/O was not read. */
export type StatsPoint = {
	at: number;
	cpuPercent: number;
	memoryUsage: number;
	networkRxRate: number | undefined;
	networkTxRate: number | undefined;
	blockReadRate: number | undefined;
	blockWriteRate: number | undefined;
};

export type ContainerFigures = {
	/** When the engine read the sample (milliseconds). */
	at: number;
	cpuPercent: number;
	memoryUsage: number;
	memoryLimit: number;
	memoryPercent: number;
	pids: number;
	/** Totals, as `docker stats` shows them; undefined where the sample did not read them (StatsSample). */
	networkRx: number | undefined;
	networkTx: number | undefined;
	blockRead: number | undefined;
	blockWrite: number | undefined;
	/**
	 * Bytes per second since the sample before (0 for the first); undefined where this sample or the one
	 * before did not read them: no rate is made up across a time they were not read.
	 */
	networkRxRate: number | undefined;
	networkTxRate: number | undefined;
	blockReadRate: number | undefined;
	blockWriteRate: number | undefined;
	/** The points of the last `historyLength` seconds, oldest first, in chunks (historyPoints reads them). */
	history: StatsHistory;
	/** The cumulative counters read, which a later sample without a reading of its own is compared with. */
	cpuTotal: number;
	systemCpu: number;
	/**
	 * Its row left the screen and nobody samples it: the last figures known, shown marked `?` when it comes
	 * back until its next sample, rather than blank columns for the seconds a first sample takes.
	 */
	left?: true;
	/** Marked still, but its counters are from a sample since it came back: the next sample is compared with them. */
	recounted?: true;
};

/** Seconds of history kept: three minutes. */
export const historyLength = 180;

/**
 * A container's history in chunks of up to `chunkLength` points, oldest first. Each sample copies the last
 * chunk and the short list of chunks, not the whole history: at --refresh 1, 50 containers had copied 180
 * points each a second, which lived a second and were copied again by the young generation's collections.
 */
export type StatsHistory = ReadonlyArray<readonly StatsPoint[]>;

const chunkLength = 30;

/** The history with `point` after its last, less the chunks that hold nothing newer than `since`. */
export function appendPoint(history: StatsHistory, point: StatsPoint, since: number): StatsHistory {
	let first = 0;
	while (first < history.length && history[first]!.at(-1)!.at <= since) first++;
	const kept = history.slice(first);
	const last = kept.at(-1);
	if (!last || last.length >= chunkLength) {
		kept.push([point]);
	} else {
		kept[kept.length - 1] = [...last, point];
	}

	return kept;
}

/** The points of a history newer than `historyLength` seconds before its newest, oldest first. */
export function historyPoints(history: StatsHistory): StatsPoint[] {
	const newest = history.at(-1)?.at(-1);
	if (!newest) return [];
	const since = newest.at - historyLength * 1000;
	const points: StatsPoint[] = [];
	for (const chunk of history) for (const point of chunk) if (point.at > since) points.push(point);
	return points;
}

export type StatsState = ReadonlyMap<string, ContainerFigures>;

/** Whether a container in this state has figures: running or paused, as `docker stats` measures them. */
export function isMeasured(state: ContainerState): boolean {
	return state === 'running' || state === 'paused';
}

export type StatsAction =
	| {type: 'stats/sampled'; engine: string; id: string; sample: StatsSample}
	| {type: 'stats/ended'; engine: string; id: string}
	| {type: 'stats/left'; engine: string; id: string};

export const emptyStats: StatsState = new Map();

/**
 * The CLI's calculateCPUPercentUnix: the share of all host CPU time, times the number of CPUs. A one-shot
 * sample carries no reading before it; the previous sample's counters stand in for it.
 */
export function calculateCpuPercent(sample: StatsSample, previous?: {cpuTotal: number; systemCpu: number}): number {
	// Without an object for the reading before: this runs for every sample of every container.
	const carried = sample.preSystemCpu === 0 && previous !== undefined;
	const cpuDelta = sample.cpuTotal - (carried ? previous.cpuTotal : sample.preCpuTotal);
	const systemDelta = sample.systemCpu - (carried ? previous.systemCpu : sample.preSystemCpu);
	if (systemDelta > 0 && cpuDelta > 0) {
		return (cpuDelta / systemDelta) * sample.onlineCpus * 100;
	}

	return 0;
}

/** Memory in use less the inactive page cache, as the CLI shows it. */
export function calculateMemoryUsage(sample: StatsSample): number {
	// Like the CLI, only a cache smaller than the usage is subtracted.
	return sample.memoryCache < sample.memoryUsage ? sample.memoryUsage - sample.memoryCache : sample.memoryUsage;
}

/**
 * A counter's rate: 0 for a first sample (no time since one before) or a counter that went back, undefined
 * where this one was not read or the one before was not.
 */
function rate(current: number | undefined, previous: number | undefined, seconds: number): number | undefined {
	if (current === undefined) return undefined;
	if (seconds <= 0) return 0;
	if (previous === undefined) return undefined;
	return current < previous ? 0 : (current - previous) / seconds;
}

/** Figures from a sample, with rates and history carried on from the figures before it. */
export function calculateFigures(sample: StatsSample, previous?: ContainerFigures): ContainerFigures {
	const memoryUsage = calculateMemoryUsage(sample);
	const at = Date.parse(sample.read) || 0;
	const seconds = previous ? (at - previous.at) / 1000 : 0;
	const networkRxRate = rate(sample.networkRx, previous?.networkRx, seconds);
	const networkTxRate = rate(sample.networkTx, previous?.networkTx, seconds);
	const blockReadRate = rate(sample.blockRead, previous?.blockRead, seconds);
	const blockWriteRate = rate(sample.blockWrite, previous?.blockWrite, seconds);
	const cpuPercent = calculateCpuPercent(sample, previous);
	const point: StatsPoint = {at, cpuPercent, memoryUsage, networkRxRate, networkTxRate, blockReadRate, blockWriteRate};
	const history = appendPoint(previous?.history ?? [], point, at - historyLength * 1000);
	return {
		at,
		networkRx: sample.networkRx,
		networkTx: sample.networkTx,
		blockRead: sample.blockRead,
		blockWrite: sample.blockWrite,
		networkRxRate,
		networkTxRate,
		blockReadRate,
		blockWriteRate,
		history,
		cpuTotal: sample.cpuTotal,
		systemCpu: sample.systemCpu,
		cpuPercent,
		memoryUsage,
		memoryLimit: sample.memoryLimit,
		memoryPercent: sample.memoryLimit > 0 ? (memoryUsage / sample.memoryLimit) * 100 : 0,
		pids: sample.pids,
	};
}

export function reduceStats(state: StatsState, action: StatsAction): StatsState {
	const key = containerKey(action.engine, action.id);
	switch (action.type) {
		case 'stats/sampled': {
			// A stopped container's stream still sends empty samples: they carry no figures.
			if (action.sample.read.startsWith('0001-01-01') || action.sample.read === '') {
				return reduceStats(state, {type: 'stats/ended', engine: action.engine, id: action.id});
			}

			// A sample read before the figures shown (a poll answered after a stream's sample) is stale.
			const previous = state.get(key);
			if (previous && (Date.parse(action.sample.read) || 0) <= previous.at) return state;
			// A round's samples come as one batch: its first copies the figures, the rest change that copy.
			const next = writable(state);
			next.set(key, previous?.left && !previous.recounted ? figuresAfterLeft(action.sample, previous) : calculateFigures(action.sample, previous));
			return next;
		}

		case 'stats/ended': {
			if (!state.has(key)) return state;
			const next = writable(state);
			next.delete(key);
			return next;
		}

		case 'stats/left': {
			const figures = state.get(key);
			if (!figures || (figures.left && !figures.recounted)) return state;
			const next = writable(state);
			// Without its history: kept for every container that was ever on screen, that would grow with them.
			const {recounted: _recounted, ...kept} = figures;
			next.set(key, {...kept, history: [], left: true});
			return next;
		}
	}
}

/**
 * The first sample after a row came back: compared with nothing from before it left (its rates and CPU would
 * be averages over the time away). One without a reading of its own (a stream's first, a one-shot) has no
 * CPU yet: the figures stay marked, the CPU as last known, and its counters are what the next is compared with.
 */
function figuresAfterLeft(sample: StatsSample, previous: ContainerFigures): ContainerFigures {
	const figures = calculateFigures(sample);
	return sample.preSystemCpu === 0 ? {...figures, cpuPercent: previous.cpuPercent, history: [], left: true, recounted: true} : figures;
}

/** Figures sampled while followed: not those kept from before their row left the screen. */
export function isFollowed(figures: ContainerFigures | undefined): figures is ContainerFigures {
	return figures !== undefined && figures.left !== true;
}

/**
 * The history as one point a second, the newest last, at most `seconds` of them: a point stands until the
 * next one (samples come every second while a container's details are open, less often in the list).
 */
export function historyBySecond(history: readonly StatsPoint[], seconds: number): StatsPoint[] {
	const newest = history.at(-1);
	if (!newest || seconds <= 0) return [];
	const points: StatsPoint[] = [];
	let index = history.length - 1;
	for (let at = newest.at; points.length < seconds; at -= 1000) {
		while (index > 0 && history[index]!.at > at) index--;
		if (history[index]!.at > at) break;
		points.push(history[index]!);
	}

	return points.reverse();
}
