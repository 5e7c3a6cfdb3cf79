// Carries out a compose project's action: through the compose CLI with the project's own files, or through the
// engine's API on the project's containers when the files or the CLI are not here (stop, start, restart, down).
import {existsSync} from 'node:fs';
import {composeArguments, findComposeCli, formatComposeCli, runCompose} from '../engine/compose.js';
import {describeEngineError} from '../engine/errors.js';
import type {ContainerActionName, Engine, EngineContainers} from '../engine/types.js';
import type {AppAction} from '../state/app.js';
import {type ComposeRequest, composeWords, selectConfigPaths} from '../state/compose.js';
import type {RequestResult} from '../state/operations.js';

/** Lines are handed to the pane in small batches, so that a chatty CLI does not redraw the screen per line. */
function batchLines(dispatch: (action: AppAction) => void, key: string) {
	let pending: string[] = [];
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		timer = undefined;
		if (pending.length === 0) return;
		dispatch({type: 'pane/output', key, lines: pending});
		pending = [];
	};

	return {
		push(line: string) {
			pending.push(line);
			timer ??= setTimeout(flush, 50);
		},
		flush() {
			if (timer) clearTimeout(timer);
			flush();
		},
	};
}

/** What the API does for an action, on which of the project's containers. */
const apiPlan: Partial<Record<ComposeRequest['action'], {action: ContainerActionName; applies: (state: string) => boolean}>> = {
	stop: {action: 'stop', applies: state => state === 'running' || state === 'restarting' || state === 'paused'},
	start: {action: 'start', applies: state => state === 'exited' || state === 'created'},
	restart: {action: 'restart', applies: () => true},
	down: {action: 'remove', applies: () => true},
};

async function runThroughApi(containers: EngineContainers, request: ComposeRequest, reason: string, say: (line: string) => void): Promise<RequestResult> {
	const {project, action} = request;
	const plan = apiPlan[action];
	if (!plan) return {kind: 'failed', error: `Cannot ${action} ${project.name}: ${reason}.`};
	const targets = project.containers.filter(container => plan.applies(container.state));
	say(`berth: ${reason}: ${action === 'down' ? 'removing' : composeWords[action].doing.toLowerCase()} its ${targets.length} container${targets.length === 1 ? '' : 's'} through the engine's API${action === 'down' ? ' (its networks stay)' : ''}`);
	const failures: string[] = [];
	for (const target of targets) {
		try {
			await containers.action(target.id, plan.action, plan.action === 'remove' ? {force: true, removeVolumes: request.volumes} : {});
			say(`${target.name}: done`);
		} catch (error) {
			failures.push(`${target.name}: ${describeEngineError(error)}`);
			say(`${target.name}: ${describeEngineError(error)}`);
		}
	}

	if (failures.length > 0) return {kind: 'failed', error: `Could not ${action} ${project.name}: ${failures.join('; ')}`};
	return {kind: 'done', text: `${composeWords[action].done} ${project.name} through the engine's API (${reason}).`};
}

export async function runComposeRequest(engine: Engine, request: ComposeRequest, dispatch: (action: AppAction) => void): Promise<RequestResult> {
	const {project, action} = request;
	const output = batchLines(dispatch, project.key);
	try {
		const files = selectConfigPaths(project);
		const missing = files.filter(file => !existsSync(file));
		const cli = await findComposeCli();
		const reason =
			files.length === 0
				? 'its labels name no config files'
				: missing.length > 0
					? `its files are not on this machine (${missing.join(', ')})`
					: cli
						? undefined
						: 'no compose CLI was found (docker compose, docker-compose)';
		if (reason !== undefined || !cli) return await runThroughApi(engine.containers, request, reason ?? 'no compose CLI', output.push);
		const args = [...composeWords[action].command.split(' '), ...(action === 'down' && request.volumes ? ['-v'] : [])];
		const run = {host: engine.addressText, project: project.name, files, workingDir: project.workingDir, args};
		output.push(`$ DOCKER_HOST=${run.host} ${formatComposeCli(cli)} ${composeArguments(run).join(' ')}`);
		let last = '';
		const code = await runCompose(cli, run, line => {
			if (line.trim() !== '') last = line.trim();
			output.push(line);
		});
		output.push(`berth: ${formatComposeCli(cli)} exited with code ${code}`);
		if (code !== 0) return {kind: 'failed', error: `${formatComposeCli(cli)} ${args.join(' ')} failed for ${project.name} (exit code ${code}): ${last || 'no output'}`};
		return {kind: 'done', text: `${formatComposeCli(cli)} ${args.join(' ')}: done for ${project.name}.`};
	} catch (error) {
		return {kind: 'failed', error: describeEngineError(error)};
	} finally {
		output.flush();
	}
}
