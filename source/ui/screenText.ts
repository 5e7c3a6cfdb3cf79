// The containers screen as lines of text with colour codes, drawn as Ink draws the Screen component: for the
// first frame, painted while the UI is still loading. A test holds the two equal, cell by cell.
import chalk from 'chalk';
import {containerLineOf, containerRowGutter, formatContainerHeading} from '../format/containerColumns.js';
import {formatHeaderSegments} from '../format/header.js';
import {type StyledSegment, textWidth, truncateText} from '../format/table.js';
import type {ScreenProps} from './Screen.js';
import {selectGlyphs, toneColor} from './theme.js';

type Paint = (text: string) => string;

/** A run styled as Ink's <Text> styles it: dim first, then the colour, bold, and inverse last. */
export function styleSegment({text, color, bold, dim, inverse}: StyledSegment): string {
	let styled = dim ? chalk.dim(text) : text;
	if (color) {
		const paint = color.startsWith('#') ? chalk.hex(color) : (chalk as unknown as Record<string, Paint | undefined>)[color];
		if (paint) styled = paint(styled);
	}

	if (bold) styled = chalk.bold(styled);
	return inverse ? chalk.inverse(styled) : styled;
}

/**
 * The screen's lines when it shows the containers list and nothing else (no pane, prompt, question or help);
 * undefined for any other screen, which is left to Ink.
 */
export function paintContainerScreen({width, height, minimum, theme, header, table, status, pane, logs, resourceTable, form}: ScreenProps): string[] | undefined {
	if (width < minimum.width || height < minimum.height) return undefined;
	if (status.mode !== 'list' || pane || logs || resourceTable || form || table.rows.length > table.height) return undefined;
	const {ellipsis, pointer} = selectGlyphs(theme);
	const lines = [formatHeaderSegments(header).map(segment => styleSegment(segment)).join('')];
	const texts = [`  ${formatContainerHeading(table.layout, ellipsis)}`];
	lines.push(styleSegment({text: texts[0]!, bold: theme.color}));
	if (table.rows.length === 0) {
		texts.push(`  ${table.emptyText}`);
		lines.push(texts.at(-1)!);
	}

	for (const row of table.rows) {
		const {before, status: rowStatus, tone, after} = containerLineOf(row, table.layout, ellipsis);
		const selected = row.key === table.selectedKey;
		const marked = table.marks.has(row.key);
		const alerted = row.alerted === true;
		const gutter = containerRowGutter(selected, marked, alerted, pointer);
		texts.push(`${gutter}${before}${rowStatus}${after}`);
		if (!theme.color) {
			lines.push(texts.at(-1)!);
			continue;
		}

		const words = rowStatus.trimEnd();
		const mark = alerted && !marked ? `${gutter[0]}${styleSegment({text: '!', color: 'red', bold: true})}` : gutter;
		const colored = styleSegment({text: words, color: toneColor(tone, theme.colors)});
		lines.push(styleSegment({text: `${mark}${before}${colored}${rowStatus.slice(words.length)}${after}`, inverse: selected}));
	}

	// Ink would cut a longer line; such a screen is left to it.
	if (texts.some(text => textWidth(text) > width)) return undefined;
	while (lines.length < height - 1) lines.push('');
	const bottom = status.message ? status.message.text.replaceAll(/\s+/g, ' ') : status.hints;
	lines.push(
		styleSegment(
			status.message
				? {text: truncateText(bottom, width, ellipsis), color: theme.color && status.message.tone === 'error' ? 'red' : undefined}
				: {text: truncateText(bottom, width, ellipsis), dim: theme.color},
		),
	);
	return lines;
}
