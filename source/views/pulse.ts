// The pulse view, for a wall screen: per engine its state, containers by state and health, restarts, the
// event rate as a small chart, the busiest containers, then the latest alerts. Lines fit 80 columns.
import type {ContainerRecord, ContainerTiming, HealthStatus} from '../engine/types.js';
import {wrapUnderLabel} from '../format/logText.js';
import {formatContainerName} from '../format/names.js';
import {formatSparkline} from '../format/sparkline.js';
import type {StatusTone} from '../format/status.js';
import {truncateText} from '../format/table.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import {formatBytes, formatPercent} from '../format/units.js';
import type {AppState} from '../state/app.js';
import {countOpenAlerts} from '../state/alerts.js';
import {formatUnanswered, isUnanswered} from '../state/connection.js';
import {containerKey} from '../state/containers.js';
import {rateBucketMs, rateBuckets, selectEventRate} from '../state/pulse.js';
import {isFollowed} from '../state/stats.js';
import {selectKnownEngines} from '../state/select/containers.js';
import {memoizeLast} from '../state/select/memo.js';
import {formatAlertSubject, formatAlertTime} from './alerts.js';
import type {TableView} from './types.js';

type Line = {text: string; tone?: StatusTone | undefined};

const label = (name: string) => `  ${name.padEnd(12)}`;

function healthOf(record: ContainerRecord, timing: ContainerTiming | undefined): HealthStatus {
	if (timing) return timing.health;
	if (record.status.includes('(unhealthy)')) return 'unhealthy';
	if (record.status.includes('(healthy)')) return 'healthy';
	return record.status.includes('(health: starting)') ? 'starting' : 'none';
}

function exitCodeOf(record: ContainerRecord, timing: ContainerTiming | undefined): number {
	return timing ? timing.exitCode : Number(/^Exited \((-?\d+)\)/.exec(record.status)?.[1] ?? 0);
}

/** The most of `records` by `figure`, as `name value` pairs. */
function formatBusiest(state: AppState, records: readonly ContainerRecord[], figure: 'cpuPercent' | 'memoryUsage'): string {
	const measured = records.flatMap(record => {
		const figures = state.stats.get(containerKey(record.engine, record.id));
		return isFollowed(figures) ? [{name: formatContainerName(record.names), value: figures[figure]}] : [];
	});
	if (measured.length === 0) return '-';
	return measured
		.sort((a, b) => b.value - a.value)
		.slice(0, 3)
		.map(entry => `${entry.name} ${figure === 'cpuPercent' ? formatPercent(entry.value) : formatBytes(entry.value)}`)
		.join('  ');
}

function formatEngineLines(state: AppState, engine: string): Line[] {
	const connection = state.connection.get(engine);
	// Connected but silent (a hung engine): what follows is what it said last, not what it is now.
	const stale = isUnanswered(connection);
	const up = connection?.status === 'connected' && !stale;
	const head =
		connection === undefined
			? 'connecting'
			: connection.status === 'connected'
				? isUnanswered(connection)
					? `${formatUnanswered(connection.unanswered, 'NOT ANSWERING')}: what follows is stale`
					: `up, ${connection.product ?? 'Docker'} ${connection.version}${connection.info?.name ? ` on ${connection.info.name}` : ''}`
				: connection.neverConnected
					? `NOT REACHED since ${formatAlertTime(connection.since)}: ${connection.error}`
					: `LOST since ${formatAlertTime(connection.since)}: ${connection.error}`;
	const records = [...state.containers.records.values()].filter(record => record.engine === engine);
	const count = {running: 0, paused: 0, restarting: 0, created: 0, failed: 0, exited: 0};
	const health = {healthy: 0, unhealthy: 0, starting: 0, none: 0};
	for (const record of records) {
		const timing = state.containers.timings.get(containerKey(record.engine, record.id));
		const status = timing?.state ?? record.state;
		if (status === 'running') count.running++;
		else if (status === 'paused') count.paused++;
		else if (status === 'restarting') count.restarting++;
		else if (status === 'created') count.created++;
		else if (exitCodeOf(record, timing) === 0) count.exited++;
		else count.failed++;
		// The running ones: the engine calls a stopped container whose checks ended with it unhealthy.
		if (status === 'running') health[healthOf(record, timing)]++;
	}

	const restarts = [...state.alerts.watches]
		.filter(([key]) => key.startsWith(`${engine}\u0000`))
		.reduce((sum, [, watch]) => sum + (watch.hourRestarts?.filter(time => time > state.now - 3_600_000).length ?? 0), 0);
	const rate = selectEventRate(state.eventRate, engine, state.now);
	const minutes = (rateBuckets * rateBucketMs) / 60_000;
	const running = records.filter(record => record.state === 'running');
	return [
		{text: `${engine}: ${head}`, tone: up ? 'good' : 'bad'},
		{text: `${label('Containers')}${records.length}: ${count.running} running, ${count.paused} paused, ${count.restarting} restarting, ${count.created} created`},
		{text: `${label('')}${count.failed} exited non-zero, ${count.exited} exited zero`, tone: count.failed > 0 ? 'warning' : undefined},
		{
			text: `${label('Health')}${health.healthy} healthy, ${health.unhealthy} unhealthy, ${health.starting} starting, ${health.none} running without a check`,
			tone: health.unhealthy > 0 ? 'bad' : undefined,
		},
		{text: `${label('Restarts')}${restarts} in the last hour`, tone: restarts > 0 ? 'warning' : undefined},
		{
			text: `${label('Events')}${formatSparkline(rate, rateBuckets, {unicode: state.settings.unicode ?? true})}  ${rate.reduce((sum, value) => sum + value, 0)} in ${minutes} min (${rateBucketMs / 1000} s a column)`,
		},
		{text: `${label('Top CPU')}${stale ? 'stale: ' : ''}${formatBusiest(state, running, 'cpuPercent')}`, tone: stale ? 'muted' : undefined},
		{text: `${label('Top memory')}${stale ? 'stale: ' : ''}${formatBusiest(state, running, 'memoryUsage')}`, tone: stale ? 'muted' : undefined},
		{text: ''},
	];
}

export function selectPulseLines(state: AppState): Line[] {
	const engines = selectKnownEngines(state);
	const open = countOpenAlerts(state.alerts);
	const latest = state.alerts.list.slice(0, 5);
	return [
		...engines.flatMap(engine => formatEngineLines(state, engine)),
		{text: `Latest alerts: ${open} new of ${state.alerts.list.length} (! shows them all)`, tone: open > 0 ? 'bad' : undefined},
		...(latest.length === 0 ? [{text: '  none'}] : []),
		...latest.flatMap(alert => {
			const tone = alert.acknowledged ? ('muted' as const) : ('bad' as const);
			// With several engines a container's alert says whose it is.
			const head = `  ${formatAlertTime(alert.at).slice(11)} ${alert.kind} ${formatAlertSubject(alert, engines.length)}: `;
			return formatAlertRows(head, alert.text, state.settings.unicode ?? true).map(text => ({text, tone}));
		}),
	];
}

/** The columns a pulse line has on an 80-column console, beside the list's selection mark. */
const pulseLineWidth = 78;

/** An alert's rows at most: five alerts and one engine fill an 80x24 console. */
const alertRows = 2;

/**
 * An alert in pulse: its reason goes on below, under its start, where a row cannot hold it (the end of a
 * crash loop's reason is its exit code); past two rows it is cut, marked, and `!` shows it whole.
 */
function formatAlertRows(head: string, reason: string, unicode: boolean): string[] {
	const rows = wrapUnderLabel(head, reason, pulseLineWidth);
	if (rows.length <= alertRows) return rows;
	const kept = rows.slice(0, alertRows);
	const last = `${kept[alertRows - 1]!} ${rows[alertRows]!.trimStart()}`;
	kept[alertRows - 1] = truncateText(last, pulseLineWidth, unicode ? '…' : '~');
	return kept;
}

/** Rows made again only when a line changed: the lines are worked out at every tick, the rows kept. */
const toRows = memoizeLast((joined: string): TableRow[] =>
	joined.split('\u0002').map((entry, index) => {
		const [tone, text] = entry.split('\u0001') as [string, string];
		return {key: `pulse\u0000${index}`, engine: '', id: String(index), cells: {line: text}, tone: tone === '' ? undefined : (tone as StatusTone)};
	}),
);

export const pulseView: TableView = {
	kind: 'table',
	name: 'pulse',
	title: 'Pulse',
	key: '0',
	columns: [{id: 'line', title: 'PULSE: every engine at a glance', min: 20, ideal: 200, priority: 0, grow: true}],
	selectRows(state) {
		const lines = selectPulseLines(state);
		return toRows(lines.map(line => `${line.tone ?? ''}\u0001${line.text}`).join('\u0002'));
	},
	filterRows: filterTableRows,
	listings: [],
	ages: true,
	emptyText: () => 'No engine yet.',
	caption: () => 'live',
	commands: [],
};
