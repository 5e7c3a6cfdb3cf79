// A swarm's records as berth uses them: services, tasks and nodes, as `docker service ls`, `service ps` and `node ls` list them.
/** How a service runs its tasks (`docker service ls` MODE). */
export type ServiceMode = 'replicated' | 'global' | 'replicated job' | 'global job';

/** A port of a service, as the engine publishes it (ingress on every node, or host on the task's node). */
export type ServicePort = {protocol: string; targetPort: number; publishedPort: number; publishMode: 'ingress' | 'host'};

/** One swarm service as `docker service ls` lists it. */
export type ServiceRecord = {
	engine: string;
	id: string;
	name: string;
	mode: ServiceMode;
	/** The spec's replicas (replicated) or total completions (replicated job); undefined for global modes. */
	replicas: number | undefined;
	/** Placement's max replicas per node; 0 when not limited. */
	maxPerNode: number;
	/** From the listing's ServiceStatus (API 1.41). */
	runningTasks: number;
	desiredTasks: number;
	completedTasks: number;
	image: string;
	ports: ServicePort[];
	/** Counter `docker service update --force` raises. */
	forceUpdate: number;
	/** Whether the containers have a terminal (their log is one stream). */
	tty: boolean;
	labels: Record<string, string>;
};

/** One task of a service, as `docker service ps` lists it. */
export type TaskRecord = {
	engine: string;
	id: string;
	serviceId: string;
	/** 0 for a global service's task, which is named by its node instead. */
	slot: number;
	nodeId: string;
	image: string;
	/** The engine's words, lower case: running, shutdown, complete, failed, rejected, pending... */
	desiredState: string;
	state: string;
	/** RFC 3339: when the task reached its state. */
	timestamp: string;
	error: string;
	createdAt: string;
};

/** One swarm node, as `docker node ls` lists it. */
export type NodeRecord = {
	engine: string;
	id: string;
	hostname: string;
	/** ready, down, unknown, disconnected. */
	status: string;
	/** active, pause, drain. */
	availability: string;
	role: string;
	/** For managers: whether it leads, and its reachability (reachable, unreachable, unknown). */
	manager: {leader: boolean; reachability: string} | undefined;
	engineVersion: string;
};

/** What a swarm manager reports: everything the services, tasks and nodes views show. */
export type SwarmListing =
	| {manager: false}
	| {manager: true; nodeId: string; services: ServiceRecord[]; tasks: TaskRecord[]; nodes: NodeRecord[]};
