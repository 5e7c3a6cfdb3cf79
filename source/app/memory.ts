// V8's memory saver, turned on once the first frame is out.
import v8 from 'node:v8';

/**
 * V8's memory saver mode: a heap that grows less and gives memory back once a burst is over. A logs pane
 * following a flood peaked at 211-224 MiB without it and 125 MiB with it, and was back to 91 MiB 30 s after
 * closing (169 MiB without); it costs some CPU in the steady state (more, smaller collections). It is set here,
 * after the first frame, rather than on Node's command line (where --optimize-for-size did the same): a V8 flag
 * given at start makes Node refuse the code cache of its own modules, which slowed every start.
 */
export function saveMemoryAfterStart(delayMs = 1000): void {
	setTimeout(() => {
		v8.setFlagsFromString('--memory-saver-mode');
	}, delayMs).unref();
}
