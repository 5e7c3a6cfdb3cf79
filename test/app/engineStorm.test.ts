// A storm of outside changes on an engine of this file's own: within a second after the last command returns,
// every container berth holds matches `docker ps -a` (issue #21). A race: several storms, each checked.
import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {startEngineSync} from '../../source/app/engineSync.js';
import {type AppAction, type AppState, createAppState, reduceApp} from '../../source/state/app.js';
import {connectTestEngine, until} from '../support/berth.js';
import {idleCmd, isolatedEngine, testImage, testLabel} from '../support/testEngine.js';

// BERTH_STORM_ENGINE names another engine (one started with a newer dockerd first on PATH, say).
const engine = isolatedEngine(process.env.BERTH_STORM_ENGINE ?? 'trust-storm');
const skip = await engine.skip();
after(async () => {
	if (!skip) await engine.down();
});

const containers = Number(process.env.BERTH_STORM_CONTAINERS ?? 300);
const rounds = Number(process.env.BERTH_STORM_ROUNDS ?? 3);
/** Outside clients at once, as the 8 parallel `docker start`. */
const workers = 8;

/** Runs the commands with `workers` docker CLIs at a time; resolves when the last one returned. */
async function storm(commands: string[][]): Promise<void> {
	const queue = [...commands];
	await Promise.all(
		Array.from({length: workers}, async () => {
			for (let next = queue.shift(); next; next = queue.shift()) {
				// eslint-disable-next-line no-await-in-loop -- each worker is one client, one command after the other
				await engine.docker(...next).catch(() => undefined);
			}
		}),
	);
}

function shuffle<T>(values: T[]): T[] {
	for (let index = values.length - 1; index > 0; index--) {
		const other = Math.floor(Math.random() * (index + 1));
		[values[index], values[other]] = [values[other]!, values[index]!];
	}

	return values;
}

function chunks<T>(values: readonly T[], size: number): T[][] {
	const out: T[][] = [];
	for (let index = 0; index < values.length; index += size) out.push(values.slice(index, index + size));
	return out;
}

/** `docker ps -a` as id -> state. */
async function reference(): Promise<Map<string, string>> {
	const text = await engine.docker('ps', '-a', '--no-trunc', '--format', '{{.ID}} {{.State}}');
	return new Map(text.split('\n').filter(Boolean).map(line => line.split(' ') as [string, string]));
}

function differences(state: AppState, truth: ReadonlyMap<string, string>): string[] {
	const held = new Map([...state.containers.records.values()].filter(record => record.engine === 'storm').map(record => [record.id, record.state as string]));
	const out: string[] = [];
	for (const [id, wanted] of truth) if (held.get(id) !== wanted) out.push(`${id.slice(0, 12)} ${held.get(id) ?? 'missing'} (docker ps: ${wanted})`);
	for (const id of held.keys()) if (!truth.has(id)) out.push(`${id.slice(0, 12)} shown, gone from docker ps`);
	return out;
}

test(`storms of parallel outside changes on ${containers} containers converge within 1 s of the last command`, {skip, timeout: 900_000}, async () => {
	await engine.removeTestContainers();
	const names = Array.from({length: containers}, (_, index) => `storm-${index}`);
	for (const group of chunks(names, 25)) {
		// eslint-disable-next-line no-await-in-loop -- 25 at a time keeps the engine's own work bounded
		await Promise.all(group.map(async name => engine.docker('create', '--name', name, '--label', testLabel, testImage, ...idleCmd)));
	}

	const sync = connectTestEngine('storm', engine.dockerHost);
	let state: AppState = createAppState(Date.now());
	let dispatches = 0;
	const dispatch = (action: AppAction) => {
		dispatches++;
		state = reduceApp(state, action);
	};

	// Started a moment before the first storm, as the worst case.
	const stop = startEngineSync(sync, dispatch, {resyncMs: 600_000, retryMinMs: 100, retryMaxMs: 1000});
	const report: string[] = [];
	try {
		await until(() => state.connection.get('storm')?.status === 'connected', 'connected', {timeoutMs: 30_000});
		let fresh = 0;
		for (let round = 0; round < rounds; round++) {
			const truthBefore = await reference();
			const byState = (wanted: string) => shuffle([...truthBefore].filter(([, each]) => each === wanted).map(([id]) => id));
			const stopped = byState('exited').concat(byState('created'));
			const running = byState('running');
			const paused = byState('paused');
			// Hundreds of changes of every kind at once: starts, pauses, unpauses, stops, kills, removals and
			// new containers, in a shuffled order, a few containers per command.
			const toStart = stopped.slice(0, Math.ceil(stopped.length * 0.7));
			const toRemove = stopped.slice(toStart.length, toStart.length + 20);
			const commands = shuffle([
				...chunks(toStart, 3).map(ids => ['start', ...ids]),
				...chunks(toRemove, 3).map(ids => ['rm', '-f', ...ids]),
				...chunks(running.slice(0, 40), 4).map(ids => ['pause', ...ids]),
				...chunks(running.slice(40, 80), 4).map(ids => ['kill', ...ids]),
				...chunks(running.slice(80, 110), 5).map(ids => ['stop', '-t', '1', ...ids]),
				...chunks(paused, 4).map(ids => ['unpause', ...ids]),
				...Array.from({length: 20}, () => ['create', '--name', `storm-new-${round}-${fresh++}`, '--label', testLabel, testImage, ...idleCmd]),
			]);
			const changes = commands.reduce((sum, command) => sum + (command[0] === 'create' ? 1 : command.filter(word => /^[\da-f]{64}$/.test(word)).length), 0);
			// eslint-disable-next-line no-await-in-loop -- one storm after the other
			await storm(commands);
			const returned = Date.now();
			// eslint-disable-next-line no-await-in-loop
			const truth = await reference();
			let left = differences(state, truth);
			while (left.length > 0 && Date.now() - returned < 1000) {
				// eslint-disable-next-line no-await-in-loop
				await new Promise(resolve => setTimeout(resolve, 10));
				left = differences(state, truth);
			}

			const took = Date.now() - returned;
			if (left.length > 0) {
				// How long it did take, for the report (a row that never converges waits for the resync).
				// eslint-disable-next-line no-await-in-loop
				await until(() => differences(state, truth).length === 0, 'converged at last', {timeoutMs: 10_000, intervalMs: 20}).catch(() => undefined);
				report.push(`round ${round + 1}: ${differences(state, truth).length} rows still differ ${Date.now() - returned} ms after the last command`);
			}

			report.push(`round ${round + 1}: ${changes} changes in ${commands.length} commands, ${truth.size} containers, matched docker ps after ${took} ms`);
			assert.deepEqual(left, [], `round ${round + 1}: ${left.length} rows differ from docker ps ${took} ms after the last command returned:\n${left.slice(0, 10).join('\n')}`);
		}
	} finally {
		stop();
		process.stderr.write(`# ${report.join('\n# ')}\n# ${dispatches} dispatches in all\n`);
	}
});
