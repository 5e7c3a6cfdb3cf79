// V8 in efficiency mode with its memory saver, from once the first frame is out.
import v8 from 'node:v8';

/**
 * V8's memory saver mode keeps the heap from growing and gives memory back once a burst is over: a logs pane
 * following a flood peaked at 211-224 MiB without it and 125 MiB with it, and was back to 91 MiB 30 s after
 * closing (169 MiB without); it costs some CPU in the steady state (more, smaller collections). Governed by the
 * resident set instead (on from 88 or 96 MiB, off after a minute lower), it let the heap grow before it came on:
 * the benchmark's churn soak grew 8.2% (2026-12-01T11:26Z, the target is 5%).
 *
 * V8's efficiency mode is meant for work with no latency to meet: its collector leaves out its helper threads
 * and hot code is optimised later. With the saver, side by side with 50 busy containers (3 minutes each after
 * the first): by default 1.71 s against 1.86 s with the saver alone, at `--refresh 1` 2.50-2.54 s against
 * 2.62-2.77 s; the resident set 77-82 MiB against 82-89.
 *
 * Both are set here, after the first frame, rather than on Node's command line (where --optimize-for-size did
 * the same): a V8 flag given at start makes Node refuse the code cache of its own modules, which slowed every
 * start.
 */
export function saveMemoryAfterStart(options: {delayMs?: number; setFlags?: (flags: string) => void} = {}): () => void {
	const {delayMs = 1000, setFlags = (flags: string) => v8.setFlagsFromString(flags)} = options;
	const timer = setTimeout(() => {
		setFlags('--efficiency-mode');
		setFlags('--memory-saver-mode');
	}, delayMs);
	timer.unref();
	return () => {
		clearTimeout(timer);
	};
}
