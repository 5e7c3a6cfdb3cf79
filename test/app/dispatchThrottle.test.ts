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
