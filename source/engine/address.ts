// Reads an engine address the way the docker CLI does (DOCKER_HOST, --host, TLS variables). Pure.
import path from 'node:path';
import type {EngineAddress} from './types.js';

export const defaultSocketPath = '/var/run/docker.sock';

export type AddressEnvironment = {
	DOCKER_HOST?: string | undefined;
	DOCKER_TLS_VERIFY?: string | undefined;
	DOCKER_TLS?: string | undefined;
	DOCKER_CERT_PATH?: string | undefined;
	HOME?: string | undefined;
};

export type AddressResult = {ok: true; address: EngineAddress} | {ok: false; error: string};

/** `--host` wins over DOCKER_HOST, which wins over the local socket, as with the docker CLI. */
export function resolveEngineAddress(
	hostFlag: string | undefined,
	environment: AddressEnvironment,
): AddressResult {
	const text = hostFlag?.trim() || environment.DOCKER_HOST?.trim() || '';
	if (text === '') {
		return {ok: true, address: {kind: 'unix', socketPath: defaultSocketPath}};
	}

	return parseEngineAddress(text, environment);
}

export function parseEngineAddress(text: string, environment: AddressEnvironment): AddressResult {
	const withScheme = text.includes('://') ? text : `tcp://${text}`;
	const scheme = withScheme.slice(0, withScheme.indexOf('://')).toLowerCase();
	const rest = withScheme.slice(withScheme.indexOf('://') + 3);

	if (scheme === 'unix') {
		if (rest === '') {
			return {ok: false, error: `"${text}": a unix address needs a socket path (unix:///var/run/docker.sock)`};
		}

		return {ok: true, address: {kind: 'unix', socketPath: rest}};
	}

	if (scheme === 'npipe') {
		return {ok: true, address: {kind: 'npipe', socketPath: rest.replaceAll('/', '\\')}};
	}

	if (scheme === 'tcp' || scheme === 'http' || scheme === 'https') {
		const verify = nonEmpty(environment.DOCKER_TLS_VERIFY);
		const tlsWanted = verify || nonEmpty(environment.DOCKER_TLS) || scheme === 'https';
		const hostPort = splitHostPort(rest.replace(/\/.*$/, ''), tlsWanted ? 2376 : 2375);
		if (!hostPort) {
			return {ok: false, error: `"${text}": not a valid tcp address (tcp://HOST:PORT)`};
		}

		const certPath =
			environment.DOCKER_CERT_PATH?.trim() || path.join(environment.HOME ?? '', '.docker');
		return {
			ok: true,
			address: {
				kind: 'tcp',
				host: hostPort.host,
				port: hostPort.port,
				tls: tlsWanted ? {verify, certPath} : false,
			},
		};
	}

	if (scheme === 'ssh') {
		const at = rest.lastIndexOf('@');
		const username = at === -1 ? undefined : decodeURIComponent(rest.slice(0, at));
		const hostPort = splitHostPort(rest.slice(at + 1).replace(/\/.*$/, ''), 22);
		if (!hostPort) {
			return {ok: false, error: `"${text}": not a valid ssh address (ssh://USER@HOST[:PORT])`};
		}

		return {
			ok: true,
			address: {kind: 'ssh', host: hostPort.host, port: hostPort.port, ...(username ? {username} : {})},
		};
	}

	return {ok: false, error: `"${text}": unsupported protocol "${scheme}" (use unix://, tcp:// or ssh://)`};
}

/** The address as a person writes it, for headers and error lines. */
export function formatEngineAddress(address: EngineAddress): string {
	switch (address.kind) {
		case 'unix': {
			return `unix://${address.socketPath}`;
		}

		case 'npipe': {
			return `npipe://${address.socketPath.replaceAll('\\', '/')}`;
		}

		case 'tcp': {
			return `tcp://${joinHostPort(address.host, address.port)}${address.tls ? ' (TLS)' : ''}`;
		}

		case 'ssh': {
			return `ssh://${address.username ? `${address.username}@` : ''}${joinHostPort(address.host, address.port)}`;
		}
	}
}

function nonEmpty(value: string | undefined): boolean {
	return value !== undefined && value.trim() !== '';
}

function splitHostPort(text: string, defaultPort: number): {host: string; port: number} | undefined {
	let host = text;
	let portText = '';
	if (text.startsWith('[')) {
		const close = text.indexOf(']');
		if (close === -1) return undefined;
		host = text.slice(1, close);
		portText = text.slice(close + 1).replace(/^:/, '');
	} else if (text.includes(':')) {
		host = text.slice(0, text.lastIndexOf(':'));
		portText = text.slice(text.lastIndexOf(':') + 1);
	}

	if (host === '') host = '127.0.0.1';
	if (portText === '') return {host, port: defaultPort};
	if (!/^\d+$/.test(portText)) return undefined;
	const port = Number(portText);
	if (port < 1 || port > 65_535) return undefined;
	return {host, port};
}

function joinHostPort(host: string, port: number): string {
	return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
