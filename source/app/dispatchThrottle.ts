// An engine's news reaches the screen at most once per window: a storm of events is not a storm of renders.

/**
 * A dispatch that hands on what it is given at most once every `windowMs`, as one batch: the first action
 * after a quiet window goes out at once (on the next turn of the event loop, with whatever else came in that
 * turn); actions that come sooner wait for the window's end. Every render of 1000 rows costs the same, so a
 * storm of hundreds of events a second is drawn a bounded number of times and keys stay answered.
 */
export function throttleDispatch<Action>(
	dispatch: (action: Action) => void,
	batch: (actions: readonly Action[]) => Action,
	windowMs: number,
	clock: {now(): number; setTimeout(run: () => void, ms: number): unknown; clearTimeout(timer: unknown): void} = {
		now: () => Date.now(),
		setTimeout: (run, ms) => setTimeout(run, ms),
		clearTimeout: timer => clearTimeout(timer as NodeJS.Timeout),
	},
): {dispatch: (action: Action) => void; close(): void} {
	let pending: Action[] = [];
	let timer: unknown;
	let lastFlush = Number.NEGATIVE_INFINITY;
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
			timer ??= clock.setTimeout(flush, Math.max(0, lastFlush + windowMs - clock.now()));
		},
		close() {
			if (timer !== undefined) clock.clearTimeout(timer);
			timer = undefined;
			pending = [];
		},
	};
}
