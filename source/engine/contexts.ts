// Docker contexts as the CLI keeps them, and which engines berth should show (flags, environment, config).
import {createRequire} from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {type AddressEnvironment, defaultSocketPath, parseEngineAddress} from './address.js';
import type {EngineAddress} from './types.js';

/** Node's crypto, loaded at the first use: loading it costs a score of Node's own modules at every start. */
const crypto = () => (process.getBuiltinModule?.('node:crypto') ?? createRequire(import.meta.url)('node:crypto')) as typeof import('node:crypto');

export type DockerContext = {
	name: string;
	description: string;
	/** The docker endpoint's host (`unix:///…`, `tcp://…`, `ssh://…`). */
	host: string;
	skipTlsVerify: boolean;
	/** Folder with ca.pem, cert.pem and key.pem, when the context has TLS material. */
	tlsPath: string | undefined;
};

export type ContextEnvironment = AddressEnvironment & {
	DOCKER_CONFIG?: string | undefined;
	DOCKER_CONTEXT?: string | undefined;
};

/** `~/.docker`, or DOCKER_CONFIG. */
export function selectConfigDirectory(environment: ContextEnvironment): string {
	return environment.DOCKER_CONFIG?.trim() || path.join(environment.HOME || os.homedir(), '.docker');
}

/** The context the CLI would use: DOCKER_CONTEXT, else config.json's currentContext, else "default". */
export function readCurrentContext(configDirectory: string, environment: ContextEnvironment): string {
	if (environment.DOCKER_CONTEXT?.trim()) return environment.DOCKER_CONTEXT.trim();
	try {
		const config = JSON.parse(fs.readFileSync(path.join(configDirectory, 'config.json'), 'utf8')) as {currentContext?: string};
		return config.currentContext?.trim() || 'default';
	} catch {
		return 'default';
	}
}

/** The CLI stores a context under the SHA-256 of its name. */
export function contextDirectoryName(name: string): string {
	return crypto().createHash('sha256').update(name).digest('hex');
}

/** Every context in the config directory, plus `default` (DOCKER_HOST, or the local socket). */
export function readContexts(configDirectory: string, environment: ContextEnvironment): DockerContext[] {
	const contexts: DockerContext[] = [
		{
			name: 'default',
			description: 'Current DOCKER_HOST based configuration',
			host: environment.DOCKER_HOST?.trim() || `unix://${defaultSocketPath}`,
			skipTlsVerify: false,
			tlsPath: undefined,
		},
	];
	const metaDirectory = path.join(configDirectory, 'contexts', 'meta');
	let entries: string[] = [];
	try {
		entries = fs.readdirSync(metaDirectory);
	} catch {
		return contexts;
	}

	for (const entry of entries.sort()) {
		try {
			const meta = JSON.parse(fs.readFileSync(path.join(metaDirectory, entry, 'meta.json'), 'utf8')) as {
				Name?: string;
				Metadata?: {Description?: string};
				Endpoints?: {docker?: {Host?: string; SkipTLSVerify?: boolean}};
			};
			if (!meta.Name || !meta.Endpoints?.docker?.Host) continue;
			const tlsPath = path.join(configDirectory, 'contexts', 'tls', contextDirectoryName(meta.Name), 'docker');
			contexts.push({
				name: meta.Name,
				description: meta.Metadata?.Description ?? '',
				host: meta.Endpoints.docker.Host,
				skipTlsVerify: Boolean(meta.Endpoints.docker.SkipTLSVerify),
				tlsPath: fs.existsSync(path.join(tlsPath, 'cert.pem')) || fs.existsSync(path.join(tlsPath, 'ca.pem')) ? tlsPath : undefined,
			});
		} catch {
			// A context the CLI itself could not read is left out, as `docker context ls` leaves it out.
		}
	}

	return contexts;
}

export type EngineChoice = {name: string; address: EngineAddress; addressText: string};

export type EngineSelection = {
	hosts: readonly string[];
	contexts: readonly string[];
	allContexts: boolean;
};

export type EngineChoiceResult = {ok: true; engines: EngineChoice[]} | {ok: false; error: string};

function contextAddress(context: DockerContext, environment: ContextEnvironment): EngineChoiceResult {
	const parsed = parseEngineAddress(context.host, environment);
	if (!parsed.ok) return {ok: false, error: `context "${context.name}": ${parsed.error}`};
	let {address} = parsed;
	// TLS material kept with the context wins over the environment's; skip-tls-verify still speaks TLS.
	if (address.kind === 'tcp' && (context.tlsPath || context.skipTlsVerify)) {
		address = {...address, tls: {verify: !context.skipTlsVerify, certPath: context.tlsPath ?? ''}};
	}

	return {ok: true, engines: [{name: context.name, address, addressText: context.host}]};
}

/** A short, readable engine name for a --host address. */
function nameForHost(text: string, address: EngineAddress): string {
	switch (address.kind) {
		case 'tcp': {
			return `${address.host}:${address.port}`;
		}

		case 'ssh': {
			return `${address.username ? `${address.username}@` : ''}${address.host}`;
		}

		case 'unix': {
			// /tmp/lab/docker.sock reads best as "lab"; the usual socket as "local".
			const {socketPath} = address;
			if (socketPath === defaultSocketPath || socketPath === '/run/docker.sock') return 'local';
			const base = path.basename(socketPath);
			return base === 'docker.sock' ? path.basename(path.dirname(socketPath)) : base.replace(/\.sock$/, '');
		}

		default: {
			return text;
		}
	}
}

/**
 * Which engines to show, as the CLI would choose one: `--host` (repeatable), else `--context` (repeatable)
 * or every context, else DOCKER_HOST, else DOCKER_CONTEXT or the config's current context.
 */
export function selectEngines(selection: EngineSelection, environment: ContextEnvironment): EngineChoiceResult {
	if (selection.hosts.length > 0) {
		const engines: EngineChoice[] = [];
		for (const host of selection.hosts) {
			const parsed = parseEngineAddress(host, environment);
			if (!parsed.ok) return {ok: false, error: parsed.error};
			const name = selection.hosts.length === 1 ? 'default' : nameForHost(host, parsed.address);
			engines.push({name, address: parsed.address, addressText: host});
		}

		return {ok: true, engines: uniqueNames(engines)};
	}

	const configDirectory = selectConfigDirectory(environment);
	const available = readContexts(configDirectory, environment);
	let wanted: DockerContext[];
	if (selection.allContexts) {
		wanted = available;
	} else if (selection.contexts.length > 0) {
		wanted = [];
		for (const name of selection.contexts) {
			const context = available.find(entry => entry.name === name);
			if (!context) {
				return {ok: false, error: `no context named "${name}" (known: ${available.map(entry => entry.name).join(', ')}; see docker context ls)`};
			}

			// Named twice, shown once: two engines of one name would share their rows.
			if (!wanted.includes(context)) wanted.push(context);
		}
	} else if (environment.DOCKER_HOST?.trim()) {
		// As the CLI: DOCKER_HOST wins over DOCKER_CONTEXT (it warns, and uses DOCKER_HOST).
		wanted = [available[0]!];
	} else {
		const current = readCurrentContext(configDirectory, environment);
		const context = available.find(entry => entry.name === current);
		if (!context) {
			return {
				ok: false,
				error: `the current context "${current}" is not in ${configDirectory}/contexts (known: ${available.map(entry => entry.name).join(', ')}; see docker context ls)`,
			};
		}
		wanted = [context];
	}

	const engines: EngineChoice[] = [];
	for (const context of wanted) {
		const result = contextAddress(context, environment);
		if (!result.ok) return result;
		engines.push(...result.engines);
	}

	return {ok: true, engines};
}

function uniqueNames(engines: EngineChoice[]): EngineChoice[] {
	// A generated "lab#2" must not take the name another address reads as.
	const taken = new Set(engines.map(engine => engine.name));
	const given = new Set<string>();
	return engines.map(engine => {
		let {name} = engine;
		for (let count = 2; given.has(name) || (name !== engine.name && taken.has(name)); count++) name = `${engine.name}#${count}`;
		given.add(name);
		return name === engine.name ? engine : {...engine, name};
	});
}
