// When V8's memory saver is on: from a high resident set until it has stayed low for a while.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {governMemory, nextSaverState, type SaverBounds, type SaverState} from '../../source/app/memory.js';

const bounds: SaverBounds = {onAtMiB: 96, offBelowMiB: 88, offAfterMs: 60_000, everyMs: 1000};
const off: SaverState = {on: false, lowSince: undefined};

test('the saver goes on at the high mark and stays on until the resident set has been low for the whole wait', () => {
	const readings: Array<[at: number, mib: number, on: boolean]> = [
		[0, 80, false],
		[1000, 95.9, false],
		[2000, 96, true],
		[3000, 120, true],
		[4000, 90, true],
		[5000, 87, true],
		[30_000, 85, true],
		// Back over the low mark: the wait starts again.
		[31_000, 89, true],
		[32_000, 87, true],
		[91_000, 87, true],
		[92_000, 86, false],
		[93_000, 95, false],
		[94_000, 97, true],
	];
	let state = off;
	for (const [at, mib, on] of readings) {
		state = nextSaverState(state, mib, at, bounds);
		assert.equal(state.on, on, `at ${at} ms with ${mib} MiB`);
	}
});

test('a state that does not change is the same state', () => {
	assert.equal(nextSaverState(off, 50, 0, bounds), off);
	const on: SaverState = {on: true, lowSince: undefined};
	assert.equal(nextSaverState(on, 90, 0, bounds), on);
});

test('governMemory sets efficiency mode once, reads the resident set on its timer and sets the saver only when its state changes', async () => {
	const sizes = [100, 110, 50, 50, 50, 50, 50, 50].map(mib => mib * 1024 * 1024);
	const set: boolean[] = [];
	let efficiency = 0;
	let clock = 0;
	let reads = 0;
	const stop = governMemory({
		rssBytes() {
			reads++;
			clock += 10;
			return sizes[Math.min(reads - 1, sizes.length - 1)]!;
		},
		setSaver(on) {
			set.push(on);
		},
		setEfficiency() {
			efficiency++;
		},
		bounds: {onAtMiB: 96, offBelowMiB: 88, offAfterMs: 30, everyMs: 5},
		startMs: 5,
		now: () => clock,
	});
	await new Promise(resolve => setTimeout(resolve, 120));
	stop();
	const afterStop = reads;
	await new Promise(resolve => setTimeout(resolve, 30));
	assert.ok(afterStop >= 6, `read ${afterStop} times`);
	assert.deepEqual(set, [true, false], 'on at 100 MiB, off after 30 ms under 88 MiB');
	assert.equal(reads, afterStop, 'no reading after stop');
	assert.equal(efficiency, 1, 'efficiency mode set once, at the start');
});
