// A run of text with its colour codes in it, as Ink's <Text> would draw it: rows drawn as one string each.
import chalk from 'chalk';
import type {StyledSegment} from '../format/table.js';

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

/** Segments side by side as one string, all of it inverse when asked (as an inverse <Text> around them). */
export function styleLine(segments: readonly StyledSegment[], inverse = false): string {
	return styleSegment({text: segments.map(segment => styleSegment(segment)).join(''), inverse});
}
