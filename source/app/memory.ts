// V8's memory saver, on while berth takes in a lot (a log flood, a storm) and off in a steady overview.
import v8 from 'node:v8';

/**
 * V8's memory saver mode: a heap that grows less and gives memory back once a burst is over. A logs pane
 * following a flood peaked at 211-224 MiB without it and 125 MiB with it, and was back to 91 MiB 30 s after
 * closing (169 MiB without). Kept on all the time it costs a steady overview about a third of its CPU (a
 * memory-reducing collection every 15-20 s, and smaller, more frequent ones): 50 busy containers at the
 * default refresh took 0.44 s a minute with it and 0.30 s without. So berth turns it on when it allocates
 * fast, and off again once it has been quiet for a while. It is set at run time rather than on Node's command
 * line: a V8 flag given at start makes Node refuse the code cache of its own modules, which slowed every start.
 */
export type SaverState = {on: boolean; lastBurstAt: number | undefined};

export type SaverSettings = {
	/** Allocation faster than this turns the saver on: a logs pane on a flood took 70-120 MB/s; 50 busy containers
	 * take 0-5 MB/s in a 2 s window at the default refresh and 2-8 MB/s at --refresh 1. */
	burstBytesPerSecond: number;
	/** The saver goes off again after this long without a burst: time to give memory back. */
	quietMs: number;
};

export const saverSettings: SaverSettings = {burstBytesPerSecond: 16 * 1024 * 1024, quietMs: 60_000};

/** The saver's state after one reading of how fast berth allocated since the last. */
export function nextSaverState(state: SaverState, now: number, bytesPerSecond: number, settings: SaverSettings = saverSettings): SaverState {
	if (bytesPerSecond > settings.burstBytesPerSecond) return {on: true, lastBurstAt: now};
	if (state.on && (state.lastBurstAt === undefined || now - state.lastBurstAt >= settings.quietMs)) return {on: false, lastBurstAt: state.lastBurstAt};
	return state;
}

export type SaverHost = {
	/** Bytes V8 has allocated since the start, or undefined where Node does not say (before Node 26). */
	allocatedBytes(): number | undefined;
	setSaver(on: boolean): void;
	now(): number;
};

const v8Host: SaverHost = {
	allocatedBytes() {
		const {total_allocated_bytes: allocated} = v8.getHeapStatistics() as v8.HeapInfo & {total_allocated_bytes?: number};
		return typeof allocated === 'number' ? allocated : undefined;
	},
	setSaver(on) {
		v8.setFlagsFromString(on ? '--memory-saver-mode' : '--no-memory-saver-mode');
	},
	now: () => Date.now(),
};

/** The running governor's way to hear of a burst before it shows (a logs pane opened), if one runs. */
let burst: (() => void) | undefined;

/** A burst is coming (a logs pane opened on what may be a flood): the saver is turned on now, not a reading later. */
export function expectMemoryBurst(): void {
	burst?.();
}

/**
 * Watches how fast berth allocates, over the last `windowMs`, every `intervalMs` once `delayMs` has passed (after the first frame), and
 * turns the saver on and off. Where Node cannot say what was allocated, the saver is simply on, as it was
 * before. Never keeps berth running; returns a function that stops it.
 */
export function governMemory({
	delayMs = 1000,
	intervalMs = 1000,
	windowMs = 2000,
	host = v8Host,
	settings = saverSettings,
}: {delayMs?: number; intervalMs?: number; windowMs?: number; host?: SaverHost; settings?: SaverSettings} = {}): () => void {
	let state: SaverState = {on: false, lastBurstAt: undefined};
	// The last few readings: the rate is taken over `windowMs` (a round of figures is a short burst), read
	// every `intervalMs` (a flood is seen within one).
	const readings: Array<{at: number; allocated: number}> = [];
	const kept = Math.max(1, Math.round(windowMs / intervalMs));
	let interval: NodeJS.Timeout | undefined;
	const read = () => {
		const at = host.now();
		const reading = {at, allocated: host.allocatedBytes() ?? 0};
		const first = readings.length >= kept ? readings.shift()! : readings[0]!;
		readings.push(reading);
		const rate = at > first.at ? ((reading.allocated - first.allocated) * 1000) / (at - first.at) : 0;
		const next = nextSaverState(state, at, rate, settings);
		if (next.on !== state.on) host.setSaver(next.on);
		state = next;
	};

	const start = setTimeout(() => {
		const allocated = host.allocatedBytes();
		if (allocated === undefined) {
			host.setSaver(true);
			return;
		}

		burst = () => {
			if (!state.on) host.setSaver(true);
			state = {on: true, lastBurstAt: host.now()};
		};

		readings.push({at: host.now(), allocated});
		interval = setInterval(read, intervalMs).unref();
	}, delayMs).unref();
	return () => {
		clearTimeout(start);
		clearInterval(interval);
		burst = undefined;
	};
}
