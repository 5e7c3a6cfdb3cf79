// The benchmark's results: their shape, the targets of the issue with met / missed, and the markdown table.
import type {LongListKeys} from './longList.js';
import type {EngineCpu} from './proc.js';
import type {
	EventFigures,
	KeyFigures,
	LogFloodFigures,
	PerTool,
	RestFigures,
	StartupResult,
	SteadyFigures,
	ToolAbsent,
} from './scenarios.js';
import {round, type Spread} from './stats.js';
import type {ToolId} from './terminal.js';

export type Verdict = {
	scenario: number;
	aim: string;
	/** The figure compared with the aim, in words. */
	figure: string;
	/** true met, false missed, null not measured. */
	met: boolean | null;
	/** "met", "missed by ...", or why it was not measured. */
	verdict: string;
};

export type Results = {
	generatedAt: string;
	runSeconds: number;
	machine: {
		cpuModel: string;
		cores: number;
		memoryGiB: number;
		kernel: string;
		os: string;
		loadAverageAtStart: number[];
		loadAverageAtEnd: number[];
	};
	versions: {node: string; berth: string; dockerEngine: string; dockerApi: string; dockerCli: string; sen: string; tmux: string};
	settings: {
		startupRuns: number;
		sizes: number[];
		steadySeconds: number;
		/** Runs of the steady state per tool (berth and docker stats take turns; sen runs once). */
		steadyRuns: number;
		baselineSeconds: number;
		restSeconds: number;
		rounds: number;
		floodSeconds: number;
		busyContainers: number;
		panes: string;
	};
	startup?: StartupResult;
	longListKeys?: LongListKeys;
	rest?: {seconds: number; containers: string; tools: PerTool<RestFigures>};
	steady?: {
		seconds: number;
		containers: string;
		idleEngineCpuPerSecond: EngineCpu;
		tools: PerTool<SteadyFigures>;
	};
	events?: PerTool<EventFigures>;
	keys?: {rest: PerTool<KeyFigures>; flood: PerTool<KeyFigures>; openLogs: {status: string} | {rest: KeyFigures; flood: KeyFigures}};
	logFlood?: {status: string} | LogFloodFigures;
	/** berth's figure divided by the peer's, by name (e.g. steady.cpu.berth/docker-stats). */
	ratios: Record<string, number>;
	targets: Verdict[];
	notes: string[];
};

function present<T extends object>(value: T | ToolAbsent | undefined): T | undefined {
	return value === undefined || 'absent' in value ? undefined : value;
}

function absentReason(value: object | undefined): string | undefined {
	return value !== undefined && 'absent' in value ? String((value as ToolAbsent).absent) : undefined;
}

/** a / b, or undefined when b is too small to divide by (below `floor`, e.g. an engine load lost in the noise). */
const ratio = (a: number | undefined, b: number | undefined, floor = 0): number | undefined =>
	a === undefined || b === undefined || b === 0 || Math.abs(b) < floor || !Number.isFinite(a / b) ? undefined : round(a / b, 2);

/** Fills in results.ratios and results.targets from the figures. */
export function judge(results: Results): void {
	const r = results.ratios;
	const targets: Verdict[] = [];
	const startup = results.startup;
	for (const size of startup?.sizes ?? []) {
		r[`startup.${size.containers}.berth/docker-ps-a`] = size.ratio;
		if (size.executableRatio !== undefined) r[`startup.${size.containers}.executable/docker-ps-a`] = size.executableRatio;
	}
	const hundred = startup?.sizes.find(size => size.containers === 100);
	/** figure within times x yardstick (issue #18's targets are ratios to `docker ps -a` at 100 containers). */
	const within = (aim: string, figure: number, times: number, yardstick: number): Verdict => {
		const budget = times * yardstick;
		const met = figure <= budget;
		const ratioValue = round(figure / yardstick, 2);
		return {
			scenario: 1,
			aim,
			figure: `${ms(figure)} vs ${times} x ${ms(yardstick)} = ${ms(budget)} (${ratioValue}x)`,
			met,
			verdict: met ? 'met' : `missed by ${ms(figure - budget)} (${round(ratioValue / times, 1)}x over)`,
		};
	};
	if (hundred) {
		targets.push(within('first frame within 3x `docker ps -a` at 100 containers', hundred.berthMs.median, 3, hundred.dockerPsMs.median));
		if (hundred.executableMs) {
			targets.push(within('the single executable\'s first frame within 3x `docker ps -a` at 100 containers', hundred.executableMs.median, 3, hundred.dockerPsMs.median));
		}
	}
	const floor = startup?.floor;
	if (floor?.dockerPsMs) {
		const yardstick = floor.dockerPsMs.median;
		r['startup.version.berth/docker-ps-a'] = round(floor.berthVersionMs.median / yardstick, 2);
		r['startup.help.berth/docker-ps-a'] = round(floor.berthHelpMs.median / yardstick, 2);
		targets.push(within('`berth --version` within 2x `docker ps -a` (100 containers)', floor.berthVersionMs.median, 2, yardstick));
		targets.push(within('`berth --help` within 2x `docker ps -a` (100 containers)', floor.berthHelpMs.median, 2, yardstick));
	}
	if (hundred?.executableMs && floor?.executableVersionMs) {
		// "At least as fast as the bundle on Node": the median of the first frame and of --version.
		const frame = hundred.executableMs.median <= hundred.berthMs.median;
		const version = floor.executableVersionMs.median <= floor.berthVersionMs.median;
		targets.push({
			scenario: 1,
			aim: 'the single executable starts at least as fast as the bundle on Node',
			figure:
				`first frame at 100: ${ms(hundred.executableMs.median)} vs ${ms(hundred.berthMs.median)}; ` +
				`--version: ${ms(floor.executableVersionMs.median)} vs ${ms(floor.berthVersionMs.median)}`,
			met: frame && version,
			verdict: frame && version ? 'met' : `missed: ${[frame ? '' : 'first frame', version ? '' : '--version'].filter(Boolean).join(' and ')} slower`,
		});
	}

	const steady = results.steady?.tools ?? {};
	const berth = present(steady.berth);
	const stats = present(steady['docker-stats']);
	const sen = present(steady.sen);
	for (const [peer, figures] of [
		['docker-stats', stats],
		['sen', sen],
	] as const) {
		if (!berth || !figures) continue;
		setRatio(r, `steady.cpu.berth/${peer}`, ratio(berth.cpuSeconds, figures.cpuSeconds));
		setRatio(r, `steady.peakRss.berth/${peer}`, ratio(berth.peakRssMib, figures.peakRssMib));
		setRatio(r, `steady.engineExtraCpu.berth/${peer}`, ratio(berth.engineExtraCpuSeconds, figures.engineExtraCpuSeconds, 0.2));
		setRatio(r, `steady.bytesPerSecond.berth/${peer}`, ratio(berth.bytesPerSecond, figures.bytesPerSecond));
	}
	if (berth && stats) {
		const lower = berth.cpuSeconds < stats.cpuSeconds;
		targets.push({
			scenario: 2,
			aim: 'berth\'s own CPU lower than `docker stats`\' (issue #5)',
			figure: `berth ${berth.cpuSeconds} s, docker stats ${stats.cpuSeconds} s`,
			met: lower,
			verdict: lower ? 'met' : `missed by ${round(berth.cpuSeconds - stats.cpuSeconds, 2)} CPU s`,
		});
		const less = stats.cpuSeconds / Math.max(berth.cpuSeconds, 0.001);
		const met = less >= 3;
		targets.push({
			scenario: 2,
			aim: 'at least 3x less CPU than `docker stats`',
			figure: `berth ${berth.cpuSeconds} s, docker stats ${stats.cpuSeconds} s: ${round(less, 2)}x less`,
			met,
			verdict: met
				? 'met'
				: `missed by ${round(berth.cpuSeconds - stats.cpuSeconds / 3, 2)} CPU s (berth used ${round(berth.cpuSeconds / (stats.cpuSeconds / 3), 1)}x the aim of ${round(stats.cpuSeconds / 3, 2)} s)`,
		});
		const engineMet = berth.engineExtraCpuSeconds < stats.engineExtraCpuSeconds;
		targets.push({
			scenario: 3,
			aim: 'less engine load (dockerd, containerd, shims) than `docker stats`',
			figure: `extra engine CPU: berth ${berth.engineExtraCpuSeconds} s, docker stats ${stats.engineExtraCpuSeconds} s`,
			met: engineMet,
			verdict: engineMet ? 'met' : `missed by ${round(berth.engineExtraCpuSeconds - stats.engineExtraCpuSeconds, 2)} CPU s`,
		});
	}
	if (berth) {
		const met = berth.bytesPerSecond < 2048;
		targets.push({
			scenario: 4,
			aim: 'under 2 KB/s to the terminal in scenario 2',
			figure: `${berth.bytesPerSecond} B/s`,
			met,
			verdict: met ? 'met' : `missed by ${round(berth.bytesPerSecond - 2048, 0)} B/s (${round(berth.bytesPerSecond / 2048, 1)}x)`,
		});
	}
	const restTools = results.rest?.tools ?? {};
	const restBerth = present(restTools.berth);
	for (const peer of ['docker-stats', 'sen'] as const) {
		setRatio(r, `rest.bytesPerSecond.berth/${peer}`, ratio(restBerth?.bytesPerSecond, present(restTools[peer])?.bytesPerSecond));
	}
	if (restBerth) {
		const met = restBerth.bytesPerSecond < nearZero;
		targets.push({
			scenario: 4,
			aim: `near zero bytes at rest (taken as under ${nearZero} B/s)`,
			figure: `${restBerth.bytesPerSecond} B/s`,
			met,
			verdict: met ? 'met' : `missed by ${round(restBerth.bytesPerSecond - nearZero, 1)} B/s`,
		});
	}

	const events = results.events ?? {};
	const eventsBerth = present(events.berth);
	setRatio(r, 'events.median.berth/sen', ratio(eventsBerth?.msFromIssue.median, present(events.sen)?.msFromIssue.median));
	if (eventsBerth) targets.push(underMs(5, 'event-to-screen median under 100 ms', eventsBerth.msFromIssue, eventsBerth.timeouts));

	const keys = results.keys;
	for (const when of ['rest', 'flood'] as const) {
		const berthKeys = present(keys?.[when].berth);
		setRatio(r, `keys.${when}.median.berth/sen`, ratio(berthKeys?.ms.median, present(keys?.[when].sen)?.ms.median));
		if (berthKeys) {
			const label = when === 'rest' ? 'at rest' : 'under a log flood';
			targets.push(underMs(6, `key-to-screen median under 100 ms (move, ${label})`, berthKeys.ms, berthKeys.timeouts));
		}
	}
	if (keys) {
		const logs = keys.openLogs;
		if ('status' in logs) {
			targets.push({scenario: 6, aim: 'key-to-screen median under 100 ms (open logs)', figure: '-', met: null, verdict: logs.status});
		} else {
			targets.push(underMs(6, 'key-to-screen median under 100 ms (open logs, at rest)', logs.rest.ms, logs.rest.timeouts));
			targets.push(underMs(6, 'key-to-screen median under 100 ms (open logs, under a flood)', logs.flood.ms, logs.flood.timeouts));
		}
	}
	const long = results.longListKeys;
	if (long) {
		for (const key of ['G', 'g', 'filter'] as const) {
			const {ms: figures, timeouts} = long.keys[key];
			const met = figures.runs > 0 && figures.median <= 15 && figures.max <= 50 && timeouts === 0;
			const late = timeouts > 0 ? `; ${timeouts} never showed` : '';
			targets.push({
				scenario: 8,
				aim: `key-to-screen with ${long.containers} containers (${long.running} running), ${key === 'filter' ? 'a filter keystroke' : key}: median within 15 ms, worst within 50 ms`,
				figure: `median ${ms(figures.median)}, worst ${ms(figures.max)} of ${figures.runs}${late}`,
				met,
				verdict: met ? 'met' : figures.median > 15 ? `missed by ${ms(figures.median - 15)} (median)` : figures.max > 50 ? `missed: worst ${ms(figures.max)}` : `missed: ${timeouts} timed out`,
			});
		}
	}
	const flood = results.logFlood;
	if (flood) {
		if ('status' in flood) {
			targets.push({scenario: 7, aim: 'RSS flat under a log flood', figure: '-', met: null, verdict: flood.status});
		} else {
			targets.push({
				scenario: 7,
				aim: 'RSS flat under a log flood',
				figure: `${flood.startMib} -> ${flood.halfMib} -> ${flood.endMib} MiB (peak ${flood.peakMib}), ${flood.growthMib >= 0 ? '+' : ''}${flood.growthMib} MiB over the second half`,
				met: flood.flat,
				verdict: flood.flat ? 'met' : `missed: +${flood.growthMib} MiB (${round((flood.growthMib / flood.halfMib) * 100, 0)}%) over the second half, 10% allowed`,
			});
		}
	}
	results.targets = targets;
}

/** "Near zero" at rest, in bytes per second: a single small redraw in the 10 s window stays under it. */
export const nearZero = 20;

function setRatio(ratios: Record<string, number>, name: string, value: number | undefined): void {
	if (value !== undefined) ratios[name] = value;
}

function underMs(scenario: number, aim: string, figures: Spread, timeouts: number): Verdict {
	const met = figures.median < 100 && timeouts === 0;
	const late = timeouts > 0 ? `; ${timeouts} never showed within the time limit` : '';
	return {
		scenario,
		aim,
		figure: `median ${ms(figures.median)}, worst ${ms(figures.max)} of ${figures.runs}${late}`,
		met,
		verdict: met ? 'met' : figures.median >= 100 ? `missed by ${ms(figures.median - 100)}` : `missed: ${timeouts} timed out`,
	};
}

// ---------------------------------------------------------------------------------------------------------
// Markdown

export function ms(value: number): string {
	return `${value >= 10 || value <= -10 ? Math.round(value) : round(value, 1)} ms`;
}

function msSpread(s: Spread | undefined): string {
	if (!s || s.runs === 0) return '-';
	return `${ms(s.median)} (${Math.round(s.min)}-${Math.round(s.max)})`;
}

function medianWorst(s: Spread | undefined, timeouts = 0): string {
	if (!s || s.runs === 0) return timeouts > 0 ? `all ${timeouts} timed out` : '-';
	return `${ms(s.median)} / ${ms(s.max)}${timeouts > 0 ? ` (+${timeouts} timed out)` : ''}`;
}

/** ", median of 3 (0.5-0.7)" for figures taken over several runs. */
function runsOf(values: readonly number[] | undefined): string {
	if (!values || values.length < 2) return '';
	return `, median of ${values.length} (${Math.min(...values)}-${Math.max(...values)})`;
}

function cell<T extends object>(value: T | ToolAbsent | undefined, show: (figures: T) => string): string {
	const reason = absentReason(value);
	if (reason) return `absent: ${reason}`;
	const figures = present(value);
	return figures ? show(figures) : '-';
}

function ratioCell(results: Results, prefix: string, peers: Array<[ToolId, string]>): string {
	const parts = peers
		.map(([peer, name]) => {
			const value = results.ratios[`${prefix}.berth/${peer}`];
			return value === undefined ? undefined : `${value}x ${name}`;
		})
		.filter(Boolean);
	return parts.length > 0 ? parts.join(', ') : '-';
}

function targetCell(results: Results, scenario: number, aimIncludes: string): string {
	const verdict = results.targets.find(target => target.scenario === scenario && target.aim.includes(aimIncludes));
	if (!verdict) return '-';
	const state = verdict.met === null ? verdict.verdict : verdict.met ? '**met**' : `**${verdict.verdict}**`;
	return `${verdict.aim}: ${state}`;
}

const bothPeers: Array<[ToolId, string]> = [
	['docker-stats', 'docker stats'],
	['sen', 'sen'],
];

function engineCell(figures: SteadyFigures): string {
	const e = figures.engineExtraByProcess;
	const split = figures.runs ? 'of the median run: ' : '';
	return `${figures.engineExtraCpuSeconds} s${runsOf(figures.runs?.engineExtraCpuSeconds)} (${split}dockerd ${e.dockerd}, containerd ${e.containerd}, shims ${e.shims})`;
}

export function markdownTable(results: Results): string {
	const rows: string[][] = [];
	for (const size of results.startup?.sizes ?? []) {
		rows.push([
			'1',
			`First complete frame, ${size.containers} containers (${size.running} running), median (min-max) of ${size.berthMs.runs}`,
			msSpread(size.berthMs),
			`\`docker ps -a\` ${msSpread(size.dockerPsMs)}`,
			'-',
			`${size.ratio}x docker ps -a`,
			size.containers === 100 ? targetCell(results, 1, 'first frame within 3x') : 'same ratio reported (3x aimed at 100)',
		]);
		if (size.firstKeyMs) {
			rows.push([
				'1',
				`First key answered, ${size.containers} containers: \`j\` sent when the first frame shows, from exec to the selection moved`,
				msSpread(size.firstKeyMs),
				'-',
				'-',
				'-',
				'-',
			]);
		}
		if (size.executableMs) {
			rows.push([
				'1',
				`First complete frame, ${size.containers} containers, the single executable (dist/berth-linux-x64)`,
				msSpread(size.executableMs),
				`\`docker ps -a\` ${msSpread(size.dockerPsMs)}`,
				'-',
				`${size.executableRatio}x docker ps -a`,
				size.containers === 100 ? `${targetCell(results, 1, 'executable\'s first frame')}; ${targetCell(results, 1, 'at least as fast')}` : '-',
			]);
		}
	}
	const floor = results.startup?.floor;
	if (floor) {
		for (const [flag, onNode, asExecutable] of [
			['--version', floor.berthVersionMs, floor.executableVersionMs],
			['--help', floor.berthHelpMs, floor.executableHelpMs],
		] as const) {
			rows.push([
				'1',
				`\`berth ${flag}\`, median (min-max) of ${onNode.runs}: on Node; as the single executable`,
				`${msSpread(onNode)}; ${asExecutable ? msSpread(asExecutable) : 'not built'}`,
				floor.dockerPsMs ? `\`docker ps -a\` (100) ${msSpread(floor.dockerPsMs)}` : '-',
				'-',
				floor.dockerPsMs ? `${round(onNode.median / floor.dockerPsMs.median, 2)}x; ${asExecutable ? `${round(asExecutable.median / floor.dockerPsMs.median, 2)}x` : '-'}` : '-',
				targetCell(results, 1, `berth ${flag}`),
			]);
		}
	}
	const steady = results.steady;
	if (steady) {
		const t = steady.tools;
		const secs = steady.seconds;
		rows.push([
			'2',
			`CPU time over ${secs} s, ${steady.containers}`,
			cell(t.berth, f => `${f.cpuSeconds} s (${f.cpuPercent}% of a core)${runsOf(f.runs?.cpuSeconds)}`),
			cell(t['docker-stats'], f => `${f.cpuSeconds} s (${f.cpuPercent}%)${runsOf(f.runs?.cpuSeconds)}`),
			cell(t.sen, f => `${f.cpuSeconds} s (${f.cpuPercent}%)${runsOf(f.runs?.cpuSeconds)}`),
			ratioCell(results, 'steady.cpu', bothPeers),
			`${targetCell(results, 2, 'issue #5')}; ${targetCell(results, 2, '3x less')}`,
		]);
		rows.push([
			'2',
			'Peak RSS (VmHWM)',
			cell(t.berth, f => `${f.peakRssMib} MiB`),
			cell(t['docker-stats'], f => `${f.peakRssMib} MiB`),
			cell(t.sen, f => `${f.peakRssMib} MiB`),
			ratioCell(results, 'steady.peakRss', bothPeers),
			'-',
		]);
		rows.push([
			'3',
			`Extra engine CPU (dockerd + containerd + shims, minus idle) over ${secs} s`,
			cell(t.berth, engineCell),
			cell(t['docker-stats'], engineCell),
			cell(t.sen, engineCell),
			ratioCell(results, 'steady.engineExtraCpu', bothPeers),
			targetCell(results, 3, 'engine load'),
		]);
		rows.push([
			'4',
			'Bytes to the terminal per second, scenario 2',
			cell(t.berth, f => `${f.bytesPerSecond} B/s`),
			cell(t['docker-stats'], f => `${f.bytesPerSecond} B/s`),
			cell(t.sen, f => `${f.bytesPerSecond} B/s`),
			ratioCell(results, 'steady.bytesPerSecond', bothPeers),
			targetCell(results, 4, '2 KB/s'),
		]);
	}
	const rest = results.rest;
	if (rest) {
		rows.push([
			'4',
			`Bytes per second at rest (${rest.containers}, ${rest.seconds} s)`,
			cell(rest.tools.berth, f => `${f.bytesPerSecond} B/s`),
			cell(rest.tools['docker-stats'], f => `${f.bytesPerSecond} B/s`),
			cell(rest.tools.sen, f => `${f.bytesPerSecond} B/s`),
			ratioCell(results, 'rest.bytesPerSecond', bothPeers),
			targetCell(results, 4, 'at rest'),
		]);
	}
	const events = results.events;
	if (events) {
		rows.push([
			'5',
			`Event to screen (\`docker pause/unpause/stop/start\` from outside), median / worst of ${results.settings.rounds}`,
			cell(events.berth, f => `${medianWorst(f.msFromIssue, f.timeouts)}; after the command returned ${medianWorst(f.msAfterCommandReturned)}`),
			'-',
			cell(events.sen, f => `${medianWorst(f.msFromIssue, f.timeouts)}; after the command returned ${medianWorst(f.msAfterCommandReturned)}`),
			ratioCell(results, 'events.median', [['sen', 'sen']]),
			targetCell(results, 5, 'event'),
		]);
	}
	const keys = results.keys;
	if (keys) {
		for (const when of ['rest', 'flood'] as const) {
			const label = when === 'rest' ? 'at rest' : 'while one container floods its log';
			rows.push([
				'6',
				`Key to screen, \`j\`/\`k\` move, ${label}, median / worst of ${results.settings.rounds}`,
				cell(keys[when].berth, f => medianWorst(f.ms, f.timeouts)),
				'-',
				cell(keys[when].sen, f => medianWorst(f.ms, f.timeouts)),
				ratioCell(results, `keys.${when}.median`, [['sen', 'sen']]),
				targetCell(results, 6, when === 'rest' ? 'move, at rest' : 'move, under'),
			]);
		}
		const logs = keys.openLogs;
		rows.push([
			'6',
			'Key to screen, `l` open logs (at rest / under a flood)',
			'status' in logs ? logs.status : `${medianWorst(logs.rest.ms, logs.rest.timeouts)}; ${medianWorst(logs.flood.ms, logs.flood.timeouts)}`,
			'-',
			'-',
			'-',
			targetCell(results, 6, 'open logs'),
		]);
	}
	const long = results.longListKeys;
	if (long) {
		for (const key of ['G', 'g', 'filter', 'j/k'] as const) {
			const figures = long.keys[key];
			rows.push([
				'8',
				`Key to screen with ${long.containers} containers (${long.running} running), \`${key === 'filter' ? '/' : key}\`${key === 'filter' ? ' then a filter typed and erased' : ''}, median / worst of ${figures.ms.runs + figures.timeouts}`,
				medianWorst(figures.ms, figures.timeouts),
				'-',
				'-',
				'-',
				key === 'j/k' ? '-' : targetCell(results, 8, key === 'filter' ? 'a filter keystroke' : `), ${key}:`),
			]);
		}
	}
	const flood = results.logFlood;
	if (flood) {
		rows.push([
			'7',
			`RSS over ${results.settings.floodSeconds} s, logs pane following a flooding container`,
			'status' in flood
				? flood.status
				: `${flood.startMib} -> ${flood.halfMib} -> ${flood.endMib} MiB at 0, ${flood.seconds / 2}, ${flood.seconds} s (peak ${flood.peakMib})`,
			'-',
			'-',
			'-',
			targetCell(results, 7, 'RSS'),
		]);
	}
	const header = ['#', 'Figure', 'berth', 'docker CLI', 'sen', 'berth ÷ peer', 'Target'];
	const escape = (text: string) => text.replaceAll('|', '\\|');
	return [
		`| ${header.join(' | ')} |`,
		`| ${header.map(() => '---').join(' | ')} |`,
		...rows.map(row => `| ${row.map(escape).join(' | ')} |`),
	].join('\n');
}

export function markdownReport(results: Results): string {
	const m = results.machine;
	const v = results.versions;
	return [
		`# berth benchmark, ${results.generatedAt}`,
		'',
		`Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, kernel ${m.kernel}; load average ${m.loadAverageAtStart.join(' ')} at the start, ${m.loadAverageAtEnd.join(' ')} at the end.`,
		`Versions: berth ${v.berth}, Node ${v.node}, Docker Engine ${v.dockerEngine} (API ${v.dockerApi}), docker CLI ${v.dockerCli}, sen ${v.sen}, tmux ${v.tmux}.`,
		`Run time: ${Math.round(results.runSeconds)} s (\`npm run bench\`).`,
		'',
		markdownTable(results),
		'',
		...results.notes.map(note => `- ${note}`),
		'',
	].join('\n');
}
