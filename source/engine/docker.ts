// The Engine over dockerode: its facets put together on one connection; the only module that makes one.
import type {Readable} from 'node:stream';
import Docker from 'dockerode';
import {formatEngineAddress} from './address.js';
import {dockerOptions} from './connection.js';
import {createContainers} from './containers.js';
import {deadline, readDeadlineMs} from './deadline.js';
import {toEngineVersion} from './decoders.js';
import {KernelStats} from './kernelStats.js';
import {createFiles} from './files.js';
import {createImages, createNetworks, createVolumes} from './resources.js';
import {PlainClient, plainAddress} from './plainHttp.js';
import {createStreams} from './streams.js';
import {createSwarm} from './swarm.js';
import type {DiskUsage, Engine, EngineAddress, EngineSystem} from './types.js';

/** What the engine said it is (its last /version), once asked; Podman's stats are read differently. */
type Product = {podman?: boolean};

function createSystem(docker: Docker, plain: PlainClient | undefined, product: Product): EngineSystem {
	// dockerode's types leave out that version and info take options (the deadline) too.
	const asked = docker as unknown as {version(options: object): Promise<unknown>; info(options: object): Promise<unknown>; ping(options: object): Promise<unknown>};
	return {
		async version() {
			const version = toEngineVersion(await (plain ? plain.getJson('/version', readDeadlineMs) : asked.version(deadline(readDeadlineMs))));
			product.podman = version.product === 'Podman';
			return version;
		},

		// Asked every few seconds of a quiet engine (the liveness probe): without dockerode where it can be, and
		// not /version, for which Docker 20.10 runs `runc --version` and `docker-init --version` each time (about
		// 7 ms of the engine's CPU; /_ping about half a millisecond).
		async ping() {
			await (plain ? plain.getText('/_ping', readDeadlineMs) : asked.ping(deadline(readDeadlineMs)));
		},

		async info() {
			const info = (await asked.info(deadline(readDeadlineMs))) as {Name?: string; Images?: number; NCPU?: number; MemTotal?: number};
			return {name: info.Name ?? '', images: info.Images ?? 0, cpus: info.NCPU ?? 0, memory: info.MemTotal ?? 0};
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
	};
}

/**
 * For an engine on a local socket, where its containers' figures can be read from the kernel (kernelStats.ts),
 * unless BERTH_STATS=engine asks the engine for every figure, as `docker stats` does.
 */
function kernelStats(docker: Docker, address: EngineAddress, engineStats: boolean): KernelStats | undefined {
	if (address.kind !== 'unix' || process.platform !== 'linux' || engineStats) return undefined;
	const kernel = new KernelStats(async id => {
		const info = (await docker.getContainer(id).inspect(deadline(readDeadlineMs))) as {State?: {Pid?: number; Running?: boolean}; HostConfig?: {NetworkMode?: string}};
		return info.State?.Running ? {pid: info.State.Pid ?? 0, networkMode: info.HostConfig?.NetworkMode ?? ''} : undefined;
	});
	return kernel.usable() ? kernel : undefined;
}

export type EngineOptions = {
	/** Every figure asked of the engine, as `docker stats` does, even where the kernel could be read. */
	engineStats?: boolean;
};

export function createDockerEngine(name: string, address: EngineAddress, options: EngineOptions = {engineStats: process.env.BERTH_STATS === 'engine'}): Engine {
	const docker = new Docker(dockerOptions(address));
	const plain = plainAddress(address);
	const client = plain ? new PlainClient(plain) : undefined;
	// Every stream any facet holds open, so that a test can prove none is left.
	const open = new Set<Readable>();
	const product: Product = {};
	const system = createSystem(docker, client, product);
	// The first listing is read before the engine is made (earlyStart.ts): the first stats may be asked before
	// anything here asked /version.
	let asking: Promise<boolean> | undefined;
	const kernel = kernelStats(docker, address, options.engineStats ?? false);
	const podman = async () => product.podman ?? (asking ??= system.version().then(version => version.product === 'Podman').finally(() => (asking = undefined)));
	return {
		name,
		addressText: formatEngineAddress(address),
		address,
		connectionPerRequest: address.kind === 'ssh',
		system,
		containers: createContainers(docker, name),
		images: createImages(docker, name),
		volumes: createVolumes(docker, name),
		networks: createNetworks(docker, name),
		swarm: createSwarm(docker, name),
		streams: createStreams(docker, open, client, {known: () => product.podman === true, ask: podman}, kernel),
		files: createFiles(docker),
		openStreams() {
			return open.size + (kernel?.following() ?? 0);
		},
	};
}
