// The swarm facet over dockerode: services, tasks and nodes listed; a service scaled, updated, removed.
import type Docker from 'dockerode';
import type {EngineSwarm, NodeRecord, ServiceMode, ServicePort, ServiceRecord, TaskRecord} from './types.js';

type RawServiceSpec = {
	Name?: string;
	Labels?: Record<string, string> | null;
	TaskTemplate?: {
		ContainerSpec?: {Image?: string; TTY?: boolean};
		Placement?: {MaxReplicas?: number};
		ForceUpdate?: number;
	};
	Mode?: {
		Replicated?: {Replicas?: number};
		Global?: Record<string, unknown>;
		ReplicatedJob?: {MaxConcurrent?: number; TotalCompletions?: number};
		GlobalJob?: Record<string, unknown>;
	};
};

type RawService = {
	ID: string;
	Version?: {Index?: number};
	Spec?: RawServiceSpec;
	Endpoint?: {Ports?: Array<{Protocol?: string; TargetPort?: number; PublishedPort?: number; PublishMode?: string}> | null};
	ServiceStatus?: {RunningTasks?: number; DesiredTasks?: number; CompletedTasks?: number};
};

type RawTask = {
	ID: string;
	ServiceID?: string;
	Slot?: number;
	NodeID?: string;
	CreatedAt?: string;
	Spec?: {ContainerSpec?: {Image?: string}};
	Status?: {Timestamp?: string; State?: string; Err?: string};
	DesiredState?: string;
};

type RawNode = {
	ID: string;
	Spec?: {Role?: string; Availability?: string};
	Description?: {Hostname?: string; Engine?: {EngineVersion?: string}};
	Status?: {State?: string};
	ManagerStatus?: {Leader?: boolean; Reachability?: string} | null;
};

function modeOf(mode: RawServiceSpec['Mode']): ServiceMode {
	if (mode?.Global) return 'global';
	if (mode?.ReplicatedJob) return 'replicated job';
	if (mode?.GlobalJob) return 'global job';
	return 'replicated';
}

/** `docker service ls` shows the image without the digest the engine pinned it to. */
function withoutDigest(image: string): string {
	return image.replace(/@sha256:[\da-f]+$/, '');
}

export function toServiceRecord(engine: string, service: RawService): ServiceRecord {
	const spec = service.Spec ?? {};
	const mode = modeOf(spec.Mode);
	return {
		engine,
		id: service.ID,
		name: spec.Name ?? service.ID,
		mode,
		replicas:
			mode === 'replicated'
				? (spec.Mode?.Replicated?.Replicas ?? 1)
				: mode === 'replicated job'
					? (spec.Mode?.ReplicatedJob?.TotalCompletions ?? 0)
					: undefined,
		maxPerNode: spec.TaskTemplate?.Placement?.MaxReplicas ?? 0,
		runningTasks: service.ServiceStatus?.RunningTasks ?? 0,
		desiredTasks: service.ServiceStatus?.DesiredTasks ?? 0,
		completedTasks: service.ServiceStatus?.CompletedTasks ?? 0,
		image: withoutDigest(spec.TaskTemplate?.ContainerSpec?.Image ?? ''),
		ports: (service.Endpoint?.Ports ?? []).map(
			(port): ServicePort => ({
				protocol: port.Protocol ?? 'tcp',
				targetPort: port.TargetPort ?? 0,
				publishedPort: port.PublishedPort ?? 0,
				publishMode: port.PublishMode === 'host' ? 'host' : 'ingress',
			}),
		),
		forceUpdate: spec.TaskTemplate?.ForceUpdate ?? 0,
		tty: Boolean(spec.TaskTemplate?.ContainerSpec?.TTY),
		labels: spec.Labels ?? {},
	};
}

export function toTaskRecord(engine: string, task: RawTask): TaskRecord {
	return {
		engine,
		id: task.ID,
		serviceId: task.ServiceID ?? '',
		slot: task.Slot ?? 0,
		nodeId: task.NodeID ?? '',
		image: withoutDigest(task.Spec?.ContainerSpec?.Image ?? ''),
		desiredState: task.DesiredState ?? '',
		state: task.Status?.State ?? '',
		timestamp: task.Status?.Timestamp ?? '',
		error: task.Status?.Err ?? '',
		createdAt: task.CreatedAt ?? '',
	};
}

export function toNodeRecord(engine: string, node: RawNode): NodeRecord {
	return {
		engine,
		id: node.ID,
		hostname: node.Description?.Hostname ?? '',
		status: node.Status?.State ?? '',
		availability: node.Spec?.Availability ?? '',
		role: node.Spec?.Role ?? '',
		manager: node.ManagerStatus
			? {leader: Boolean(node.ManagerStatus.Leader), reachability: node.ManagerStatus.Reachability ?? ''}
			: undefined,
		engineVersion: node.Description?.Engine?.EngineVersion ?? '',
	};
}

/** The engine refuses an update made from a spec that changed meanwhile: read it again and retry. */
const outOfSequence = /update out of sequence/i;

export function createSwarm(docker: Docker, engine: string): EngineSwarm {
	/** Reads the service's spec, changes it and sends it back with the version read, as the CLI does. */
	const updateService = async (id: string, change: (spec: RawServiceSpec, name: string) => void): Promise<RawServiceSpec> => {
		for (let attempt = 1; ; attempt++) {
			const service = docker.getService(id);
			const current = (await service.inspect()) as RawService;
			const spec = structuredClone(current.Spec ?? {});
			change(spec, spec.Name ?? id);
			try {
				// The version goes in the query and the spec is the body.
				await service.update({_query: {version: current.Version?.Index ?? 0}, _body: spec});
				return spec;
			} catch (error) {
				if (attempt >= 5 || !outOfSequence.test(String((error as {message?: string}).message ?? error))) throw error;
			}
		}
	};

	return {
		async list() {
			const info = (await docker.info()) as {Swarm?: {ControlAvailable?: boolean; NodeID?: string}};
			if (!info.Swarm?.ControlAvailable) return {manager: false};
			const [services, tasks, nodes] = await Promise.all([
				docker.listServices({status: true}) as Promise<unknown> as Promise<RawService[]>,
				docker.listTasks() as Promise<RawTask[]>,
				docker.listNodes() as Promise<RawNode[]>,
			]);
			return {
				manager: true,
				nodeId: info.Swarm.NodeID ?? '',
				services: services.map(service => toServiceRecord(engine, service)),
				tasks: tasks.map(task => toTaskRecord(engine, task)),
				nodes: nodes.map(node => toNodeRecord(engine, node)),
			};
		},

		async scaleService(id, replicas) {
			let wanted = 0;
			await updateService(id, (spec, name) => {
				const mode = spec.Mode ?? {};
				const current = mode.Replicated ? (mode.Replicated.Replicas ?? 1) : mode.ReplicatedJob?.TotalCompletions;
				if (current === undefined) throw new Error(`${name} is a global service: only replicated services scale`);
				wanted = Math.max(0, 'to' in replicas ? replicas.to : current + replicas.by);
				if (mode.Replicated) mode.Replicated.Replicas = wanted;
				else mode.ReplicatedJob!.TotalCompletions = wanted;
			});
			return wanted;
		},

		async forceUpdateService(id) {
			await updateService(id, spec => {
				spec.TaskTemplate ??= {};
				spec.TaskTemplate.ForceUpdate = (spec.TaskTemplate.ForceUpdate ?? 0) + 1;
			});
		},

		async removeService(id) {
			await docker.getService(id).remove();
		},
	};
}
