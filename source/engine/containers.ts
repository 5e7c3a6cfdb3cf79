// The containers facet over dockerode: `docker ps -a`, inspect, top, the actions, `docker run -d` and prune.
import type Docker from 'dockerode';
import {toUpdateBody} from './containerUpdate.js';
import {actionDeadlineMs, deadline, readDeadlineMs} from './deadline.js';
import {splitProcessTable, toContainerRecord, toPortRecords} from './decoders.js';
import {helperLabel} from './files.js';
import {type RawState, toContainerTiming} from './timing.js';
import type {EngineContainers, InspectDocument, RunSpec} from './types.js';

/** The engine API's body for POST /containers/create, from a checked run form. */
export function toCreateOptions(spec: RunSpec): Docker.ContainerCreateOptions {
	const exposed: Record<string, Record<string, never>> = {};
	const bindings: Record<string, Array<{HostIp: string; HostPort: string}>> = {};
	for (const port of spec.ports) {
		const key = `${port.containerPort}/${port.protocol}`;
		exposed[key] = {};
		(bindings[key] ??= []).push({HostIp: port.hostIp, HostPort: port.hostPort});
	}

	return {
		Image: spec.image,
		...(spec.name ? {name: spec.name} : {}),
		...(spec.command.length > 0 ? {Cmd: spec.command} : {}),
		Env: spec.env,
		ExposedPorts: exposed,
		Tty: spec.interactive,
		OpenStdin: spec.interactive,
		AttachStdin: false,
		HostConfig: {
			PortBindings: bindings,
			Binds: spec.mounts.map(mount => `${mount.source}:${mount.target}${mount.readOnly ? ':ro' : ''}`),
			RestartPolicy: {Name: spec.restart === 'no' ? '' : spec.restart},
		},
	};
}

export function createContainers(docker: Docker, engine: string): EngineContainers {
	const inspectRunState: EngineContainers['inspectRunState'] = async id => {
		const readAt = Date.now();
		const info = await docker.getContainer(id).inspect(deadline(readDeadlineMs));
		return {
			timing: {...toContainerTiming(info.State as unknown as RawState, info.RestartCount ?? 0), readAt},
			ports: toPortRecords(info.NetworkSettings?.Ports as Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | undefined),
		};
	};

	return {
		async list(filter) {
			// No IDs asked for is no container (an empty filter would be every one).
			if (filter?.ids?.length === 0) return [];
			const list = await docker.listContainers({
				all: true,
				...deadline(readDeadlineMs),
				...(filter?.id ? {filters: {id: [filter.id]}} : filter?.ids ? {filters: {id: [...filter.ids]}} : {}),
			});
			// berth's own short-lived helpers (a volume's files) are not the person's containers.
			return list.filter(info => !info.Labels?.[helperLabel]).map(info => toContainerRecord(engine, info));
		},

		async inspectTiming(id) {
			return (await inspectRunState(id)).timing;
		},

		inspectRunState,

		async inspect(id) {
			return (await docker.getContainer(id).inspect(deadline(readDeadlineMs))) as unknown as InspectDocument;
		},

		async top(id) {
			const top = (await docker.getContainer(id).top(deadline(readDeadlineMs))) as {Titles?: string[]; Processes?: string[][]};
			return splitProcessTable({titles: top.Titles ?? [], processes: top.Processes ?? []});
		},

		async action(id, action, options = {}) {
			const container = docker.getContainer(id);
			if (action === 'remove') {
				await container.remove({force: Boolean(options.force), v: Boolean(options.removeVolumes), ...deadline(actionDeadlineMs)});
				return;
			}

			// Stop sends no timeout: the engine waits the container's own stop timeout, as `docker stop` does.
			const actions: Record<Exclude<typeof action, 'remove'>, () => Promise<unknown>> = {
				stop: async () => container.stop(deadline(actionDeadlineMs)),
				start: async () => container.start(deadline(actionDeadlineMs)),
				restart: async () => container.restart(deadline(actionDeadlineMs)),
				pause: async () => container.pause(deadline(actionDeadlineMs)),
				unpause: async () => container.unpause(deadline(actionDeadlineMs)),
				kill: async () => container.kill(deadline(actionDeadlineMs)),
			};
			await actions[action]();
		},

		async run(spec) {
			const container = await docker.createContainer(toCreateOptions(spec));
			try {
				await container.start();
			} catch (error) {
				// As if nothing had been asked: a container that cannot start is not left behind.
				await container.remove({force: true}).catch(() => undefined);
				throw error;
			}

			return {id: container.id};
		},

		async rename(id, name) {
			await docker.getContainer(id).rename({name, ...deadline(actionDeadlineMs)});
		},

		async update(id, update) {
			const answer = (await docker.getContainer(id).update({...toUpdateBody(update), ...deadline(actionDeadlineMs)})) as {Warnings?: string[] | null} | undefined;
			return {warnings: answer?.Warnings ?? []};
		},

		async prune() {
			const result = (await docker.pruneContainers()) as {ContainersDeleted?: unknown[] | null; SpaceReclaimed?: number};
			return {deleted: result.ContainersDeleted?.length ?? 0, reclaimed: result.SpaceReclaimed ?? 0};
		},
	};
}
