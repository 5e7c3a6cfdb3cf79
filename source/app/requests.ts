// Carries out the requests the state asks for, against each container's own engine.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {describeEngineError} from '../engine/errors.js';
import type {Engine, TerminalSession} from '../engine/types.js';
import type {Request, RequestResult} from '../model/operations.js';

/** Hands the terminal to a session until it ends (given by the App, which owns the terminal). */
export type TerminalHandover = (session: TerminalSession, banner: string) => Promise<void>;

export async function runRequest(
	engines: ReadonlyMap<string, Engine>,
	request: Request,
	handOver: TerminalHandover,
	size: {columns: number; rows: number},
): Promise<RequestResult> {
	const engineOf = (name: string) => {
		const engine = engines.get(name);
		if (!engine) throw new Error(`no engine named ${name}`);
		return engine;
	};

	try {
		switch (request.kind) {
			case 'container-action': {
				const outcomes = await Promise.allSettled(
					request.targets.map(async target =>
						engineOf(target.engine).containerAction(target.id, request.action, request.options),
					),
				);
				const failures = outcomes.flatMap((outcome, index) =>
					outcome.status === 'rejected'
						? [{name: request.targets[index]!.name, error: describeEngineError(outcome.reason)}]
						: [],
				);
				return {kind: 'container-action', failures};
			}

			case 'inspect': {
				return {kind: 'inspect', document: await engineOf(request.target.engine).inspectContainer(request.target.id)};
			}

			case 'top': {
				return {kind: 'top', table: await engineOf(request.target.engine).topContainer(request.target.id)};
			}

			case 'save-logs': {
				const file = await saveLogFile(request.name, request.content);
				return {kind: 'saved', path: file, lines: request.lines};
			}

			case 'shell':
			case 'attach': {
				const engine = engineOf(request.target.engine);
				const session =
					request.kind === 'shell'
						? await engine.openShell(request.target.id, size)
						: await engine.attachContainer(request.target.id, size);
				const banner =
					request.kind === 'shell'
						? `berth: shell in ${request.target.name}; exit or Ctrl-D returns to berth`
						: `berth: attached to ${request.target.name}; Ctrl-P Ctrl-Q detaches (the container keeps running)`;
				await handOver(session, banner);
				return {kind: 'terminal', error: undefined};
			}
		}
	} catch (error) {
		const text = describeEngineError(error);
		return request.kind === 'shell' || request.kind === 'attach'
			? {kind: 'terminal', error: text}
			: {kind: 'failed', error: text};
	}
}

/** Writes to the working directory, or the temporary one when that is not writable; returns the path. */
export async function saveLogFile(name: string, content: string, directories = [process.cwd(), os.tmpdir()]): Promise<string> {
	const stamp = new Date().toISOString().replaceAll(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
	const file = `berth-${name.replaceAll(/[^\w.-]/g, '_')}-${stamp}.log`;
	let lastError: unknown;
	for (const directory of directories) {
		const target = path.join(directory, file);
		try {
			await fs.writeFile(target, content, {flag: 'wx'});
			return target;
		} catch (error) {
			lastError = error;
		}
	}

	throw lastError instanceof Error ? lastError : new Error('no writable directory');
}

/** Raw bytes both ways between this terminal and the session, window size passed on, until it ends. */
export async function pipeTerminal(
	session: TerminalSession,
	stdin: NodeJS.ReadStream,
	stdout: NodeJS.WriteStream,
	banner: string,
): Promise<void> {
	stdout.write(`${banner}\r\n`);
	const forward = (chunk: Buffer | string) => {
		session.input.write(chunk);
	};

	const show = (chunk: Buffer | string) => {
		stdout.write(chunk);
	};

	const resize = () => {
		void session.resize(stdout.columns, stdout.rows);
	};

	stdin.setRawMode?.(true);
	stdin.on('data', forward);
	stdin.resume();
	session.output.on('data', show);
	stdout.on('resize', resize);
	resize();
	try {
		await session.finished;
	} finally {
		stdin.off('data', forward);
		session.output.off('data', show);
		stdout.off('resize', resize);
		stdin.setRawMode?.(false);
		session.close();
	}
}
