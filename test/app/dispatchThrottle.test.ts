// An engine's news reaches the screen at most once per window, the first at once.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {throttleDispatch} from '../../source/app/dispatchThrottle.js';
import {engineNewsWindow} from '../../source/app/hooks/useEngineSync.js';

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

test('news that keeps coming is drawn every storm window once it has come for a few windows; a storm window of silence ends it', () => {
	const clock = fakeClock();
	const at: number[] = [];
	const news = throttleDispatch<number | {batch: readonly number[]}>(() => at.push(clock.now()), actions => ({batch: actions as number[]}), {ms: 50, stormMs: 250, stormAfter: 3, quietMs: 100}, clock);
	// An event every 10 ms for 2 s.
	for (let index = 0; index < 200; index++) {
		news.dispatch(index);
		clock.advance(10);
	}

	for (let step = 0; step < 60; step++) clock.advance(10);
	const gaps = at.slice(1).map((each, index) => each - at[index]!);
	// The first at once, windows of 50 ms while it has come for less than three of them, then one batch every
	// 250 ms; the last 100 ms after the last event.
	assert.deepEqual(gaps.slice(0, 3), [50, 50, 50]);
	assert.ok(gaps.slice(4, -1).every(gap => gap === 250), gaps.join(' '));
	assert.equal(at.at(-1), 1000 + 2000 - 10 + 100);
	assert.ok(at.length <= 12, `${at.length} batches in 2 s`);

	// A storm window of silence: the next event goes out at once, and events a quiet spell apart each go out at
	// once.
	const before = at.length;
	news.dispatch(1000);
	clock.advance(0);
	assert.equal(at.length, before + 1);
	for (let index = 0; index < 5; index++) {
		clock.advance(120);
		news.dispatch(index);
		clock.advance(0);
	}

	assert.equal(at.length, before + 6);
});

test('in a storm, news that stops goes out a quiet spell after it, not at the end of the storm window', () => {
	const clock = fakeClock();
	const at: number[] = [];
	const news = throttleDispatch<number | {batch: readonly number[]}>(() => at.push(clock.now()), actions => ({batch: actions as number[]}), {ms: 50, stormMs: 1000, stormAfter: 4, quietMs: 300}, clock);
	for (let index = 0; index < 100; index++) {
		news.dispatch(index);
		clock.advance(20);
	}

	// 2 s of news every 20 ms: the storm is drawn once a second, its last news at most 300 ms after it came.
	const last = clock.now() - 20;
	for (let step = 0; step < 50; step++) clock.advance(10);
	assert.ok(at.at(-1)! > last && at.at(-1)! <= last + 300, `${at.at(-1)! - last} ms after the last news`);
	assert.ok(at.length <= 8, `${at.length} batches`);
	// A gap longer than the quiet spell but shorter than the storm window: still a storm, drawn a quiet spell on.
	news.dispatch(1);
	const one = clock.now();
	for (let step = 0; step < 100; step++) clock.advance(10);
	assert.equal(at.at(-1), one + 300);
});

test("berth's window: an action's news over half a second is drawn as it comes; news that keeps coming for a second is a storm", () => {
	const clock = fakeClock();
	const at: number[] = [];
	const news = throttleDispatch<number | {batch: readonly number[]}>(() => at.push(clock.now()), actions => ({batch: actions as number[]}), engineNewsWindow, clock);
	// A stop: news every 100 ms for half a second, each on screen within the 50 ms window.
	for (let index = 0; index < 6; index++) {
		const sent = clock.now();
		news.dispatch(index);
		clock.advance(50);
		assert.ok(at.length === index + 1 && at.at(-1)! - sent <= 50, `news ${index} drawn ${at.at(-1)! - sent} ms after it came`);
		clock.advance(50);
	}

	// The same news for three seconds more: after a second of it, drawn once a second.
	const before = at.length;
	for (let index = 0; index < 30; index++) {
		news.dispatch(index);
		clock.advance(100);
	}

	assert.ok(at.length - before <= 10, `${at.length - before} batches in 3 s`);
});
