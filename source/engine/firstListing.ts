// The first listing, asked for before the UI is loaded: plain HTTP/1.0 over a local socket or plain TCP,
// written on a socket of Node's net module, so the engine answers while the UI chunk is evaluated. Node's http
// module (its parser, agents and streams) would be loaded and compiled before the first frame for two requests.
import net from 'node:net';
import type {EngineAddress} from './types.js';

/** The engine's raw answers to GET /version and GET /containers/json?all=1, as dockerode would return them. */
export type FirstListing = {version: unknown; containers: unknown[]};

const timeoutMs = 10_000;

/** The body of an HTTP/1.0 answer (no chunks: the engine ends it by closing), when its status is 200. */
export function readAnswer(answer: Buffer, path: string): Buffer {
	const headerEnd = answer.indexOf('\r\n\r\n');
	const head = answer.subarray(0, Math.max(0, headerEnd)).toString('latin1');
	const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
	if (headerEnd === -1 || status === undefined) throw new Error(`the engine's answer to ${path} is not HTTP`);
	if (status !== '200') throw new Error(`the engine answered ${path} with ${status}`);
	if (/^transfer-encoding:/im.test(head)) throw new Error(`the engine answered ${path} in chunks`);
	const body = answer.subarray(headerEnd + 4);
	const length = /^content-length:\s*(\d+)/im.exec(head)?.[1];
	if (length !== undefined && body.length !== Number(length)) throw new Error(`the engine's answer to ${path} was cut short`);
	return body;
}

function getJson(address: EngineAddress & {kind: 'unix' | 'tcp'}, path: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const socket = address.kind === 'unix' ? net.connect(address.socketPath) : net.connect({host: address.host, port: address.port});
		const chunks: Buffer[] = [];
		socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timed out')));
		socket.on('data', (chunk: Buffer) => chunks.push(chunk));
		socket.on('error', reject);
		socket.on('end', () => {
			try {
				resolve(JSON.parse(readAnswer(Buffer.concat(chunks), path).toString('utf8')));
			} catch (error) {
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		});
		const host = address.kind === 'unix' ? 'localhost' : address.host.includes(':') ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
		// Written, not ended: an engine may take a client that closes its side for one that went away.
		socket.write(`GET ${path} HTTP/1.0\r\nHost: ${host}\r\nAccept: application/json\r\n\r\n`);
	});
}

/**
 * Starts the first listing of an engine reached over a unix socket or plain TCP; undefined for the others
 * (TLS, ssh, named pipes), which dockerode asks as before. The promise never rejects: a failure resolves to
 * undefined, and berth then asks through dockerode, whose errors it knows how to word.
 */
export function startFirstListing(address: EngineAddress): Promise<FirstListing | undefined> | undefined {
	if (address.kind !== 'unix' && !(address.kind === 'tcp' && address.tls === false)) return undefined;
	return Promise.all([getJson(address, '/version'), getJson(address, '/containers/json?all=1')]).then(
		([version, containers]) => (Array.isArray(containers) ? {version, containers} : undefined),
		() => undefined,
	);
}
