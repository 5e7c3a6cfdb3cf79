/**
 * Shared helpers for tests that run berth against the test engine: the built CLI in tmux (end to end), and
 * berth's own engine layer (engine and app tests). Build them here once; a helper that only one test file
 * needs stays in that file.
 *
 * End to end:
 *
 *   import {afterEach, test} from 'node:test';
 *   import {BerthSessions, lineOf, waitForRow} from './berth.js';
 *
 *   const berth = new BerthSessions();          // or new BerthSessions({ready: /NAME/}) to wait for the table
 *   afterEach(() => berth.killAll());
 *
 *   test('shows the container', async () => {
 *     const session = await berth.start();       // --host testDockerHost, 160x48, TERM=xterm-256color
 *     const {screen, elapsed} = await waitForRow(session, name, /\sUp /, {timeoutMs: 5000});
 *     assert.match(lineOf(screen, name), /berth-test\/busybox/);
 *   });
 *
 * Engine layer:
 *
 *   const engine = connectTestEngine();           // createDockerEngine('test', <testDockerHost parsed>)
 *
 * Waits take the options of TmuxSession.waitFor ({timeoutMs, intervalMs}) with the same defaults: 10 s, and
 * a look every 50 ms.
 */
import assert from 'node:assert/strict';
import {parseEngineAddress} from '../../source/engine/address.js';
import {createDockerEngine, type EngineOptions} from '../../source/engine/docker.js';
import type {Engine} from '../../source/engine/types.js';
import {testDockerHost} from './testEngine.js';
import {berthLaunch, type ScreenPredicate, TmuxSession, type WaitOptions} from './tmux.js';

const defaultTimeoutMs = 10_000;
const defaultIntervalMs = 50;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export interface BerthOptions {
	/**
	 * The engine(s), each given as `--host ADDRESS` before `args`: one address, a list (several engines in one
	 * berth), or `[]` for none (berth then takes its engine from DOCKER_HOST or the docker contexts).
	 * Default: the test engine (testDockerHost).
	 */
	host?: string | readonly string[];
	/** More arguments for berth, after the --host ones. */
	args?: readonly string[];
	/** Extra environment for berth (see TmuxSession.start). */
	env?: Record<string, string>;
	/** Terminal size; default 160x48. */
	width?: number;
	height?: number;
	/** TERM; default xterm-256color. */
	term?: string;
	/** Working directory; default this process's. */
	cwd?: string;
	/** When given, start() resolves once the screen shows this (e.g. /NAME/: the table is drawn). */
	ready?: ScreenPredicate;
	/** How long to wait for `ready`; default 10 s. */
	readyTimeoutMs?: number;
}

/**
 * The berth sessions of one test file. start() runs the built CLI in a new TmuxSession and keeps it, so that
 * killAll() (in afterEach, or after) ends every session the test started, whether the test passed or not.
 * Options given to the constructor are the file's defaults; start()'s options win over them.
 */
export class BerthSessions {
	private readonly sessions: TmuxSession[] = [];

	constructor(private readonly defaults: BerthOptions = {}) {}

	/** Starts berth in a new terminal (see BerthOptions) and resolves with its session. */
	async start(options: BerthOptions = {}): Promise<TmuxSession> {
		const merged = {...this.defaults};
		for (const [key, value] of Object.entries(options)) {
			if (value !== undefined) Object.assign(merged, {[key]: value});
		}
		const {host = testDockerHost, args = [], env = {}, width = 160, height = 48, term = 'xterm-256color', cwd, ready, readyTimeoutMs} = merged;
		const hosts = typeof host === 'string' ? [host] : host;
		const session = this.track(new TmuxSession());
		await session.start({
			command: berthLaunch([...hosts.flatMap(address => ['--host', address]), ...args]),
			env,
			width,
			height,
			term,
			...(cwd ? {cwd} : {}),
		});
		if (ready !== undefined) await session.waitFor(ready, {timeoutMs: readyTimeoutMs ?? defaultTimeoutMs});
		return session;
	}

	/** Keeps a session started some other way, to be killed with the others; returns it. */
	track(session: TmuxSession): TmuxSession {
		this.sessions.push(session);
		return session;
	}

	/** Kills every session started or tracked so far (one after the other), and forgets them. */
	async killAll(): Promise<void> {
		for (const session of this.sessions.splice(0)) await session.kill();
	}
}

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The screen line that shows a container (NAME the first column): pointer in column 0, mark (or the alert mark !) in column 1,
 * the name whole from column 2. '' when no line shows it.
 */
export function lineOf(screen: string, name: string): string {
	const row = new RegExp(`^.[ *!]${escapeRegExp(name)}(\\s|$)`);
	return screen.split('\n').find(line => row.test(line)) ?? '';
}

/** Waits until the line of container `name` (see lineOf) matches `pattern`, and says how long that took. */
export async function waitForRow(
	session: TmuxSession,
	name: string,
	pattern: RegExp,
	options: WaitOptions = {},
): Promise<{screen: string; elapsed: number}> {
	const started = Date.now();
	const screen = await session.waitFor(current => pattern.test(lineOf(current, name)), options);
	return {screen, elapsed: Date.now() - started};
}

/**
 * The status line's text: its last row and, above it, the rows a long message took (up to three), joined as the
 * message was before it was wrapped (between words). A row above is the message's when it starts at the left
 * edge (list, pane and log rows start with a space, a pointer or a stream mark) and was wrapped: it and the next
 * row's first word would not have fitted in one row (no row of the screen is wider than the screen).
 */
export function statusText(screen: string): string {
	return statusRows(screen).join(' ');
}

/** The rows of the screen that are the status line's (see statusText). */
export function statusRows(screen: string): string[] {
	const lines = screen.replace(/\n$/, '').split('\n');
	const width = Math.max(...lines.map(line => [...line].length));
	const rows = [lines.pop() ?? ''];
	while (rows.length < 3 && lines.length > 1) {
		const above = lines.at(-1)!;
		const nextWord = rows[0]!.split(' ')[0] ?? '';
		if (above === '' || /^(?:[\s›>]|[-!] )/.test(above) || [...above].length + 1 + [...nextWord].length <= width) break;
		rows.unshift(lines.pop()!);
	}

	return rows;
}

/**
 * Selects container `name` as a person would, by the list's filter (`/`, the text, Enter): once its row shows,
 * and until the filter prompt has closed with its row selected (`›`, or `>` without Unicode). `text` is what is
 * typed (default the name).
 */
export async function selectByFilter(session: TmuxSession, name: string, options: WaitOptions & {text?: string} = {}): Promise<void> {
	const {text = name, ...wait} = options;
	await session.waitFor(current => lineOf(current, name) !== '', wait);
	await session.sendText('/');
	await session.waitFor(current => statusText(current).startsWith('/'));
	await session.sendText(text);
	await session.sendKeys('Enter');
	await session.waitFor(current => /^[›>]/.test(lineOf(current, name)) && !statusText(current).startsWith('/'), wait);
}

/**
 * Calls `check` every intervalMs until it holds: true, or false once timeoutMs passed without it (for an
 * assertion with a message of its own, or for waits that may end either way).
 */
export async function waitUntil(check: () => boolean | Promise<boolean>, options: WaitOptions = {}): Promise<boolean> {
	const {timeoutMs = defaultTimeoutMs, intervalMs = defaultIntervalMs} = options;
	const started = Date.now();
	while (Date.now() - started < timeoutMs) {
		if (await check()) return true;
		await sleep(intervalMs);
	}

	return false;
}

/** Calls `check` every intervalMs until it holds; throws `timed out ... waiting until WHAT` after timeoutMs. */
export async function until(check: () => boolean | Promise<boolean>, what: string, options: WaitOptions = {}): Promise<void> {
	const {timeoutMs = defaultTimeoutMs, intervalMs = defaultIntervalMs} = options;
	const started = Date.now();
	while (!(await check())) {
		if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
		await sleep(intervalMs);
	}
}

/** berth's Docker engine layer connected to the test engine (or `host`), as engine `name`. */
export function connectTestEngine(name = 'test', host: string = testDockerHost, options?: EngineOptions): Engine {
	const parsed = parseEngineAddress(host, {});
	assert.ok(parsed.ok, `an engine address: ${host}`);
	return createDockerEngine(name, parsed.address, options);
}
