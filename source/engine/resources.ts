// The images, volumes and networks facets over dockerode, and their records from the API's JSON.
import type Docker from 'dockerode';
import type {EngineImages, EngineNetworks, EngineVolumes, ImageRecord, InspectDocument, NetworkRecord} from './types.js';

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

export function createImages(docker: Docker, engine: string): EngineImages {
	return {
		async list() {
			const images = (await docker.listImages({all: false})) as unknown as RawImage[];
			return images.map(image => toImageRecord(engine, image));
		},

		async history(id) {
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

		async inspect(id) {
			return (await docker.getImage(id).inspect()) as unknown as InspectDocument;
		},

		async remove(id, options) {
			const result = (await docker.getImage(id).remove({force: options.force})) as Array<{
				Untagged?: string;
				Deleted?: string;
			}>;
			return result.map(entry => (entry.Untagged ? `Untagged: ${entry.Untagged}` : `Deleted: ${entry.Deleted ?? ''}`));
		},

		async prune() {
			const result = (await docker.pruneImages({filters: {dangling: ['true']}})) as {
				ImagesDeleted?: unknown[] | null;
				SpaceReclaimed?: number;
			};
			return {deleted: result.ImagesDeleted?.length ?? 0, reclaimed: result.SpaceReclaimed ?? 0};
		},

		async pull(reference, onProgress) {
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
	};
}

export function createVolumes(docker: Docker, engine: string): EngineVolumes {
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
		async list() {
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

		async inspect(name) {
			return (await docker.getVolume(name).inspect()) as unknown as InspectDocument;
		},

		async remove(name) {
			await docker.getVolume(name).remove();
		},

		async prune() {
			const filters = volumePruneFilters(await engineApiVersion());
			const result = (await docker.pruneVolumes({filters})) as {VolumesDeleted?: unknown[] | null; SpaceReclaimed?: number};
			return {deleted: result.VolumesDeleted?.length ?? 0, reclaimed: result.SpaceReclaimed ?? 0};
		},
	};
}

export function createNetworks(docker: Docker, engine: string): EngineNetworks {
	return {
		async list() {
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

		async inspect(id) {
			return (await docker.getNetwork(id).inspect()) as unknown as InspectDocument;
		},

		async remove(id) {
			await docker.getNetwork(id).remove();
		},

		async prune() {
			const result = (await docker.pruneNetworks()) as {NetworksDeleted?: string[] | null};
			return result.NetworksDeleted ?? [];
		},
	};
}
