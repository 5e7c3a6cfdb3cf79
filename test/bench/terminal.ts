// The tools under test in a real terminal (tmux): launching them, timing screens, reading their rows.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {berthLaunch, TmuxSession} from '../support/tmux.js';
import {processTree, treeCpuSeconds, treeMemoryMib} from './proc.js';

/** pager: `less` on a long text, the terminal's floor for a key's answer (what any program gets). */
export type ToolId = 'berth' | 'docker-stats' | 'sen' | 'pager';

export type Tool = {
	id: ToolId;
	/** As the tables name it. */
	label: string;
	command: string[];
	env: Record<string, string>;
};

export const dockerCli: string = process.env.BERTH_DOCKER_CLI || 'docker';

export function benchTools(dockerHost: string): Record<ToolId, Tool> {
	return {
		berth: {id: 'berth', label: 'berth', command: berthLaunch(['--host', dockerHost]), env: {}},
		'docker-stats': {id: 'docker-stats', label: 'docker stats', command: [dockerCli, '-H', dockerHost, 'stats'], env: {}},
		sen: {id: 'sen', label: 'sen', command: ['sen'], env: {DOCKER_HOST: dockerHost}},
		pager: {id: 'pager', label: 'less', command: ['sh', '-c', 'seq 1 100000 | less'], env: {}},
	};
}

/** Why sen cannot take part, or undefined when it can (it is a Debian package: installed by run.ts). */
export function senMissing(): string | undefined {
	try {
		execFileSync('sh', ['-c', 'command -v sen'], {stdio: 'ignore'});
		return undefined;
	} catch {
		return 'sen is not installed (apt-get install sen failed or apt is missing)';
	}
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** Date.now() with the monotonic clock's fraction of a millisecond. */
function wallClock(): number {
	return performance.timeOrigin + performance.now();
}

export type Timed = {screen: string; /** Date.now() when the matching capture returned. */ at: number};

export type ScreenTest = (screen: string) => boolean;

/** One tool running in its own tmux server, with the time it was launched and the pid of its process. */
export class RunningTool {
	private constructor(
		readonly tool: Tool,
		readonly term: TmuxSession,
		private readonly stampDir: string,
		/** The pane's process: the tool itself once the launcher has exec'd it. */
		readonly pid: number,
	) {}

	/**
	 * Starts the tool in a width x height pane. A tiny shell records the wall clock (ns) just before it execs
	 * the tool, so launchedAt() excludes tmux's own start-up.
	 */
	static async launch(tool: Tool, size: {width: number; height: number}): Promise<RunningTool> {
		const stampDir = mkdtempSync(join(tmpdir(), 'berth-bench-'));
		const term = new TmuxSession();
		await term.start({
			command: ['sh', '-c', 'date +%s%N > "$0" && exec "$@"', join(stampDir, 'launched'), ...tool.command],
			env: tool.env,
			width: size.width,
			height: size.height,
			term: 'xterm-256color',
		});
		const pid = Number((await term.tmux('display-message', '-p', '-t', term.target, '#{pane_pid}')).trim());
		return new RunningTool(tool, term, stampDir, pid);
	}

	/** Date.now()-style ms at which the tool was exec'd. */
	async launchedAt(): Promise<number> {
		for (let i = 0; i < 500; i++) {
			try {
				const text = readFileSync(join(this.stampDir, 'launched'), 'utf8').trim();
				if (text) return Number(BigInt(text) / 1000n) / 1000;
			} catch {
				// Not written yet.
			}
			await sleep(2);
		}
		throw new Error(`${this.tool.label}: the launcher never wrote its time stamp`);
	}

	/** Where startByteCount(file) may write the tool's output for a closer look. */
	outputFile(): string {
		return join(this.stampDir, 'output.bytes');
	}

	async capture(escapes = false): Promise<string> {
		return this.term.capture({escapes});
	}

	/**
	 * A capture through the control client, as watch() takes them: no tmux process is started, so this
	 * process (which times the keys) does not block while one forks.
	 */
	async look(): Promise<string> {
		const control = await this.term.control();
		return control.run(...this.captureCommand(false));
	}

	/** tmux's command for a capture of this pane, for the control client. */
	private captureCommand(escapes: boolean): string[] {
		return ['capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', this.term.target];
	}

	/**
	 * Captures the screen every intervalMs until test() holds; resolves with that screen and the time the
	 * capture returned (an upper bound of when the frame appeared: at most one interval plus one capture late).
	 */
	async poll(test: ScreenTest, options: {intervalMs: number; timeoutMs: number; escapes?: boolean}): Promise<Timed> {
		const deadline = Date.now() + options.timeoutMs;
		let screen = '';
		for (;;) {
			const before = Date.now();
			screen = await this.capture(options.escapes ?? false);
			const at = Date.now();
			if (test(screen)) return {screen, at};
			if (at >= deadline) break;
			await sleep(Math.max(0, options.intervalMs - (Date.now() - before)));
		}
		const alive = await this.term.isAlive();
		throw new Error(
			`${this.tool.label}: screen not reached within ${options.timeoutMs} ms${alive ? '' : ' (the program exited)'}; last screen:\n${screen
				.split('\n')
				.slice(0, 12)
				.join('\n')}`,
		);
	}

	/**
	 * Watches the screen until test() holds; resolves with that screen and when its capture returned
	 * (Date.now()-style ms, to the microsecond), or undefined after timeoutMs. Captures go through tmux's
	 * control mode, one each time the pane writes (and every 20 ms besides): the time is the tool's and tmux's,
	 * not that of starting a `tmux capture-pane` process per look, nor of a polling interval.
	 */
	async watch(test: ScreenTest, options: {timeoutMs: number; escapes?: boolean}): Promise<Timed | undefined> {
		const control = await this.term.control();
		const captureArgs = this.captureCommand(options.escapes ?? false);
		const deadline = wallClock() + options.timeoutMs;
		let wrote = false;
		let wake: (() => void) | undefined;
		const unsubscribe = control.onOutput(() => {
			wrote = true;
			wake?.();
		});
		try {
			for (;;) {
				wrote = false;
				const screen = await control.run(...captureArgs);
				const at = wallClock();
				if (test(screen)) return {screen, at};
				if (at >= deadline) return undefined;
				if (!wrote) {
					await new Promise<void>(resolve => {
						const timer = setTimeout(resolve, 20);
						wake = () => {
							clearTimeout(timer);
							resolve();
						};
					});
					wake = undefined;
				}
			}
		} finally {
			unsubscribe();
		}
	}

	/**
	 * Sends keys (tmux key names, or text typed literally) through the control client and times them to the
	 * first screen for which test() holds, in ms; undefined when none did within timeoutMs.
	 */
	async keyToScreen(send: {keys: string[]} | {text: string}, test: ScreenTest, options: {timeoutMs: number; escapes?: boolean}): Promise<number | undefined> {
		const control = await this.term.control();
		const t0 = wallClock();
		await control.run('send-keys', '-t', this.term.target, ...('keys' in send ? send.keys : ['-l', '--', send.text]));
		const seen = await this.watch(test, options);
		return seen ? seen.at - t0 : undefined;
	}

	/** CPU seconds of the tool and its descendants so far. */
	cpuSeconds(): number {
		return treeCpuSeconds(this.pid);
	}

	/** Peak resident set (VmHWM) of the tool's processes, MiB. */
	peakRssMib(): number {
		return treeMemoryMib(this.pid, 'VmHWM');
	}

	rssMib(): number {
		return treeMemoryMib(this.pid, 'VmRSS');
	}

	processes(): number[] {
		return processTree(this.pid);
	}

	async kill(): Promise<void> {
		await this.term.kill();
		rmSync(this.stampDir, {recursive: true, force: true});
	}
}

// ---------------------------------------------------------------------------------------------------------
// Reading the screens. berth: pointer in column 0 (› or >), mark in column 1, the name from column 2.
// sen: the name with a leading slash, the selected row on a coloured background. docker stats: one row each.

export function lines(screen: string): string[] {
	return screen.replace(/\n$/, '').split('\n');
}

/** The count in berth's header (`berth · connected · 1000 containers: ...`). */
export function berthHeaderCount(screen: string): number | undefined {
	const match = /(?:^|\s)(\d+) containers?:/.exec(lines(screen)[0] ?? '');
	return match ? Number(match[1]) : undefined;
}

export function berthRows(screen: string, prefix = 'bench-'): string[] {
	return lines(screen).filter(line => line.length > 2 && /^[›> ][ *!]/.test(line) && line.slice(2).startsWith(prefix));
}

export function berthRowOf(screen: string, name: string): string | undefined {
	return lines(screen).find(line => /^[›> ][ *!]/.test(line) && new RegExp(`^${name}(\\s|$)`).test(line.slice(2)));
}

/** Index (screen line) of berth's selected row, or -1. */
export function berthSelectedLine(screen: string): number {
	return lines(screen).findIndex(line => /^[›>][ *!]\S/.test(line));
}

export function senRowOf(screen: string, name: string): string | undefined {
	return lines(screen).find(line => new RegExp(`/${name}(\\s|$)`).test(line));
}

/** Index of sen's selected row in a capture with escapes (-e): the one line drawn on a 256-colour background. */
export function senSelectedLine(screenWithEscapes: string): number {
	return lines(screenWithEscapes).findIndex(line => /\u001B\[[0-9;]*48;5;\d+/.test(line) && line.includes('/bench-'));
}

/** The status a row shows, as the tests of scenario 5 need it. */
export type RowState = 'paused' | 'up' | 'exited' | 'absent';

export function rowState(row: string | undefined): RowState {
	if (row === undefined) return 'absent';
	if (/\(Paused\)/.test(row)) return 'paused';
	if (/\bExited\b/.test(row)) return 'exited';
	if (/\bUp\b/.test(row)) return 'up';
	return 'absent';
}
