// V8's memory saver, on while berth's resident memory is high and off once it has been low for a while.
import v8 from 'node:v8';

/**
 * V8's memory saver mode keeps the heap from growing and gives memory back once a burst is over: a logs pane
 * following a flood peaked at 151 MiB without it and about 100 MiB with it, and was back to 85 MiB 30 s after
 * closing (97 MiB without). In a steady overview it costs CPU (more, smaller collections, more marking on V8's
 * threads): 50 busy containers at `--refresh 1`, 0.98 s a minute with it against 0.65 s without, and by
 * default 0.31 against 0.23 s. So it is turned on when the resident set passes `onAtMiB` and off again once it
 * has stayed under `offBelowMiB` for `offAfterMs`. (Turned on and off by allocation rate instead, it left the
 * heap free to grow in a churning overview: RSS is what is bounded, so RSS is what decides.)
 */
export type SaverBounds = {onAtMiB: number; offBelowMiB: number; offAfterMs: number; everyMs: number};

export const saverBounds: SaverBounds = {onAtMiB: 96, offBelowMiB: 88, offAfterMs: 60_000, everyMs: 1000};

export type SaverState = {on: boolean; lowSince: number | undefined};

/** Whether the saver should be on after a reading of `rssMiB` at `now`. Pure. */
export function nextSaverState(state: SaverState, rssMiB: number, now: number, bounds: SaverBounds = saverBounds): SaverState {
	if (rssMiB >= bounds.onAtMiB) return {on: true, lowSince: undefined};
	if (!state.on) return state;
	if (rssMiB >= bounds.offBelowMiB) return state.lowSince === undefined ? state : {on: true, lowSince: undefined};
	const lowSince = state.lowSince ?? now;
	return now - lowSince >= bounds.offAfterMs ? {on: false, lowSince: undefined} : {on: true, lowSince};
}

/**
 * Reads the resident set every `bounds.everyMs` from `startMs` on (after the first frame: a V8 flag given at
 * start makes Node refuse the code cache of its own modules) and turns the saver on or off as it changes.
 * Returns a stop function; the timers never keep berth running.
 */
export function governMemory(options: {rssBytes?: () => number; setSaver?: (on: boolean) => void; bounds?: SaverBounds; startMs?: number; now?: () => number} = {}): () => void {
	const {rssBytes = () => process.memoryUsage.rss(), setSaver = setV8Saver, bounds = saverBounds, startMs = 1000, now = Date.now} = options;
	let state: SaverState = {on: false, lowSince: undefined};
	const check = () => {
		const next = nextSaverState(state, rssBytes() / 1024 / 1024, now(), bounds);
		if (next.on !== state.on) setSaver(next.on);
		state = next;
	};

	let every: NodeJS.Timeout | undefined;
	const start = setTimeout(() => {
		check();
		every = setInterval(check, bounds.everyMs);
		every.unref();
	}, startMs);
	start.unref();
	return () => {
		clearTimeout(start);
		clearInterval(every);
	};
}

function setV8Saver(on: boolean): void {
	v8.setFlagsFromString(on ? '--memory-saver-mode' : '--no-memory-saver-mode');
}
