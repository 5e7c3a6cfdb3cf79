import type {ContainerFigures} from '../../source/state/stats.js';
// Container and stats records for the model tests, with only what a test cares about spelled out.
import type {ContainerRecord, ContainerTiming, ImageRecord, NetworkRecord, NodeRecord, ServiceRecord, StatsSample, TaskRecord, VolumeRecord} from '../../source/engine/types.js';

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
		mounts: [],
		networks: ['bridge'],
		...overrides,
	};
}

export function timingRecord(overrides: Partial<ContainerTiming> = {}): ContainerTiming {
	return {
		state: 'running',
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
		networkRx: 0,
		networkTx: 0,
		blockRead: 0,
		blockWrite: 0,
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

/** Figures as the stats reducer makes them, with quiet defaults for what a test does not name. */
export function containerFigures(overrides: Partial<ContainerFigures> = {}): ContainerFigures {
	return {
		at: 0,
		cpuPercent: 0,
		memoryUsage: 0,
		memoryLimit: 0,
		memoryPercent: 0,
		pids: 0,
		networkRx: 0,
		networkTx: 0,
		blockRead: 0,
		blockWrite: 0,
		networkRxRate: 0,
		networkTxRate: 0,
		blockReadRate: 0,
		blockWriteRate: 0,
		history: [],
		cpuTotal: 0,
		systemCpu: 0,
		...overrides,
	};
}

export function imageRecord(overrides: Partial<ImageRecord> & {id: string}): ImageRecord {
	return {engine: 'local', repoTags: [], repoDigests: [], created: 1_714_564_000, size: 1_000_000, ...overrides};
}

export function volumeRecord(overrides: Partial<VolumeRecord> & {name: string}): VolumeRecord {
	return {engine: 'local', driver: 'local', mountpoint: `/var/lib/docker/volumes/${overrides.name}/_data`, scope: 'local', labels: {}, createdAt: '2024-05-01T11:00:00Z', ...overrides};
}

export function networkRecord(overrides: Partial<NetworkRecord> & {id: string; name: string}): NetworkRecord {
	return {engine: 'local', driver: 'bridge', scope: 'local', internal: false, subnets: [], gateways: [], containers: [], labels: {}, ...overrides};
}

export function serviceRecord(overrides: Partial<ServiceRecord> = {}): ServiceRecord {
	return {
		engine: 'local',
		id: 'svc0web0000000000000000000',
		name: 'web',
		mode: 'replicated',
		replicas: 3,
		maxPerNode: 0,
		runningTasks: 3,
		desiredTasks: 3,
		completedTasks: 0,
		image: 'berth-test/busybox:latest',
		ports: [],
		forceUpdate: 0,
		tty: false,
		labels: {},
		...overrides,
	};
}

export function taskRecord(overrides: Partial<TaskRecord> & {id: string}): TaskRecord {
	return {
		engine: 'local',
		serviceId: 'svc0web0000000000000000000',
		slot: 1,
		nodeId: 'node0000000000000000000001',
		image: 'berth-test/busybox:latest',
		desiredState: 'running',
		state: 'running',
		timestamp: '2024-05-01T11:58:00Z',
		error: '',
		createdAt: '2024-05-01T11:57:59Z',
		...overrides,
	};
}

export function nodeRecord(overrides: Partial<NodeRecord> = {}): NodeRecord {
	return {
		engine: 'local',
		id: 'node0000000000000000000001',
		hostname: 'vm',
		status: 'ready',
		availability: 'active',
		role: 'manager',
		manager: {leader: true, reachability: 'reachable'},
		engineVersion: '20.10.24+dfsg1',
		...overrides,
	};
}
