// An engine's news reaches the screen at most once per window, the first at once.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {throttleDispatch} from '../../source/app/dispatchThrottle.js';

function fakeClock() {
	let now = 1000;
	let timers: Array<{at: number; run: () => void}> = [];
	return {
		now: () => now,
		setTimeout: (run: () => void, ms: number) => {
			const timer = {at: now + ms, run};
			timers.push(timer);
			return timer;
		},
		clearTimeout: (timer: unknown) => {
			timers = timers.filter(each => each !== timer);
		},
		advance(ms: number) {
			now += ms;
			for (const timer of timers.filter(each => each.at <= now)) {
				timers = timers.filter(each => each !== timer);
				timer.run();
			}
		},
		pending: () => timers.length,
	};
}

test('the first action after a quiet window goes out on the next turn, with what came in the same turn', () => {
	const clock = fakeClock();
	const sent: unknown[] = [];
	const news = throttleDispatch<string | {batch: readonly string[]}>(action => sent.push(action), actions => ({batch: actions as string[]}), 50, clock);
	news.dispatch('a');
	news.dispatch('b');
	assert.deepEqual(sent, []);
	clock.advance(0);
	assert.deepEqual(sent, [{batch: ['a', 'b']}]);
});

test('a storm is handed on once per window, nothing lost, in order', () => {
	const clock = fakeClock();
	const sent: unknown[] = [];
	const news = throttleDispatch<number | {batch: readonly number[]}>(action => sent.push(action), actions => ({batch: actions as number[]}), 50, clock);
	news.dispatch(0);
	clock.advance(0);
	for (let index = 1; index <= 100; index++) {
		news.dispatch(index);
		clock.advance(1);
	}

	clock.advance(50);
	// 100 ms of events: the first at once, then at most one batch per 50 ms.
	assert.ok(sent.length <= 4, `${sent.length} dispatches`);
	const all = sent.flatMap(action => (typeof action === 'number' ? [action] : (action as {batch: number[]}).batch));
	assert.deepEqual(all, Array.from({length: 101}, (_, index) => index));
});

test('a single action is handed on as itself; close drops what waits', () => {
	const clock = fakeClock();
	const sent: unknown[] = [];
	const news = throttleDispatch<string>(action => sent.push(action), () => 'batch', 50, clock);
	news.dispatch('only');
	clock.advance(0);
	assert.deepEqual(sent, ['only']);
	news.dispatch('late');
	news.close();
	clock.advance(100);
	assert.deepEqual(sent, ['only']);
	assert.equal(clock.pending(), 0);
});

test('news that keeps coming is drawn every storm window once it has filled a few windows; a quiet window ends it', () => {
	const clock = fakeClock();
	const at: number[] = [];
	const news = throttleDispatch<number | {batch: readonly number[]}>(() => at.push(clock.now()), actions => ({batch: actions as number[]}), {ms: 50, stormMs: 250, stormAfter: 3}, clock);
	// An event every 10 ms for 2 s.
	for (let index = 0; index < 200; index++) {
		news.dispatch(index);
		clock.advance(10);
	}

	for (let step = 0; step < 60; step++) clock.advance(10);
	const gaps = at.slice(1).map((each, index) => each - at[index]!);
	// The first at once, three windows of 50 ms, then one batch every 250 ms.
	assert.deepEqual(gaps.slice(0, 3), [50, 50, 50]);
	assert.ok(gaps.slice(4, -1).every(gap => gap === 250), gaps.join(' '));
	assert.ok(at.length <= 12, `${at.length} batches in 2 s`);

	// Quiet: the next event goes out at once, and events a window apart each go out at once.
	const before = at.length;
	news.dispatch(1000);
	clock.advance(0);
	assert.equal(at.length, before + 1);
	for (let index = 0; index < 5; index++) {
		clock.advance(60);
		news.dispatch(index);
		clock.advance(0);
	}

	assert.equal(at.length, before + 6);
});
