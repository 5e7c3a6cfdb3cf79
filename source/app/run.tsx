// Start-up: find the engine, take the first listing, then hand the terminal to the App until it quits.
import fs from 'node:fs';
import {render} from 'ink';
import {createDockerEngine} from '../engine/docker.js';
import {describeConnectionFailure, describeEngineError} from '../engine/errors.js';
import type {Engine} from '../engine/types.js';
import {App} from './App.js';
import {type Config, defaultConfig} from './configTypes.js';
import {selectDisplay} from './display.js';
import {type EarlyListing, type EarlyStart, startEarly} from './earlyStart.js';
import {defaultSyncOptions} from './engineSync.js';
import {takeScreen, unpaint} from './firstPaint.js';
import {tuneMemoryAfterStart} from './memory.js';
import {type FirstAnswer, type RunOptions, selectStartState, selectTheme} from './startState.js';
import {defaultRefreshMs} from './statsFollower.js';

function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(Object.assign(new Error('timed out'), {code: 'ETIMEDOUT'}));
		}, milliseconds);
		promise.then(
			value => {
				clearTimeout(timer);
				resolve(value);
			},
			(error: unknown) => {
				clearTimeout(timer);
				reject(error);
			},
		);
	});
}

/** How long the other engines have to answer once one has, before berth starts without them. */
const othersGraceMs = 1000;

/**
 * The engines' first answers as they stand once one has answered and the others had `graceMs` more, or once
 * all have settled: berth does not sit out a hung engine's deadline before it takes keys. An engine still
 * unanswered (undefined) connects as it answers (engineSync), shown as connecting meanwhile.
 */
function settleFirstAnswers<T>(promises: ReadonlyArray<Promise<T>>, graceMs: number): Promise<Array<PromiseSettledResult<T> | undefined>> {
	const results: Array<PromiseSettledResult<T> | undefined> = promises.map(() => undefined);
	return new Promise(resolve => {
		let pending = promises.length;
		let grace: NodeJS.Timeout | undefined;
		const done = () => {
			clearTimeout(grace);
			resolve([...results]);
		};

		for (const [index, promise] of promises.entries()) {
			promise
				.then(
					value => {
						results[index] = {status: 'fulfilled', value};
						grace ??= setTimeout(done, graceMs);
					},
					(reason: unknown) => {
						results[index] = {status: 'rejected', reason};
					},
				)
				.finally(() => {
					pending--;
					if (pending === 0) done();
				});
		}
	});
}

/** An engine's version and containers: the listing asked for early when there is one, else through dockerode. */
async function firstAnswer(engine: Engine, early: Promise<EarlyListing | undefined> | undefined) {
	const listing = await early;
	if (listing) return [listing.version, listing.records] as const;

	return Promise.all([engine.system.version(), engine.containers.list()]);
}

/**
 * Returns the exit status. Every failure is one line on stderr, never a stack trace. `early` is what cli.tsx
 * started before it loaded this module (startEarly with the same options).
 */
export async function run(
	options: RunOptions,
	early: EarlyStart = startEarly(options, process.env),
	configured: {config: Config; path: string} = {config: defaultConfig, path: ''},
	/** Whether firstPaint.ts painted the first frame: the terminal is given back before a message. */
	painted = false,
): Promise<number> {
	const {config} = configured;
	const say = (text: string) => {
		if (painted) unpaint();
		painted = false;
		process.stderr.write(text);
	};

	// Libraries' deprecation notices (docker-modem's ssh URLs) would land on the screen: berth's own
	// messages are the only ones a person should see.
	process.noDeprecation = true;
	const {chosen} = early;
	if (!chosen.ok) {
		say(`berth: ${chosen.error}\n`);
		return 1;
	}

	let engines: Engine[];
	try {
		engines = chosen.engines.map(choice => createDockerEngine(choice.name, choice.address));
	} catch (error) {
		say(`berth: ${error instanceof Error ? error.message : String(error)}\n`);
		return 1;
	}

	// Every engine is asked at once; berth starts when one answers and the others had a second more (those
	// that have not answered by then connect as they do; those that failed keep being retried).
	const answers = await settleFirstAnswers(
		engines.map(async (engine, index) => withTimeout(firstAnswer(engine, early.listings[index]), 10_000)),
		othersGraceMs,
	);
	if (answers.every(answer => answer?.status === 'rejected')) {
		for (const [index, answer] of answers.entries()) {
			if (answer?.status === 'rejected') say(`${describeConnectionFailure(engines[index]!.addressText, answer.reason)}\n`);
		}

		return 1;
	}

	const firstAnswers: FirstAnswer[] = answers.flatMap((answer, index): FirstAnswer[] => {
		const engine = engines[index]!.name;
		if (answer === undefined) return [];
		if (answer.status === 'rejected') return [{engine, ok: false, error: describeEngineError(answer.reason), at: Date.now()}];
		const [version, records] = answer.value;
		return [{engine, ok: true, version, records}];
	});

	if (!process.stdout.isTTY || !process.stdin.isTTY) {
		say('berth: needs an interactive terminal (stdin and stdout must be a TTY).\n');
		return 1;
	}

	const theme = selectTheme(options, process.env);
	const outlets = {bell: options.bell ?? false, notify: options.notify ?? false, onAlert: options.onAlert};
	const memory = tuneMemoryAfterStart();
	if (!painted) takeScreen();
	// The screen is berth's from here: a message before Ink runs (render throwing) gives it back first.
	painted = true;
	let instance: ReturnType<typeof render>;
	try {
		instance = render(
			<App
				engines={engines}
				connect={choice => createDockerEngine(choice.name, choice.address)}
				environment={options.hosts.length === 1 ? {...process.env, DOCKER_HOST: options.hosts[0]!, DOCKER_CONTEXT: ''} : process.env}
				display={selectDisplay(config)}
				configPath={configured.path}
				config={config}
				initial={now => selectStartState({answers: firstAnswers, options, config, theme, readOnlyEngines: early.readOnlyEngines}, now)}
				theme={theme}
				outlets={outlets}
				syncOptions={{...defaultSyncOptions, resyncMs: Math.max(1, options.resyncSeconds) * 1000}}
				refreshMs={Number.isFinite(options.refreshSeconds) ? Math.max(1, options.refreshSeconds) * 1000 : defaultRefreshMs}
				memory={memory}
			/>,
			{
				alternateScreen: true,
				incrementalRendering: true,
				// A frame at most every 16 ms: a key waits at most that long for its frame (a 50 ms window kept keys
				// waiting behind the clock's and the figures' frames). Background updates are batched by berth itself
				// (the clock once a second, figures per round, log lines every 100 ms), so this rarely binds.
				maxFps: 60,
				exitOnCtrlC: false,
				patchConsole: false,
				// A TUI on a TTY is interactive even when CI is set in the environment.
				interactive: true,
			},
		);
	} catch (error) {
		say(`berth: ${error instanceof Error ? error.message : String(error)}\n`);
		return 1;
	}

	const fail = (error: unknown) => {
		instance.unmount();
		if (process.env.BERTH_DEBUG_LOG) {
			fs.appendFileSync(process.env.BERTH_DEBUG_LOG, `${error instanceof Error ? error.stack : String(error)}\n`);
		}

		process.stderr.write(`berth: stopped by an internal error: ${error instanceof Error ? error.message : String(error)}\n`);
		process.exit(1);
	};

	process.on('uncaughtException', fail);
	process.on('unhandledRejection', fail);
	try {
		await instance.waitUntilExit();
	} catch (error) {
		process.stderr.write(`berth: ${error instanceof Error ? error.message : String(error)}\n`);
		return 1;
	}

	// Streams may still hold sockets open; berth is done with them.
	setTimeout(() => process.exit(0), 50).unref();
	return 0;
}
