// Live resource figures per container, computed as `docker stats` computes them. Pure.
import type {StatsSample} from '../engine/types.js';
import {containerKey} from './containers.js';

/** One moment of a container's history, for the charts. */
export type StatsPoint = {
	at: number;
	cpuPercent: number;
	memoryUsage: number;
	networkRxRate: number;
	networkTxRate: number;
	blockReadRate: number;
	blockWriteRate: number;
};

export type ContainerFigures = {
	/** When the engine read the sample (milliseconds). */
	at: number;
	cpuPercent: number;
	memoryUsage: number;
	memoryLimit: number;
	memoryPercent: number;
	pids: number;
	/** Totals, as `docker stats` shows them. */
	networkRx: number;
	networkTx: number;
	blockRead: number;
	blockWrite: number;
	/** Bytes per second since the sample before (0 for the first). */
	networkRxRate: number;
	networkTxRate: number;
	blockReadRate: number;
	blockWriteRate: number;
	/** The last `historyLength` points, oldest first. */
	history: readonly StatsPoint[];
};

/** About three minutes at the engine's one sample a second. */
export const historyLength = 180;

export type StatsState = ReadonlyMap<string, ContainerFigures>;

export type StatsAction =
	| {type: 'stats/sampled'; engine: string; id: string; sample: StatsSample}
	| {type: 'stats/ended'; engine: string; id: string};

export const emptyStats: StatsState = new Map();

/** The CLI's calculateCPUPercentUnix: the share of all host CPU time, times the number of CPUs. */
export function calculateCpuPercent(sample: StatsSample): number {
	const cpuDelta = sample.cpuTotal - sample.preCpuTotal;
	const systemDelta = sample.systemCpu - sample.preSystemCpu;
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

function rate(current: number, previous: number | undefined, seconds: number): number {
	if (previous === undefined || seconds <= 0 || current < previous) return 0;
	return (current - previous) / seconds;
}

/** Figures from a sample, with rates and history carried on from the figures before it. */
export function calculateFigures(sample: StatsSample, previous?: ContainerFigures): ContainerFigures {
	const memoryUsage = calculateMemoryUsage(sample);
	const at = Date.parse(sample.read) || 0;
	const seconds = previous ? (at - previous.at) / 1000 : 0;
	const rates = {
		networkRxRate: rate(sample.networkRx, previous?.networkRx, seconds),
		networkTxRate: rate(sample.networkTx, previous?.networkTx, seconds),
		blockReadRate: rate(sample.blockRead, previous?.blockRead, seconds),
		blockWriteRate: rate(sample.blockWrite, previous?.blockWrite, seconds),
	};
	const cpuPercent = calculateCpuPercent(sample);
	const point: StatsPoint = {at, cpuPercent, memoryUsage, ...rates};
	const history = [...(previous?.history ?? []), point].slice(-historyLength);
	return {
		at,
		networkRx: sample.networkRx,
		networkTx: sample.networkTx,
		blockRead: sample.blockRead,
		blockWrite: sample.blockWrite,
		...rates,
		history,
		cpuPercent: calculateCpuPercent(sample),
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

			const next = new Map(state);
			next.set(key, calculateFigures(action.sample, state.get(key)));
			return next;
		}

		case 'stats/ended': {
			if (!state.has(key)) return state;
			const next = new Map(state);
			next.delete(key);
			return next;
		}
	}
}
