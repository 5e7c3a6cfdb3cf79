// The Engine interface over dockerode: the only module that talks to a Docker engine.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import {type Duplex, type Readable, Writable} from 'node:stream';
import {checkHostKey, readKnownHosts} from './knownHosts.js';
import {LogLineSplitter} from './logLines.js';
import {createResourceMethods} from './resources.js';
import {createSwarmMethods} from './swarm.js';
import Docker from 'dockerode';
import {formatEngineAddress} from './address.js';
import {type RawState, toContainerTiming} from './timing.js';
import type {
	ContainerRecord,
	ContainerState,
	ContainerTiming,
	Engine,
	EngineAddress,
	EngineEvent,
	InspectDocument,
	LogRecord,
	StatsSample,
	Subscription,
	TerminalSession,
} from './types.js';

/** Node's https, loaded for a TLS engine only: it brings tls and crypto, a score of Node's modules. */
const nodeHttps = () =>
	(process.getBuiltinModule?.('node:https') ?? createRequire(import.meta.url)('node:https')) as typeof import('node:https');

const knownStates = new Set<ContainerState>([
	'created',
	'running',
	'paused',
	'restarting',
	'removing',
	'exited',
	'dead',
]);

/** Options for dockerode from an address; TLS files are read here, so this may fail with a message. */
export function dockerOptions(address: EngineAddress): Docker.DockerOptions {
	switch (address.kind) {
		case 'unix':
		case 'npipe': {
			return {socketPath: address.socketPath};
		}

		case 'tcp': {
			if (!address.tls) {
				return {protocol: 'http', host: address.host, port: address.port};
			}

			const read = (name: string): Buffer | undefined => {
				const file = path.join(address.tls === false ? '' : address.tls.certPath, name);
				return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
			};

			const ca = address.tls.verify ? read('ca.pem') : undefined;
			const cert = read('cert.pem');
			const key = read('key.pem');
			return {
				protocol: 'https',
				host: address.host,
				port: address.port,
				...(ca ? {ca} : {}),
				...(cert ? {cert} : {}),
				...(key ? {key} : {}),
				// Not verifying must really not verify: Node checks against its own CAs unless told not to.
				...(address.tls.verify
					? {}
					: ({agent: new (nodeHttps().Agent)({rejectUnauthorized: false, ...(cert ? {cert} : {}), ...(key ? {key} : {})})} as Docker.DockerOptions)),
			};
		}

		case 'ssh': {
			return {
				protocol: 'ssh',
				host: address.host,
				port: address.port,
				// As ssh: no user in the address means the local user (ssh2 refuses to connect without one).
				username: address.username ?? (process.env.USER || os.userInfo().username),
				sshOptions: {
					// The agent's keys first, as ssh tries them; without an agent, the usual key files.
					...(process.env.SSH_AUTH_SOCK ? {agent: process.env.SSH_AUTH_SOCK} : readDefaultSshKey()),
					// ssh2 takes any host key unless told otherwise: known_hosts decides, as with ssh.
					hostVerifier: (key: Buffer) => checkHostKey(readKnownHosts(), address.host, address.port, key.toString('base64')).ok,
				},
			};
		}
	}
}

export function createDockerEngine(name: string, address: EngineAddress): Engine {
	const docker = new Docker(dockerOptions(address));
	const open = new Set<Readable>();

	// Streams are followed line by line: the engine writes one JSON document per line.
	const follow = (
		stream: Readable,
		onLine: (value: unknown) => void,
		onEnd: (error?: Error) => void,
	): Subscription => {
		open.add(stream);
		let ended = false;
		const finish = (error?: Error) => {
			if (ended) return;
			ended = true;
			open.delete(stream);
			onEnd(error);
		};

		const lines = readline.createInterface({input: stream, crlfDelay: Number.POSITIVE_INFINITY});
		lines.on('line', line => {
			if (ended || line.trim() === '') return;
			let value: unknown;
			try {
				value = JSON.parse(line);
			} catch {
				return;
			}

			onLine(value);
		});
		// readline passes its input's errors on: both must be heard, or a dropped connection would throw.
		lines.on('error', (error: Error) => {
			finish(error);
		});
		stream.on('error', (error: Error) => {
			finish(error);
		});
		stream.on('close', () => {
			finish(new Error('the stream was closed by the engine'));
		});
		stream.on('end', () => {
			finish(new Error('the stream was closed by the engine'));
		});

		return {
			close() {
				if (ended) return;
				ended = true;
				open.delete(stream);
				lines.close();
				stream.destroy();
			},
		};
	};

	// Opening a stream is asynchronous; a close() that comes first must still win.
	const followLater = (
		opening: Promise<Readable>,
		onLine: (value: unknown) => void,
		onEnd: (error?: Error) => void,
	): Subscription => {
		let closed = false;
		let inner: Subscription | undefined;
		opening.then(
			stream => {
				if (closed) {
					stream.destroy();
					return;
				}

				inner = follow(stream, onLine, onEnd);
			},
			(error: unknown) => {
				if (!closed) onEnd(asError(error));
			},
		);
		return {
			close() {
				closed = true;
				inner?.close();
			},
		};
	};

	return {
		name,
		addressText: formatEngineAddress(address),
		connectionPerRequest: address.kind === 'ssh',
		...createResourceMethods(docker, name),
		...createSwarmMethods(docker, name),

		async version() {
			return toEngineVersion(await docker.version());
		},

		async info() {
			const info = (await docker.info()) as {Name?: string; Images?: number; NCPU?: number; MemTotal?: number};
			return {name: info.Name ?? '', images: info.Images ?? 0, cpus: info.NCPU ?? 0, memory: info.MemTotal ?? 0};
		},

		async listContainers(filter) {
			const list = await docker.listContainers({
				all: true,
				...(filter?.id ? {filters: {id: [filter.id]}} : {}),
			});
			return list.map(info => toContainerRecord(name, info));
		},

		async inspectTiming(id) {
			const info = await docker.getContainer(id).inspect();
			return toContainerTiming(info.State as unknown as RawState);
		},

		subscribeEvents(onEvent, onEnd) {
			const opening = docker.getEvents({
				filters: {type: ['container', 'image', 'volume', 'network', 'service', 'node']},
			}) as unknown as Promise<Readable>;
			return followLater(opening, value => onEvent(toEngineEvent(value)), onEnd);
		},

		async sampleStats(id, options = {}) {
			// `one-shot` needs API 1.41 (Docker 20.10); an older engine ignores it and waits for two readings.
			const value: unknown = await docker.getContainer(id).stats({
				stream: false,
				...(options.oneShot ? {'one-shot': true} : {}),
			});
			return toStatsSample(value);
		},

		subscribeStats(id, onSample, onEnd) {
			const opening = docker.getContainer(id).stats({stream: true}) as unknown as Promise<Readable>;
			return followLater(opening, value => onSample(toStatsSample(value)), onEnd);
		},

		async containerAction(id, action, options = {}) {
			const container = docker.getContainer(id);
			if (action === 'remove') {
				await container.remove({force: Boolean(options.force), v: Boolean(options.removeVolumes)});
				return;
			}

			// Stop sends no timeout: the engine waits the container's own stop timeout, as `docker stop` does.
			const actions: Record<Exclude<typeof action, 'remove'>, () => Promise<unknown>> = {
				stop: async () => container.stop(),
				start: async () => container.start(),
				restart: async () => container.restart(),
				pause: async () => container.pause(),
				unpause: async () => container.unpause(),
				kill: async () => container.kill(),
			};
			await actions[action]();
		},

		async inspectContainer(id) {
			return (await docker.getContainer(id).inspect()) as unknown as InspectDocument;
		},

		async topContainer(id) {
			const top = (await docker.getContainer(id).top()) as {Titles?: string[]; Processes?: string[][]};
			return splitProcessTable({titles: top.Titles ?? [], processes: top.Processes ?? []});
		},

		async openShell(id, size) {
			const container = docker.getContainer(id);
			const info = await container.inspect();
			if (!info.State.Running || info.State.Paused) {
				throw new Error(`${info.Name.replace(/^\//, '')} is not running: a shell needs a running container`);
			}

			for (const shell of ['bash', 'sh']) {
				if (await commandRuns(container, [shell, '-c', 'exit 0'])) {
					const exec = await container.exec({
						Cmd: [shell],
						AttachStdin: true,
						AttachStdout: true,
						AttachStderr: true,
						Tty: true,
						Env: [`TERM=${process.env.TERM ?? 'xterm'}`],
					});
					const stream = (await exec.start({hijack: true, stdin: true, Tty: true})) as unknown as Duplex;
					return terminalSession(stream, open, async (columns, rows) => {
						await exec.resize({h: rows, w: columns});
					}, size);
				}
			}

			throw new Error(`no shell in ${info.Name.replace(/^\//, '')} (tried bash and sh)`);
		},

		async attachContainer(id, size) {
			const container = docker.getContainer(id);
			const info = await container.inspect();
			if (!info.State.Running) {
				throw new Error(`${info.Name.replace(/^\//, '')} is not running: attach needs a running container`);
			}

			const stream = (await container.attach({
				stream: true,
				stdin: true,
				stdout: true,
				stderr: true,
				hijack: true,
				detachKeys: 'ctrl-p,ctrl-q',
			})) as unknown as Duplex;
			return terminalSession(stream, open, async (columns, rows) => {
				if (info.Config.Tty) await container.resize({h: rows, w: columns});
			}, size);
		},

		followLogs(id, options, onRecord, onEnd) {
			const container = docker.getContainer(id);
			let closed = false;
			let stream: Readable | undefined;
			// As `docker logs -f --timestamps --tail N`, for a container or a service alike.
			const logOptions = {
				follow: true as const,
				stdout: true,
				stderr: true,
				timestamps: true,
				tail: Math.max(0, options.tail),
			};
			const opening = (async () => {
				if (options.service) {
					// A service's log gathers its tasks' logs; the engine muxes it as a container's.
					const service = docker.getService(id);
					const spec = (await service.inspect()) as {Spec?: {TaskTemplate?: {ContainerSpec?: {TTY?: boolean}}}};
					const raw = (await service.logs(logOptions)) as unknown as Readable;
					return {raw, tty: Boolean(spec.Spec?.TaskTemplate?.ContainerSpec?.TTY)};
				}

				const info = await container.inspect();
				const raw = (await container.logs(logOptions)) as unknown as Readable;
				return {raw, tty: Boolean(info.Config.Tty)};
			})();
			opening.then(
				({raw, tty}) => {
					if (closed) {
						raw.destroy();
						return;
					}

					stream = raw;
					open.add(raw);
					const splitters: LogLineSplitter[] = [];
					const sink = (kind: LogRecord['stream']) => {
						const splitter = new LogLineSplitter(kind, onRecord);
						splitters.push(splitter);
						return new Writable({
							write(chunk: Buffer, _encoding, done) {
								splitter.push(chunk);
								done();
							},
						});
					};

					if (tty) raw.pipe(sink('tty'));
					// Without a terminal the engine multiplexes stdout and stderr: dockerode takes them apart.
					else docker.modem.demuxStream(raw, sink('stdout'), sink('stderr'));
					let ended = false;
					const finish = (error?: Error) => {
						if (ended || closed) return;
						ended = true;
						open.delete(raw);
						for (const splitter of splitters) splitter.end();
						onEnd(error);
					};

					raw.on('end', () => finish());
					raw.on('close', () => finish());
					raw.on('error', (error: Error) => finish(error));
				},
				(error: unknown) => {
					if (!closed) onEnd(asError(error));
				},
			);
			return {
				close() {
					if (closed) return;
					closed = true;
					if (stream) {
						open.delete(stream);
						stream.destroy();
					}
				},
			};
		},

		openStreams() {
			return open.size;
		},
	};
}

/** The first of ~/.ssh/id_ed25519, id_ecdsa, id_rsa that exists, as ssh would offer it. */
function readDefaultSshKey(): {privateKey: Buffer} | Record<string, never> {
	for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
		const file = path.join(os.homedir(), '.ssh', name);
		if (fs.existsSync(file)) return {privateKey: fs.readFileSync(file)};
	}

	return {};
}

/** Runs a command without a terminal and says whether it exited 0: how a shell's presence is found. */
async function commandRuns(container: Docker.Container, command: string[]): Promise<boolean> {
	try {
		const exec = await container.exec({Cmd: command, AttachStdout: true, AttachStderr: true});
		const stream = (await exec.start({hijack: true, stdin: false})) as unknown as Duplex;
		await new Promise<void>(resolve => {
			stream.on('end', resolve);
			stream.on('close', resolve);
			stream.on('error', () => resolve());
			stream.resume();
		});
		const result = await exec.inspect();
		return result.ExitCode === 0;
	} catch {
		return false;
	}
}

function terminalSession(
	stream: Duplex,
	open: Set<Readable>,
	resize: (columns: number, rows: number) => Promise<void>,
	size: {columns: number; rows: number},
): TerminalSession {
	open.add(stream);
	const finished = new Promise<void>(resolve => {
		const done = () => {
			open.delete(stream);
			resolve();
		};

		stream.on('end', done);
		stream.on('close', done);
		stream.on('error', done);
	});
	const session: TerminalSession = {
		output: stream,
		input: stream,
		async resize(columns, rows) {
			await resize(columns, rows).catch(() => undefined);
		},
		finished,
		close() {
			stream.destroy();
		},
	};
	void session.resize(size.columns, size.rows);
	return session;
}

/** GET /version's answer as berth keeps it. */
export function toEngineVersion(value: unknown): Awaited<ReturnType<Engine['version']>> {
	const version = value as Docker.DockerVersion & {Components?: Array<{Name?: string}>};
	// Podman answers the same API; its components say so.
	const podman = (version.Components ?? []).some(component => /podman/i.test(component.Name ?? ''));
	return {
		product: podman ? 'Podman' : 'Docker',
		version: version.Version,
		apiVersion: version.ApiVersion,
		os: version.Os,
		arch: version.Arch,
	};
}

export function toContainerRecord(engine: string, info: Docker.ContainerInfo): ContainerRecord {
	const state = (info.State ?? '').toLowerCase() as ContainerState;
	return {
		engine,
		id: info.Id,
		names: info.Names ?? [],
		image: info.Image ?? '',
		imageId: info.ImageID ?? '',
		command: info.Command ?? '',
		created: info.Created ?? 0,
		state: knownStates.has(state) ? state : 'dead',
		status: info.Status ?? '',
		ports: (info.Ports ?? []).map(port => ({
			ip: port.IP ?? '',
			privatePort: port.PrivatePort,
			publicPort: port.PublicPort ?? 0,
			type: port.Type ?? 'tcp',
		})),
		labels: info.Labels ?? {},
		mounts: (info.Mounts ?? []).map(mount => ({
			type: mount.Type ?? '',
			name: mount.Name ?? '',
			source: mount.Source ?? '',
			destination: mount.Destination ?? '',
		})),
		networks: Object.keys(info.NetworkSettings?.Networks ?? {}),
	};
}

type RawEvent = {
	Type?: string;
	Action?: string;
	status?: string;
	id?: string;
	Actor?: {ID?: string; Attributes?: Record<string, string>};
	time?: number;
	timeNano?: number;
};

export function toEngineEvent(value: unknown): EngineEvent {
	const raw = (value ?? {}) as RawEvent;
	return {
		type: raw.Type ?? 'container',
		action: raw.Action ?? raw.status ?? '',
		id: raw.Actor?.ID ?? raw.id ?? '',
		attributes: raw.Actor?.Attributes ?? {},
		timeNano: raw.timeNano ?? (raw.time ?? 0) * 1e9,
	};
}

type RawCpu = {
	cpu_usage?: {total_usage?: number; percpu_usage?: number[] | null};
	system_cpu_usage?: number;
	online_cpus?: number;
};

type RawStats = {
	read?: string;
	cpu_stats?: RawCpu;
	precpu_stats?: RawCpu;
	memory_stats?: {usage?: number; limit?: number; stats?: Record<string, number>};
	pids_stats?: {current?: number};
	networks?: Record<string, {rx_bytes?: number; tx_bytes?: number}> | null;
	blkio_stats?: {io_service_bytes_recursive?: Array<{op?: string; value?: number}> | null};
};

export function toStatsSample(value: unknown): StatsSample {
	const raw = (value ?? {}) as RawStats;
	const cpu = raw.cpu_stats ?? {};
	const pre = raw.precpu_stats ?? {};
	const memory = raw.memory_stats ?? {};
	const usage = memory.usage ?? 0;
	// The CLI subtracts the inactive page cache: cgroup v1 reports total_inactive_file, v2 inactive_file.
	const stats = memory.stats ?? {};
	const cache = stats.total_inactive_file ?? stats.inactive_file ?? 0;
	return {
		read: raw.read ?? '',
		cpuTotal: cpu.cpu_usage?.total_usage ?? 0,
		preCpuTotal: pre.cpu_usage?.total_usage ?? 0,
		systemCpu: cpu.system_cpu_usage ?? 0,
		preSystemCpu: pre.system_cpu_usage ?? 0,
		onlineCpus: cpu.online_cpus || cpu.cpu_usage?.percpu_usage?.length || 0,
		memoryUsage: usage,
		memoryCache: cache < usage ? cache : 0,
		memoryLimit: memory.limit ?? 0,
		pids: raw.pids_stats?.current ?? 0,
		...sumNetworks(raw.networks),
		...sumBlockIo(raw.blkio_stats?.io_service_bytes_recursive),
	};
}

function sumNetworks(networks: RawStats['networks']): {networkRx: number; networkTx: number} {
	let networkRx = 0;
	let networkTx = 0;
	for (const network of Object.values(networks ?? {})) {
		networkRx += network.rx_bytes ?? 0;
		networkTx += network.tx_bytes ?? 0;
	}

	return {networkRx, networkTx};
}

/** As the CLI: cgroup v1 says Read/Write, v2 read/write. */
function sumBlockIo(entries: Array<{op?: string; value?: number}> | null | undefined): {blockRead: number; blockWrite: number} {
	let blockRead = 0;
	let blockWrite = 0;
	for (const entry of entries ?? []) {
		const op = (entry.op ?? '').toLowerCase();
		if (op === 'read') blockRead += entry.value ?? 0;
		else if (op === 'write') blockWrite += entry.value ?? 0;
	}

	return {blockRead, blockWrite};
}

function asError(error: unknown): Error {
	return error instanceof Error ? error : new Error(String(error));
}

/**
 * Podman answers top with one title line and one string per process: split them into columns as Docker
 * sends them, the last column (the command) keeping its spaces.
 */
export function splitProcessTable(table: {titles: string[]; processes: string[][]}): {titles: string[]; processes: string[][]} {
	if (table.titles.length !== 1 || !/\s/.test(table.titles[0]!.trim())) return table;
	const titles = table.titles[0]!.trim().split(/\s+/);
	const processes = table.processes.map(row => {
		const words = (row.join(' ')).trim().split(/\s+/);
		return [...words.slice(0, titles.length - 1), words.slice(titles.length - 1).join(' ')];
	});
	return {titles, processes};
}
