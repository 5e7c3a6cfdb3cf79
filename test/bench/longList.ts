// Scenario 8: keys on a long list. With 1000 containers (50 running), G, g and a filter keystroke are timed
// from send-keys to the changed screen, next to j/k on the same list: a key press must not cost a list's worth
// of formatting (issue "One view, one place", target: median within 15 ms, worst within 50 ms).
import {setTimeout as sleep} from 'node:timers/promises';
import type {Fleet} from './fleet.js';
import {type Spread, spread} from './stats.js';
import {berthHeaderCount, berthSelectedLine, lines, RunningTool, type Tool} from './terminal.js';

export type LongListKeys = {containers: number; running: number; presses: number; keys: Record<'G' | 'g' | 'filter' | 'j/k', {ms: Spread; timeouts: number}>};

const size = {width: 160, height: 48};

function selectedName(screen: string): string {
	const line = lines(screen)[berthSelectedLine(screen)] ?? '';
	return line.slice(2).split(/\s+/)[0] ?? '';
}

/** The text after `filter "` in the header, while one is typed. */
function headerFilter(screen: string): string | undefined {
	return /filter "([^"]*)"/.exec(lines(screen)[0] ?? '')?.[1];
}

/** A key name for tmux (G, BSpace), or a character typed literally (`-` is no flag then). */
async function timed(run: RunningTool, key: string, done: (screen: string) => boolean): Promise<number | undefined> {
	await sleep(150);
	return run.keyToScreen(key.length === 1 ? {text: key} : {keys: [key]}, done, {timeoutMs: 5000});
}

function figures(values: ReadonlyArray<number | undefined>) {
	const done = values.filter((value): value is number => value !== undefined);
	return {ms: spread(done), timeouts: values.length - done.length};
}

/**
 * Runs with the fleet of scenario 1 at its largest (1000 containers): starts created ones until `running`
 * run, then times each key `presses` times in berth at 160x48.
 */
export async function longListKeys(options: {berth: Tool; fleet: Fleet; names: readonly string[]; running: number; startable: readonly string[]; presses: number}): Promise<LongListKeys> {
	const {berth, names, presses} = options;
	await options.fleet.start([...options.startable]);
	const sorted = [...names].sort();
	const [first, last] = [sorted[0]!, sorted.at(-1)!];
	const run = await RunningTool.launch(berth, size);
	try {
		await run.poll(screen => berthHeaderCount(screen) === names.length && selectedName(screen) !== '', {intervalMs: 50, timeoutMs: 60_000});
		// Let the first stats round and the timings settle, as a person would look at the list first.
		await sleep(6000);
		const G: Array<number | undefined> = [];
		const g: Array<number | undefined> = [];
		const moves: Array<number | undefined> = [];
		for (let i = 0; i < presses; i++) {
			G.push(await timed(run, 'G', screen => selectedName(screen) === last));
			g.push(await timed(run, 'g', screen => selectedName(screen) === first));
			// From the first row, j moves to the second and k back to the first.
			moves.push(await timed(run, 'j', screen => selectedName(screen) === sorted[1]));
			moves.push(await timed(run, 'k', screen => selectedName(screen) === first));
		}

		// A filter typed one character at a time, then erased: each keystroke narrows or widens the list.
		await run.term.sendKeys('/');
		await run.poll(screen => /^\//m.test(lines(screen).at(-1) ?? ''), {intervalMs: 10, timeoutMs: 5000});
		const filter: Array<number | undefined> = [];
		const text = 'bench-s-0';
		for (let i = 0; filter.length < presses * 2; i = (i + 1) % text.length) {
			const typed = text.slice(0, i + 1);
			filter.push(await timed(run, text[i]!, screen => headerFilter(screen) === typed));
			if (i === text.length - 1) {
				for (let erase = text.length - 1; erase >= 0 && filter.length < presses * 2; erase--) {
					filter.push(await timed(run, 'BSpace', screen => (headerFilter(screen) ?? '') === text.slice(0, erase)));
				}
			}
		}

		await run.term.sendKeys('Escape');
		return {
			containers: names.length,
			running: options.running,
			presses,
			keys: {G: figures(G), g: figures(g), filter: figures(filter), 'j/k': figures(moves)},
		};
	} finally {
		await run.kill();
	}
}
