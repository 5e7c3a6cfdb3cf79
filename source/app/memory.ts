// V8's settings for a long-running overview, from once the first frame is out; its memory saver while a logs
// pane is open.
import v8 from 'node:v8';

/**
 * For the whole run, V8's efficiency mode and a heap that grows by a fifth at a time:
 * - Efficiency mode is meant for work with no latency to meet: V8's collector leaves out its helper threads and
 *   hot code is optimised later (side by side with 50 busy containers, 8% less CPU by default, 6% at
 *   `--refresh 1`, and 5 to 7 MiB less resident memory).
 * - `--heap-growing-percent=20`: after each full collection the heap may grow by a fifth before the next one,
 *   where V8 would otherwise let a heap that collects quickly grow up to four times.
 *
 * V8's memory saver, which berth had on for good until 2026-12-02, keeps the heap smallest and gives memory
 * back after a burst, but in a steady overview it cost about a third more CPU (side by side at `--refresh 1`
 * with 50 busy containers: 2.68 s against 1.98 s in 3 minutes; with efficiency mode alone, 1.81-1.87 against
 * 1.37-1.43 s in 2 minutes) for 6 to 8 MiB of resident memory (78 against 86 MiB). It is on while a logs
 * pane is open, where a container decides how much comes in (a flood of lines peaked at 143 MiB without it
 * and about 105 with it), and for `afterLogsMs` after it closes, so the memory of the burst is given back.
 *
 * Set here, after the first frame, rather than on Node's command line: a V8 flag given at start makes Node
 * refuse the code cache of its own modules, which slowed every start. V8 reads these flags as it goes, so
 * the saver is turned on and off while berth runs.
 */
export type MemoryTuning = {
	/** Whether a logs pane is open (following one container or several). */
	logsOpen(open: boolean): void;
	stop(): void;
};

export const tuningFlags = ['--efficiency-mode', '--heap-growing-percent=20'] as const;

export function tuneMemoryAfterStart(options: {delayMs?: number; afterLogsMs?: number; setFlags?: (flags: string) => void} = {}): MemoryTuning {
	const {delayMs = 1000, afterLogsMs = 30_000, setFlags = (flags: string) => v8.setFlagsFromString(flags)} = options;
	let started = false;
	let logs = false;
	let saver = false;
	let saverOff: NodeJS.Timeout | undefined;
	const setSaver = (on: boolean) => {
		if (on === saver) return;
		saver = on;
		setFlags(on ? '--memory-saver-mode' : '--no-memory-saver-mode');
	};

	const start = setTimeout(() => {
		started = true;
		for (const flag of tuningFlags) setFlags(flag);
		if (logs) setSaver(true);
	}, delayMs);
	start.unref();
	return {
		logsOpen(open) {
			if (open === logs) return;
			logs = open;
			clearTimeout(saverOff);
			saverOff = undefined;
			if (!started) return;
			if (open) {
				setSaver(true);
				return;
			}

			saverOff = setTimeout(() => {
				saverOff = undefined;
				setSaver(false);
			}, afterLogsMs);
			saverOff.unref();
		},
		stop() {
			clearTimeout(start);
			clearTimeout(saverOff);
		},
	};
}
