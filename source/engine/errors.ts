// Turns what the engine or the connection threw into one line a person can act on.
import {isPastDeadline} from './deadline.js';

type ErrorLike = {
	code?: string;
	statusCode?: number;
	message?: string;
	reason?: string;
	json?: {message?: string} | null;
};

/** The engine's own message for an API error (`No such container: x`), else the error's text. */
export function describeEngineError(error: unknown): string {
	const value = (error ?? {}) as ErrorLike;
	if (/host denied|verification failed/i.test(value.message ?? '')) {
		return 'the ssh host key was not accepted: it is not in known_hosts, or it changed. Connect once with ssh to check and add it';
	}

	// A request past its deadline (AbortSignal.timeout) is aborted: the engine did not answer.
	if (isPastDeadline(error)) return 'the engine did not answer in time';
	const engineMessage = value.json?.message;
	const words = typeof engineMessage === 'string' && engineMessage !== '' ? shortenIds(engineMessage) : undefined;
	if (words === undefined && value.code && connectionHints[value.code]) return connectionHints[value.code]!;
	const message = value.message ?? String(error);
	// docker-modem prefixes API errors with "(HTTP code N) reason - ", berth's own requests with "(HTTP code N) ";
	// the rest is the engine's words (which may hold dashes of their own: `No such container: web-1`).
	const said = words ?? (message.replace(/^\(HTTP code \d+\)\s*(?:[^-]*? - )?/, '').trim() || message);
	// A 404 that names nothing (Go's `404 page not found`): the engine has no such request, not no such object.
	if ((value.statusCode === 404 || /^\(HTTP code 404\)/.test(message)) && /^(?:404 )?(?:page )?not found\.?$/i.test(said)) return notOffered;
	return said;
}

/** An engine without the request asked (Podman has no `docker update`, an older engine lacks newer ones). */
export const notOffered = "the engine does not offer this request (404 Not Found): Podman and older engines lack some of Docker's requests";

/**
 * A full 64-digit ID in the engine's words cut to the 12 digits `docker ps` shows (`network web id 88e8e287fa56
 * has active endpoints`), so that what it says fits the status line; a digest (`sha256:…`) stays whole.
 */
export function shortenIds(text: string): string {
	return text.replaceAll(/(?<![\w:])([\da-f]{12})[\da-f]{52}(?![\w])/g, '$1');
}

const connectionHints: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ENOENT: 'no socket there',
	EACCES: 'permission denied',
	ETIMEDOUT: 'timed out',
	EHOSTUNREACH: 'host unreachable',
	ENOTFOUND: 'host not found',
	ECONNRESET: 'connection reset',
};

/** The single line shown when berth cannot reach an engine at start. */
export function describeConnectionFailure(addressText: string, error: unknown): string {
	const value = (error ?? {}) as ErrorLike;
	const code = value.code ?? '';
	const base = `berth: cannot reach the Docker engine at ${addressText}`;
	switch (code) {
		case 'ENOENT':
		case 'ECONNREFUSED': {
			return `${base}: is the engine running? Start dockerd, or point berth at a running engine with --host or DOCKER_HOST.`;
		}

		case 'EACCES':
		case 'EPERM': {
			return `${base}: permission denied on the socket. Add your user to the docker group (sudo usermod -aG docker $USER, then log in again) or run berth with sudo.`;
		}

		case 'ETIMEDOUT':
		case 'EHOSTUNREACH':
		case 'ENOTFOUND':
		case 'ECONNRESET': {
			return `${base}: ${connectionHints[code]}. Check the address given with --host or DOCKER_HOST.`;
		}

		default: {
			return `${base}: ${describeEngineError(error)}. Check that the engine is running, or set --host / DOCKER_HOST.`;
		}
	}
}
