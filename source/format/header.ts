// The top line's text: connection state first (it matters most when cut short), alerts, the filter, counts, engine version,
// address; as runs of text with their styles, for the Header component and the first frame painted before it.
import {type EngineConnection, formatUnanswered, isUnanswered} from '../state/connection.js';
import type {ContainerCounts, ResourceTotals} from '../state/select/containers.js';
import {selectGlyphs, type Theme} from '../ui/theme.js';
import {type StyledSegment, textWidth, truncateSegments} from './table.js';
import {formatSafeText} from './logText.js';
import {formatBytes, formatCount, formatPercent} from './units.js';

export type HeaderProps = {
	address: string;
	connection: EngineConnection | undefined;
	counts: ContainerCounts;
	/** Alerts not yet acknowledged. */
	alerts?: number | undefined;
	shown: number;
	filter: string;
	theme: Theme;
	width: number;
	totals?: ResourceTotals | undefined;
	/** The list's order when it is not the view's own: what it is sorted by, with its direction if it has one (`size ↓`, `reversed`). */
	sort?: {by: string; descending?: boolean | undefined} | undefined;
	/** With several engines: each one's state, instead of the one connection. */
	engines?: ReadonlyArray<{name: string; connection: EngineConnection | undefined}> | undefined;
};

export function formatConnectionState(connection: EngineConnection | undefined): string {
	if (connection === undefined) return 'connecting';
	if (connection.status === 'connected') return connection.unanswered ? formatUnanswered(connection.unanswered) : 'connected';
	// Attempt 0: lost, its first retry not yet begun.
	return `disconnected, retrying${connection.attempt > 0 ? ` (attempt ${connection.attempt})` : ''}: ${connection.error}`;
}

/** What the header keeps for `berth · ` and the start of the containers' counts after the engines' states. */
const roomForCounts = 40;

/** The header's runs, cut to the width. */
export function formatHeaderSegments({address, connection, counts, alerts = 0, shown, filter, theme, width, totals, sort, engines}: HeaderProps): StyledSegment[] {
	const {separator, ellipsis} = selectGlyphs(theme);
	const info = connection?.status === 'connected' ? connection.info : undefined;
	const version =
		connection?.status === 'connected' ? ` ${separator} ${info?.name ? `${info.name} ` : ''}${connection.product ?? 'Docker'} ${connection.version}` : '';
	const images = info ? ` ${separator} ${formatCount(info.images, 'image')}` : '';
	// Figures from an engine that stopped answering cannot be confirmed: said so, not shown as live.
	const stale = (engines ?? [{connection}]).some(each => isUnanswered(each.connection));
	const measured =
		totals && totals.measured > 0
			? ` ${separator} ${stale ? 'stale: ' : ''}CPU ${formatPercent(totals.cpuPercent)} MEM ${formatBytes(totals.memoryUsage)}${totals.measured < totals.running ? ` (${totals.measured} of ${totals.running} running measured)` : ''}`
			: '';
	const arrow = sort?.descending === undefined ? '' : sort.descending ? (theme.unicode ? ' ↓' : ' v') : theme.unicode ? ' ↑' : ' ^';
	const sorted = sort ? ` ${separator} sort: ${sort.by}${arrow}` : '';
	const summary = `${formatCount(counts.total, 'container')}: ${counts.running} running, ${counts.paused} paused, ${counts.stopped} stopped`;
	const filtered = filter === '' ? '' : ` ${separator} filter "${filter}": ${shown} shown`;
	const lost = connection?.status === 'disconnected' || isUnanswered(connection);
	const stateColor = theme.color ? (lost ? 'red' : 'green') : undefined;
	const engineStates = (versions: boolean): StyledSegment[] =>
		(engines ?? []).flatMap((each, index) => {
			const down = each.connection?.status === 'disconnected' || isUnanswered(each.connection);
			const up = each.connection?.status === 'connected' ? (versions ? `up (${each.connection.product ?? 'Docker'} ${each.connection.version})` : 'up') : 'connecting';
			return [
				{text: index === 0 ? '' : ', '},
				{
					text: `${each.name}: ${down ? formatConnectionState(each.connection) : up}`,
					color: theme.color ? (down ? 'red' : 'green') : undefined,
					bold: theme.color && down,
				},
			];
		});
	const alerted: StyledSegment[] =
		alerts > 0 ? [{text: ` ${separator} `}, {text: `${formatCount(alerts, 'alert')} (!)`, color: theme.color ? 'red' : undefined, bold: true, inverse: theme.color}] : [];
	const widthOf = (runs: readonly StyledSegment[]) => runs.reduce((sum, run) => sum + textWidth(run.text), 0);
	// Several engines' versions are in pulse: where they would push the alerts and the counts off, they go.
	const withVersions = engineStates(true);
	const states = engines
		? widthOf(withVersions) + widthOf(alerted) + roomForCounts > width
			? engineStates(false)
			: withVersions
		: [{text: formatConnectionState(connection), color: stateColor, bold: theme.color && lost}];
	const segments: StyledSegment[] = [
		{text: 'berth', bold: theme.color},
		{text: ` ${separator} `},
		...states,
		// Right after the engines' state, before the counts, so that a narrow terminal keeps it; the filter too,
		// without which the rows shown would read as all there are.
		...alerted,
		{text: `${filtered} ${separator} ${summary}${sorted}${measured}${engines ? '' : images}${engines ? '' : version} ${separator} ${address}`},
	];
	// Engine names, an engine's own name and its errors are text from outside: made safe to draw.
	return truncateSegments(
		segments.map(segment => ({...segment, text: formatSafeText(segment.text)})),
		width,
		ellipsis,
	);
}
