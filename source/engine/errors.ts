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
	if (typeof engineMessage === 'string' && engineMessage !== '') return shortenIds(engineMessage);
	if (value.code && connectionHints[value.code]) return connectionHints[value.code]!;
	const message = value.message ?? String(error);
	// docker-modem prefixes API errors with "(HTTP code N) reason - "; the rest is the engine's words.
	return message.replace(/^\(HTTP code \d+\)\s*[^-]*-\s*/, '').trim() || message;
}

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
