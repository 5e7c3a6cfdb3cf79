// The lines a details, inspect or top pane shows, and where its search matches. Pure selectors.
import {formatDetailsLines, formatInspectLines, formatTopLines} from '../format/inspect.js';
import {formatSparkline} from '../format/sparkline.js';
import {wrapUnderLabel} from '../format/logText.js';
import {padCell} from '../format/table.js';
import {formatDecimalSize, formatMemoryUsage, formatPercent, formatRate, notRead} from '../format/units.js';
import type {Pane} from './operations.js';
import {type ContainerFigures, historyBySecond, historyLength, historyPoints} from './stats.js';

export function selectPaneLines(
	pane: Pane,
	now: number,
	resources: {figures: ContainerFigures | undefined; unicode: boolean; width?: number; running?: boolean} = {figures: undefined, unicode: true},
): string[] {
	if (pane.error !== undefined) return [`Error: ${pane.error}`];
	if (pane.kind === 'top') return pane.table ? formatTopLines(pane.table) : ['Loading…'];
	if (!pane.document) return ['Loading…'];
	return pane.kind === 'details'
		? [...formatResourceLines(resources.figures, resources.unicode, resources.width, resources.running), ...wrapDetailLines(formatDetailsLines(pane.document, pane.revealed, now), resources.width)]
		: formatInspectLines(pane.document, pane.revealed);
}

/** The details' labels column (`Restart policy  `): a value too long for the pane goes on below its start. */
const labelWidth = 16;

function wrapDetailLines(lines: string[], width: number | undefined): string[] {
	if (width === undefined || width < labelWidth + 20) return lines;
	return lines.flatMap(line => wrapUnderLabel(line.slice(0, labelWidth), line.slice(labelWidth), width));
}

/**
 * A rate and the total it comes from; `--` for counters not read yet (the list reads no I/O it does not show:
 * the pane's own first reading brings them within a second), the total alone where there is no rate yet.
 */
function ioFigure(rate: number | undefined, total: number | undefined): string {
	if (total === undefined) return notRead;
	return rate === undefined ? `(${formatDecimalSize(total)})` : `${formatRate(rate)} (${formatDecimalSize(total)})`;
}

/** Charts take what the line has left after the label and the figure, up to three minutes of samples. */
const chartMaximum = historyLength;

/**
 * The details pane's resource figures with their history as small charts. Without figures: a running (or
 * paused) container's first sample is on its way (its stream opens with the pane), any other has none to
 * give. Figures kept from before its row left the screen are marked `?` until the stream's first reading.
 */
export function formatResourceLines(figures: ContainerFigures | undefined, unicode: boolean, width = 160, running = false): string[] {
	const chartWidth = Math.max(8, Math.min(chartMaximum, width - 16 - 30 - 1));
	const label = (text: string) => padCell(text, 16);
	if (!figures) return [`${label('Resources')}${running ? "waiting for the engine's first sample" : 'no figures: the container is not running'}`, ''];
	const chart = (values: ReadonlyArray<number | undefined>, options: {max?: number; fromLowest?: boolean} = {}) =>
		formatSparkline(values, chartWidth, {unicode, ...options});
	const history = historyBySecond(historyPoints(figures.history), chartWidth);
	const mark = figures.left ? '?' : '';
	return [
		figures.left
			? `${label('Resources')}the last figures known, marked ?: new ones within seconds`
			: `${label('Resources')}the last ${history.length} seconds, a column a second (CPU against 100% or its peak; memory from its lowest to its highest)`,
		`${label('CPU')}${padCell(`${formatPercent(figures.cpuPercent)}${mark}`, 30)}${chart(history.map(point => point.cpuPercent), {max: Math.max(100, ...history.map(point => point.cpuPercent))})}`,
		`${label('Memory')}${padCell(`${formatMemoryUsage(figures.memoryUsage, figures.memoryLimit)} (${formatPercent(figures.memoryPercent)})${mark}`, 30)}${chart(history.map(point => point.memoryUsage), {fromLowest: true})}`,
		`${label('Network in')}${padCell(`${ioFigure(figures.networkRxRate, figures.networkRx)}${mark}`, 30)}${chart(history.map(point => point.networkRxRate))}`,
		`${label('Network out')}${padCell(`${ioFigure(figures.networkTxRate, figures.networkTx)}${mark}`, 30)}${chart(history.map(point => point.networkTxRate))}`,
		`${label('Block read')}${padCell(`${ioFigure(figures.blockReadRate, figures.blockRead)}${mark}`, 30)}${chart(history.map(point => point.blockReadRate))}`,
		`${label('Block write')}${padCell(`${ioFigure(figures.blockWriteRate, figures.blockWrite)}${mark}`, 30)}${chart(history.map(point => point.blockWriteRate))}`,
		`${label('PIDs')}${figures.pids}${mark}`,
		'',
	];
}

/** Indexes of the lines that contain the search text (case-insensitive). */
export function selectSearchMatches(lines: readonly string[], search: string): number[] {
	const needle = search.toLowerCase();
	if (needle === '') return [];
	const matches: number[] = [];
	for (const [index, line] of lines.entries()) if (line.toLowerCase().includes(needle)) matches.push(index);
	return matches;
}

/** The scroll position that shows a line near the top, within the pane's bounds. */
export function clampScroll(scroll: number, lineCount: number, pageSize: number): number {
	return Math.max(0, Math.min(scroll, lineCount - pageSize));
}
