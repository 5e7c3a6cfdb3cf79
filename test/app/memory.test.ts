import assert from 'node:assert/strict';
import {setTimeout as sleep} from 'node:timers/promises';
import test from 'node:test';
import {expectMemoryBurst, governMemory, nextSaverState, type SaverHost, saverSettings, type SaverState} from '../../source/app/memory.js';

const mb = 1024 * 1024;
const off: SaverState = {on: false, lastBurstAt: undefined};

test('the memory saver comes on when berth allocates faster than a steady overview does', () => {
	assert.deepEqual(nextSaverState(off, 1000, 8 * mb), off);
	assert.deepEqual(nextSaverState(off, 1000, 20 * mb), {on: true, lastBurstAt: 1000});
});

test('the memory saver stays on through a burst and goes off after a quiet minute', () => {
	let state = nextSaverState(off, 0, 20 * mb);
	state = nextSaverState(state, 30_000, 1 * mb);
	assert.equal(state.on, true, 'still on 30 s after the burst');
	state = nextSaverState(state, 40_000, 30 * mb);
	assert.deepEqual(state, {on: true, lastBurstAt: 40_000}, 'a new burst starts the quiet minute again');
	state = nextSaverState(state, 40_000 + saverSettings.quietMs - 1, 1 * mb);
	assert.equal(state.on, true);
	state = nextSaverState(state, 40_000 + saverSettings.quietMs, 1 * mb);
	assert.equal(state.on, false);
});

/** A host whose allocation is scripted, recording what the governor switches. */
function scriptedHost(perRead: number[] | undefined): SaverHost & {switched: boolean[]} {
	let allocated = 0;
	let reads = 0;
	let now = 0;
	const switched: boolean[] = [];
	return {
		switched,
		allocatedBytes() {
			if (!perRead) return undefined;
			allocated += perRead[Math.min(reads++, perRead.length - 1)]!;
			return allocated;
		},
		setSaver(on) {
			switched.push(on);
		},
		now() {
			now += 1000;
			return now;
		},
	};
}

test('the governor switches the saver on for a burst of allocation and off once it is quiet', async () => {
	// One reading a second on the host's clock: quiet, a 50 MB burst, then quiet.
	const host = scriptedHost([0, 1 * mb, 50 * mb, 1 * mb]);
	const stop = governMemory({delayMs: 0, intervalMs: 2, windowMs: 2, host, settings: {burstBytesPerSecond: 4 * mb, quietMs: 5000}});
	await sleep(100);
	stop();
	assert.deepEqual(host.switched, [true, false]);
});

test('a burst said to be coming (a logs pane opened) turns the saver on before any reading shows it', async () => {
	const host = scriptedHost([0, 1 * mb]);
	const stop = governMemory({delayMs: 0, intervalMs: 60_000, host});
	await sleep(20);
	assert.deepEqual(host.switched, []);
	expectMemoryBurst();
	assert.deepEqual(host.switched, [true]);
	expectMemoryBurst();
	assert.deepEqual(host.switched, [true], 'switched once');
	stop();
	expectMemoryBurst();
	assert.deepEqual(host.switched, [true], 'nothing once stopped');
});

test('where Node does not say what it allocated, the saver is simply on', async () => {
	const host = scriptedHost(undefined);
	const stop = governMemory({delayMs: 0, intervalMs: 2, host});
	await sleep(50);
	stop();
	assert.deepEqual(host.switched, [true]);
});

test('on this Node, V8 says how much berth has allocated, and the governor reads it without keeping Node alive', async () => {
	const {default: v8} = await import('node:v8');
	const before = (v8.getHeapStatistics() as {total_allocated_bytes?: number}).total_allocated_bytes;
	assert.equal(typeof before, 'number', `Node ${process.version} reports total_allocated_bytes`);
	const kept = Array.from({length: 100_000}, (_, index) => ({index}));
	const after = (v8.getHeapStatistics() as {total_allocated_bytes?: number}).total_allocated_bytes!;
	assert.ok(after - before! >= 100_000 * 8, `allocated ${after - before!} bytes for ${kept.length} objects`);
	const stop = governMemory({delayMs: 0, intervalMs: 5});
	await sleep(30);
	stop();
});
