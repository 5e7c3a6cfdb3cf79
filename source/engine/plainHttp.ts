// GET over HTTP/1.0 on a local socket or plain TCP, written on Node's net module: what berth asks of an
// engine most often (the first listing, every stats sample) without Node's http client. A request through
// http and dockerode costs about 0.6 ms of JavaScript (agent, parser callbacks, stream plumbing, a timer per
// socket), a sample on an open stream about 0.2 ms; here the engine's answer is read into one shared buffer
// and cut into lines. HTTP/1.0 means no chunks: the engine ends an answer by closing the connection.
import net from 'node:net';
import type {ReadRounds} from './readRounds.js';
import type {EngineAddress} from './types.js';

/** An engine reached without TLS or ssh: a unix socket, or plain TCP. */
export type PlainAddress = (EngineAddress & {kind: 'unix'}) | (EngineAddress & {kind: 'tcp'; tls: false});

export function plainAddress(address: EngineAddress): PlainAddress | undefined {
	if (address.kind === 'unix') return address;
	if (address.kind === 'tcp' && address.tls === false) return {...address, tls: false};
	return undefined;
}

/** An answer other than 200, worded from the engine's own message as dockerode words it. */
export class EngineAnswerError extends Error {
	constructor(
		readonly statusCode: number,
		message: string,
	) {
		super(message);
	}
}

/** The body of an HTTP/1.0 answer (no chunks: the engine ends it by closing), when its status is 200. */
export function readAnswer(answer: Buffer, path: string): Buffer {
	const headerEnd = answer.indexOf('\r\n\r\n');
	const head = answer.subarray(0, Math.max(0, headerEnd)).toString('latin1');
	const status = statusOf(head);
	if (headerEnd === -1 || status === undefined) throw new Error(`the engine's answer to ${path} is not HTTP`);
	const body = answer.subarray(headerEnd + 4);
	if (status !== 200) throw answerError(status, body, path);
	if (/^transfer-encoding:/im.test(head)) throw new Error(`the engine answered ${path} in chunks`);
	const length = /^content-length:\s*(\d+)/im.exec(head)?.[1];
	if (length !== undefined && body.length !== Number(length)) throw new Error(`the engine's answer to ${path} was cut short`);
	return body;
}

export function statusOf(head: string): number | undefined {
	const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
	return status === undefined ? undefined : Number(status);
}

export function answerError(status: number, body: Buffer, path: string): EngineAnswerError {
	const text = body.toString('utf8').trim();
	let message = text.startsWith('{') ? '' : text;
	try {
		const parsed = JSON.parse(text) as {message?: unknown};
		if (typeof parsed.message === 'string') message = parsed.message;
	} catch {}

	return new EngineAnswerError(status, `(HTTP code ${status}) ${message || `the engine answered ${path} with ${status}`}`);
}

/** What a socket does with what it read; false stops its reading until it is resumed. */
type ReadBytes = (bytes: Buffer) => boolean | void;

function openSocket(address: PlainAddress, read?: ReadBytes): net.Socket {
	// Read into the shared buffer, which the callback hands on before the next read.
	const onread: net.OnReadOpts | undefined = read
		? {
				buffer: sharedBuffer,
				callback(length) {
					return read(sharedBuffer.subarray(0, length)) !== false;
				},
			}
		: undefined;
	return address.kind === 'unix'
		? net.connect(onread ? {path: address.socketPath, onread} : {path: address.socketPath})
		: net.connect(onread ? {host: address.host, port: address.port, onread} : {host: address.host, port: address.port});
}

function requestText(address: PlainAddress, path: string, keepAlive = false): string {
	const host = address.kind === 'unix' ? 'localhost' : address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
	return `GET ${path} HTTP/1.0\r\nHost: ${host}\r\nAccept: application/json\r\n${keepAlive ? 'Connection: keep-alive\r\n' : ''}\r\n`;
}

export function connect(address: PlainAddress, path: string, read?: ReadBytes): net.Socket {
	const socket = openSocket(address, read);
	// Written, not ended: an engine may take a client that closes its side for one that went away.
	socket.write(requestText(address, path));
	return socket;
}

/**
 * One buffer that every followed answer is read into: a read is handed on (copied out or cut into lines)
 * before the next one, so no socket holds a buffer of its own.
 */
const sharedBuffer = Buffer.allocUnsafe(64 * 1024);

/** The error a request gets when its deadline passes, named as AbortSignal.timeout names it. */
function timeoutError(path: string, ms: number): Error {
	const error = new Error(`the engine did not answer ${path} within ${Math.round(ms / 1000)} s`);
	error.name = 'TimeoutError';
	return error;
}

type KeptRequest = {
	path: string;
	deadlineMs: number;
	/** The answer as JSON, or as its text. */
	json: boolean;
	resolve: (value: unknown) => void;
	reject: (error: Error) => void;
	/** A retry on a new connection is allowed once, when a kept one turns out closed before answering. */
	retried: boolean;
	/** Answers of a round, read together (a stats sample of every row). */
	rounds?: ReadRounds;
};

/** One kept connection and the request it answers now, if any. */
type KeptConnection = {
	socket: net.Socket;
	request: KeptRequest | undefined;
	/** What has been read of the answer to `request`, copied out of the shared buffer, and its length. */
	read: Buffer[];
	readBytes: number;
	/** The answer's head once read: where it ends, the body's stated length, whether the connection is kept. */
	head: {end: number; length: number | undefined; keepAlive: boolean} | undefined;
	/** The answer has come: the rest of the connection's life is idle, or closing. */
	answered: boolean;
	/** Whether the connection answered a request before the current one. */
	reused: boolean;
	timer: NodeJS.Timeout | undefined;
	idleSince: number;
};

/**
 * Keep-alive connections to one engine, for what is asked again and again: a stats sample of every row on
 * screen each round. A new connection per request (connect, a socket and its stream state, close) costs about
 * as much again as the request; here a connection answers one request at a time and is kept for the next.
 * HTTP/1.0 with `Connection: keep-alive`: an answer with a stated length leaves the connection open, one
 * without (a long answer) ends by closing it, so no chunks are ever read.
 */
export class PlainClient {
	private readonly idle: KeptConnection[] = [];
	private sweeper: NodeJS.Timeout | undefined;
	private closed = false;

	constructor(
		readonly address: PlainAddress,
		private readonly options: {idleMs: number; keepAtMost: number} = {idleMs: 15_000, keepAtMost: 64},
	) {}

	/** Connections open and waiting for a request now. */
	idleCount(): number {
		return this.idle.length;
	}

	/**
	 * GET `path` and the JSON of its answer (its text, json false); rejects with EngineAnswerError, or a
	 * TimeoutError after `deadlineMs`. With `rounds`, its answer is read with the others of its round.
	 */
	async getJson(path: string, deadlineMs: number, json = true, rounds?: ReadRounds): Promise<unknown> {
		return new Promise((resolve, reject) => this.send({path, deadlineMs, json, resolve, reject, retried: false, rounds}));
	}

	/** GET `path` and its answer's text (`/_ping` answers `OK`); fails as getJson does. */
	async getText(path: string, deadlineMs: number): Promise<string> {
		return this.getJson(path, deadlineMs, false) as Promise<string>;
	}

	close(): void {
		this.closed = true;
		clearInterval(this.sweeper);
		this.sweeper = undefined;
		for (const kept of [...this.idle]) this.drop(kept);
	}

	private send(request: KeptRequest): void {
		const kept = this.idle.pop() ?? this.open();
		kept.socket.ref();
		// What was read for the last request was let go when it settled.
		kept.request = request;
		kept.answered = false;
		request.rounds?.add(kept.socket);
		kept.timer = setTimeout(() => {
			this.fail(kept, timeoutError(request.path, request.deadlineMs));
		}, request.deadlineMs);
		kept.socket.write(requestText(this.address, request.path, true));
	}

	private open(): KeptConnection {
		const kept: KeptConnection = {
			socket: undefined as unknown as net.Socket,
			request: undefined,
			read: [],
			readBytes: 0,
			head: undefined,
			answered: false,
			reused: false,
			timer: undefined,
			idleSince: 0,
		};
		kept.socket = openSocket(this.address, bytes => {
			if (kept.request && !kept.answered) {
				kept.read.push(Buffer.from(bytes));
				kept.readBytes += bytes.length;
				this.answerIfWhole(kept, false);
			}
		});
		kept.socket.on('error', error => {
			this.fail(kept, error);
		});
		kept.socket.on('end', () => {
			this.answerIfWhole(kept, true);
		});
		kept.socket.on('close', () => {
			this.answerIfWhole(kept, true);
		});
		return kept;
	}

	/** Hands the answer on once it is all in: its stated length read, or (without one) the connection ended. */
	private answerIfWhole(kept: KeptConnection, ended: boolean): void {
		const request = kept.request;
		if (!request || kept.answered) {
			if (ended) this.drop(kept);
			return;
		}

		if (!kept.head) {
			// The head is small and comes first: what has been read is joined only until it is whole.
			const start = kept.read.length === 1 ? kept.read[0]! : Buffer.concat(kept.read);
			kept.read = [start];
			const headerEnd = start.indexOf('\r\n\r\n');
			if (headerEnd === -1) {
				if (!ended) return;
				// A kept connection the engine closed before this request reached it: once more on a new one.
				if (start.length === 0 && kept.reused && !request.retried) {
					this.settle(kept);
					this.drop(kept);
					this.send({...request, retried: true});
					return;
				}

				this.fail(kept, new Error(`the engine's answer to ${request.path} is not HTTP`));
				return;
			}

			const head = start.subarray(0, headerEnd).toString('latin1');
			const length = /^content-length:\s*(\d+)/im.exec(head)?.[1];
			kept.head = {end: headerEnd, length: length === undefined ? undefined : Number(length), keepAlive: /^connection:\s*keep-alive/im.test(head)};
		}

		const {end, length, keepAlive} = kept.head;
		const bodyLength = kept.readBytes - end - 4;
		if (length === undefined ? !ended : bodyLength < length) {
			if (ended) this.fail(kept, new Error(`the engine's answer to ${request.path} was cut short`));
			return;
		}

		// A long answer is joined once, when it is all in.
		const answer = kept.read.length === 1 ? kept.read[0]! : Buffer.concat(kept.read, kept.readBytes);
		const keep = length !== undefined && bodyLength === length && !ended && keepAlive;
		// The first answer of a round holds the rest of it; this connection, answered, reads on.
		request.rounds?.answered(kept.socket);
		this.settle(kept);
		try {
			const text = readAnswer(answer, request.path).toString('utf8');
			request.resolve(request.json ? JSON.parse(text) : text);
		} catch (error) {
			request.reject(error instanceof Error ? error : new Error(String(error)));
		}

		if (keep && !this.closed && this.idle.length < this.options.keepAtMost) {
			kept.reused = true;
			kept.idleSince = Date.now();
			// An idle connection does not keep berth running.
			kept.socket.unref();
			this.idle.push(kept);
			this.sweepLater();
		} else {
			this.drop(kept);
		}
	}

	/** Connections nobody asked through for a while (the rows left the screen) are closed. */
	private sweepLater(): void {
		if (this.sweeper) return;
		const {idleMs} = this.options;
		this.sweeper = setInterval(() => {
			const now = Date.now();
			for (const kept of this.idle.filter(kept => now - kept.idleSince >= idleMs)) this.drop(kept);
			if (this.idle.length === 0) {
				clearInterval(this.sweeper);
				this.sweeper = undefined;
			}
		}, idleMs);
		this.sweeper.unref();
	}

	/** The request is done with this connection: its deadline cleared, nothing more read for it. */
	private settle(kept: KeptConnection): void {
		kept.request?.rounds?.delete(kept.socket);
		clearTimeout(kept.timer);
		kept.timer = undefined;
		kept.answered = true;
		kept.read = [];
		kept.readBytes = 0;
		kept.head = undefined;
	}

	private fail(kept: KeptConnection, error: Error): void {
		const request = kept.request;
		if (request && !kept.answered) {
			this.settle(kept);
			request.reject(error);
		}

		this.drop(kept);
	}

	private drop(kept: KeptConnection): void {
		const index = this.idle.indexOf(kept);
		if (index !== -1) this.idle.splice(index, 1);
		kept.request = undefined;
		if (!kept.socket.destroyed) kept.socket.destroy();
	}
}
