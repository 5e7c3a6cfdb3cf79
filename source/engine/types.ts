// The engine's records as berth uses them: plain, typed once, never dockerode objects.

/** Where an engine lives, as DOCKER_HOST, --host or a context names it. */
export type EngineAddress =
	| {kind: 'unix'; socketPath: string}
	| {kind: 'npipe'; socketPath: string}
	| {
			kind: 'tcp';
			host: string;
			port: number;
			tls: false | {verify: boolean; certPath: string};
	  }
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
	/** Totals since the container started, summed over its networks and block devices. */
	networkRx: number;
	networkTx: number;
	blockRead: number;
	blockWrite: number;
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

/** A stream the caller must close; closing twice is harmless. */
export type Subscription = {close(): void};

/** The one small interface the rest of berth sees of an engine. */
export type Engine = {
	/** The name records are keyed by. */
	readonly name: string;
	/** The address as a person would write it (`unix:///var/run/docker.sock`). */
	readonly addressText: string;
	version(): Promise<EngineVersion>;
	info(): Promise<EngineInfo>;
	listContainers(filter?: {id?: string}): Promise<ContainerRecord[]>;
	inspectTiming(id: string): Promise<ContainerTiming>;
	/** Follows the event stream; onEnd is called once when it ends or fails. */
	subscribeEvents(
		onEvent: (event: EngineEvent) => void,
		onEnd: (error?: Error) => void,
	): Subscription;
	/** Follows one container's stats stream (about one sample a second). */
	subscribeStats(
		id: string,
		onSample: (sample: StatsSample) => void,
		onEnd: (error?: Error) => void,
	): Subscription;
	containerAction(id: string, action: ContainerActionName, options?: ContainerActionOptions): Promise<void>;
	inspectContainer(id: string): Promise<InspectDocument>;
	topContainer(id: string): Promise<ProcessTable>;
	/** An interactive shell, as `docker exec -it`: bash where there is one, else sh. */
	openShell(id: string, size: {columns: number; rows: number}): Promise<TerminalSession>;
	/** The main process's terminal, as `docker attach`; Ctrl-P Ctrl-Q detaches. */
	attachContainer(id: string, size: {columns: number; rows: number}): Promise<TerminalSession>;
	/** Follows a container's log from its last `tail` lines, as `docker logs -f --tail N --timestamps`. */
	followLogs(
		id: string,
		options: {tail: number},
		onRecord: (record: LogRecord) => void,
		onEnd: (error?: Error) => void,
	): Subscription;
	/** Counts the streams this engine object holds open, for tests that prove none leak. */
	openStreams(): number;
};
