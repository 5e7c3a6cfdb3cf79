// Carries out the requests the state asks for, against each container's own engine.
import {writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {describeEngineError} from '../engine/errors.js';
import type {Engine, TerminalSession} from '../engine/types.js';
import type {AppAction} from '../state/app.js';
import type {Request, RequestResult, ResourceActionName} from '../state/operations.js';
import {formatCount, formatDecimalSize} from '../format/units.js';
import {fileTextLimit} from '../format/files.js';
import {describeUpdate} from '../state/containerUpdate.js';
import {runComposeRequest} from './compose.js';

/** `Pruned 2 volumes, reclaimed 1.2MB.` */
function prunedSpace(what: string) {
	return ({deleted, reclaimed}: {deleted: number; reclaimed: number}) => `Pruned ${formatCount(deleted, what)}, reclaimed ${formatDecimalSize(reclaimed, 4)}.`;
}

/** The prunes: what each asks of the engine, and its summary. */
const prunes: Partial<Record<ResourceActionName, (engine: Engine) => Promise<string>>> = {
	'image-prune': async engine => engine.images.prune().then(prunedSpace('dangling image')),
	'volume-prune': async engine => engine.volumes.prune().then(prunedSpace('volume')),
	'container-prune': async engine => engine.containers.prune().then(prunedSpace('stopped container')),
	// Networks take no space: what went is said by name, as `docker network prune` lists them.
	'network-prune': async engine => engine.networks.prune().then(names => `Pruned ${formatCount(names.length, 'network')}${names.length > 0 ? `: ${names.join(', ')}` : ''}.`),
};

/** Hands the terminal to a session until it ends (given by the App, which owns the terminal). */
export type TerminalHandover = (session: TerminalSession, banner: string) => Promise<void>;

export async function runRequest(
	engines: ReadonlyMap<string, Engine>,
	request: Request,
	handOver: TerminalHandover,
	size: {columns: number; rows: number},
	dispatchProgress: (action: AppAction) => void = () => undefined,
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
						engineOf(target.engine).containers.action(target.id, request.action, request.options),
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
				return {kind: 'inspect', document: await engineOf(request.target.engine).containers.inspect(request.target.id)};
			}

			case 'top': {
				return {kind: 'top', table: await engineOf(request.target.engine).containers.top(request.target.id)};
			}

			case 'image-history': {
				return {kind: 'history', layers: await engineOf(request.target.engine).images.history(request.target.id)};
			}

			case 'network-inspect': {
				return {kind: 'inspect', document: await engineOf(request.target.engine).networks.inspect(request.target.id)};
			}

			case 'image-inspect': {
				return {kind: 'inspect', document: await engineOf(request.target.engine).images.inspect(request.target.id)};
			}

			case 'volume-inspect': {
				return {kind: 'inspect', document: await engineOf(request.target.engine).volumes.inspect(request.target.id)};
			}

			case 'resource-action': {
				const engine = engineOf(request.engine);
				const prune = prunes[request.action];
				if (prune) return {kind: 'resource-action', lines: [await prune(engine)], failures: []};

				const lines: string[] = [];
				const failures: Array<{name: string; error: string}> = [];
				for (const target of request.targets) {
					try {
						if (request.action === 'image-remove') lines.push(...(await engine.images.remove(target.id, {force: request.force})));
						else if (request.action === 'service-remove') {
							await engine.swarm.removeService(target.id);
							lines.push(`Removed service ${target.name}.`);
						} else if (request.action === 'network-remove') {
							await engine.networks.remove(target.id);
							lines.push(`Removed network ${target.name}.`);
						} else {
							await engine.volumes.remove(target.id);
							lines.push(`Removed volume ${target.name}.`);
						}
					} catch (error) {
						failures.push({name: target.name, error: describeEngineError(error)});
					}
				}

				if (request.action === 'service-remove') await refreshResource(engine, 'swarm', dispatchProgress).catch(() => undefined);
				return {kind: 'resource-action', lines, failures};
			}

			case 'service-scale': {
				const engine = engineOf(request.target.engine);
				const replicas = await engine.swarm.scaleService(request.target.id, request.replicas);
				// The new desired count is shown at once, not at the next listing.
				await refreshResource(engine, 'swarm', dispatchProgress).catch(() => undefined);
				return {kind: 'done', text: `Scaled ${request.target.name} to ${replicas}.`};
			}

			case 'container-rename': {
				// The row takes its new name from the engine's `rename` event.
				await engineOf(request.target.engine).containers.rename(request.target.id, request.name);
				return {kind: 'done', text: `Renamed ${request.target.name} to ${request.name}.`};
			}

			case 'container-update': {
				const failures: string[] = [];
				const warnings = new Set<string>();
				for (const target of request.targets) {
					try {
						const answer = await engineOf(target.engine).containers.update(target.id, request.update);
						for (const warning of answer.warnings) warnings.add(warning);
					} catch (error) {
						failures.push(`${target.name}: ${describeEngineError(error)}`);
					}
				}

				const names = request.targets.map(target => target.name).join(', ');
				const updated = request.targets.length - failures.length;
				if (failures.length > 0) return {kind: 'failed', error: `Could not update ${failures.join('; ')}${updated > 0 ? ` (updated ${updated})` : ''}`};
				return {kind: 'done', text: `Updated ${names}: ${describeUpdate(request.update)}.${[...warnings].map(warning => ` ${warning}`).join('')}`};
			}

			case 'service-update': {
				const engine = engineOf(request.target.engine);
				await engine.swarm.forceUpdateService(request.target.id);
				await refreshResource(engine, 'swarm', dispatchProgress).catch(() => undefined);
				return {kind: 'done', text: `Updated ${request.target.name}: its tasks are being replaced.`};
			}

			case 'pull': {
				const engine = engineOf(request.engine);
				dispatchProgress({type: 'pull/started', engine: request.engine, reference: request.reference});
				try {
					await engine.images.pull(request.reference, progress => {
						dispatchProgress({type: 'pull/progressed', progress: [progress]});
					});
				} catch (error) {
					const text = describeEngineError(error);
					dispatchProgress({type: 'pull/finished', error: text});
					return {kind: 'failed', error: text};
				}

				dispatchProgress({type: 'pull/finished', error: undefined});
				return {kind: 'done', text: `Pulled ${request.reference}.`};
			}

			case 'run': {
				const {id} = await engineOf(request.engine).containers.run(request.spec);
				return {kind: 'done', text: `Started ${request.spec.name || id.slice(0, 12)} from ${request.spec.image}.`, id};
			}

			case 'refresh': {
				await refreshResource(engineOf(request.engine), request.what, dispatchProgress);

				return {kind: 'done', text: ''};
			}

			case 'clipboard': {
				// The App writes it: it holds the terminal.
				return {kind: 'failed', error: 'the clipboard is written by the app'};
			}

			case 'custom': {
				// The App runs these: they need the terminal and the environment.
				return {kind: 'failed', error: 'custom commands are run by the app'};
			}

			case 'use-context': {
				// The App owns the engines: it is handed this request before it gets here.
				return {kind: 'failed', error: 'contexts are switched by the app'};
			}

			case 'save-logs': {
				const file = await saveLogFile(request.name, request.content);
				return {kind: 'saved', path: file, lines: request.lines};
			}

			case 'files-read': {
				return {kind: 'path', content: await engineOf(request.target.engine).files.read(request.owner, request.path, fileTextLimit)};
			}

			case 'files-copy-out': {
				await engineOf(request.target.engine).files.copyOut(request.owner, request.path, request.destination, {overwrite: request.overwrite});
				return {kind: 'done', text: ''};
			}

			case 'files-copy-in': {
				await engineOf(request.target.engine).files.copyIn(request.container, request.source, request.directory);
				return {kind: 'done', text: ''};
			}

			case 'compose': {
				return await runComposeRequest(engineOf(request.project.engine), request, dispatchProgress);
			}

			case 'shell':
			case 'attach': {
				const engine = engineOf(request.target.engine);
				const session =
					request.kind === 'shell'
						? await engine.streams.shell(request.target.id, size)
						: await engine.streams.attach(request.target.id, size);
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

/** Lists images, volumes, networks or the swarm again, or measures the disk, and puts the answer in the state. */
export async function refreshResource(
	engine: Engine,
	what: 'images' | 'volumes' | 'networks' | 'disk' | 'swarm',
	dispatch: (action: AppAction) => void,
): Promise<void> {
	switch (what) {
		case 'images': {
			dispatch({type: 'images/listed', engine: engine.name, records: await engine.images.list()});
			return;
		}

		case 'volumes': {
			dispatch({type: 'volumes/listed', engine: engine.name, records: await engine.volumes.list()});
			return;
		}

		case 'networks': {
			dispatch({type: 'networks/listed', engine: engine.name, records: await engine.networks.list()});
			return;
		}

		case 'disk': {
			dispatch({type: 'disk/measured', engine: engine.name, usage: await engine.system.diskUsage()});
			return;
		}

		case 'swarm': {
			dispatch({type: 'swarm/listed', engine: engine.name, listing: await engine.swarm.list()});
		}
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
			await writeFile(target, content, {flag: 'wx'});
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
