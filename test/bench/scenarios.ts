// The benchmark's scenarios: each sets up its containers, drives the tools in tmux and returns its figures.
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import {idleCmd, type TestEngine} from '../support/testEngine.js';
import {busyArgs, busyCmd, chattyCmd, type ContainerPlan, type Fleet, floodArgs, floodCmd} from './fleet.js';
import {type EngineCpu, type EngineProcesses, engineCpuSeconds, subtractEngineCpu} from './proc.js';
import {round, sleep, type Spread, spread} from './stats.js';
import {
	berthHeaderCount,
	berthRowOf,
	berthRows,
	berthSelectedLine,
	dockerCli,
	lines,
	RunningTool,
	rowState,
	type RowState,
	type ScreenTest,
	senRowOf,
	senSelectedLine,
	type Tool,
	type ToolId,
} from './terminal.js';

const execFileAsync = promisify(execFile);

/** Pane of the start-up, rest and latency scenarios; scenario 2 uses a taller one so all 50 rows show. */
export const paneSize = {width: 160, height: 48};
export const steadyPaneSize = {width: 160, height: 60};

function log(message: string): void {
	process.stderr.write(`bench: ${message}\n`);
}

/** Wall time (ms) of a command, measured by a shell around it exactly as berth's launch is stamped. */
async function commandMs(argv: readonly string[]): Promise<number> {
	const script = 's=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $((e - s))';
	const {stdout} = await execFileAsync('sh', ['-c', script, 'sh', ...argv], {encoding: 'utf8'});
	return Number(stdout.trim()) / 1e6;
}

// ---------------------------------------------------------------------------------------------------------
// Scenario 1: start-up

export type StartupSize = {
	containers: number;
	running: number;
	exited: number;
	created: number;
	/** Container rows berth draws on a settled 160x48 screen (all of them up to 45). */
	rowsOnScreen: number;
	berthMs: Spread;
	/** From exec to the first key answered (j sent at the first frame). */
	firstKeyMs?: Spread;
	dockerPsMs: Spread;
	/** berth median / docker ps -a median. */
	ratio: number;
	/** The single executable (dist/berth-linux-x64), when it was built: its first frame, and its ratio. */
	executableMs?: Spread;
	executableRatio?: number;
};

export type StartupResult = {
	definition: string;
	sizes: StartupSize[];
	/**
	 * What no Node program can beat (`node -e 0`), berth's leanest paths (`--version`, `--help`) on Node and as
	 * the single executable, and `docker ps -a` at 100 containers measured alongside them (their yardstick).
	 */
	floor: {
		nodeEmptyMs: Spread;
		berthVersionMs: Spread;
		berthHelpMs: Spread;
		executableVersionMs?: Spread;
		executableHelpMs?: Spread;
		dockerPsMs?: Spread;
	};
};

const pad = (n: number) => String(n).padStart(4, '0');

/** Roles of the containers numbered from..to-1 so that a set of n has min(30, 30%) running, min(20, 20%) exited. */
function startupPlans(from: number, to: number): ContainerPlan[] {
	const plans: ContainerPlan[] = [];
	for (let i = from; i < to; i++) {
		// Of the first 10: 3 run, 2 exit; of 10-99: 27 run, 18 exit; from 100 on everything is created.
		const role: ContainerPlan['role'] =
			i < 10 ? (i < 3 ? 'run' : i < 5 ? 'exit' : 'create') : i < 100 ? (i < 37 ? 'run' : i < 55 ? 'exit' : 'create') : 'create';
		plans.push({name: `bench-s-${pad(i)}`, role});
	}
	return plans;
}

export function restPlans(): ContainerPlan[] {
	// The first 10 start-up containers, all left created for the "at rest" measurement (nothing running,
	// and "Created" does not age on screen the way "Up 5 seconds" or "Exited (0) 5 seconds ago" does).
	return startupPlans(0, 10).map(plan => ({...plan, role: 'create' as const, cmd: plan.role === 'run' ? idleCmd : ['true']}));
}

/**
 * From exec to the first complete frame, and to the first key answered: `j`, sent the moment that frame is
 * seen, moving the selection. berth paints its first frame before its UI is loaded; the key waits for it.
 */
async function berthFirstFrame(tool: Tool, n: number, rows: number): Promise<{frameMs: number; keyMs: number}> {
	const run = await RunningTool.launch(tool, paneSize);
	try {
		const test: ScreenTest = screen => berthHeaderCount(screen) === n && berthRows(screen).length >= rows;
		const seen = await run.watch(test, {timeoutMs: 30_000});
		if (!seen) throw new Error(`berth: no first frame of ${n} containers within 30 s; screen:\n${(await run.capture()).split('\n').slice(0, 8).join('\n')}`);
		const launched = await run.launchedAt();
		const selected = berthSelectedLine(seen.screen);
		const keyMs = await run.keyToScreen({keys: ['j']}, screen => berthSelectedLine(screen) === selected + 1, {timeoutMs: 10_000});
		if (keyMs === undefined) throw new Error(`berth: j did not move the selection within 10 s of the first frame (${n} containers)`);
		return {frameMs: seen.at - launched, keyMs: seen.at + keyMs - launched};
	} finally {
		await run.kill();
	}
}

/** Rows on a settled screen: the number a complete frame must show (min(N, screen rows)). */
async function berthSettledRows(tool: Tool, n: number): Promise<number> {
	const run = await RunningTool.launch(tool, paneSize);
	try {
		await run.poll(screen => berthHeaderCount(screen) === n, {intervalMs: 50, timeoutMs: 30_000});
		await sleep(1500);
		return berthRows(await run.capture()).length;
	} finally {
		await run.kill();
	}
}

export async function startup(options: {
	engine: TestEngine;
	fleet: Fleet;
	berth: Tool;
	/** berth as the single executable, when it was built (npm run build:exe). */
	executable?: Tool;
	sizes: number[];
	runs: number;
	/** The first 10 exist already, all created (restPlans()): start those planned as running or exiting. */
	restCreated: boolean;
}): Promise<StartupResult> {
	const {engine, fleet, berth, executable, runs} = options;
	const sizes: StartupSize[] = [];
	let have = 0;
	let floor: StartupResult['floor'] | undefined;
	/** Turn by turn, more runs than the first frames (each is a few tens of milliseconds); the first discarded. */
	const measureFloor = async (withDockerPs: boolean): Promise<StartupResult['floor']> => {
		const node = berth.command[0]!;
		// berth's command without its --host: node, the flags of dist/cli.js's first line, and dist/cli.js.
		const berthAlone = berth.command.slice(0, berth.command.indexOf('--host'));
		const figures = {nodeEmpty: [] as number[], berthVersion: [] as number[], berthHelp: [] as number[]};
		const executableVersion: number[] = [];
		const executableHelp: number[] = [];
		const dockerPs: number[] = [];
		for (let i = 0; i < 2 * runs + 1; i++) {
			figures.nodeEmpty.push(await commandMs([node, '-e', '0']));
			figures.berthVersion.push(await commandMs([...berthAlone, '--version']));
			figures.berthHelp.push(await commandMs([...berthAlone, '--help']));
			if (executable) {
				executableVersion.push(await commandMs([executable.command[0]!, '--version']));
				executableHelp.push(await commandMs([executable.command[0]!, '--help']));
			}
			if (withDockerPs) dockerPs.push(await commandMs([dockerCli, '-H', engine.dockerHost, 'ps', '-a']));
		}
		return {
			nodeEmptyMs: spread(figures.nodeEmpty.slice(1)),
			berthVersionMs: spread(figures.berthVersion.slice(1)),
			berthHelpMs: spread(figures.berthHelp.slice(1)),
			...(executable ? {executableVersionMs: spread(executableVersion.slice(1)), executableHelpMs: spread(executableHelp.slice(1))} : {}),
			...(withDockerPs ? {dockerPsMs: spread(dockerPs.slice(1))} : {}),
		};
	};
	if (options.restCreated) {
		await fleet.start(startupPlans(0, 10).filter(plan => plan.role !== 'create').map(plan => plan.name));
		have = 10;
	}
	for (const n of options.sizes) {
		if (n > have) {
			log(`start-up: creating containers ${have}..${n - 1}`);
			await fleet.add(startupPlans(have, n));
			have = n;
		}
		const plans = startupPlans(0, n);
		const rows = await berthSettledRows(berth, n);
		if (rows === 0) throw new Error(`start-up: berth shows no container rows with ${n} containers`);
		await commandMs([dockerCli, '-H', engine.dockerHost, 'ps', '-a']); // warm-up, as berth's was
		const berthMs: number[] = [];
		const keyMs: number[] = [];
		const psMs: number[] = [];
		const executableMs: number[] = [];
		if (executable) await berthFirstFrame(executable, n, rows); // warm-up: its first run maps 150 MB
		for (let i = 0; i < runs; i++) {
			const first = await berthFirstFrame(berth, n, rows);
			berthMs.push(first.frameMs);
			keyMs.push(first.keyMs);
			psMs.push(await commandMs([dockerCli, '-H', engine.dockerHost, 'ps', '-a']));
			if (executable) executableMs.push((await berthFirstFrame(executable, n, rows)).frameMs);
		}
		const size: StartupSize = {
			containers: n,
			running: plans.filter(plan => plan.role === 'run').length,
			exited: plans.filter(plan => plan.role === 'exit').length,
			created: plans.filter(plan => plan.role === 'create').length,
			rowsOnScreen: rows,
			berthMs: spread(berthMs),
			firstKeyMs: spread(keyMs),
			dockerPsMs: spread(psMs),
			ratio: 0,
		};
		size.ratio = round(size.berthMs.median / size.dockerPsMs.median, 2);
		if (executable) {
			size.executableMs = spread(executableMs);
			size.executableRatio = round(size.executableMs.median / size.dockerPsMs.median, 2);
		}
		// The lean paths, side by side with `docker ps -a` at 100 containers, their yardstick.
		if (n === 100) floor = await measureFloor(true);
		log(
			`start-up ${n}: berth ${size.berthMs.median} ms, docker ps -a ${size.dockerPsMs.median} ms` +
				(size.executableMs ? `, the executable ${size.executableMs.median} ms` : ''),
		);
		sizes.push(size);
	}
	floor ??= await measureFloor(false);
	return {
		definition:
			'time from exec of the program (stamped by the launching shell) to the first tmux capture (taken through a tmux ' +
			'control-mode client each time the pane writes) whose header says `N containers` with the full N and that shows ' +
			'min(N, rows that fit) container rows (45 on a 160x48 pane); CPU and memory columns may still be empty then. berth ' +
			'paints that frame before its UI (React, Ink, dockerode) is loaded; "first key answered" is from exec to the screen ' +
			'where `j`, sent the moment the first frame shows, has moved the selection. `docker ps -a`: wall time of the CLI, ' +
			'output to /dev/null. One warm-up run of each is discarded. berth runs as the npm package does (`node dist/cli.js`, ' +
			"the project's Node) and, when built, as the single executable (dist/berth-linux-x64), taking turns with `docker ps -a`.",
		sizes,
		floor,
	};
}

// ---------------------------------------------------------------------------------------------------------
// Scenario 4, at rest, and scenario 2/3/4 under load

export type RestFigures = {seconds: number; bytes: number; bytesPerSecond: number; cpuSeconds: number};

export async function atRest(tool: Tool, ready: ScreenTest, seconds: number): Promise<RestFigures> {
	const run = await RunningTool.launch(tool, paneSize);
	try {
		await run.poll(ready, {intervalMs: 100, timeoutMs: 30_000});
		await sleep(2000);
		const cpu0 = run.cpuSeconds();
		await run.term.startByteCount();
		await sleep(seconds * 1000);
		const bytes = run.term.byteCount();
		const cpuSeconds = run.cpuSeconds() - cpu0;
		return {seconds, bytes, bytesPerSecond: round(bytes / seconds, 1), cpuSeconds: round(cpuSeconds, 2)};
	} finally {
		await run.kill();
	}
}

export type SteadyFigures = {
	seconds: number;
	cpuSeconds: number;
	/** Of one core. */
	cpuPercent: number;
	peakRssMib: number;
	rssMibAtEnd: number;
	bytes: number;
	bytesPerSecond: number;
	output: OutputMix;
	/** Engine CPU seconds while the tool ran. */
	engineCpu: EngineCpu;
	/** Engine CPU seconds above the idle baseline (scaled to the same duration), dockerd + containerd + shims. */
	engineExtraCpuSeconds: number;
	engineExtraByProcess: EngineCpu;
	/** With several runs: every run's CPU and extra engine CPU (the figures above are their medians). */
	runs?: {cpuSeconds: number[]; engineExtraCpuSeconds: number[]};
};

/**
 * Several runs of one tool as one set of figures: the medians of CPU and of extra engine CPU; the rest
 * (RSS, bytes) from the run whose CPU is the median.
 */
export function medianOfRuns(runs: readonly SteadyFigures[]): SteadyFigures {
	const cpu = spread(runs.map(run => run.cpuSeconds));
	const engine = spread(runs.map(run => run.engineExtraCpuSeconds));
	const middle = [...runs].sort((a, b) => a.cpuSeconds - b.cpuSeconds)[Math.floor((runs.length - 1) / 2)]!;
	return {
		...middle,
		cpuSeconds: round(cpu.median, 2),
		cpuPercent: round((cpu.median / middle.seconds) * 100, 2),
		engineExtraCpuSeconds: round(engine.median, 2),
		runs: {cpuSeconds: runs.map(run => run.cpuSeconds), engineExtraCpuSeconds: runs.map(run => run.engineExtraCpuSeconds)},
	};
}

/** What the bytes a tool wrote consist of. */
export type OutputMix = {
	/** Bytes of control sequences (CSI: cursor moves, erasing, colours, synchronized updates). */
	controlBytes: number;
	/** Bytes of colour sequences that are switched on and straight off again around nothing (`ESC[32m ESC[39m`). */
	emptyColourBytes: number;
	/** Lines started (CR or LF). */
	lineWrites: number;
};

export function outputMix(file: string): OutputMix {
	let text = '';
	try {
		text = readFileSync(file, 'latin1');
	} catch {
		return {controlBytes: 0, emptyColourBytes: 0, lineWrites: 0};
	}
	const sum = (pattern: RegExp) => [...text.matchAll(pattern)].reduce((total, match) => total + match[0].length, 0);
	return {
		controlBytes: sum(/\u001B\[[0-9;?]*[A-Za-z]/g),
		emptyColourBytes: sum(/\u001B\[(?:3[0-7]|9[0-7]|38;[0-9;]+)m\u001B\[39m/g),
		lineWrites: (text.match(/\r\n|\r|\n/g) ?? []).length,
	};
}

export async function idleEngine(processes: EngineProcesses, seconds: number): Promise<EngineCpu> {
	const start = engineCpuSeconds(processes);
	await sleep(seconds * 1000);
	return subtractEngineCpu(engineCpuSeconds(processes), start);
}

export async function steady(options: {
	tool: Tool;
	ready: ScreenTest;
	seconds: number;
	processes: EngineProcesses;
	/** Engine CPU seconds per second without any client. */
	baselinePerSecond: EngineCpu;
}): Promise<SteadyFigures> {
	const {tool, seconds, processes, baselinePerSecond} = options;
	const run = await RunningTool.launch(tool, steadyPaneSize);
	try {
		await run.poll(options.ready, {intervalMs: 200, timeoutMs: 60_000});
		await sleep(2000);
		const cpu0 = run.cpuSeconds();
		const engine0 = engineCpuSeconds(processes);
		const t0 = Date.now();
		await run.term.startByteCount(run.outputFile());
		await sleep(seconds * 1000);
		const bytes = run.term.byteCount();
		const cpu = run.cpuSeconds() - cpu0;
		const mix = outputMix(run.outputFile());
		const engine = subtractEngineCpu(engineCpuSeconds(processes), engine0);
		const elapsed = (Date.now() - t0) / 1000;
		const extra: EngineCpu = {
			dockerd: round(engine.dockerd - baselinePerSecond.dockerd * elapsed, 2),
			containerd: round(engine.containerd - baselinePerSecond.containerd * elapsed, 2),
			shims: round(engine.shims - baselinePerSecond.shims * elapsed, 2),
		};
		return {
			seconds,
			cpuSeconds: round(cpu, 2),
			cpuPercent: round((cpu / elapsed) * 100, 2),
			peakRssMib: round(run.peakRssMib(), 1),
			rssMibAtEnd: round(run.rssMib(), 1),
			bytes,
			bytesPerSecond: round(bytes / seconds, 1),
			output: mix,
			engineCpu: {dockerd: round(engine.dockerd, 2), containerd: round(engine.containerd, 2), shims: round(engine.shims, 2)},
			engineExtraCpuSeconds: round(extra.dockerd + extra.containerd + extra.shims, 2),
			engineExtraByProcess: extra,
		};
	} finally {
		await run.kill();
	}
}

export function busyPlans(count: number): ContainerPlan[] {
	return Array.from({length: count}, (_, i) => ({
		name: `bench-busy-${String(i + 1).padStart(2, '0')}`,
		role: 'run' as const,
		args: busyArgs,
		cmd: busyCmd,
	}));
}

// ---------------------------------------------------------------------------------------------------------
// Scenarios 5, 6, 7: events, keys, log flood

export const eventName = 'bench-event';
export const chattyName = 'bench-0-chatty';
export const floodName = 'bench-0-flood';

export function latencyPlans(): ContainerPlan[] {
	return [
		{name: chattyName, role: 'run', cmd: chattyCmd},
		{name: eventName, role: 'run'},
		...Array.from({length: 20}, (_, i) => ({name: `bench-k-${String(i + 1).padStart(2, '0')}`, role: 'create' as const})),
	];
}

export function floodPlan(): ContainerPlan {
	return {name: floodName, role: 'run', args: floodArgs, cmd: floodCmd};
}

type Reader = {
	rowOf: (screen: string, name: string) => string | undefined;
	selectedLine: (screen: string) => number;
	/** sen's selection shows only in colours: capture with escapes. */
	escapes: boolean;
};

export const readers: Record<'berth' | 'sen', Reader> = {
	berth: {rowOf: berthRowOf, selectedLine: berthSelectedLine, escapes: false},
	sen: {rowOf: senRowOf, selectedLine: senSelectedLine, escapes: true},
};

export type EventFigures = {
	rounds: number;
	/** From the moment the docker CLI was started to the capture showing the new status. */
	msFromIssue: Spread;
	/** From the moment the docker CLI returned (the engine had done it); negative if the screen was first. */
	msAfterCommandReturned: Spread;
	/** How long the docker command itself took (CLI start, request, the engine doing it). */
	commandMs: Spread;
	byAction: Record<string, Spread>;
	timeouts: number;
};

const eventCycle: Array<{action: string; expect: RowState}> = [
	{action: 'pause', expect: 'paused'},
	{action: 'unpause', expect: 'up'},
	{action: 'stop', expect: 'exited'},
	{action: 'start', expect: 'up'},
];

export async function eventsToScreen(run: RunningTool, reader: Reader, engine: TestEngine, rounds: number): Promise<EventFigures> {
	const fromIssue: number[] = [];
	const afterReturn: number[] = [];
	const commandTimes: number[] = [];
	const byAction: Record<string, number[]> = {};
	let timeouts = 0;
	await run.poll(screen => rowState(reader.rowOf(screen, eventName)) === 'up', {intervalMs: 50, timeoutMs: 30_000});
	for (let i = 0; i < rounds; i++) {
		const {action, expect} = eventCycle[i % eventCycle.length]!;
		await sleep(200);
		const t0 = Date.now();
		let returnedAt = 0;
		const command = engine.docker(action, eventName).then(() => {
			returnedAt = Date.now();
		});
		try {
			const seen = await run.watch(screen => rowState(reader.rowOf(screen, eventName)) === expect, {timeoutMs: 10_000});
			if (!seen) throw new Error('not on screen');
			const {at} = seen;
			await command;
			commandTimes.push(returnedAt - t0);
			fromIssue.push(at - t0);
			afterReturn.push(at - returnedAt);
			(byAction[action] ??= []).push(at - t0);
		} catch {
			timeouts++;
			await command;
		}
	}
	// Leave it running for what follows.
	if (rowState(reader.rowOf(await run.capture(), eventName)) !== 'up') {
		await engine.docker('start', eventName).catch(() => engine.docker('unpause', eventName));
	}
	return {
		rounds,
		msFromIssue: spread(fromIssue),
		msAfterCommandReturned: spread(afterReturn),
		commandMs: spread(commandTimes),
		byAction: Object.fromEntries(Object.entries(byAction).map(([action, values]) => [action, spread(values)])),
		timeouts,
	};
}

export type KeyFigures = {presses: number; ms: Spread; timeouts: number};

/** Presses j and k in turn, timing each until the selection has moved one row. */
export async function keysToScreen(run: RunningTool, reader: Reader, presses: number): Promise<KeyFigures> {
	const values: number[] = [];
	let timeouts = 0;
	for (let i = 0; i < presses; i++) {
		const key = i % 2 === 0 ? 'j' : 'k';
		await sleep(150);
		const before = reader.selectedLine(await run.capture(reader.escapes));
		if (before < 0) throw new Error(`${run.tool.label}: no selected row on screen`);
		const expected = before + (key === 'j' ? 1 : -1);
		const ms = await run.keyToScreen({keys: [key]}, screen => reader.selectedLine(screen) === expected, {timeoutMs: 5000, escapes: reader.escapes});
		if (ms === undefined) timeouts++;
		else values.push(ms);
	}
	return {presses, ms: spread(values), timeouts};
}

export const logsNotBuilt = 'not measurable yet: logs pane not built';

/**
 * Selects the container's row in berth with j/k, one key at a time, each time waiting for the pointer to
 * move (under a log flood berth may take a while: keys sent blindly would overshoot).
 */
async function selectBerthRow(run: RunningTool, name: string): Promise<void> {
	for (let attempt = 0; attempt < 60; attempt++) {
		const screen = await run.capture();
		const selected = berthSelectedLine(screen);
		const target = lines(screen).findIndex(line => line === berthRowOf(screen, name));
		if (target >= 0 && selected === target) return;
		if (target < 0 || selected < 0) {
			await sleep(100);
			continue;
		}
		await run.term.sendKeys(target > selected ? 'j' : 'k');
		await run.poll(next => berthSelectedLine(next) !== selected, {intervalMs: 20, timeoutMs: 5000}).catch(() => undefined);
	}
	throw new Error(`berth: could not select ${name}; screen:\n${(await run.capture()).split('\n').slice(0, 8).join('\n')}`);
}

/**
 * Whether berth's `l` opens a logs pane: with the chatty container selected, its log lines must show
 * within 3 s. Leaves the logs pane open when it does, and the list as it was when it does not.
 */
export async function berthLogsKeyWorks(run: RunningTool): Promise<boolean> {
	await selectBerthRow(run, chattyName);
	await run.term.sendKeys('l');
	try {
		await run.poll(screen => /chatty line \d+/.test(screen), {intervalMs: 50, timeoutMs: 3000});
		return true;
	} catch {
		await run.term.sendKeys('Escape');
		await sleep(300);
		return false;
	}
}

/** Key to screen for `l`: from the list with `name` selected to the first frame showing its log lines. */
export async function openLogsToScreen(run: RunningTool, name: string, pattern: RegExp, presses: number): Promise<KeyFigures> {
	const values: number[] = [];
	let timeouts = 0;
	for (let i = 0; i < presses; i++) {
		await run.term.sendKeys('Escape');
		await run.poll(screen => berthHeaderCount(screen) !== undefined && !pattern.test(screen), {intervalMs: 20, timeoutMs: 5000});
		await selectBerthRow(run, name);
		await sleep(150);
		const ms = await run.keyToScreen({keys: ['l']}, screen => pattern.test(screen), {timeoutMs: 5000});
		if (ms === undefined) timeouts++;
		else values.push(ms);
	}
	return {presses, ms: spread(values), timeouts};
}

export type LogFloodFigures = {
	seconds: number;
	/** [seconds since start, RSS MiB] every second. */
	samples: Array<[number, number]>;
	startMib: number;
	endMib: number;
	/** RSS half-way through. */
	halfMib: number;
	peakMib: number;
	/** RSS at the end minus RSS half-way through: + means growth. */
	growthMib: number;
	/** How fast the container logged (the line numbers on screen at the start and the end). */
	linesPerSecond: number;
	flat: boolean;
	cpuSeconds: number;
};

/** RSS of berth following a flooding container's log (the logs pane must be open on it). */
export async function rssUnderLogFlood(run: RunningTool, seconds: number): Promise<LogFloodFigures> {
	const samples: Array<[number, number]> = [];
	const lastLine = (screen: string) => Math.max(0, ...[...screen.matchAll(/flood line (\d+)/g)].map(match => Number(match[1])));
	const firstLine = lastLine(await run.capture());
	const cpu0 = run.cpuSeconds();
	const t0 = Date.now();
	for (let s = 0; s <= seconds; s++) {
		samples.push([s, round(run.rssMib(), 1)]);
		if (s < seconds) await sleep(Math.max(0, t0 + (s + 1) * 1000 - Date.now()));
	}
	// A leak grows all along; filling buffers and the heap settling happen early. Judge the second half.
	const half = samples[Math.floor(samples.length / 2)]![1];
	const endMib = samples.at(-1)![1];
	const growthMib = round(endMib - half, 1);
	return {
		seconds,
		samples,
		startMib: samples[0]![1],
		halfMib: half,
		endMib,
		peakMib: Math.max(...samples.map(([, mib]) => mib)),
		growthMib,
		linesPerSecond: Math.round((lastLine(await run.capture()) - firstLine) / ((Date.now() - t0) / 1000)),
		// Flat: at most 10% (and at least 5 MiB, the garbage collector's rhythm) over the second half.
		flat: growthMib <= Math.max(5, half * 0.1),
		cpuSeconds: round(run.cpuSeconds() - cpu0, 2),
	};
}

export type ToolAbsent = {absent: string};

export function isAbsent<T extends object>(value: T | ToolAbsent | undefined): value is ToolAbsent | undefined {
	return value === undefined || 'absent' in value;
}

export type PerTool<T> = Partial<Record<ToolId, T | ToolAbsent>>;
