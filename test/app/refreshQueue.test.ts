// The refresh queue's rules with plain functions for the engine's answers: coalescing, bounds, order, retries.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {backoffMs, type RefreshOptions, RefreshQueue, type RefreshWork} from '../../source/app/refreshQueue.js';
import type {ContainerRecord, ContainerTiming} from '../../source/engine/types.js';
import type {AppAction} from '../../source/state/app.js';
import {type ContainersAction, emptyContainers, reduceContainers} from '../../source/state/containers.js';

const options: RefreshOptions = {concurrency: 2, burst: 5, listSomeAtMost: 20, retryMinMs: 5, retryMaxMs: 20, attempts: 3, flushMs: 5};

/** What inspect says of a container in `state`, asked at `readAt`. */
function timingOf(state: ContainerRecord['state'], readAt: number): ContainerTiming {
	const running = state === 'running' || state === 'paused';
	return {state, running, paused: state === 'paused', restarting: false, dead: false, removing: false, exitCode: 0, startedAt: '2026-12-01T00:00:00Z', finishedAt: running ? '0001-01-01T00:00:00Z' : '2026-12-01T00:00:01Z', health: 'none', readAt};
}

function record(id: string, state: ContainerRecord['state'] = 'running'): ContainerRecord {
	return {engine: 'e', id, names: [`/${id}`], image: 'i', imageId: 'sha256:1', command: '', created: 0, state, status: state, ports: [], labels: {}} as unknown as ContainerRecord;
}

/** An engine that answers when told to: each read or listing waits for `answer()`. */
function engineOnHold() {
	const states = new Map<string, ContainerRecord['state']>();
	/** What the engine's listing still says of a container whose exit or pause it has not saved yet. */
	const listedLate = new Map<string, ContainerRecord['state']>();
	/** Inspects that fail before answering, per container (the read's listing part still answers). */
	const inspectFailures = new Map<string, number>();
	const waiting: Array<{label: string; resolve: () => void}> = [];
	let reading = 0;
	let most = 0;
	const log: string[] = [];
	const failures = new Map<string, number>();
	/** Each read's `restate`: whether the events since the last read only changed the run state. */
	const restates: Array<[string, boolean]> = [];
	const hold = async (label: string) => {
		reading++;
		most = Math.max(most, reading);
		await new Promise<void>(resolve => waiting.push({label, resolve}));
		reading--;
	};

	const work: RefreshWork = {
		engine: 'e',
		async readOne(id, restate) {
			const readAt = Date.now();
			log.push(`read ${id}`);
			restates.push([id, restate]);
			await hold(`read ${id}`);
			const left = failures.get(id) ?? 0;
			if (left > 0) {
				failures.set(id, left - 1);
				throw new Error('engine error');
			}

			const state = states.get(id);
			const late = listedLate.get(id);
			if (!state || late === undefined) return {record: state ? record(id, state) : undefined, timing: undefined};
			// As engineSync's read: the listing's record, with inspect's state when inspect answered.
			const inspectLeft = inspectFailures.get(id) ?? 0;
			inspectFailures.set(id, inspectLeft - 1);
			return {record: record(id, late), timing: inspectLeft > 0 ? undefined : timingOf(state, readAt)};
		},
		async inspectOne(id) {
			const readAt = Date.now();
			log.push(`inspect ${id}`);
			await hold(`inspect ${id}`);
			const state = states.get(id);
			return state ? timingOf(state, readAt) : undefined;
		},
		async listAll() {
			log.push('list');
			// What the listing says is what the engine held when it was asked.
			const snapshot = [...states].map(([id, state]) => record(id, listedLate.get(id) ?? state));
			await hold('list');
			return snapshot;
		},
		async listSome(ids) {
			log.push(`list ${ids.join(' ')}`);
			const snapshot = ids.flatMap(id => {
				const state = states.get(id);
				return state ? [record(id, listedLate.get(id) ?? state)] : [];
			});
			await hold('list');
			return snapshot;
		},
	};
	return {
		work,
		states,
		listedLate,
		inspectFailures,
		log,
		failures,
		restates,
		most: () => most,
		/** Answers every request waiting now, or those named (`read a`, `inspect a`, `list`). */
		answer(...labels: string[]) {
			for (const each of [...waiting]) {
				if (labels.length > 0 && !labels.includes(each.label)) continue;
				waiting.splice(waiting.indexOf(each), 1);
				each.resolve();
			}
		},
	};
}

const tick = async (ms = 0) => new Promise(resolve => setTimeout(resolve, ms));

/** What the screen would show: the actions through berth's containers reducer, each row's state by id. */
function screen() {
	let state = emptyContainers;
	let batches = 0;
	const apply = (action: AppAction) => {
		if (action.type === 'batch') for (const each of action.actions) apply(each);
		else if (action.type.startsWith('container')) state = reduceContainers(state, action as ContainersAction);
	};

	return {
		get rows(): ReadonlyMap<string, string> {
			return new Map([...state.records.values()].map(each => [each.id, each.state]));
		},
		batches: () => batches,
		deliver(actions: AppAction[]) {
			batches++;
			for (const action of actions) apply(action);
		},
	};
}

async function settle(engine: ReturnType<typeof engineOnHold>, queue: RefreshQueue) {
	for (let round = 0; round < 200 && !queue.idle(); round++) {
		engine.answer();
		await tick(2);
	}

	await tick(10);
	assert.ok(queue.idle(), `the queue settles: ${engine.log.join(', ')}`);
}

/** A queue on an engine that answers when told to, and the screen its results reach. */
function queueOn(queueOptions: RefreshOptions = options) {
	const engine = engineOnHold();
	const view = screen();
	const queue = new RefreshQueue(engine.work, actions => view.deliver(actions), queueOptions);
	return {engine, view, queue};
}

/** A queue on an engine whose containers `running` run, its first listing in. */
async function listedQueue(running: readonly string[], queueOptions: RefreshOptions = options) {
	const {engine, view, queue} = queueOn(queueOptions);
	for (const id of running) engine.states.set(id, 'running');
	const first = queue.listFirst();
	engine.answer();
	await first;
	return {engine, view, queue};
}

test('many events for one container while it is read cost one more read, not one each', async () => {
	const {engine, view, queue} = queueOn();
	engine.states.set('a', 'running');
	queue.touch('a', 'start');
	for (let index = 0; index < 50; index++) queue.touch('a', 'start');
	engine.states.set('a', 'paused');
	await settle(engine, queue);
	assert.deepEqual(engine.log, ['read a', 'read a']);
	assert.equal(view.rows.get('a'), 'paused');
});

test('a read says whether every event since the last one only started, stopped or paused the container', async () => {
	const {engine, queue} = queueOn({...options, concurrency: 1});
	for (const id of ['a', 'b', 'c', 'd']) engine.states.set(id, 'running');
	queue.touch('a', 'start');
	queue.touch('b', 'die');
	queue.touch('b', 'health_status: healthy');
	queue.touch('c', 'rename');
	// Both wait while a is read: one read, not a restate, since a rename may change more than the state.
	queue.touch('d', 'pause');
	queue.touch('d', 'update');
	await settle(engine, queue);
	assert.deepEqual(engine.restates, [
		['a', true],
		['b', true],
		['c', false],
		['d', false],
	]);
});

test('reads run at most `concurrency` at once', async () => {
	const {engine, view, queue} = queueOn();
	for (const id of ['a', 'b', 'c', 'd']) {
		engine.states.set(id, 'running');
		queue.touch(id);
	}

	await settle(engine, queue);
	assert.equal(engine.most(), 2);
	assert.equal(view.rows.size, 4);
});

test('a burst is answered by one listing', async () => {
	const {engine, view, queue} = queueOn({...options, concurrency: 1});
	const ids = Array.from({length: 40}, (_, index) => `c${index}`);
	for (const id of ids) engine.states.set(id, 'running');
	for (const id of ids) queue.touch(id, 'start');
	await settle(engine, queue);
	// One listing once five wait; the events that came while it was on its way, another.
	assert.ok(engine.log.filter(entry => entry === 'list').length <= 2, engine.log.join(', '));
	assert.ok(engine.log.length < 10, `${engine.log.length} requests for 40 containers`);
	assert.equal(view.rows.size, 40);
	assert.ok(view.batches() <= 3, `${view.batches()} batches`);
});

test('containers whose exit or pause a listing answered are inspected after it (the engine lists them late)', async () => {
	const {engine, view, queue} = queueOn({...options, concurrency: 1, burst: 10});
	const ids = Array.from({length: 10}, (_, index) => `c${index}`);
	for (const id of ids) engine.states.set(id, 'running');
	queue.touch('first', 'start');
	for (const id of ids) queue.touch(id, 'die');
	const listed = engine.log.length;
	// The listing still says running; the engine saves the exit after it told of it.
	engine.answer();
	await tick(2);
	for (const id of ids) engine.states.set(id, 'exited');
	await settle(engine, queue);
	assert.deepEqual(engine.log.slice(0, listed), ['read first', `list ${ids.join(' ')}`]);
	assert.deepEqual(engine.log.slice(listed), ids.map(id => `inspect ${id}`));
	for (const id of ids) assert.equal(view.rows.get(id), 'exited');
});

test('a burst is answered by a listing of just the containers waiting: the others stand, those it does not list are gone', async () => {
	const ids = Array.from({length: 8}, (_, index) => `c${index}`);
	const {engine, view, queue} = await listedQueue(['keep', ...ids], {...options, concurrency: 1});
	// keep is paused without an event reaching berth: a listing of all would show it, one of some does not.
	engine.states.set('keep', 'paused');
	for (const id of ids) engine.states.set(id, 'exited');
	engine.states.delete('c7');
	queue.touch('c0', 'start');
	for (const id of ids.slice(1)) queue.touch(id, 'start');
	await settle(engine, queue);
	assert.deepEqual(engine.log.slice(1), ['read c0', 'list c1 c2 c3 c4 c5', 'read c6', 'read c7'], engine.log.join(', '));
	assert.equal(view.rows.get('keep'), 'running');
	assert.deepEqual(ids.map(id => view.rows.get(id)), [...ids.slice(0, 7).map(() => 'exited'), undefined]);

	// More waiting than one listing of some may name: a listing of all.
	const wide = new RefreshQueue(engine.work, actions => view.deliver(actions), {...options, concurrency: 1, burst: 3, listSomeAtMost: 2});
	for (const id of ['a', 'b', 'c', 'd']) wide.touch(id, 'start');
	await settle(engine, wide);
	assert.equal(engine.log.at(-1), 'list', engine.log.join(', '));
	assert.equal(view.rows.get('keep'), 'paused');
});

test('a listing never overwrites what events said after it was asked for', async () => {
	const {engine, view, queue} = queueOn();
	engine.states.set('a', 'running');
	engine.states.set('b', 'running');
	const first = queue.listFirst();
	// While the listing is on its way, a is paused and b removed; the listing still says otherwise.
	engine.states.set('a', 'paused');
	queue.touch('a', 'pause');
	engine.states.delete('b');
	queue.removed('b');
	engine.answer();
	await first;
	await settle(engine, queue);
	assert.equal(view.rows.get('a'), 'paused');
	assert.equal(view.rows.has('b'), false);
});

test('a listing of all asked while an exited container is read does not bring back the state from before its exit', async () => {
	const others = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
	// Every burst answered by a listing of all, as when more wait than one listing of some may name.
	const {engine, view, queue} = await listedQueue(['x', ...others], {...options, listSomeAtMost: 0});
	// x exits: inspect says so at once, the listing only later (Docker 20.10 tells of the exit before saving it).
	engine.states.set('x', 'exited');
	engine.listedLate.set('x', 'running');
	queue.touch('x', 'die');
	// Five more waiting while x is read: a listing is asked with x's read still on its way.
	for (const id of others) queue.touch(id, 'start');
	assert.deepEqual(engine.log.slice(-3), ['read x', 'read c0', 'list']);
	engine.answer();
	await tick(2);
	engine.listedLate.delete('x');
	await settle(engine, queue);
	assert.equal(view.rows.get('x'), 'exited', engine.log.join(', '));
	assert.ok(engine.log.includes('inspect x'), 'x is inspected after the listing');
});

test('a read of an exited container whose inspect failed is inspected again: the listing alone may say running', async () => {
	const {engine, view, queue} = queueOn();
	engine.states.set('x', 'exited');
	engine.listedLate.set('x', 'running');
	engine.inspectFailures.set('x', 1);
	queue.touch('x', 'die');
	await settle(engine, queue);
	assert.deepEqual(engine.log, ['read x', 'inspect x']);
	assert.equal(view.rows.get('x'), 'exited');
});

test('an inspect on its way when a listing lands is asked again: the reducer takes the older answer for stale', async () => {
	const ids = ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'];
	const {engine, view, queue} = await listedQueue(['x', ...ids], {...options, concurrency: 2, burst: 3, listSomeAtMost: 0});
	// x exits; a burst listing answers it (still running there), so it is inspected after that listing.
	engine.states.set('x', 'exited');
	engine.listedLate.set('x', 'running');
	queue.touch('c0', 'start');
	queue.touch('c1', 'start');
	for (const id of ['x', 'c2', 'c3']) queue.touch(id, 'die');
	engine.answer('list');
	await tick(5);
	engine.answer('read c0', 'read c1');
	await tick(5);
	assert.ok(engine.log.includes('inspect x'), engine.log.join(', '));
	// While x's inspect is on its way, another burst is answered by a listing that lands first.
	for (const id of ['c4', 'c5', 'c0']) queue.touch(id, 'start');
	assert.equal(engine.log.at(-1), 'list', engine.log.join(', '));
	engine.answer('list');
	await tick(5);
	engine.listedLate.delete('x');
	await settle(engine, queue);
	assert.equal(view.rows.get('x'), 'exited', engine.log.join(', '));
});

test('a die told while a container is read for its start still has it inspected after a listing that answers it', async () => {
	const {engine, view, queue} = await listedQueue(['x', 'c0', 'c1'], {...options, concurrency: 1, burst: 3});
	queue.touch('x', 'start');
	// x dies while its read for the start is on its way; the listing lags behind the exit.
	engine.states.set('x', 'exited');
	engine.listedLate.set('x', 'running');
	queue.touch('x', 'die');
	queue.touch('c0', 'start');
	queue.touch('c1', 'start');
	engine.answer('read x');
	await tick(5);
	assert.equal(engine.log.at(-1), 'list c0 c1 x', engine.log.join(', '));
	engine.answer('list');
	await tick(5);
	engine.listedLate.delete('x');
	await settle(engine, queue);
	assert.equal(view.rows.get('x'), 'exited', engine.log.join(', '));
});

test('a failed read is tried again after a growing delay, a bounded number of times, then a listing asked for', async () => {
	const {engine, view, queue} = queueOn();
	engine.states.set('a', 'running');
	engine.failures.set('a', 2);
	queue.touch('a');
	await settle(engine, queue);
	assert.deepEqual(engine.log, ['read a', 'read a', 'read a']);
	assert.equal(queue.retried, 2);
	assert.equal(view.rows.get('a'), 'running');

	engine.failures.set('a', 10);
	engine.states.set('a', 'exited');
	queue.touch('a');
	await settle(engine, queue);
	assert.equal(engine.log.at(-1), 'list', 'given up reads end in a listing');
	assert.equal(view.rows.get('a'), 'exited');
});

test('backoff doubles from the minimum up to the maximum', () => {
	assert.deepEqual([1, 2, 3, 4, 5, 6].map(attempt => backoffMs(attempt, 100, 1000)), [100, 200, 400, 800, 1000, 1000]);
});

test('the first listing is handed over as soon as it lands, though the inspects it asked for are still on their way', async () => {
	const engine = engineOnHold();
	const view = screen();
	const held: {queue?: RefreshQueue} = {};
	// As engineSync's: the first listing asks for an inspect of what it found (the alert rules').
	const work: RefreshWork = {
		...engine.work,
		async listAll() {
			const records = await engine.work.listAll();
			for (const each of records) held.queue?.inspect(each.id);
			return records;
		},
	};
	const queue = new RefreshQueue(work, actions => view.deliver(actions), {...options, flushMs: 60_000});
	held.queue = queue;
	engine.states.set('a', 'running');
	engine.states.set('b', 'exited');
	const first = queue.listFirst();
	engine.answer();
	await first;
	assert.deepEqual(view.rows, new Map([['a', 'running'], ['b', 'exited']]), 'on screen when listFirst resolves');
	// One at a time, behind any read an event asks for: an event's read goes first.
	assert.deepEqual(engine.log, ['list', 'inspect a']);
	queue.touch('b', 'rename');
	await settle(engine, queue);
	assert.deepEqual(engine.log, ['list', 'inspect a', 'read b', 'inspect b']);
});
