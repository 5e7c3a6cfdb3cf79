// The first listing, asked for before the UI is loaded: plain HTTP over a local socket or plain TCP, with
// Node's own http module, so the engine answers while the UI chunk is evaluated.
import http from 'node:http';
import net from 'node:net';
import type {EngineAddress} from './types.js';

/** The engine's raw answers to GET /version and GET /containers/json?all=1, as dockerode would return them. */
export type FirstListing = {version: unknown; containers: unknown[]};

const timeoutMs = 10_000;

function getJson(address: EngineAddress & {kind: 'unix' | 'tcp'}, path: string): Promise<unknown> {
	return new Promise((resolve, reject) => {
		const request = http.get(
			{
				host: address.kind === 'unix' ? 'localhost' : address.host,
				path,
				headers: {accept: 'application/json', connection: 'close'},
				timeout: timeoutMs,
				// A connection of its own, closed after the answer, and no agent: an agent works out a TLS server
				// name for every request, whose IPv6 check compiles a large regular expression (about 10 ms).
				createConnection: () =>
					address.kind === 'unix' ? net.connect(address.socketPath) : net.connect({host: address.host, port: address.port}),
			},
			response => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', reject);
				response.on('end', () => {
					if (response.statusCode !== 200) {
						reject(new Error(`the engine answered ${path} with ${response.statusCode}`));
						return;
					}

					try {
						resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
					} catch (error) {
						reject(error instanceof Error ? error : new Error(String(error)));
					}
				});
			},
		);
		request.on('timeout', () => request.destroy(new Error('timed out')));
		request.on('error', reject);
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
