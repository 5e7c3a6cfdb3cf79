// Small charts of a series in one line of text: Unicode blocks, or ASCII where the terminal lacks them. Pure.

const blocks = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ascii = ['_', '.', '-', '~', '=', '+', '*', '#'];

/**
 * The last `width` values, each as one character scaled between 0 and `max` (the series' own maximum when
 * not given, so a quiet container's chart is not flat by accident); a value not known (undefined) is a gap.
 */
export function formatSparkline(
	values: ReadonlyArray<number | undefined>,
	width: number,
	options: {unicode: boolean; max?: number; fromLowest?: boolean},
): string {
	const shown = values.slice(-Math.max(0, width));
	const known = shown.filter(value => value !== undefined);
	const glyphs = options.unicode ? blocks : ascii;
	const top = options.max ?? Math.max(0, ...known);
	// Memory reads better from its own lowest value: growth shows even far below the limit.
	const bottom = options.fromLowest && known.length > 0 ? Math.min(...known) : 0;
	const chart = shown
		.map(value => {
			if (value === undefined) return ' ';
			if (top <= bottom || value <= bottom) return glyphs[0]!;
			const share = (value - bottom) / (top - bottom);
			const level = Math.min(glyphs.length - 1, Math.max(0, Math.round(share * (glyphs.length - 1))));
			return glyphs[level]!;
		})
		.join('');
	return chart.padStart(Math.max(0, width), ' ');
}
