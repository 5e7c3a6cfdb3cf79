// Issue #21's figures: memory (50 running, 1000 containers, a log flood and after it, a storm, a churn soak),
// the storm's convergence and keys during it, and CPU at --refresh 1 beside `docker stats`, each with its
// target and the peer's figure from the same run. Run by run.ts under BENCH_ONLY=...,trust.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {monitorEventLoopDelay} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import type {TestEngine} from '../support/testEngine.js';
import type {Fleet} from './fleet.js';
import {engineCpuSeconds, type EngineProcesses, readProcessStat, type Sched, schedOf, subtractEngineCpu} from './proc.js';
import {busyPlans, floodPlan, floodName} from './scenarios.js';
import {round, sleep, spread, type Spread} from './stats.js';
import {berthHeaderCount, berthRowOf, berthSelectedLine, RunningTool, type Tool} from './terminal.js';

const pane = {width: 160, height: 60};

export type TrustSettings = {seconds: number; floodSeconds: number; afterFloodSeconds: number; soakSeconds: number; stormStarts: number};

export type TrustLine = {figure: string; berth: string; peer: string; target: string; met: boolean | undefined};

export type TrustResults = {lines: TrustLine[]; raw: Record<string, unknown>};

const mib = (value: number) => `${round(value, 1)} MiB`;

/** RSS of the tool every second for `seconds`, and its VmHWM at the end. */
async function sampleRss(run: RunningTool, seconds: number): Promise<{samples: number[]; peak: number; hwm: number}> {
	const samples: number[] = [];
	const t0 = Date.now();
	for (let s = 0; s <= seconds; s++) {
		samples.push(round(run.rssMib(), 1));
		if (s < seconds) await sleep(Math.max(0, t0 + (s + 1) * 1000 - Date.now()));
	}

	return {samples, peak: Math.max(...samples), hwm: round(run.peakRssMib(), 1)};
}

/** Noted inside berth's process by insideBerth.mjs. */
const insideModule = fileURLToPath(new URL('insideBerth.mjs', import.meta.url));

type Inside = {pid?: number; reactions: Array<[number, number]>; marks: Array<[number, number, number]>};

function readInside(path: string): Inside {
	try {
		const saves = readFileSync(path, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map(line => JSON.parse(line) as Inside);
		return {pid: saves[0]?.pid, reactions: saves.flatMap(save => save.reactions), marks: saves.flatMap(save => save.marks)};
	} catch {
		return {reactions: [], marks: []};
	}
}

/**
 * One of berth's keys in the storm: its time end to end; how long it waited to be read and berth's reaction
 * (read to frame written); and from its sending to its frame, how long berth's main thread was on a core and
 * waited for one (the rest it was asleep: in the wait, the key not yet there).
 */
type InsideKey = {totalMs: number; waitedMs: number; reactionMs: number} & Sched;

/**
 * Each key sent (`sent`: Date.now() and berth's main thread's count then; `totals`, its time to the screen)
 * matched with the first read inside berth after it and the frame written after that read.
 */
function insideTheKeys(noted: Inside, sent: ReadonlyArray<{at: number; sched: Sched | undefined}>, totals: readonly number[]): InsideKey[] {
	const keys: InsideKey[] = [];
	sent.forEach(({at, sched}, index) => {
		const totalMs = totals[index];
		const reaction = noted.reactions.find(([readAt]) => readAt >= at);
		if (totalMs === undefined || !sched || !reaction || reaction[0] > at + totalMs + 50) return;
		const written = noted.marks.find(([markAt]) => markAt >= reaction[0] + reaction[1]);
		if (!written) return;
		keys.push({totalMs, waitedMs: reaction[0] - at, reactionMs: reaction[1], ran: written[1] - sched.ran, queued: written[2] - sched.queued});
	});
	return keys;
}

function insideLine(keys: readonly InsideKey[], sent: number): string {
	if (keys.length === 0) return 'not noted (insideBerth.mjs wrote nothing)';
	const waited = spread(keys.map(key => key.waitedMs));
	const reactions = spread(keys.map(key => key.reactionMs));
	const parts = `read ${round(waited.median, 0)} / ${round(waited.max, 0)} ms after it was sent, its frame written ${round(reactions.median, 0)} / ${round(reactions.max, 0)} ms after the read (${keys.length} of ${sent} keys matched)`;
	const slow = keys.filter(key => key.totalMs > 100);
	if (slow.length === 0) return `${parts}; no key over 100 ms`;
	// Each slow key's time: berth's main thread on a core, waiting for one, asleep (the key not yet read, or a
	// blocking call), from the key's sending to its frame; and the terminal's part after the frame.
	const split = slow.map(key => {
		const inBerth = key.waitedMs + key.reactionMs;
		const ran = Math.min(inBerth, Math.max(0, key.ran));
		const queued = Math.min(inBerth - ran, Math.max(0, key.queued));
		return {total: key.totalMs, ran, queued, asleep: inBerth - ran - queued, terminal: Math.max(0, key.totalMs - inBerth)};
	});
	const sum = (pick: (part: (typeof split)[number]) => number) => round(split.reduce((total, part) => total + pick(part), 0), 0);
	const each = split.map(part => [part.total, part.ran, part.queued, part.asleep, part.terminal].map(ms => round(ms, 0)).join('/')).join(', ');
	return `${parts}; the ${slow.length} over 100 ms took ${sum(part => part.total)} ms in all: berth's main thread on a core ${sum(part => part.ran)} ms, waiting for a core ${sum(part => part.queued)} ms, asleep ${sum(part => part.asleep)} ms (the key not yet read or a blocking call), the terminal after the frame ${sum(part => part.terminal)} ms (each as total/on a core/waiting/asleep/terminal: ${each} ms)`;
}

/** less's keys over 100 ms as the kernel counted them for it: on a core, waiting for one, the rest. */
function pagerLine(keys: ReadonlyArray<Sched & {totalMs: number}>): string {
	const slow = keys.filter(key => key.totalMs > 100);
	if (keys.length === 0) return '-';
	if (slow.length === 0) return 'less: no key over 100 ms';
	const sum = (pick: (key: (typeof slow)[number]) => number) => round(slow.reduce((total, key) => total + pick(key), 0), 0);
	return `less: its ${slow.length} over 100 ms took ${sum(key => key.totalMs)} ms in all: less on a core ${sum(key => key.ran)} ms, waiting for a core ${sum(key => key.queued)} ms, the rest (asleep: the key not yet there, the terminal) ${sum(key => Math.max(0, key.totalMs - key.ran - key.queued))} ms`;
}

const countReady = (count: number) => (screen: string) => berthHeaderCount(screen) === count;

async function launchReady(tool: Tool, ready: (screen: string) => boolean): Promise<RunningTool> {
	const run = await RunningTool.launch(tool, pane);
	await run.poll(ready, {intervalMs: 100, timeoutMs: 60_000});
	return run;
}

/** CPU of the tool and the engine's extra CPU in one window of `seconds`. */
type CpuFigures = {cpu: number; engineExtra: number};

/**
 * CPU of a tool and the engine's extra CPU in two windows of `seconds` after a settle: the first minute (berth's
 * includes V8 compiling its hot code and settling its heap after start-up, which a Go program does not pay) and
 * the minute after it (what an overview left running costs). Peak RSS over both.
 */
async function cpuWindow(tool: Tool, ready: (screen: string) => boolean, seconds: number, processes: EngineProcesses, idlePerSecond: number) {
	const run = await launchReady(tool, ready);
	try {
		await sleep(3000);
		const window = async (): Promise<CpuFigures & {rss: number}> => {
			const cpu0 = run.cpuSeconds();
			const engine0 = engineCpuSeconds(processes);
			const memory = await sampleRss(run, seconds);
			const used = subtractEngineCpu(engineCpuSeconds(processes), engine0);
			const engineTotal = used.dockerd + used.containerd + used.shims;
			return {cpu: round(run.cpuSeconds() - cpu0, 2), engineExtra: round(engineTotal - idlePerSecond * seconds, 2), rss: memory.samples.at(-1)!};
		};

		const first = await window();
		const after = await window();
		return {first, after, hwm: round(run.peakRssMib(), 1), rss: after.rss};
	} finally {
		await run.kill();
	}
}

/** `first s / after s`: a tool's figure in the first minute and in the minute after. */
const twoWindows = (figures: {first: CpuFigures; after: CpuFigures}, key: keyof CpuFigures) => `${figures.first[key]} s / ${figures.after[key]} s`;

export async function trustScenarios(options: {engine: TestEngine; fleet: Fleet; tools: Record<'berth' | 'docker-stats' | 'pager', Tool>; processes: EngineProcesses; settings: TrustSettings; log: (text: string) => void}): Promise<TrustResults> {
	const {engine, fleet, tools, processes, settings, log} = options;
	const lines: TrustLine[] = [];
	const raw: Record<string, unknown> = {};
	const refresh1: Tool = {...tools.berth, label: 'berth --refresh 1', command: [...tools.berth.command, '--refresh', '1']};

	log('trust: 50 busy containers');
	await fleet.add(busyPlans(50));
	await sleep(5000);
	const idle0 = engineCpuSeconds(processes);
	await sleep(10_000);
	const idleUsed = subtractEngineCpu(engineCpuSeconds(processes), idle0);
	const idlePerSecond = (idleUsed.dockerd + idleUsed.containerd + idleUsed.shims) / 10;
	const stats = await cpuWindow(tools['docker-stats'], screen => screen.includes('CONTAINER ID'), settings.seconds, processes, idlePerSecond);
	const fast = await cpuWindow(refresh1, countReady(50), settings.seconds, processes, idlePerSecond);
	const normal = await cpuWindow(tools.berth, countReady(50), settings.seconds, processes, idlePerSecond);
	// The same at --refresh 1 with every figure asked of the engine (BERTH_STATS=engine: a remote engine's way,
	// and berth's before it read a local engine's figures from the kernel).
	const asking = await cpuWindow({...refresh1, label: 'berth --refresh 1, BERTH_STATS=engine', env: {...refresh1.env, BERTH_STATS: 'engine'}}, countReady(50), settings.seconds, processes, idlePerSecond);
	// The floor: berth's engine layer fetching the same samples, decoding them, and nothing else.
	const floorTool = (mode: 'stream' | 'poll'): Tool => ({
		id: 'berth',
		label: `stats floor (${mode})`,
		command: [process.execPath, '--import', import.meta.resolve('tsx'), fileURLToPath(new URL('statsFloor.ts', import.meta.url)), mode, engine.dockerHost],
		env: {},
	});
	const floorStream = await cpuWindow(floorTool('stream'), screen => screen.includes('50 containers'), settings.seconds, processes, idlePerSecond);
	const floorPoll = await cpuWindow(floorTool('poll'), screen => screen.includes('50 containers'), settings.seconds, processes, idlePerSecond);
	raw.cpu = {seconds: settings.seconds, dockerStats: stats, berthRefresh1: fast, berthDefault: normal, berthRefresh1Engine: asking, floorStream, floorPoll};
	const windows = `${settings.seconds} s windows, the first from 3 s after the first frame and the one after it`;
	lines.push(
		{
			figure: `CPU, 50 busy containers, \`--refresh 1\` (${windows}; judged on the second)`,
			berth: twoWindows(fast, 'cpu'),
			peer: `docker stats ${twoWindows(stats, 'cpu')}`,
			target: 'at most half of docker stats',
			met: fast.after.cpu <= stats.after.cpu / 2,
		},
		{figure: 'CPU, default refresh (5 s), the same windows', berth: twoWindows(normal, 'cpu'), peer: `docker stats ${twoWindows(stats, 'cpu')}`, target: 'at most a third of docker stats', met: normal.after.cpu <= stats.after.cpu / 3},
		{
			figure: "Node's floor: the same figures read by berth's engine layer alone, no screen (a sample a second / one-shot every 5 s; the second window; read from the kernel, as berth reads a local engine's)",
			berth: `${floorStream.after.cpu} s / ${floorPoll.after.cpu} s`,
			peer: `docker stats ${stats.after.cpu} s`,
			target: '(what berth cannot go under in Node)',
			met: undefined,
		},
		{
			figure: 'Extra engine CPU, `--refresh 1` / default (the second window; the first in brackets)',
			berth: `${fast.after.engineExtra} s / ${normal.after.engineExtra} s (${fast.first.engineExtra} s / ${normal.first.engineExtra} s)`,
			// berth reads a local engine's figures from the kernel; asking the engine for them (a remote engine's
			// way) costs it what docker stats' streams cost (one collector reads every container's cgroups a
			// second for all its clients).
			peer: `docker stats ${stats.after.engineExtra} s (${stats.first.engineExtra} s); berth asking the engine (BERTH_STATS=engine) ${asking.after.engineExtra} s (${asking.first.engineExtra} s), its own CPU ${twoWindows(asking, 'cpu')}; berth's engine layer alone ${floorStream.after.engineExtra} s (${floorStream.first.engineExtra} s)`,
			target: 'below docker stats',
			met: fast.after.engineExtra < stats.after.engineExtra,
		},
		{figure: 'Peak RSS (VmHWM), 50 running', berth: mib(normal.hwm), peer: `docker stats ${mib(stats.hwm)}`, target: 'at most 90 MiB', met: normal.hwm <= 90},
	);

	log('trust: 1000 containers');
	// Without a network: the engine's /26 bridge has 62 addresses, which the 50 busy ones and the storm's
	// starts would share.
	const created = Array.from({length: 950}, (_, index) => ({name: `bench-t-${String(index).padStart(4, '0')}`, role: 'create' as const, args: ['--network', 'none']}));
	await fleet.add(created);
	{
		// berth's Node is given insideBerth.mjs, which notes each key's read and frame inside berth and how long
		// its event loop was active: the shape of the keys' figure during the storm.
		const folder = mkdtempSync(join(tmpdir(), 'berth-inside-'));
		const insideLog = join(folder, 'inside.jsonl');
		const watched: Tool = {...tools.berth, env: {...tools.berth.env, NODE_OPTIONS: `--import ${insideModule}`, BERTH_BENCH_INSIDE: insideLog}};
		const run = await launchReady(watched, countReady(1000));
		try {
			const memory = await sampleRss(run, Math.min(30, settings.seconds));
			raw.thousand = memory;
			lines.push({figure: 'Peak RSS (VmHWM), 1000 containers (50 running)', berth: mib(memory.hwm), peer: '-', target: 'at most 130 MiB', met: memory.hwm <= 130});

			// The storm: stopped containers started from outside, 8 `docker start` at a time.
			log(`trust: storm of ${settings.stormStarts} starts`);
			const names = created.slice(0, settings.stormStarts).map(plan => plan.name);
			const keyTimes: number[] = [];
			/** When each of berth's keys was sent (Date.now()), and its main thread's count then. */
			const keySent: Array<{at: number; sched: Sched | undefined}> = [];
			const berthPid = readInside(insideLog).pid;
			// The terminal's floor beside berth: a pager in a pane of its own, a line down or up, taking turns with
			// berth's keys. What it takes is what any program in this terminal gets during the storm.
			const pager = await launchReady(tools.pager, screen => screen.startsWith('1\n2\n'));
			const pagerTimes: number[] = [];
			/** less's own process (the pane's shell runs `seq | less`), and its count around each of its keys. */
			const pagerPid = pager.processes().find(pid => readProcessStat(pid)?.comm === 'less');
			const pagerSched: Array<Sched & {totalMs: number}> = [];
			const topLine = (screen: string) => screen.split('\n', 1)[0];
			let storming = true;
			const keys = (async () => {
				while (storming) {
					const before = berthSelectedLine(await run.look());
					keySent.push({sched: schedOf(berthPid), at: Date.now()});
					const moved = await run.keyToScreen({text: keyTimes.length % 2 === 0 ? 'j' : 'k'}, screen => berthSelectedLine(screen) !== before, {timeoutMs: 3000});
					keyTimes.push(moved ?? 3000);
					await sleep(100);
					const top = topLine(await pager.look());
					const pagerBefore = schedOf(pagerPid);
					const paged = await pager.keyToScreen({text: pagerTimes.length % 2 === 0 ? 'j' : 'k'}, screen => topLine(screen) !== top, {timeoutMs: 3000});
					pagerTimes.push(paged ?? 3000);
					const pagerAfter = schedOf(pagerPid);
					if (pagerBefore && pagerAfter) pagerSched.push({totalMs: paged ?? 3000, ran: pagerAfter.ran - pagerBefore.ran, queued: pagerAfter.queued - pagerBefore.queued});
					await sleep(100);
				}
			})();
			let returned = 0;
			const stormCpu0 = run.cpuSeconds();
			const stormStarted = Date.now();
			// This process times the keys: its own event loop's stalls would count in every key. The storm's
			// commands are spawned by xargs, not here (see dockerEach); how long this loop stalled is reported.
			const ownLoop = monitorEventLoopDelay({resolution: 5});
			ownLoop.enable();
			const ownSched0 = schedOf(process.pid);
			try {
				await engine.dockerEach(['start'], names, 8);
				returned = Date.now();
			} finally {
				storming = false;
				await keys;
				ownLoop.disable();
				await pager.kill();
			}

			// The started containers run `true` and exit a moment later: the header is held to what `docker ps`
			// says at each look, not to one count taken when the last start returned (one container that exited
			// after that count left it unmatched for good).
			let matched: number | undefined;
			while (matched === undefined && Date.now() - returned < 30_000) {
				const running = (await engine.docker('ps', '-q', '--filter', 'status=running')).split('\n').filter(Boolean).length;
				const screen = await run.capture();
				if (new RegExp(`1000 containers: ${running} running`).test(screen)) matched = Date.now() - returned;
			}

			const stormCpu = round(run.cpuSeconds() - stormCpu0, 2);
			const stormSeconds = round((Date.now() - stormStarted) / 1000, 1);
			const after = await sampleRss(run, 10);
			const keySpread: Spread = spread(keyTimes);
			const pagerSpread: Spread = spread(pagerTimes);
			const inside = insideTheKeys(readInside(insideLog), keySent, keyTimes);
			const ownSched1 = schedOf(process.pid);
			const ownStall = {
				p99: round(ownLoop.percentile(99) / 1e6, 1),
				max: round(ownLoop.max / 1e6, 1),
				...(ownSched0 && ownSched1 ? {ranMs: round(ownSched1.ran - ownSched0.ran, 0), queuedMs: round(ownSched1.queued - ownSched0.queued, 0)} : {}),
			};
			raw.storm = {starts: names.length, convergedMs: matched, keyTimes, pagerTimes, pagerSched, cpu: stormCpu, seconds: stormSeconds, hwm: after.hwm, rssAfter: after.samples.at(-1), inside, ownStall};
			lines.push(
				{
					figure: `Storm: ${names.length} starts, 8 in parallel: header matches \`docker ps\` after the last returned (berth's CPU during the storm)`,
					berth: `${matched === undefined ? 'not within 30 s' : `${matched} ms`} (${stormCpu} s in ${stormSeconds} s)`,
					peer: '-',
					target: 'within 1 s',
					met: matched !== undefined && matched <= 1000,
				},
				{
					figure: 'Keys during the storm (j/k), median / worst',
					berth: `${round(keySpread.median, 1)} / ${round(keySpread.max, 0)} ms (${keyTimes.length} keys, ${keyTimes.filter(ms => ms > 100).length} over 100 ms)`,
					peer: `less (the terminal's floor) ${round(pagerSpread.median, 1)} / ${round(pagerSpread.max, 0)} ms (${pagerTimes.filter(ms => ms > 100).length} of ${pagerTimes.length} over 100 ms)`,
					target: 'within 100 ms',
					met: keySpread.max <= 100,
				},
				{
					figure:
						"The same keys inside berth (median / worst): how long after it was sent berth read a key, and how long it took from the read to writing the key's frame; the keys over 100 ms, from their sending to their frame: berth's main thread on a core (its work), waiting for one (the machine not running berth) or asleep (the key not yet there), and the terminal's part after the frame",
					berth: insideLine(inside, keyTimes.length),
					peer: `${pagerLine(pagerSched)}; the benchmark's event loop, which times both, stalled ${ownStall.p99} ms at the 99th percentile and ${ownStall.max} ms at worst${ownStall.queuedMs === undefined ? '' : ` (its main thread ran ${ownStall.ranMs} ms and waited for a core ${ownStall.queuedMs} ms during the storm)`}`,
					target: '(the shape of the figure above)',
					met: undefined,
				},
				{figure: 'Peak RSS (VmHWM) during and after the storm', berth: mib(after.hwm), peer: '-', target: 'at most 150 MiB', met: after.hwm <= 150},
			);
		} finally {
			await run.kill();
			rmSync(folder, {recursive: true, force: true});
		}
	}

	await fleet.remove(created.map(plan => plan.name));
	log('trust: log flood');
	await fleet.add([floodPlan()]);
	{
		const run = await launchReady(tools.berth, screen => berthRowOf(screen, floodName) !== undefined);
		try {
			await run.term.sendText('/');
			await run.term.sendText(floodName);
			await run.term.sendKeys('Enter');
			await run.poll(screen => (berthRowOf(screen, floodName) ?? '').startsWith('›'), {intervalMs: 50, timeoutMs: 10_000});
			await run.term.sendText('l');
			await run.poll(screen => /flood line \d+/.test(screen), {intervalMs: 50, timeoutMs: 10_000});
			const during = await sampleRss(run, settings.floodSeconds);
			await run.term.sendKeys('Escape');
			const after = await sampleRss(run, settings.afterFloodSeconds);
			raw.flood = {during, after};
			lines.push(
				{figure: `Peak RSS (VmHWM), ${settings.floodSeconds} s logs pane on a flooding container`, berth: mib(during.hwm), peer: '-', target: 'at most 150 MiB', met: during.hwm <= 150},
				{figure: `RSS ${settings.afterFloodSeconds} s after closing the pane`, berth: mib(after.samples.at(-1)!), peer: '-', target: 'under 110 MiB', met: after.samples.at(-1)! < 110},
			);
		} finally {
			await run.kill();
		}
	}

	await fleet.remove([floodName]);
	const soak = await churnSoak({engine, fleet, tools, seconds: settings.soakSeconds, log});
	lines.push(soak.line);
	raw.soak = soak.raw;

	return {lines, raw};
}

/**
 * The median of the `width` samples that end at `index` (exclusive): one sample alone falls wherever the
 * collector happened to be, between troughs and peaks several MiB apart.
 */
export function windowMedian(samples: readonly number[], index: number, width: number): number {
	const end = Math.max(1, Math.min(samples.length, index));
	return spread(samples.slice(Math.max(0, end - Math.max(1, width)), end)).median;
}

/**
 * The churn soak: containers run and removed one after another beside the 50 busy ones, berth's RSS sampled
 * every second. Growth is judged from the minute that ends a third of the way in (heap settling comes first)
 * to the last minute, each by its median (a tenth of the soak when that is shorter than a minute).
 */
export async function churnSoak(options: {engine: TestEngine; fleet: Fleet; tools: Record<'berth', Tool>; seconds: number; log: (text: string) => void}): Promise<{line: TrustLine; raw: Record<string, unknown>}> {
	const {engine, fleet, tools, seconds, log} = options;
	log(`trust: churn soak, ${seconds} s`);
	const run = await launchReady(tools.berth, countReady(50));
	try {
		let churning = true;
		let cycles = 0;
		const churn = (async () => {
			for (let next = 0; churning; next++) {
				const name = `bench-churn-${next}`;
				fleet.names.add(name);
				await engine.runContainer({name, args: ['--label', 'berth.bench=1'], cmd: ['sh', '-c', 'sleep 1']}).catch(() => undefined);
				await engine.docker('rm', '-f', name).catch(() => undefined);
				fleet.names.delete(name);
				cycles++;
			}
		})();
		const progress = setInterval(() => log(`trust: soak, RSS ${mib(run.rssMib())}, ${cycles} containers so far`), 600_000);
		const soak = await sampleRss(run, seconds).finally(() => clearInterval(progress));
		churning = false;
		await churn;
		const width = Math.min(60, Math.max(1, Math.floor(soak.samples.length / 10)));
		const third = windowMedian(soak.samples, Math.floor(soak.samples.length / 3), width);
		const end = windowMedian(soak.samples, soak.samples.length, width);
		const growth = round(((end - third) / third) * 100, 1);
		return {
			line: {
				figure: `Churn soak, ${seconds} s (${cycles} containers run and removed beside 50 busy): RSS growth after the first third, median of ${width} s there against the last ${width} s (peak VmHWM)`,
				berth: `${mib(third)} -> ${mib(end)} (${growth}%; ${mib(soak.hwm)})`,
				peer: '-',
				target: 'under 5% (the full soak is 2 hours)',
				met: growth < 5,
			},
			raw: {seconds, cycles, width, samples: soak.samples, third, end, hwm: soak.hwm, growthPercent: growth},
		};
	} finally {
		await run.kill();
	}
}

/** The figures as a table of their own, beside their targets. */
export function trustMarkdown(results: TrustResults): string {
	const verdict = (met: boolean | undefined) => (met === undefined ? '-' : met ? '**met**' : '**missed**');
	return [
		'### Issue #21: trustworthy unattended',
		'',
		'| Figure | berth | peer (same run) | Target | |',
		'| --- | --- | --- | --- | --- |',
		...results.lines.map(line => `| ${line.figure} | ${line.berth} | ${line.peer} | ${line.target} | ${verdict(line.met)} |`),
		'',
	].join('\n');
}
