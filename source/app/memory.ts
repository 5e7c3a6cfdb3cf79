// V8 in efficiency mode, and its memory saver on while berth's resident memory is high and off once it has been
// low for a while.
import v8 from 'node:v8';

/**
 * V8's efficiency mode does its work on fewer threads (garbage collection and compiling mostly on the main
 * thread, at moments it chooses): berth has no frame to hurry, and the threads cost more than they save. Side by
 * side with 50 busy containers (3 minutes each, after the first): at `--refresh 1` 2.03 s against 2.62-2.77 s
 * with the memory saver alone, by default 2.41 against 3.04 s in 5 minutes, the resident set the same (84-88
 * MiB).
 *
 * V8's memory saver mode keeps the heap from growing and gives memory back once a burst is over: a logs pane
 * following a flood peaked at 151 MiB without it and about 100 MiB with it, and was back to 85 MiB 30 s after
 * closing (97 MiB without). In a steady overview it costs CPU (more, smaller collections). So it is turned on
 * when the resident set passes `onAtMiB` and off again once it has stayed under `offBelowMiB` for `offAfterMs`.
 * (Turned on and off by allocation rate instead, it left the heap free to grow in a churning overview: RSS is
 * what is bounded, so RSS is what decides.) Without it, in efficiency mode, the resident set of 50 busy
 * containers stays at 82-85 MiB by default and creeps past 90 MiB in 5 minutes at `--refresh 1`.
 */
export type SaverBounds = {onAtMiB: number; offBelowMiB: number; offAfterMs: number; everyMs: number};

export const saverBounds: SaverBounds = {onAtMiB: 88, offBelowMiB: 82, offAfterMs: 60_000, everyMs: 1000};

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
 * From `startMs` on (after the first frame: a V8 flag given at start makes Node refuse the code cache of its own
 * modules), efficiency mode, and the resident set read every `bounds.everyMs`, the saver turned on or off as it
 * changes. Returns a stop function; the timers never keep berth running.
 */
export function governMemory(
	options: {rssBytes?: () => number; setSaver?: (on: boolean) => void; setEfficiency?: () => void; bounds?: SaverBounds; startMs?: number; now?: () => number} = {},
): () => void {
	const {rssBytes = () => process.memoryUsage.rss(), setSaver = setV8Saver, setEfficiency = setV8Efficiency, bounds = saverBounds, startMs = 1000, now = Date.now} = options;
	let state: SaverState = {on: false, lowSince: undefined};
	const check = () => {
		const next = nextSaverState(state, rssBytes() / 1024 / 1024, now(), bounds);
		if (next.on !== state.on) setSaver(next.on);
		state = next;
	};

	let every: NodeJS.Timeout | undefined;
	const start = setTimeout(() => {
		setEfficiency();
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

function setV8Efficiency(): void {
	v8.setFlagsFromString('--efficiency-mode');
}

function setV8Saver(on: boolean): void {
	v8.setFlagsFromString(on ? '--memory-saver-mode' : '--no-memory-saver-mode');
}
