// Live resource figures per container, computed as `docker stats` computes them. Pure.
import type {StatsSample} from '../engine/types.js';
import {containerKey} from './containers.js';

export type ContainerFigures = {
	cpuPercent: number;
	memoryUsage: number;
	memoryLimit: number;
	memoryPercent: number;
	pids: number;
};

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

export function calculateFigures(sample: StatsSample): ContainerFigures {
	const memoryUsage = calculateMemoryUsage(sample);
	return {
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
			next.set(key, calculateFigures(action.sample));
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
