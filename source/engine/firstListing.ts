// The first listing, asked for before the UI is loaded: plain HTTP/1.0 over a local socket or plain TCP
// (plainHttp.ts), so the engine answers while the UI chunk is evaluated. Node's http module (its parser,
// agents and streams) would be loaded and compiled before the first frame for two requests.
import {PlainClient, plainAddress} from './plainHttp.js';
import type {EngineAddress} from './types.js';

/** The engine's raw answers to GET /version and GET /containers/json?all=1, as dockerode would return them. */
export type FirstListing = {version: unknown; containers: unknown[]};

const timeoutMs = 10_000;

/**
 * Starts the first listing of an engine reached over a unix socket or plain TCP; undefined for the others
 * (TLS, ssh, named pipes), which dockerode asks as before. The promise never rejects: a failure resolves to
 * undefined, and berth then asks through dockerode, whose errors it knows how to word.
 */
export function startFirstListing(address: EngineAddress): Promise<FirstListing | undefined> | undefined {
	const plain = plainAddress(address);
	if (!plain) return undefined;
	// Two requests at once on two connections, neither kept: the engine's own client takes over after.
	const client = new PlainClient(plain, {idleMs: timeoutMs, keepAtMost: 0});
	return Promise.all([client.getJson('/version', timeoutMs), client.getJson('/containers/json?all=1', timeoutMs)]).then(
		([version, containers]) => (Array.isArray(containers) ? {version, containers} : undefined),
		() => undefined,
	);
}
