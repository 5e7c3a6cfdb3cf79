// The engine's records as berth uses them: plain, typed once, never dockerode objects.
import type {ContainerUpdate, RestartPolicy} from './containerUpdate.js';
import type {SwarmListing} from './swarmTypes.js';

/** Where an engine lives, as DOCKER_HOST, --host or a context names it. */
export type EngineAddress =
	| {kind: 'unix'; socketPath: string}
	| {kind: 'npipe'; socketPath: string}
	| {kind: 'tcp'; host: string; port: number; tls: false | {verify: boolean; certPath: string}}
	| {kind: 'ssh'; host: string; port: number; username?: string};

export type PortRecord = {
	/** Host address the port is published on; empty when only exposed. */
	ip: string;
	privatePort: number;
	/** 0 when the port is not published. */
	publicPort: number;
	type: string;
};

export type ContainerState =
	| 'created'
	| 'running'
	| 'paused'
	| 'restarting'
	| 'removing'
	| 'exited'
	| 'dead';

/** One container as `docker ps -a` lists it. */
export type ContainerRecord = {
	/** Name of the engine the container lives on: every record is keyed by engine and id. */
	engine: string;
	id: string;
	names: string[];
	image: string;
	imageId: string;
	command: string;
	/** Unix seconds. */
	created: number;
	state: ContainerState;
	/** The engine's own status text at the time of listing (`Up 3 minutes`). */
	status: string;
	ports: PortRecord[];
	labels: Record<string, string>;
	/** Volume names and host paths it mounts. */
	mounts: Array<{type: string; name: string; source: string; destination: string}>;
	/** Names of the networks it is attached to. */
	networks: string[];
};

export type HealthStatus = 'starting' | 'healthy' | 'unhealthy' | 'none';

/** The parts of `docker inspect` that the status text is made from. */
export type ContainerTiming = {
	/** The engine's own word for the state (inspect's State.Status). */
	state: ContainerState;
	running: boolean;
	paused: boolean;
	restarting: boolean;
	dead: boolean;
	removing: boolean;
	exitCode: number;
	/** ISO timestamps; Docker's zero time (`0001-01-01T00:00:00Z`) means never. */
	startedAt: string;
	finishedAt: string;
	health: HealthStatus;
	/** How often the engine restarted it (inspect's RestartCount); absent where not read. */
	restartCount?: number;
	/** The engine's own record that its last stop was the kernel's OOM killer (State.OOMKilled). */
	oomKilled?: boolean;
	/** When the inspect that read it was asked (ms): an answer that overtook a later one is stale. */
	readAt?: number;
	/** The healthcheck's latest run, its output not yet made safe to show. */
	lastHealth?: {exitCode: number; output: string; at: string};
};

/** One sample from the engine's stats stream, reduced to what the CLI's figures need. */
export type StatsSample = {
	read: string;
	cpuTotal: number;
	preCpuTotal: number;
	systemCpu: number;
	preSystemCpu: number;
	onlineCpus: number;
	memoryUsage: number;
	/** Page cache the CLI subtracts: total_inactive_file (cgroup v1) or inactive_file (v2). */
	memoryCache: number;
	memoryLimit: number;
	pids: number;
	/** Totals since the container started, over its networks and block devices; undefined where not read (`io: false`). */
	networkRx?: number;
	networkTx?: number;
	blockRead?: number;
	blockWrite?: number;
};

/** An event from the engine's event stream. */
export type EngineEvent = {
	type: string;
	action: string;
	id: string;
	attributes: Record<string, string>;
	/** Unix nanoseconds as the engine reports them. */
	timeNano: number;
};

/** What `docker info` says of the engine, for the header. */
export type EngineInfo = {name: string; images: number; cpus: number; memory: number};

export type EngineVersion = {
	/** `Docker`, or `Podman` for Podman's Docker-compatible API. */
	product: string;
	version: string;
	apiVersion: string;
	os: string;
	arch: string;
};

export type ContainerActionName = 'stop' | 'start' | 'restart' | 'pause' | 'unpause' | 'kill' | 'remove';

export type ContainerActionOptions = {
	/** remove: also a running container (`docker rm -f`). */
	force?: boolean;
	/** remove: also its anonymous volumes (`docker rm -v`). */
	removeVolumes?: boolean;
};

/** `docker top`: the column titles and one row per process. */
export type ProcessTable = {titles: string[]; processes: string[][]};

/** A terminal inside a container (exec or attach): raw bytes both ways. */
export type TerminalSession = {
	output: NodeJS.ReadableStream;
	input: NodeJS.WritableStream;
	resize(columns: number, rows: number): Promise<void>;
	/** Settles when the process exits or the engine closes the stream. */
	finished: Promise<void>;
	close(): void;
};

/** One line of a container's log, as the engine sent it (not yet made safe to show). */
export type LogRecord = {
	/** `tty` for containers with a terminal: their output is one stream. */
	stream: 'stdout' | 'stderr' | 'tty';
	/** RFC 3339, from the engine. */
	timestamp: string;
	text: string;
	/** Characters cut from a line longer than berth keeps. */
	cut: number;
};

/** The inspect document as the engine sends it (`docker inspect`). */
export type InspectDocument = Record<string, unknown>;

/** One image as `docker images` lists it (one record per image, with all its tags). */
export type ImageRecord = {
	engine: string;
	id: string;
	/** `repository:tag` names; empty for a dangling image. */
	repoTags: string[];
	repoDigests: string[];
	/** Unix seconds. */
	created: number;
	size: number;
};

/** One layer of an image, as `docker history` shows it. */
export type ImageLayer = {id: string; created: number; createdBy: string; size: number; comment: string; tags: string[]};

export type VolumeRecord = {
	engine: string;
	name: string;
	driver: string;
	mountpoint: string;
	scope: string;
	labels: Record<string, string>;
	createdAt: string;
};

export type NetworkRecord = {
	engine: string;
	id: string;
	name: string;
	driver: string;
	scope: string;
	internal: boolean;
	subnets: string[];
	gateways: string[];
	/** Containers attached, with their addresses (from the network's inspect document). */
	containers: Array<{id: string; name: string; ipv4: string; ipv6: string}>;
	labels: Record<string, string>;
};

/** `docker system df -v`: sizes of what the engine stores. */
export type DiskUsage = {
	images: Array<{id: string; size: number; sharedSize: number; containers: number}>;
	/** state as the engine words it (`running`, `paused`, ...): the format decides what counts as active. */
	containers: Array<{id: string; sizeRw: number; state: string}>;
	volumes: Array<{name: string; size: number; refCount: number}>;
	buildCache: Array<{size: number; inUse: boolean; shared: boolean}>;
	layersSize: number;
};

/** A progress message of a pull, per layer as the engine sends it. */
export type PullProgress = {layer: string; status: string; current: number | undefined; total: number | undefined};

export type PortSpec = {hostIp: string; hostPort: string; containerPort: number; protocol: 'tcp' | 'udp' | 'sctp'};
export type MountSpec = {source: string; target: string; readOnly: boolean};
export type {RestartPolicy};

/** What `docker run` is asked for, checked before it gets here. */
export type RunSpec = {
	image: string;
	name: string;
	command: string[];
	ports: PortSpec[];
	env: string[];
	mounts: MountSpec[];
	restart: RestartPolicy;
	/** A terminal and open stdin, so a shell can be attached (`-it`). */
	interactive: boolean;
};

export type {NodeRecord, ServiceMode, ServicePort, ServiceRecord, SwarmListing, TaskRecord} from './swarmTypes.js';

/** One entry of a directory inside a container or volume, as the engine's archive (tar) describes it. */
export type FileEntry = {
	name: string;
	type: 'file' | 'directory' | 'symlink' | 'link' | 'fifo' | 'device' | 'other';
	size: number;
	/** Permission bits (0o755). */
	mode: number;
	/** Milliseconds since the epoch. */
	modified: number;
	/** Where a symbolic (or hard) link points, as stored. */
	linkTarget: string;
};

/** What is at a path: a directory's entries, or the start of a file's bytes. */
export type PathContent =
	| {kind: 'directory'; path: string; entries: FileEntry[]; cut?: boolean}
	| {kind: 'file'; path: string; size: number; bytes: Buffer; partial: boolean};

/** Where files are read: a container's filesystem, or a volume's (through a short-lived helper container). */
export type FilesOwner = {container: string} | {volume: string};

/** A stream the caller must close; closing twice is harmless. */
export type Subscription = {close(): void};

/** The engine as a whole: `docker version`, `docker info`, `docker system df`. */
export type EngineSystem = {
	version(): Promise<EngineVersion>;
	/** `GET /_ping`: whether the engine answers at all, at the least cost to it (the liveness probe). */
	ping(): Promise<void>;
	info(): Promise<EngineInfo>;
	diskUsage(): Promise<DiskUsage>;
};

/** `docker container …`: listed, inspected, `docker top`, acted on, run, pruned, renamed and updated (the engine checks what it is given). */
export type EngineContainers = {
	/** Every container, or those with the given full IDs (the engine looks each one up: no walk of them all). */
	list(filter?: {id?: string; ids?: readonly string[]}): Promise<ContainerRecord[]>;
	inspectTiming(id: string): Promise<ContainerTiming>;
	/** What a start, an exit or a pause changes of a row, by inspect: state, times, ports as listed. */
	inspectRunState(id: string): Promise<{timing: ContainerTiming; ports: PortRecord[]}>;
	inspect(id: string): Promise<InspectDocument>;
	top(id: string): Promise<ProcessTable>;
	action(id: string, action: ContainerActionName, options?: ContainerActionOptions): Promise<void>;
	/** Creates and starts a container as `docker run -d` does; a container that cannot start is removed again. */
	run(spec: RunSpec): Promise<{id: string}>;
	/** `docker container prune`: every stopped container; how many went and the space that came back. */
	prune(): Promise<{deleted: number; reclaimed: number}>;
	rename(id: string, name: string): Promise<void>;
	update(id: string, update: ContainerUpdate): Promise<{warnings: string[]}>;
};

/** `docker image …`. */
export type EngineImages = {
	list(): Promise<ImageRecord[]>;
	history(id: string): Promise<ImageLayer[]>;
	inspect(id: string): Promise<InspectDocument>;
	/** `docker rmi`: the engine's lines (`Untagged: …`, `Deleted: …`). */
	remove(id: string, options: {force: boolean}): Promise<string[]>;
	/** Dangling images only, as `docker image prune`. */
	prune(): Promise<{deleted: number; reclaimed: number}>;
	/** Pulls `name:tag`, reporting the engine's progress messages; rejects with the engine's error. */
	pull(reference: string, onProgress: (progress: PullProgress) => void): Promise<void>;
};

/** `docker volume …`. */
export type EngineVolumes = {
	list(): Promise<VolumeRecord[]>;
	inspect(name: string): Promise<InspectDocument>;
	remove(name: string): Promise<void>;
	/** Every volume no container uses, on any API version (`docker volume prune --all`). */
	prune(): Promise<{deleted: number; reclaimed: number}>;
};

/** `docker network …`. */
export type EngineNetworks = {
	list(): Promise<NetworkRecord[]>;
	inspect(id: string): Promise<InspectDocument>;
	/** `docker network rm`: the engine refuses a network in use and its predefined ones (bridge, host, none). */
	remove(id: string): Promise<void>;
	/** `docker network prune`: every network no container uses; the names of those removed. */
	prune(): Promise<string[]>;
};

/** A swarm's services, tasks and nodes, and what `docker service` does to a service. */
export type EngineSwarm = {
	/** Services, tasks and nodes when the engine is a swarm manager (`docker info`: Swarm.ControlAvailable). */
	list(): Promise<SwarmListing>;
	/** `docker service scale`: by a step or to a count; resolves with the replicas now asked for. */
	scaleService(id: string, replicas: {by: number} | {to: number}): Promise<number>;
	/** `docker service update --force`: its tasks are replaced although nothing else changed. */
	forceUpdateService(id: string): Promise<void>;
	removeService(id: string): Promise<void>;
};

/** What the engine streams and the caller must close: events, stats, logs and terminals (counted by openStreams). */
export type EngineStreams = {
	/**
	 * Follows the event stream; onEnd is called once when it ends or fails. onOpen is called when the engine's
	 * answer has begun: the engine sends its head as it subscribes (Docker flushes it just before), so what
	 * changes after that is in the stream.
	 */
	events(onEvent: (event: EngineEvent) => void, onEnd: (error?: Error) => void, onOpen?: () => void): Subscription;
	/** Follows one container's stats stream (about one sample a second); `io: false`: no network and block I/O where that saves a reading (the kernel's). */
	stats(id: string, onSample: (sample: StatsSample) => void, onEnd: (error?: Error) => void, wanted?: {io?: boolean}): Subscription;
	/**
	 * One sample of the stats stream, as `docker stats --no-stream` takes it. With `oneShot` the engine answers
	 * at its next sampling (within a second) without a reading before it, so the caller compares with its own
	 * previous sample; without, it waits for two readings (about two seconds) and the CPU figure comes with it.
	 */
	sampleStats(id: string, options?: {oneShot?: boolean; io?: boolean}): Promise<StatsSample>;
	/** When a stats sample (streamed or asked for) last came from the engine, as Date.now() read it; 0 if none has. */
	statsHeardAt(): number;
	/** Whether a round of stats samples is being read now (readRounds.ts): one of the engine's pass is in, the rest held. */
	statsRoundUnderWay(): boolean;
	/**
	 * Follows a container's log from its last `tail` lines, as `docker logs -f --tail N --timestamps`; or a
	 * swarm service's (all its tasks, `docker service logs`) when `service` is set. With `after` (an RFC 3339
	 * time, as a line's timestamp), every line after that time instead of the last `tail`.
	 */
	logs(
		id: string,
		options: {tail: number; service?: boolean; after?: string},
		onRecord: (record: LogRecord) => void,
		onEnd: (error?: Error) => void,
	): Subscription;
	/** An interactive shell, as `docker exec -it`: bash where there is one, else sh. */
	shell(id: string, size: {columns: number; rows: number}): Promise<TerminalSession>;
	/** The main process's terminal, as `docker attach`; Ctrl-P Ctrl-Q detaches. */
	attach(id: string, size: {columns: number; rows: number}): Promise<TerminalSession>;
};

/** Files in a container or a volume, through the archive API (`docker cp`). */
export type EngineFiles = {
	/** A directory's entries or a file's first `limit` bytes (symlinks followed). */
	read(owner: FilesOwner, path: string, limit: number): Promise<PathContent>;
	/** `docker cp CONTAINER:PATH DESTINATION`: the file or directory becomes DESTINATION; refuses an existing one unless told. */
	copyOut(owner: FilesOwner, path: string, destination: string, options: {overwrite: boolean}): Promise<void>;
	/** `docker cp SOURCE CONTAINER:DIRECTORY`: a local file or directory into a directory of the container. */
	copyIn(container: string, source: string, directory: string): Promise<void>;
};

/**
 * The one small interface the rest of berth sees of an engine: who it is, and a facet per kind of thing it
 * keeps, as the docker CLI groups its commands (system, container, image, volume, network, swarm's service),
 * plus `streams` for all that stays open until closed and `files` for the archive API. Code that needs one
 * facet takes that facet alone (`Pick<Engine, 'streams'>` for the stats follower).
 */
export type Engine = {
	/** The name records are keyed by. */
	readonly name: string;
	/** The address as a person would write it (`unix:///var/run/docker.sock`). */
	readonly addressText: string;
	/** Where it is, for the docker CLI of a custom command (DOCKER_HOST and the TLS variables). */
	readonly address?: EngineAddress;
	/**
	 * Whether requests at once each open a connection of their own (ssh: a channel and a process on the remote
	 * host each, beyond the few kept idle): there, fewer samples are asked at once and a silent engine is
	 * probed less often.
	 */
	readonly connectionPerRequest: boolean;
	readonly system: EngineSystem;
	readonly containers: EngineContainers;
	readonly images: EngineImages;
	readonly volumes: EngineVolumes;
	readonly networks: EngineNetworks;
	readonly swarm: EngineSwarm;
	readonly streams: EngineStreams;
	readonly files: EngineFiles;
	/** Counts the streams this engine object holds open, for tests that prove none leak. */
	openStreams(): number;
};
