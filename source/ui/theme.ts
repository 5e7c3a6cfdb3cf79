// How tones become colours, and which glyphs the terminal can show. Only the 16 basic colours are used.
import type {LineSegment} from '../format/containerColumns.js';

export type Theme = {
	/** False under NO_COLOR or --no-color: no colour and no inverse; the selection shows by its marker. */
	color: boolean;
	/** False on consoles without Unicode (TERM=linux, non-UTF-8 locales): plain ASCII glyphs. */
	unicode: boolean;
	/** Colours the configuration file gives the tones (and the accent of questions); the rest stay. */
	colors?: ToneColors | undefined;
};

export type ToneColors = Partial<Record<Tone | 'accent', string>>;

export type Tone = NonNullable<LineSegment['tone']>;

export function toneColor(tone: Tone | undefined, colors?: ToneColors): string | undefined {
	const own = tone === undefined ? undefined : colors?.[tone];
	if (own) return own;
	switch (tone) {
		case 'good': {
			return 'green';
		}

		case 'warning': {
			return 'yellow';
		}

		case 'bad': {
			return 'red';
		}

		case 'neutral': {
			return 'cyan';
		}

		case 'muted': {
			return 'gray';
		}

		default: {
			return undefined;
		}
	}
}

export function selectGlyphs(theme: Theme) {
	return theme.unicode
		? {ellipsis: '…', pointer: '›', separator: '·'}
		: {ellipsis: '~', pointer: '>', separator: '|'};
}
