// The bottom rows when nothing is typed or asked: the last message, else the main keys; as runs of text with
// their style, for the StatusLine component and the first frame painted before it. A message too long for one
// row goes on in the rows below (at most three), so an engine's reason is read whole on an 80-column console.
import type {Message} from '../state/ui.js';
import {memoizeLast} from '../state/select/memo.js';
import {selectGlyphs, type Theme} from '../ui/theme.js';
import {formatSafeText, wrapWords} from './logText.js';
import {type StyledSegment, textWidth, truncateText} from './table.js';

/** The most rows a message takes; a longer one keeps its start and its end (where an engine says why). */
export const maxMessageRows = 3;

/** The message as rows of at most `width` columns; beyond the most rows, its middle is cut. */
function wrapMessage(text: string, width: number, ellipsis: string): readonly string[] {
	const safe = formatSafeText(text.replaceAll(/\s+/g, ' ').trim());
	const rows = wrapWords(safe, width);
	if (rows.length <= maxMessageRows) return rows;
	const kept = rows.slice(0, maxMessageRows - 1);
	kept[kept.length - 1] = truncateText(`${kept.at(-1)!} ${ellipsis}`, width, ellipsis);
	return [...kept, lastRowOf(safe, width) ?? rows.at(-1)!];
}

/** The text's last words that fill one row; undefined when its last word alone is wider. */
function lastRowOf(text: string, width: number): string | undefined {
	let row: string | undefined;
	for (const word of text.split(' ').reverse()) {
		const longer = row === undefined ? word : `${word} ${row}`;
		if (textWidth(longer) > width) break;
		row = longer;
	}

	return row;
}

const wrapMessageOnce = memoizeLast(wrapMessage);

/** How many rows the status line takes for this message (1 with none). */
export function countMessageRows(message: Message | undefined, width: number, theme: Theme): number {
	return message ? wrapMessageOnce(message.text, width, selectGlyphs(theme).ellipsis).length : 1;
}

export function formatStatusRows({message, hints, theme, width}: {message: Message | undefined; hints: string; theme: Theme; width: number}): StyledSegment[] {
	const {ellipsis} = selectGlyphs(theme);
	if (message) {
		// A message often carries an engine's words: made safe to draw.
		const color = theme.color && message.tone === 'error' ? 'red' : undefined;
		return wrapMessageOnce(message.text, width, ellipsis).map(text => ({text, color}));
	}

	return [{text: truncateText(hints, width, ellipsis), dim: theme.color}];
}
