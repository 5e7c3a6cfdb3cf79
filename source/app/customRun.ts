// Custom commands carried out: /bin/sh -c once per row, with that row's engine in the environment.
import {spawn} from 'node:child_process';
import type {EngineAddress} from '../engine/types.js';
import type {Engine} from '../engine/types.js';
import type {Request, RequestResult} from '../state/operations.js';
import {openChildTerminal} from './terminalInput.js';

/** The variables that make the docker CLI talk to this engine; a context in the environment would win, so it goes. */
export function selectEngineEnvironment(address: EngineAddress | undefined): Record<string, string> {
	if (!address) return {};
	const cleared = {DOCKER_CONTEXT: '', DOCKER_TLS_VERIFY: '', DOCKER_CERT_PATH: '', DOCKER_TLS: ''};
	switch (address.kind) {
		case 'unix':
		case 'npipe': {
			return {...cleared, DOCKER_HOST: `${address.kind}://${address.socketPath}`};
		}

		case 'tcp': {
			const host = `tcp://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
			if (!address.tls) return {...cleared, DOCKER_HOST: host};
			return {
				...cleared,
				DOCKER_HOST: host,
				DOCKER_TLS: '1',
				...(address.tls.verify ? {DOCKER_TLS_VERIFY: '1'} : {}),
				...(address.tls.certPath ? {DOCKER_CERT_PATH: address.tls.certPath} : {}),
			};
		}

		case 'ssh': {
			return {...cleared, DOCKER_HOST: `ssh://${address.username ? `${address.username}@` : ''}${address.host}:${address.port}`};
		}
	}
}

/** Without the emptied variables: the docker CLI reads DOCKER_TLS_VERIFY="" as set. */
function mergeEnvironment(base: NodeJS.ProcessEnv, engine: Record<string, string>): NodeJS.ProcessEnv {
	const merged: NodeJS.ProcessEnv = {...base, ...engine};
	for (const [name, value] of Object.entries(engine)) if (value === '') delete merged[name];
	return merged;
}

/** Runs a command with its output kept; resolves with the output and the exit status. */
function runCaptured(command: string, environment: NodeJS.ProcessEnv): Promise<{output: string; status: string; ok: boolean}> {
	return new Promise(resolve => {
		const child = spawn('/bin/sh', ['-c', command], {env: environment, stdio: ['ignore', 'pipe', 'pipe']});
		let output = '';
		const take = (chunk: Buffer) => {
			// Bounded: a command that floods is cut, its status still shown.
			if (output.length < 1_000_000) output += chunk.toString('utf8');
		};

		child.stdout.on('data', take);
		child.stderr.on('data', take);
		child.on('error', error => {
			resolve({output, status: error.message, ok: false});
		});
		child.on('close', (code, signal) => {
			resolve({output, status: signal ? `killed by ${signal}` : `exit status ${code}`, ok: code === 0});
		});
	});
}

/** Runs a command on this terminal (berth's screen suspended) until it ends. */
export function runOnTerminal(command: string, environment: NodeJS.ProcessEnv): Promise<{status: string; ok: boolean}> {
	return new Promise(resolve => {
		const terminal = openChildTerminal();
		const child = spawn('/bin/sh', ['-c', command], {env: environment, stdio: terminal.stdio});
		// The child has its own copy once spawned.
		terminal.close();
		child.on('error', error => {
			resolve({status: error.message, ok: false});
		});
		child.on('close', (code, signal) => {
			resolve({status: signal ? `killed by ${signal}` : `exit status ${code}`, ok: code === 0});
		});
	});
}

export type TerminalRunner = (run: () => Promise<void>) => Promise<void>;

export async function runCustomRequest(
	request: Extract<Request, {kind: 'custom'}>,
	engines: ReadonlyMap<string, Engine>,
	onTerminal: TerminalRunner,
	environment: NodeJS.ProcessEnv = process.env,
): Promise<RequestResult> {
	const lines: string[] = [];
	let failed = 0;
	for (const run of request.runs) {
		const engine = engines.get(run.engine);
		const withEngine = mergeEnvironment(environment, selectEngineEnvironment(engine?.address));
		if (request.terminal) {
			let outcome = {status: '', ok: false};
			await onTerminal(async () => {
				process.stdout.write(`berth: ${request.name} on ${run.target}: ${run.command}\r\n`);
				outcome = await runOnTerminal(run.command, withEngine);
			});
			if (!outcome.ok) failed++;
			lines.push(`${run.target}: ${outcome.status}`);
			continue;
		}

		lines.push(`$ ${run.command}    (${run.target} on ${run.engine})`);

		const outcome = await runCaptured(run.command, withEngine);
		if (!outcome.ok) failed++;
		lines.push(...outcome.output.replace(/\n$/, '').split('\n').filter((line, index, all) => line !== '' || all.length > 1), `[${outcome.status}]`, '');
	}

	return {kind: 'custom', lines, failed};
}
