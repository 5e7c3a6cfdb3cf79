// Images, volumes, networks, disk usage and `docker run` over dockerode, for the Engine interface.
import type Docker from 'dockerode';
import type {
	DiskUsage,
	ImageLayer,
	ImageRecord,
	InspectDocument,
	NetworkRecord,
	PullProgress,
	RunSpec,
	VolumeRecord,
} from './types.js';

type RawImage = {Id: string; RepoTags?: string[] | null; RepoDigests?: string[] | null; Created: number; Size: number};

/** Docker lists a dangling image with the tag `<none>:<none>`: berth keeps it as no tag at all. */
export function toImageRecord(engine: string, image: RawImage): ImageRecord {
	return {
		engine,
		id: image.Id,
		repoTags: (image.RepoTags ?? []).filter(tag => tag !== '<none>:<none>'),
		repoDigests: (image.RepoDigests ?? []).filter(digest => digest !== '<none>@<none>'),
		created: image.Created,
		size: image.Size,
	};
}

type RawNetwork = {
	Id: string;
	Name: string;
	Driver?: string;
	Scope?: string;
	Internal?: boolean;
	IPAM?: {Config?: Array<{Subnet?: string; Gateway?: string}> | null};
	Containers?: Record<string, {Name?: string; IPv4Address?: string; IPv6Address?: string}> | null;
	Labels?: Record<string, string> | null;
};

export function toNetworkRecord(engine: string, network: RawNetwork): NetworkRecord {
	const config = network.IPAM?.Config ?? [];
	return {
		engine,
		id: network.Id,
		name: network.Name,
		driver: network.Driver ?? '',
		scope: network.Scope ?? '',
		internal: Boolean(network.Internal),
		subnets: config.map(entry => entry.Subnet ?? '').filter(Boolean),
		gateways: config.map(entry => entry.Gateway ?? '').filter(Boolean),
		containers: Object.entries(network.Containers ?? {}).map(([id, container]) => ({
			id,
			name: container.Name ?? '',
			ipv4: container.IPv4Address ?? '',
			ipv6: container.IPv6Address ?? '',
		})),
		labels: network.Labels ?? {},
	};
}

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

/** True when API version `version` (e.g. '1.45') is `minimum` or newer. */
export function apiAtLeast(version: string, minimum: string): boolean {
	const [major = 0, minor = 0] = version.split('.').map(Number);
	const [wantMajor = 0, wantMinor = 0] = minimum.split('.').map(Number);
	return major > wantMajor || (major === wantMajor && minor >= wantMinor);
}

/**
 * The filters of a volume prune that removes every volume no container uses, on any engine: from API 1.42
 * (Docker 23) the engine prunes only anonymous volumes unless asked for all (`docker volume prune --all`);
 * older engines prune them all and refuse the `all` filter.
 */
export function volumePruneFilters(apiVersion: string): Record<string, string[]> {
	return apiAtLeast(apiVersion, '1.42') ? {all: ['true']} : {};
}

export function createResourceMethods(docker: Docker, engine: string) {
	// dockerode speaks the engine's own API version (no version in the path): asked once, when first needed.
	let apiVersion: Promise<string> | undefined;
	const engineApiVersion = async (): Promise<string> => {
		apiVersion ??= docker.version().then(
			version => version.ApiVersion,
			(error: unknown) => {
				apiVersion = undefined;
				throw error;
			},
		);
		return apiVersion;
	};

	return {
		async listImages(): Promise<ImageRecord[]> {
			const images = (await docker.listImages({all: false})) as unknown as RawImage[];
			return images.map(image => toImageRecord(engine, image));
		},

		async imageHistory(id: string): Promise<ImageLayer[]> {
			const layers = (await docker.getImage(id).history()) as Array<{
				Id: string;
				Created: number;
				CreatedBy?: string;
				Size: number;
				Comment?: string;
				Tags?: string[] | null;
			}>;
			return layers.map(layer => ({
				id: layer.Id,
				created: layer.Created,
				createdBy: layer.CreatedBy ?? '',
				size: layer.Size,
				comment: layer.Comment ?? '',
				tags: layer.Tags ?? [],
			}));
		},

		async removeImage(id: string, options: {force: boolean}): Promise<string[]> {
			const result = (await docker.getImage(id).remove({force: options.force})) as Array<{
				Untagged?: string;
				Deleted?: string;
			}>;
			return result.map(entry => (entry.Untagged ? `Untagged: ${entry.Untagged}` : `Deleted: ${entry.Deleted ?? ''}`));
		},

		async pruneImages(): Promise<{deleted: number; reclaimed: number}> {
			const result = (await docker.pruneImages({filters: {dangling: ['true']}})) as {
				ImagesDeleted?: unknown[] | null;
				SpaceReclaimed?: number;
			};
			return {deleted: result.ImagesDeleted?.length ?? 0, reclaimed: result.SpaceReclaimed ?? 0};
		},

		async pullImage(reference: string, onProgress: (progress: PullProgress) => void): Promise<void> {
			const stream = (await docker.pull(reference)) as NodeJS.ReadableStream;
			await new Promise<void>((resolve, reject) => {
				docker.modem.followProgress(
					stream,
					(error: Error | null) => {
						if (error) reject(error);
						else resolve();
					},
					(event: {id?: string; status?: string; error?: string; progressDetail?: {current?: number; total?: number}}) => {
						// The engine reports a failed pull inside the stream, after a 200.
						if (event.error) {
							reject(new Error(event.error));
							return;
						}

						onProgress({
							layer: event.id ?? '',
							status: event.status ?? '',
							current: event.progressDetail?.current,
							total: event.progressDetail?.total,
						});
					},
				);
			});
		},

		async listVolumes(): Promise<VolumeRecord[]> {
			const result = (await docker.listVolumes()) as {
				Volumes?: Array<{
					Name: string;
					Driver?: string;
					Mountpoint?: string;
					Scope?: string;
					Labels?: Record<string, string> | null;
					CreatedAt?: string;
				}> | null;
			};
			return (result.Volumes ?? []).map(volume => ({
				engine,
				name: volume.Name,
				driver: volume.Driver ?? '',
				mountpoint: volume.Mountpoint ?? '',
				scope: volume.Scope ?? '',
				labels: volume.Labels ?? {},
				createdAt: volume.CreatedAt ?? '',
			}));
		},

		async removeVolume(name: string): Promise<void> {
			await docker.getVolume(name).remove();
		},

		async pruneContainers(): Promise<{deleted: number; reclaimed: number}> {
			const result = (await docker.pruneContainers()) as {ContainersDeleted?: unknown[] | null; SpaceReclaimed?: number};
			return {deleted: result.ContainersDeleted?.length ?? 0, reclaimed: result.SpaceReclaimed ?? 0};
		},

		async pruneVolumes(): Promise<{deleted: number; reclaimed: number}> {
			const filters = volumePruneFilters(await engineApiVersion());
			const result = (await docker.pruneVolumes({filters})) as {VolumesDeleted?: unknown[] | null; SpaceReclaimed?: number};
			return {deleted: result.VolumesDeleted?.length ?? 0, reclaimed: result.SpaceReclaimed ?? 0};
		},

		async listNetworks(): Promise<NetworkRecord[]> {
			const networks = (await docker.listNetworks()) as unknown as RawNetwork[];
			// The listing leaves out attached containers: each network's inspect has them.
			return Promise.all(
				networks.map(async network => {
					const inspected = (await docker
						.getNetwork(network.Id)
						.inspect()
						.catch(() => network)) as RawNetwork;
					return toNetworkRecord(engine, inspected);
				}),
			);
		},

		async inspectNetwork(id: string): Promise<InspectDocument> {
			return (await docker.getNetwork(id).inspect()) as unknown as InspectDocument;
		},

		async diskUsage(): Promise<DiskUsage> {
			const df = (await docker.df()) as {
				LayersSize?: number;
				Images?: Array<{Id: string; Size: number; SharedSize: number; Containers: number}> | null;
				Containers?: Array<{Id: string; SizeRw?: number; State?: string}> | null;
				Volumes?: Array<{Name: string; UsageData?: {Size?: number; RefCount?: number} | null}> | null;
				BuildCache?: Array<{Size?: number; InUse?: boolean; Shared?: boolean}> | null;
			};
			return {
				layersSize: df.LayersSize ?? 0,
				images: (df.Images ?? []).map(image => ({
					id: image.Id,
					size: image.Size,
					sharedSize: image.SharedSize,
					containers: image.Containers,
				})),
				containers: (df.Containers ?? []).map(container => ({id: container.Id, sizeRw: container.SizeRw ?? 0, state: container.State ?? ''})),
				volumes: (df.Volumes ?? []).map(volume => ({
					name: volume.Name,
					size: volume.UsageData?.Size ?? -1,
					refCount: volume.UsageData?.RefCount ?? -1,
				})),
				buildCache: (df.BuildCache ?? []).map(entry => ({size: entry.Size ?? 0, inUse: Boolean(entry.InUse), shared: Boolean(entry.Shared)})),
			};
		},

		async runContainer(spec: RunSpec): Promise<{id: string}> {
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
	};
}
