// The bottom line when nothing is typed or asked: the last message, else the main keys; as one run of text
// with its style, for the StatusLine component and the first frame painted before it.
import type {Message} from '../state/ui.js';
import {selectGlyphs, type Theme} from '../ui/theme.js';
import {formatSafeText} from './logText.js';
import {type StyledSegment, truncateText} from './table.js';

export function formatMessageOrHints({message, hints, theme, width}: {message: Message | undefined; hints: string; theme: Theme; width: number}): StyledSegment {
	const {ellipsis} = selectGlyphs(theme);
	if (message) {
		// A message often carries an engine's words: made safe to draw.
		return {text: truncateText(formatSafeText(message.text.replaceAll(/\s+/g, ' ')), width, ellipsis), color: theme.color && message.tone === 'error' ? 'red' : undefined};
	}

	return {text: truncateText(hints, width, ellipsis), dim: theme.color};
}
