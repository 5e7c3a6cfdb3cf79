// The containers screen as lines of text with colour codes, drawn as Ink draws the Screen component: for the
// first frame, painted while the UI is still loading. A test holds the two equal, cell by cell.
import {containerLineOf, containerRowRuns, formatContainerHeading} from '../format/containerColumns.js';
import {formatHeaderSegments} from '../format/header.js';
import {formatStatusRows} from '../format/statusLine.js';
import {textWidth} from '../format/table.js';
import type {ScreenProps} from './Screen.js';
import {styleLine, styleSegment} from './styleSegment.js';
import {selectGlyphs, toneColor} from './theme.js';

/**
 * The screen's lines when it shows the containers list and nothing else (no pane, prompt, question or help);
 * undefined for any other screen, which is left to Ink.
 */
export function paintContainerScreen({width, height, minimum, theme, header, table, status, pane, logs, resourceTable, form}: ScreenProps): string[] | undefined {
	if (width < minimum.width || height < minimum.height) return undefined;
	if (status.mode !== 'list' || pane || logs || resourceTable || form || table.rows.length > table.height) return undefined;
	const {ellipsis, pointer} = selectGlyphs(theme);
	const lines = [styleLine(formatHeaderSegments(header))];
	const texts = [`  ${formatContainerHeading(table.layout, ellipsis)}`];
	lines.push(styleSegment({text: texts[0]!, bold: theme.color}));
	if (table.rows.length === 0) {
		texts.push(`  ${table.emptyText}`);
		lines.push(texts.at(-1)!);
	}

	for (const row of table.rows) {
		const line = containerLineOf(row, table.layout, ellipsis);
		const mark = {selected: row.key === table.selectedKey, marked: table.marks.has(row.key), alerted: row.alerted === true};
		const {inverse, runs} = containerRowRuns(line, mark, pointer, theme.color && toneColor(line.tone, theme.colors));
		texts.push(runs.map(run => run.text).join(''));
		lines.push(styleLine(runs, inverse));
	}

	// Ink would cut a longer line; such a screen is left to it.
	if (texts.some(text => textWidth(text) > width)) return undefined;
	const bottom = formatStatusRows(status);
	while (lines.length < height - bottom.length) lines.push('');
	lines.push(...bottom.map(row => styleSegment(row)));
	return lines;
}
