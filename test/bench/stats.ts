// Small statistics for noisy measurements: median, min and max of a few runs.

export type Spread = {median: number; min: number; max: number; runs: number; values: number[]};

export function spread(values: readonly number[]): Spread {
	const sorted = [...values].sort((a, b) => a - b);
	const n = sorted.length;
	const median = n === 0 ? Number.NaN : n % 2 === 1 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
	return {
		median: round(median),
		min: round(sorted[0] ?? Number.NaN),
		max: round(sorted[n - 1] ?? Number.NaN),
		runs: n,
		values: values.map(value => round(value)),
	};
}

/** Rounds to 3 significant decimals for the JSON file (figures are noisy well before that). */
export function round(value: number, digits = 3): number {
	const factor = 10 ** digits;
	return Math.round(value * factor) / factor;
}

export const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));
