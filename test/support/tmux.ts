/**
 * Drives a program (the built berth CLI) in a real terminal: a tmux pane on a private tmux server.
 *
 *   import {TmuxSession, berthCommand} from './tmux.js';
 *   import {testDockerHost} from './testEngine.js';
 *
 *   const term = new TmuxSession();
 *   after(() => term.kill());
 *   await term.start({command: berthCommand(['--host', testDockerHost]), env: {DOCKER_HOST: testDockerHost}});
 *   await term.waitFor(/CONTAINERS/);            // regex, substring, or (screen) => boolean
 *   await term.sendKeys('j', 'Down', 'Enter');   // tmux key names: Escape, C-c, Up, PageDown, F1, Space ...
 *   await term.sendText('/web');                  // literal text
 *   const screen = await term.waitFor(s => s.includes('web'), {timeoutMs: 10_000});
 *
 * Each session has its own tmux server (`tmux -L berth-test-RANDOM`, no user config, status line off), so
 * the pane is exactly width x height. The child gets TERM as given and never CI/CONTINUOUS_INTEGRATION (Ink
 * treats CI as a non-interactive terminal). The pane stays after the program exits (remain-on-exit), so the
 * last screen and exitStatus() can still be read; isAlive() tells whether the program still runs.
 * Waits default to 10 s: tests check correctness, not speed, and CI machines can be slow.
 */
import {type ChildProcessWithoutNullStreams, execFile, execFileSync, spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {delimiter, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const execFileAsync = promisify(execFile);

/** The repository root (two levels above this file). */
export const repoRoot: string = fileURLToPath(new URL('../../', import.meta.url));

/**
 * `[node of the project (node_modules/.bin/node), dist/cli.js, ...args]`, all paths absolute. With
 * BERTH_TEST_EXE set (the path of a single executable, npm run build:exe), berth is that executable instead,
 * started through `env` with a PATH that has no `node` on it: the tests then prove it needs no Node.
 */
export function berthCommand(args: string[] = []): string[] {
	const executable = process.env.BERTH_TEST_EXE;
	if (executable) return ['env', `PATH=${pathWithoutNode()}`, resolve(executable), ...args];
	return [join(repoRoot, 'node_modules', '.bin', 'node'), join(repoRoot, 'dist', 'cli.js'), ...args];
}

/** This process's PATH less every folder that holds a `node` (the project's, nvm's, the system's). */
export function pathWithoutNode(): string {
	return (process.env.PATH ?? '')
		.split(delimiter)
		.filter(folder => folder !== '' && !existsSync(join(folder, 'node')))
		.join(delimiter);
}

/**
 * berthCommand with the Node flags of the command's own first line (`#!/usr/bin/env -S node FLAGS`) before
 * dist/cli.js: berth as installed, for what measures or lives long (tmux sessions, the benchmark).
 */
export function berthLaunch(args: string[] = []): string[] {
	// The single executable carries its own Node and its flags.
	if (process.env.BERTH_TEST_EXE) return berthCommand(args);
	const [node, cli, ...rest] = berthCommand(args);
	let flags: string[] = [];
	try {
		const first = readFileSync(cli!, 'utf8').split('\n', 1)[0] ?? '';
		flags = /^#!\/usr\/bin\/env -S node (.+)$/.exec(first)?.[1]?.trim().split(/\s+/) ?? [];
	} catch {
		// Not built yet: the caller finds out when it runs.
	}

	return [node!, ...flags, cli!, ...rest];
}

/** Environment variables that make Ink (is-in-ci) think it is not in an interactive terminal. */
const ciVariables = ['CI', 'CONTINUOUS_INTEGRATION'];

export interface StartOptions {
	/** argv of the program; executed directly (no shell). */
	command: string[];
	/** Extra environment for the program (on top of this process's environment, minus CI). */
	env?: Record<string, string>;
	width?: number;
	height?: number;
	term?: string;
	/** Working directory; default this process's. */
	cwd?: string;
}

export type ScreenPredicate = ((screen: string) => boolean) | RegExp | string;

export interface WaitOptions {
	timeoutMs?: number;
	intervalMs?: number;
}

function matches(predicate: ScreenPredicate, screen: string): boolean {
	if (typeof predicate === 'string') {
		return screen.includes(predicate);
	}
	if (predicate instanceof RegExp) {
		predicate.lastIndex = 0;
		return predicate.test(screen);
	}
	return predicate(screen);
}

function describe(predicate: ScreenPredicate): string {
	if (typeof predicate === 'string') {
		return JSON.stringify(predicate);
	}
	if (predicate instanceof RegExp) {
		return String(predicate);
	}
	return predicate.name ? `predicate ${predicate.name}` : 'predicate';
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** Quote for sh (used by pipe-pane, whose command tmux runs through /bin/sh). */
function shellQuote(value: string): string {
	return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** An argument for tmux's own command parser (control mode reads command lines, not argv). */
function tmuxQuote(value: string): string {
	return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * A control-mode client (`tmux -C`) on a session's server: each command is a line on its stdin, not a process
 * of its own, and the pane's output is announced (%output) as tmux reads it. For timing a screen: spawning
 * `tmux send-keys` and `tmux capture-pane` costs milliseconds of the measurement each, more on a loaded machine.
 * The client is attached with ignore-size, so the pane keeps its size.
 */
export class TmuxControl {
	private buffer = '';
	/** Commands sent whose %begin..%end block has not ended, oldest first; the first is the attach itself. */
	private readonly waiting: Array<{resolve: (output: string) => void; reject: (error: Error) => void; lines: string[]}> = [];
	private inBlock = false;
	private readonly outputListeners = new Set<() => void>();
	private closed = false;

	private constructor(private readonly child: ChildProcessWithoutNullStreams) {
		child.stdout.setEncoding('utf8');
		child.stdout.on('data', (chunk: string) => {
			this.take(chunk);
		});
		child.on('close', () => {
			this.closed = true;
			for (const entry of this.waiting.splice(0)) entry.reject(new Error('tmux control client exited'));
		});
	}

	static async open(socket: string, target: string, env: NodeJS.ProcessEnv): Promise<TmuxControl> {
		const child = spawn('tmux', ['-L', socket, '-C', 'attach-session', '-f', 'ignore-size', '-t', target], {env, stdio: 'pipe'});
		const control = new TmuxControl(child);
		await new Promise<string>((resolve, reject) => {
			control.waiting.push({resolve, reject, lines: []});
		});
		return control;
	}

	private take(chunk: string): void {
		this.buffer += chunk;
		let newline: number;
		while ((newline = this.buffer.indexOf('\n')) >= 0) {
			const line = this.buffer.slice(0, newline);
			this.buffer = this.buffer.slice(newline + 1);
			if (this.inBlock) {
				if (line.startsWith('%end ') || line.startsWith('%error ')) {
					this.inBlock = false;
					const entry = this.waiting.shift();
					const output = entry?.lines.join('\n') ?? '';
					if (line.startsWith('%end ')) entry?.resolve(output === '' ? '' : `${output}\n`);
					else entry?.reject(new Error(`tmux: ${output}`));
				} else {
					this.waiting[0]?.lines.push(line);
				}
			} else if (line.startsWith('%begin ')) {
				this.inBlock = true;
			} else if (line.startsWith('%output ')) {
				for (const listener of this.outputListeners) listener();
			}
		}
	}

	/** Runs one tmux command; resolves with what it printed (as `tmux ...` would, one line per row). */
	async run(...args: string[]): Promise<string> {
		if (this.closed) throw new Error('tmux control client exited');
		return new Promise<string>((resolve, reject) => {
			this.waiting.push({resolve, reject, lines: []});
			this.child.stdin.write(`${args.map(arg => tmuxQuote(arg)).join(' ')}\n`);
		});
	}

	/** Calls listener each time the pane writes (tmux's %output); returns the unsubscribe. */
	onOutput(listener: () => void): () => void {
		this.outputListeners.add(listener);
		return () => this.outputListeners.delete(listener);
	}

	close(): void {
		if (this.closed) return;
		this.closed = true;
		this.child.stdin.end();
		this.child.kill();
	}
}

/** Sessions started and not yet killed: killed when this process exits, should a test forget kill(). */
const liveSessions = new Set<TmuxSession>();
let exitHookInstalled = false;

function installExitHook(): void {
	if (exitHookInstalled) {
		return;
	}
	exitHookInstalled = true;
	process.on('exit', () => {
		for (const session of liveSessions) {
			session.killSync();
		}
	});
}

export class TmuxSession {
	/** Name of the private tmux server socket (`tmux -L socket`). */
	readonly socket: string = `berth-test-${randomBytes(6).toString('hex')}`;
	/** Target of the pane. */
	readonly target = 'main';
	private dir: string | undefined;
	private byteFile: string | undefined;
	private killed = false;
	private started = false;
	private controlClient: Promise<TmuxControl> | undefined;

	/** This session's control-mode client, opened on first use and closed by kill(). */
	async control(): Promise<TmuxControl> {
		this.controlClient ??= TmuxControl.open(this.socket, this.target, this.serverEnv());
		return this.controlClient;
	}

	/** Runs `tmux -L socket ...args` and resolves with its stdout (not trimmed). */
	async tmux(...args: string[]): Promise<string> {
		try {
			const {stdout} = await execFileAsync('tmux', ['-L', this.socket, ...args], {
				env: this.serverEnv(),
				timeout: 15_000,
				maxBuffer: 16 * 1024 * 1024,
				encoding: 'utf8',
			});
			return stdout;
		} catch (error) {
			const e = error as Error & {stderr?: string; code?: string | number};
			if (e.code === 'ENOENT') {
				throw new Error('tmux is not installed (apt-get install tmux; bash test/support/engine.sh up installs it)');
			}
			throw new Error(`tmux ${args.join(' ')} failed: ${(e.stderr ?? '').trim() || e.message}`);
		}
	}

	/** The tmux server's environment (panes inherit it): ours minus CI variables and an enclosing TMUX. */
	private serverEnv(): NodeJS.ProcessEnv {
		const env = {...process.env};
		for (const name of [...ciVariables, 'TMUX', 'TMUX_PANE']) {
			delete env[name];
		}
		return env;
	}

	async start(options: StartOptions): Promise<void> {
		if (this.started) {
			throw new Error('TmuxSession.start() called twice; make a new TmuxSession');
		}
		this.started = true;
		installExitHook();
		liveSessions.add(this);
		const {command, env = {}, width = 160, height = 48, term = 'xterm-256color', cwd = process.cwd()} = options;
		if (command.length === 0) {
			throw new Error('TmuxSession.start(): empty command');
		}
		this.dir = mkdtempSync(join(tmpdir(), 'berth-tmux-'));
		const config = join(this.dir, 'tmux.conf');
		writeFileSync(
			config,
			[
				'set -g status off',
				'set -g remain-on-exit on',
				// The default format prints "Pane is dead ..." and scrolls the last screen away: keep it intact.
				'set -g remain-on-exit-format ""',
				'set -g history-limit 10000',
				'set -g escape-time 0',
				'set -g default-terminal screen-256color',
				// A server whose program has exited goes away by itself after 2 minutes, even if nobody kills it.
				`set-hook -g pane-died 'run-shell -b "sleep 120; tmux -L ${this.socket} kill-server"'`,
				'',
			].join('\n'),
		);
		const unset = ciVariables.flatMap(name => ['-u', name]);
		const assignments = Object.entries({...env, TERM: term})
			.filter(([name]) => !ciVariables.includes(name))
			.map(([name, value]) => `${name}=${value}`);
		await this.tmux(
			'-f',
			config,
			'new-session',
			'-d',
			'-s',
			this.target,
			'-x',
			String(width),
			'-y',
			String(height),
			'-c',
			cwd,
			'--',
			'env',
			...unset,
			...assignments,
			...command,
		);
	}

	/** The visible screen as plain text (one line per row, trailing spaces trimmed). */
	async capture(options: {escapes?: boolean} = {}): Promise<string> {
		return this.tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []), '-t', this.target);
	}

	/** Sends tmux key names: 'j', 'Down', 'Escape', 'Enter', 'C-c', '/', 'PageDown', ... */
	async sendKeys(...keys: string[]): Promise<void> {
		if (keys.length > 0) {
			await this.tmux('send-keys', '-t', this.target, ...keys);
		}
	}

	/** Types `text` literally (no key-name lookup). */
	async sendText(text: string): Promise<void> {
		if (text.length > 0) {
			await this.tmux('send-keys', '-t', this.target, '-l', '--', text);
		}
	}

	/**
	 * Polls the screen until `predicate` (a substring, a RegExp, or a function) holds, and resolves with that
	 * screen. Rejects after timeoutMs (default 10 s) with an Error that shows the last screen; rejects early
	 * if the program has exited and its final screen does not match.
	 */
	async waitFor(predicate: ScreenPredicate, options: WaitOptions = {}): Promise<string> {
		const {timeoutMs = 10_000, intervalMs = 50} = options;
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		let lastAliveCheck = 0;
		let dead = false;
		for (;;) {
			screen = await this.capture();
			if (matches(predicate, screen)) {
				return screen;
			}
			if (dead) {
				// The screen was captured after the program had exited: it will not change any more.
				break;
			}
			if (Date.now() >= deadline) {
				break;
			}
			if (Date.now() - lastAliveCheck >= 500) {
				lastAliveCheck = Date.now();
				dead = !(await this.isAlive());
				if (dead) {
					continue;
				}
			}
			await sleep(intervalMs);
		}
		const status = dead ? `the program exited (status ${await this.exitStatus()})` : `timed out after ${timeoutMs} ms`;
		throw new Error(`waitFor(${describe(predicate)}): ${status}; last screen:\n${frame(screen)}`);
	}

	/** The pane title (set by OSC 0/2 escape sequences; tmux defaults it to the host name). */
	async title(): Promise<string> {
		return (await this.tmux('display-message', '-p', '-t', this.target, '#{pane_title}')).replace(/\n$/, '');
	}

	/** True while the program in the pane runs (false once it exited, or when the server is gone). */
	async isAlive(): Promise<boolean> {
		try {
			return (await this.tmux('display-message', '-p', '-t', this.target, '#{pane_dead}')).trim() === '0';
		} catch {
			return false;
		}
	}

	/**
	 * Exit status of the program once it exited (128 + N when killed by signal N, as in a shell);
	 * undefined while it runs, or when unknown (e.g. after kill()).
	 */
	async exitStatus(): Promise<number | undefined> {
		// tmux sees the pty close (pane_dead) a moment before it reaps the process (status/signal), and
		// tmux 3.3a now and then never reaps it at all (the pane's process stays a zombie). So wait a little,
		// and read a zombie's status from /proc/PID/stat when tmux has none.
		const deadline = Date.now() + 2000;
		for (;;) {
			let fields: string[];
			try {
				const format = '#{pane_dead}:#{pane_dead_status}:#{pane_dead_signal}:#{pane_pid}';
				fields = (await this.tmux('display-message', '-p', '-t', this.target, format)).trim().split(':');
			} catch {
				return undefined;
			}
			const [dead, status, signal, pid] = fields;
			if (dead !== '1') {
				return undefined;
			}
			if (status) {
				return Number(status);
			}
			if (signal) {
				return 128 + Number(signal);
			}
			const zombie = pid ? zombieStatus(pid) : undefined;
			if (zombie !== undefined) {
				return zombie;
			}
			if (Date.now() >= deadline) {
				return undefined;
			}
			await sleep(20);
		}
	}

	/** Resizes the terminal (the program gets SIGWINCH). */
	async resize(width: number, height: number): Promise<void> {
		await this.tmux('resize-window', '-t', this.target, '-x', String(width), '-y', String(height));
	}

	/** Size of the pane as [width, height]. */
	async size(): Promise<[number, number]> {
		const out = (await this.tmux('display-message', '-p', '-t', this.target, '#{pane_width} #{pane_height}')).trim();
		const [w, h] = out.split(' ').map(Number);
		return [w ?? 0, h ?? 0];
	}

	/**
	 * Starts counting the bytes the program writes to the terminal (`pipe-pane -o 'cat >> FILE'`), from now on.
	 * `file` defaults to a file in the session's temporary directory.
	 */
	async startByteCount(file?: string): Promise<void> {
		this.dir ??= mkdtempSync(join(tmpdir(), 'berth-tmux-'));
		this.byteFile = file ?? join(this.dir, 'output.bytes');
		writeFileSync(this.byteFile, '');
		// Stop a previous pipe first: -o only opens a pipe when none is open.
		await this.tmux('pipe-pane', '-t', this.target);
		await this.tmux('pipe-pane', '-o', '-t', this.target, `cat >> ${shellQuote(this.byteFile)}`);
	}

	/** Bytes written since startByteCount() (the pipe may lag a few milliseconds behind the screen). */
	byteCount(): number {
		if (!this.byteFile) {
			throw new Error('byteCount() before startByteCount()');
		}
		try {
			return statSync(this.byteFile).size;
		} catch {
			return 0;
		}
	}

	/** Kills the tmux server (and the program in it) and removes temporary files. Safe to call twice. */
	async kill(): Promise<void> {
		if (this.killed) {
			return;
		}
		this.killed = true;
		liveSessions.delete(this);
		if (this.controlClient) (await this.controlClient.catch(() => undefined))?.close();
		try {
			await this.tmux('kill-server');
		} catch {
			// Never started, or already gone.
		}
		this.removeDir();
	}

	/** kill(), synchronously (used when the process exits). */
	killSync(): void {
		if (this.killed) {
			return;
		}
		this.killed = true;
		liveSessions.delete(this);
		try {
			execFileSync('tmux', ['-L', this.socket, 'kill-server'], {env: this.serverEnv(), stdio: 'ignore', timeout: 5000});
		} catch {
			// Already gone.
		}
		this.removeDir();
	}

	private removeDir(): void {
		if (this.dir) {
			rmSync(this.dir, {recursive: true, force: true});
		}
	}
}

/** Exit status (128 + signal if killed) of a zombie process, from field 52 (exit_code) of /proc/PID/stat. */
function zombieStatus(pid: string): number | undefined {
	let stat: string;
	try {
		stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return undefined;
	}
	// Fields after "PID (COMM) ": the state is field 3, exit_code field 52.
	const rest = stat.slice(stat.lastIndexOf(')') + 2).trim().split(' ');
	if (rest[0] !== 'Z' || rest[49] === undefined) {
		return undefined;
	}
	const code = Number(rest[49]);
	const termSignal = code & 0x7f;
	return termSignal === 0 ? (code >> 8) & 0xff : 128 + termSignal;
}

/** Frames a screen for error messages (blank rows at the bottom are summarised, not printed). */
function frame(screen: string): string {
	const lines = screen.replace(/\n$/, '').split('\n');
	let end = lines.length;
	while (end > 0 && lines[end - 1] === '') {
		end--;
	}
	const shown = lines.slice(0, end).map(line => `| ${line}`);
	if (end < lines.length) {
		shown.push(`| (${lines.length - end} blank rows)`);
	}
	return shown.join('\n');
}
