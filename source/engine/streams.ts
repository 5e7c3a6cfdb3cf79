// The streams facet over dockerode: events, stats, logs and terminals, each counted in `open` until it ends or is closed.
import type {Duplex, Readable} from 'node:stream';
import {createInterface} from 'node:readline';
import type Docker from 'dockerode';
import {deadline, isPastDeadline, readDeadlineMs} from './deadline.js';
import {asError, toEngineEvent, toLogSince, toStatsSample} from './decoders.js';
import {LogLineSplitter, StreamDemuxer} from './logLines.js';
import type {PlainClient} from './plainHttp.js';
import {followJsonLines, jsonOfLine} from './plainStreams.js';
import {ReadRounds} from './readRounds.js';
import {commandRuns, terminalSession} from './terminal.js';
import type {KernelStats} from './kernelStats.js';
import type {EngineStreams, LogRecord, StatsSample, Subscription} from './types.js';

/** Whether the engine is Podman: as known now (no question asked), and asked (/version) when not known. */
export type PodmanQuestion = {known: () => boolean; ask: () => Promise<boolean>};

const notPodman: PodmanQuestion = {known: () => false, ask: async () => false};

/**
 * A subscription begun once `opening` settles: a close() that comes first wins (what opened is let go with
 * `discard`), and a failure to open ends it.
 */
function subscribeLater<T>(opening: Promise<T>, begin: (value: T) => Subscription, onEnd: (error?: Error) => void, discard?: (value: T) => void): Subscription {
	let closed = false;
	let inner: Subscription | undefined;
	opening.then(
		value => {
			if (closed) discard?.(value);
			else inner = begin(value);
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
}

/** Samples a second, asked one at a time: Podman's stats stream sends one every 5 seconds. */
function pollStats(sample: () => Promise<StatsSample>, onSample: (sample: StatsSample) => void, onEnd: (error?: Error) => void): Subscription {
	let closed = false;
	let timer: NodeJS.Timeout | undefined;
	const next = () => {
		const asked = Date.now();
		sample().then(
			value => {
				if (closed) return;
				onSample(value);
				timer = setTimeout(next, Math.max(0, 1000 - (Date.now() - asked)));
			},
			(error: unknown) => {
				if (closed) return;
				// A sample past its deadline: the next is asked all the same (the engine may be slow, not gone).
				if (isPastDeadline(error)) {
					timer = setTimeout(next, 1000);
					return;
				}

				closed = true;
				onEnd(asError(error));
			},
		);
	};

	next();
	return {
		close() {
			closed = true;
			clearTimeout(timer);
		},
	};
}

/**
 * The streams of an engine; `plain`, for an engine on a local socket or plain TCP, is how its stats are
 * asked for without dockerode (plainHttp.ts): every row on screen costs a sample a second or a round.
 * `podman` tells whether the engine said it is Podman.
 */
export function createStreams(docker: Docker, open: Set<Readable>, plain?: PlainClient, podman: PodmanQuestion = notPodman, kernel?: KernelStats): EngineStreams {
	// A sample is an answer: the liveness watchdog need not probe an engine that sends them.
	let statsHeardAt = 0;
	const sampled = (value: unknown) => {
		statsHeardAt = Date.now();
		return toStatsSample(value, podman.known());
	};
	// The engine reads its containers' stats in passes: the samples of a pass are read together (ReadRounds).
	const statsRounds = new ReadRounds();

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

		const lines = createInterface({input: stream, crlfDelay: Number.POSITIVE_INFINITY});
		lines.on('line', line => {
			if (ended) return;
			const value = jsonOfLine(line);
			if (value !== undefined) onLine(value);
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
		onOpen?: () => void,
	): Subscription =>
		subscribeLater(
			opening,
			stream => {
				const inner = follow(stream, onLine, onEnd);
				onOpen?.();
				return inner;
			},
			onEnd,
			stream => stream.destroy(),
		);

	const sampleStats: EngineStreams['sampleStats'] = async (id, options = {}) => {
		// A local engine's container is read from the kernel, at no cost to the engine (kernelStats.ts).
		const read = kernel && !(await podman.ask()) ? await kernel.sample(id, options) : undefined;
		if (read) return read;
		return sampleFromEngine(id, options);
	};

	const sampleFromEngine: EngineStreams['sampleStats'] = async (id, options = {}) => {
		// `one-shot` needs API 1.41 (Docker 20.10); an older engine ignores it and waits for two readings.
		// The query is worded as dockerode words it (true / false), so a recording of either reads the same.
		if (plain) {
			return sampled(await plain.getJson(`/containers/${encodeURIComponent(id)}/stats?stream=false${options.oneShot ? '&one-shot=true' : ''}`, readDeadlineMs, true, statsRounds));
		}

		const value: unknown = await docker.getContainer(id).stats({
			stream: false,
			...deadline(readDeadlineMs),
			...(options.oneShot ? {'one-shot': true} : {}),
		});
		return sampled(value);
	};

	return {
		events(onEvent, onEnd, onOpen) {
			const opening = docker.getEvents({
				filters: {type: ['container', 'image', 'volume', 'network', 'service', 'node']},
			}) as unknown as Promise<Readable>;
			return followLater(opening, value => onEvent(toEngineEvent(value)), onEnd, onOpen);
		},

		stats(id, onSample, onEnd, wanted = {}) {
			const stream = () => {
				if (plain) {
					return followJsonLines(plain.address, `/containers/${encodeURIComponent(id)}/stats?stream=true`, value => onSample(sampled(value)), onEnd, open as Set<unknown>, statsRounds);
				}

				const opening = docker.getContainer(id).stats({stream: true}) as unknown as Promise<Readable>;
				return followLater(opening, value => onSample(sampled(value)), onEnd);
			};

			// A local engine's container is read from the kernel while it can be, then asked of the engine.
			const fromKernel = (): Subscription => {
				let inner: Subscription | undefined;
				const read = kernel!.follow(
					id,
					onSample,
					() => {
						inner = stream();
					},
					wanted.io ?? true,
				);
				return {
					close() {
						read.close();
						inner?.close();
					},
				};
			};

			return subscribeLater(podman.ask(), isPodman => (isPodman ? pollStats(async () => sampleFromEngine(id, {oneShot: true}), onSample, onEnd) : kernel ? fromKernel() : stream()), onEnd);
		},

		sampleStats,

		statsHeardAt: () => statsHeardAt,

		statsRoundUnderWay: () => statsRounds.holdingNow(),

		async shell(id, size) {
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

		async attach(id, size) {
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

		logs(id, options, onRecord, onEnd) {
			const container = docker.getContainer(id);
			let closed = false;
			let stream: Readable | undefined;
			// As `docker logs -f --timestamps --tail N`, for a container or a service alike; with `after`, as
			// `docker logs -f --since T` a nanosecond after T: every line after then.
			const logOptions = {
				follow: true as const,
				stdout: true,
				stderr: true,
				timestamps: true,
				...(options.after === undefined ? {tail: Math.max(0, options.tail)} : {since: toLogSince(options.after, true)}),
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
					const splitters = {stdout: new LogLineSplitter(tty ? 'tty' : 'stdout', onRecord), stderr: new LogLineSplitter('stderr', onRecord)};
					// Without a terminal the engine multiplexes stdout and stderr; with one it sends one raw stream.
					const demuxer = tty ? undefined : new StreamDemuxer((kind, payload) => splitters[kind].push(payload));
					raw.on('data', (chunk: Buffer) => {
						if (demuxer) demuxer.push(chunk);
						else splitters.stdout.push(chunk);
					});
					let ended = false;
					const finish = (error?: Error) => {
						if (ended || closed) return;
						ended = true;
						open.delete(raw);
						splitters.stdout.end();
						splitters.stderr.end();
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
	};
}
