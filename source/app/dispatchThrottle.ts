// An engine's news reaches the screen at most once per window: a storm of events is not a storm of renders.

/**
 * How long news waits. `ms` after a quiet spell; once news has kept coming for `stormAfter` windows in a row
 * (each batch found the next news already waiting), `stormMs`: a storm is drawn a few times a second, and
 * keys, drawn at once, do not wait behind its frames. A window that ends with nothing waiting ends the storm.
 */
export type ThrottleWindow = {ms: number; stormMs: number; stormAfter: number};

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
	const {ms, stormMs, stormAfter} = typeof window === 'number' ? {ms: window, stormMs: window, stormAfter: Number.POSITIVE_INFINITY} : window;
	let pending: Action[] = [];
	let timer: unknown;
	let lastFlush = Number.NEGATIVE_INFINITY;
	/** Windows in a row that ended with news waiting. */
	let held = 0;
	const flush = () => {
		timer = undefined;
		lastFlush = clock.now();
		const actions = pending;
		pending = [];
		if (actions.length > 0) dispatch(actions.length === 1 ? actions[0]! : batch(actions));
	};

	return {
		dispatch(action) {
			pending.push(action);
			if (timer !== undefined) return;
			const wait = Math.max(0, lastFlush + (held >= stormAfter ? stormMs : ms) - clock.now());
			held = wait > 0 ? held + 1 : 0;
			timer = clock.setTimeout(flush, wait);
		},
		close() {
			if (timer !== undefined) clock.clearTimeout(timer);
			timer = undefined;
			pending = [];
		},
	};
}
