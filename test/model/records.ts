// Container and stats records for the model tests, with only what a test cares about spelled out.
import type {ContainerRecord, ContainerTiming, StatsSample} from '../../source/engine/types.js';

export function containerRecord(overrides: Partial<ContainerRecord> & {id: string}): ContainerRecord {
	return {
		engine: 'local',
		names: [`/${overrides.id}`],
		image: 'nginx:1.25',
		imageId: `sha256:${'a'.repeat(64)}`,
		command: 'nginx -g "daemon off;"',
		created: 1_714_564_800,
		state: 'running',
		status: 'Up 3 minutes',
		ports: [],
		labels: {},
		...overrides,
	};
}

export function timingRecord(overrides: Partial<ContainerTiming> = {}): ContainerTiming {
	return {
		running: true,
		paused: false,
		restarting: false,
		dead: false,
		removing: false,
		exitCode: 0,
		startedAt: '2024-05-01T11:57:00Z',
		finishedAt: '0001-01-01T00:00:00Z',
		health: 'none',
		...overrides,
	};
}

export function statsSample(overrides: Partial<StatsSample> = {}): StatsSample {
	return {
		read: '2024-05-01T12:00:00.123456789Z',
		cpuTotal: 0,
		preCpuTotal: 0,
		systemCpu: 0,
		preSystemCpu: 0,
		onlineCpus: 4,
		memoryUsage: 0,
		memoryCache: 0,
		memoryLimit: 0,
		pids: 1,
		...overrides,
	};
}
