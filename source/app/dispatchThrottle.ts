// An engine's news reaches the screen at most once per window: a storm of events is not a storm of renders.

/**
 * How long news waits: `ms` at most, the first news after a quiet spell at once. News that keeps coming (each
 * within `quietMs` of the one before) for `stormAfter` windows is a storm: it is drawn every `stormMs`, and
 * keys, drawn at once, do not wait behind its frames; news followed by `quietMs` of none goes out then, so
 * the storm's last change is not held for the rest of a window. A storm ends once `stormMs` pass without news.
 */
export type ThrottleWindow = {ms: number; stormMs: number; stormAfter: number; quietMs: number};

/**
 * A dispatch that hands on what it is given at most once per window, as one batch: the first action after a
 * quiet window goes out at once (on the next turn of the event loop, with whatever else came in that turn);
 * actions that come sooner wait for the window's end. Every render of 1000 rows costs the same, so a storm of
 * hundreds of events a second is drawn a bounded number of times and keys stay answered.
 */
export function throttleDispatch<Action>(
	dispatch: (action: Action) => void,
	batch: (actions: readonly Action[]) => Action,
	window: number | ThrottleWindow,
	clock: {now(): number; setTimeout(run: () => void, ms: number): unknown; clearTimeout(timer: unknown): void} = {
		now: () => Date.now(),
		setTimeout: (run, ms) => setTimeout(run, ms),
		clearTimeout: timer => clearTimeout(timer as NodeJS.Timeout),
	},
): {dispatch: (action: Action) => void; close(): void} {
	const {ms, stormMs, stormAfter, quietMs} =
		typeof window === 'number' ? {ms: window, stormMs: window, stormAfter: Number.POSITIVE_INFINITY, quietMs: window} : window;
	let pending: Action[] = [];
	let timer: unknown;
	/** In a storm: goes off once news has stopped for quietMs. */
	let quiet: unknown;
	let lastFlush = Number.NEGATIVE_INFINITY;
	let lastNews = Number.NEGATIVE_INFINITY;
	/** Since when news has kept coming (each within quietMs of the one before). */
	let comingSince = Number.NEGATIVE_INFINITY;
	let storming = false;
	const flush = () => {
		if (timer !== undefined) clock.clearTimeout(timer);
		if (quiet !== undefined) clock.clearTimeout(quiet);
		timer = undefined;
		quiet = undefined;
		lastFlush = clock.now();
		const actions = pending;
		pending = [];
		if (actions.length > 0) dispatch(actions.length === 1 ? actions[0]! : batch(actions));
	};

	return {
		dispatch(action) {
			pending.push(action);
			const now = clock.now();
			const gap = now - lastNews;
			lastNews = now;
			if (storming) storming = gap < stormMs;
			if (!storming) {
				if (gap >= quietMs) comingSince = now;
				storming = now - comingSince >= stormAfter * ms;
			}

			timer ??= clock.setTimeout(flush, Math.max(0, lastFlush + (storming ? stormMs : ms) - now));
			if (storming) {
				if (quiet !== undefined) clock.clearTimeout(quiet);
				quiet = clock.setTimeout(flush, quietMs);
			}
		},
		close() {
			if (timer !== undefined) clock.clearTimeout(timer);
			if (quiet !== undefined) clock.clearTimeout(quiet);
			timer = undefined;
			quiet = undefined;
			pending = [];
		},
	};
}
