/**
 * A recording proxy between berth (or the docker CLI) and a Docker engine, for tests that must prove what
 * berth sends, e.g. that `--read-only` sends no mutating request:
 *
 *   const proxy = await startEngineProxy(testDockerHost);   // a unix:// host or a plain socket path
 *   after(() => proxy.close());
 *   // ... point berth at proxy.dockerHost, drive it ...
 *   assert.deepEqual(proxy.mutating(), []);
 *
 * It listens on a new unix socket in a fresh temp dir and forwards every connection byte for byte to the
 * target socket, both ways (half-closes included), so plain requests, streamed responses (events, stats,
 * logs), keep-alive connections and hijacked exec/attach streams all work through it. Only the
 * client->engine direction is parsed: HTTP/1.1 request heads are logged, bodies are skipped by
 * Content-Length or chunked transfer coding so that the next request on a keep-alive connection is found.
 *
 * Hijacking: a request that asks for it (an `Upgrade` header or `Connection: upgrade`, CONNECT, or a POST
 * to /containers/ID/attach or /exec/ID/start) makes the proxy look at the head of the engine's answer: a
 * `101` (or, for attach/exec, a `200` with Docker's raw/multiplexed stream content type, the hijack of
 * clients that send no Upgrade header) turns the connection into a raw stream that is no longer parsed;
 * any other answer resumes request parsing. The client bytes that arrive in between are held and parsed
 * afterwards. This assumes no HTTP pipelining (neither Go's nor Node's clients pipeline): the first answer
 * after a hijacking request is the answer to it.
 *
 * Fail closed: bytes that cannot be parsed as requests are logged once as a request with method
 * `UNPARSEABLE` (and `error`), which counts as mutating; that connection is then only forwarded.
 */
import {mkdtemp, rm} from 'node:fs/promises';
import {createConnection, createServer, type Server, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Transform} from 'node:stream';

export interface LoggedRequest {
	/** As sent, e.g. GET; `UNPARSEABLE` for bytes that are not a request (see `error`). */
	method: string;
	/** The request target as sent, e.g. /v1.41/containers/json?all=1. */
	path: string;
	/** `path` without a leading /vN.NN and without the query string, e.g. /containers/json. */
	route: string;
	/** Date.now() when the request head had arrived (before it was forwarded). */
	at: number;
	/** Number of the client connection (1, 2, ...): requests of one keep-alive connection share it. */
	connection: number;
	/** Why the bytes could not be parsed (method UNPARSEABLE only). */
	error?: string;
}

export interface EngineProxy {
	/** Path of the proxy's unix socket. */
	socketPath: string;
	/** unix://socketPath, for DOCKER_HOST or `docker -H`. */
	dockerHost: string;
	/** Every request seen since start (or the last clear()), in arrival order. */
	requests(): ReadonlyArray<LoggedRequest>;
	/** The requests whose method is not GET or HEAD (UNPARSEABLE entries included). */
	mutating(): ReadonlyArray<LoggedRequest>;
	/** Forgets the logged requests (connections stay open). */
	clear(): void;
	/** Number of client connections accepted so far. */
	connections(): number;
	/** Destroys every open connection, stops listening, removes the temp dir. Idempotent. */
	close(): Promise<void>;
}

export interface EngineProxyOptions {
	/**
	 * How long to hold a request before the engine gets it (0 or undefined: forward at once), e.g. to let the
	 * engine see /events late. What the client sends after it on that connection waits behind it.
	 */
	holdMs?: (request: LoggedRequest) => number | undefined;
}

/** `/v1.41/containers/abc/json?size=1` -> `/containers/abc/json` (absolute-form targets lose scheme and host). */
export function routeOf(target: string): string {
	let path = target;
	const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(path);
	if (absolute) {
		path = path.slice(absolute[0].length) || '/';
	}
	const query = path.search(/[?#]/);
	if (query >= 0) {
		path = path.slice(0, query);
	}
	path = path.replace(/^\/v\d+(?:\.\d+)?(?=\/|$)/, '');
	return path || '/';
}

export function isMutating(request: Pick<LoggedRequest, 'method'>): boolean {
	return request.method !== 'GET' && request.method !== 'HEAD';
}

const maxHeadBytes = 256 * 1024;
const maxLineBytes = 16 * 1024;
const maxHeldBytes = 16 * 1024 * 1024;
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const dockerStreamTypes = ['application/vnd.docker.raw-stream', 'application/vnd.docker.multiplexed-stream'];

export interface RequestHead {
	method: string;
	target: string;
	/** Header names in lower case, values trimmed, in order. */
	headers: Array<[string, string]>;
}

type State =
	| 'head' // expecting a request head
	| 'fixed' // skipping `remaining` body bytes
	| 'chunk-size' // expecting a chunk-size line
	| 'chunk-data' // skipping `remaining` chunk bytes
	| 'chunk-end' // expecting the CRLF after chunk data
	| 'trailers' // expecting trailer lines up to an empty line
	| 'await-response' // a hijacking request is complete: hold client bytes until the answer's head
	| 'raw' // hijacked: no more parsing
	| 'failed'; // unparseable: no more parsing

/**
 * Parses one connection's client->engine bytes (push) and, while a hijacking request waits for its answer,
 * the head of the engine's answer (pushResponse). Calls onRequest for every request head and onError once
 * if the bytes are not HTTP/1.x requests.
 */
export class RequestStreamParser {
	private state: State = 'head';
	private carry: Buffer = Buffer.alloc(0);
	private remaining = 0;
	private trailerBytes = 0;
	/** Set while a hijacking request waits for the engine's answer. */
	private hijack: {route: string; method: string; decided: 'pending' | 'upgraded' | 'not'} | undefined;
	private responseCarry: Buffer = Buffer.alloc(0);
	private held: Buffer[] = [];
	private heldBytes = 0;

	constructor(
		private readonly onRequest: (head: RequestHead) => void,
		private readonly onError: (reason: string) => void,
	) {}

	/** 'raw' once hijacked, 'failed' once unparseable, else 'http'. */
	get mode(): 'http' | 'raw' | 'failed' {
		return this.state === 'raw' ? 'raw' : this.state === 'failed' ? 'failed' : 'http';
	}

	/** Bytes from the client. */
	push(chunk: Buffer): void {
		if (this.state === 'raw' || this.state === 'failed') {
			return;
		}
		if (this.state === 'await-response') {
			this.hold(chunk);
			return;
		}
		let data = chunk;
		if (this.carry.length > 0) {
			data = Buffer.concat([this.carry, chunk]);
			this.carry = Buffer.alloc(0);
		}
		this.parse(data);
	}

	/** Bytes from the engine: only looked at while a hijacking request waits for its answer. */
	pushResponse(chunk: Buffer): void {
		if (!this.hijack || this.hijack.decided !== 'pending' || this.state === 'raw' || this.state === 'failed') {
			return;
		}
		let data = this.responseCarry.length > 0 ? Buffer.concat([this.responseCarry, chunk]) : chunk;
		this.responseCarry = Buffer.alloc(0);
		for (;;) {
			const end = headEnd(data, 0);
			if (end < 0) {
				if (data.length > maxHeadBytes) {
					// Not an HTTP answer we understand: stay fail-closed on the client side.
					this.fail('the answer to a hijacking request has no readable head');
				} else {
					this.responseCarry = Buffer.from(data);
				}
				return;
			}
			const lines = data.subarray(0, end).toString('latin1').split(/\r?\n/);
			const status = /^HTTP\/\d\.\d (\d{3})(?: |$)/.exec(lines[0] ?? '');
			if (!status) {
				this.fail(`the answer to a hijacking request starts with ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`);
				return;
			}
			const code = Number(status[1]);
			if (code >= 100 && code < 200 && code !== 101) {
				// 100 Continue and other interim answers: the final answer follows.
				data = data.subarray(end);
				if (data.length === 0) {
					return;
				}
				continue;
			}
			const contentType = lines
				.slice(1)
				.map((line) => /^content-type:\s*([^;\s]*)/i.exec(line)?.[1]?.toLowerCase())
				.find((value) => value !== undefined);
			const dockerHijack = /^\/(?:containers\/[^/]+\/attach|exec\/[^/]+\/start)$/.test(this.hijack.route);
			const upgraded =
				code === 101 ||
				(this.hijack.method === 'CONNECT' && code >= 200 && code < 300) ||
				(dockerHijack && code === 200 && contentType !== undefined && dockerStreamTypes.includes(contentType));
			this.decide(upgraded);
			return;
		}
	}

	private decide(upgraded: boolean): void {
		const hijack = this.hijack!;
		if (upgraded) {
			this.state = 'raw';
			this.hijack = undefined;
			this.held = [];
			this.carry = Buffer.alloc(0);
			this.responseCarry = Buffer.alloc(0);
			return;
		}
		hijack.decided = 'not';
		if (this.state === 'await-response') {
			this.hijack = undefined;
			this.state = 'head';
			const held = this.held;
			this.held = [];
			this.heldBytes = 0;
			for (const chunk of held) {
				this.push(chunk);
			}
		}
		// Else the request body is still arriving: afterMessage() clears the hijack.
	}

	private hold(chunk: Buffer): void {
		this.heldBytes += chunk.length;
		if (this.heldBytes > maxHeldBytes) {
			this.fail('more than 16 MiB from the client while a hijacking request waits for its answer');
			return;
		}
		this.held.push(chunk);
	}

	private fail(reason: string): void {
		if (this.state === 'failed' || this.state === 'raw') {
			return;
		}
		this.state = 'failed';
		this.carry = Buffer.alloc(0);
		this.held = [];
		this.responseCarry = Buffer.alloc(0);
		this.hijack = undefined;
		this.onError(reason);
	}

	private keep(data: Buffer, pos: number, limit: number, what: string): void {
		if (data.length - pos > limit) {
			this.fail(`${what} longer than ${limit} bytes`);
			return;
		}
		// A copy, so that a small remainder does not pin a large chunk.
		this.carry = Buffer.from(data.subarray(pos));
	}

	private parse(data: Buffer): void {
		let pos = 0;
		while (pos < data.length) {
			switch (this.state) {
				case 'head': {
					// Tolerate empty lines before a request (RFC 9112 2.2).
					while (pos < data.length && (data[pos] === 0x0d || data[pos] === 0x0a)) {
						pos++;
					}
					if (pos >= data.length) {
						return;
					}
					const end = headEnd(data, pos);
					if (end < 0) {
						this.keep(data, pos, maxHeadBytes, 'a request head');
						return;
					}
					const text = data.subarray(pos, end).toString('latin1');
					pos = end;
					this.onHead(text);
					break;
				}
				case 'fixed':
				case 'chunk-data': {
					const n = Math.min(this.remaining, data.length - pos);
					pos += n;
					this.remaining -= n;
					if (this.remaining === 0) {
						if (this.state === 'fixed') {
							this.afterMessage();
						} else {
							this.state = 'chunk-end';
						}
					}
					break;
				}
				case 'chunk-size':
				case 'chunk-end':
				case 'trailers': {
					const lf = data.indexOf(0x0a, pos);
					if (lf < 0) {
						this.keep(data, pos, maxLineBytes, 'a chunk line');
						return;
					}
					let line = data.subarray(pos, lf).toString('latin1');
					pos = lf + 1;
					if (line.endsWith('\r')) {
						line = line.slice(0, -1);
					}
					this.onLine(line);
					break;
				}
				case 'await-response':
					this.hold(Buffer.from(data.subarray(pos)));
					return;
				case 'raw':
				case 'failed':
					return;
			}
		}
	}

	private onLine(line: string): void {
		if (this.state === 'chunk-size') {
			const size = line.split(';', 1)[0]!.trim();
			if (!/^[0-9a-fA-F]{1,12}$/.test(size)) {
				this.fail(`bad chunk size line ${JSON.stringify(line.slice(0, 80))}`);
				return;
			}
			this.remaining = Number.parseInt(size, 16);
			if (this.remaining === 0) {
				this.state = 'trailers';
				this.trailerBytes = 0;
			} else {
				this.state = 'chunk-data';
			}
		} else if (this.state === 'chunk-end') {
			if (line !== '') {
				this.fail('chunk data not followed by CRLF');
				return;
			}
			this.state = 'chunk-size';
		} else {
			this.trailerBytes += line.length + 2;
			if (line === '') {
				this.afterMessage();
			} else if (this.trailerBytes > maxHeadBytes) {
				this.fail(`trailers longer than ${maxHeadBytes} bytes`);
			}
		}
	}

	private onHead(text: string): void {
		const lines = text.split(/\r?\n/);
		while (lines.length > 0 && lines[lines.length - 1] === '') {
			lines.pop();
		}
		const requestLine = /^(\S+) (\S+) HTTP\/(\d)\.(\d)$/.exec(lines[0] ?? '');
		if (!requestLine || !tokenRe.test(requestLine[1]!)) {
			this.fail(`not an HTTP/1.x request line: ${JSON.stringify((lines[0] ?? '').slice(0, 80))}`);
			return;
		}
		const [, method, target, major, minor] = requestLine as unknown as [string, string, string, string, string];
		if (major !== '1') {
			this.fail(`HTTP/${major}.${minor} is not HTTP/1.x`);
			return;
		}
		const headers: Array<[string, string]> = [];
		for (const line of lines.slice(1)) {
			if ((line.startsWith(' ') || line.startsWith('\t')) && headers.length > 0) {
				// Obsolete line folding: part of the previous value.
				headers[headers.length - 1]![1] += ` ${line.trim()}`;
				continue;
			}
			const colon = line.indexOf(':');
			const name = colon > 0 ? line.slice(0, colon) : '';
			if (!tokenRe.test(name)) {
				this.fail(`bad header line ${JSON.stringify(line.slice(0, 80))}`);
				return;
			}
			headers.push([name.toLowerCase(), line.slice(colon + 1).trim()]);
		}
		const values = (name: string): string[] => headers.filter(([key]) => key === name).map(([, value]) => value);
		const tokens = (name: string): string[] =>
			values(name)
				.flatMap((value) => value.split(','))
				.map((token) => token.trim().toLowerCase())
				.filter(Boolean);

		// Log first: a request whose framing is bad is still a request the engine may act on.
		this.onRequest({method, target, headers});

		const transferCodings = tokens('transfer-encoding');
		const lengths = tokens('content-length');
		if (transferCodings.length > 0) {
			if (transferCodings[transferCodings.length - 1] !== 'chunked') {
				this.fail(`request with Transfer-Encoding ${transferCodings.join(', ')} (not chunked last): no length`);
				return;
			}
			this.state = 'chunk-size';
		} else if (lengths.length > 0) {
			if (!lengths.every((value) => /^\d{1,15}$/.test(value)) || new Set(lengths.map(Number)).size !== 1) {
				this.fail(`bad Content-Length ${JSON.stringify(values('content-length').join(', '))}`);
				return;
			}
			this.remaining = Number(lengths[0]);
			this.state = this.remaining > 0 ? 'fixed' : 'head';
		} else {
			this.state = 'head';
		}

		const route = routeOf(target);
		const hijacking =
			values('upgrade').length > 0 ||
			tokens('connection').includes('upgrade') ||
			method === 'CONNECT' ||
			(method === 'POST' && /^\/(?:containers\/[^/]+\/attach|exec\/[^/]+\/start)$/.test(route));
		this.hijack = hijacking ? {route, method, decided: 'pending'} : undefined;
		if (this.state === 'head') {
			this.afterMessage();
		}
	}

	/** A request, body included, is complete. */
	private afterMessage(): void {
		if (this.hijack?.decided === 'pending') {
			this.state = 'await-response';
			return;
		}
		this.hijack = undefined;
		this.state = 'head';
	}
}

/** Index just after the blank line that ends a head starting at `from`, or -1 if it is not complete. */
function headEnd(data: Buffer, from: number): number {
	let lf = data.indexOf(0x0a, from);
	while (lf >= 0) {
		if (data[lf + 1] === 0x0a) {
			return lf + 2;
		}
		if (data[lf + 1] === 0x0d && data[lf + 2] === 0x0a) {
			return lf + 3;
		}
		lf = data.indexOf(0x0a, lf + 1);
	}
	return -1;
}

function listen(server: Server, path: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(path, () => {
			server.off('error', reject);
			resolve();
		});
	});
}

/**
 * Starts a recording proxy in front of the engine at `target`: a socket path or a unix:// host (e.g.
 * testDockerHost). The target is connected once per client connection, so it need not answer yet.
 */
export async function startEngineProxy(target: string, options: EngineProxyOptions = {}): Promise<EngineProxy> {
	if (/^[a-z]+:\/\//i.test(target) && !target.startsWith('unix://')) {
		throw new Error(`startEngineProxy(${target}): only unix sockets are supported`);
	}
	const targetSocketPath = target.startsWith('unix://') ? target.slice('unix://'.length) : target;
	const dir = await mkdtemp(join(tmpdir(), 'berth-proxy-'));
	const socketPath = join(dir, 'engine.sock');
	const log: LoggedRequest[] = [];
	const open = new Set<Socket>();
	let accepted = 0;

	const server = createServer({allowHalfOpen: true}, (client) => {
		const connection = ++accepted;
		const upstream = createConnection({path: targetSocketPath, allowHalfOpen: true});
		open.add(client);
		open.add(upstream);
		// Requests parsed and not yet through the hold (holdMs only).
		const arriving: LoggedRequest[] = [];
		const parser = new RequestStreamParser(
			(head) => {
				const request = {method: head.method, path: head.target, route: routeOf(head.target), at: Date.now(), connection};
				log.push(request);
				if (options.holdMs) arriving.push(request);
			},
			(error) => log.push({method: 'UNPARSEABLE', path: '', route: '', at: Date.now(), connection, error}),
		);
		const guarded = (fn: () => void): void => {
			try {
				fn();
			} catch (error) {
				log.push({method: 'UNPARSEABLE', path: '', route: '', at: Date.now(), connection, error: `parser crashed: ${String(error)}`});
			}
		};
		// Parse before forwarding, so a request is logged before the engine can answer it.
		client.on('data', (chunk: Buffer) => guarded(() => parser.push(chunk)));
		upstream.on('data', (chunk: Buffer) => guarded(() => parser.pushResponse(chunk)));
		if (options.holdMs) {
			// The parser ran on this chunk before it reaches the transform ('data' listeners run in order).
			const holdMs = options.holdMs;
			const hold = new Transform({
				transform(chunk: Buffer, _encoding, done) {
					const ms = Math.max(0, ...arriving.splice(0).map(request => holdMs(request) ?? 0));
					if (ms > 0) setTimeout(() => done(null, chunk), ms);
					else done(null, chunk);
				},
			});
			client.pipe(hold).pipe(upstream);
		} else {
			client.pipe(upstream);
		}

		upstream.pipe(client);
		client.on('error', () => upstream.destroy());
		upstream.on('error', () => client.destroy());
		client.on('close', () => {
			open.delete(client);
			upstream.destroy();
		});
		upstream.on('close', () => {
			open.delete(upstream);
			// Let what the engine sent drain to the client before it is closed.
			if (!client.destroyed && !client.writableEnded) {
				client.end();
			}
		});
	});
	server.on('error', () => {});

	try {
		await listen(server, socketPath);
	} catch (error) {
		await rm(dir, {recursive: true, force: true});
		throw error;
	}

	let closing: Promise<void> | undefined;
	return {
		socketPath,
		dockerHost: `unix://${socketPath}`,
		requests: () => [...log],
		mutating: () => log.filter(isMutating),
		clear: () => {
			log.length = 0;
		},
		connections: () => accepted,
		close: () => {
			closing ??= (async () => {
				const closed = new Promise<void>((resolve) => server.close(() => resolve()));
				for (const socket of open) {
					socket.destroy();
				}
				open.clear();
				await closed;
				await rm(dir, {recursive: true, force: true});
			})();
			return closing;
		},
	};
}
