// The containers reducer: records per engine and id, listing, events, inspect timings.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	containerKey,
	type ContainersAction,
	type ContainersState,
	emptyContainers,
	reduceContainers,
	reduceOneBatch,
} from '../../source/state/containers.js';
import {containerRecord, timingRecord} from './records.js';

function listed(state: ContainersState, engine: string, ids: string[]): ContainersState {
	return reduceContainers(state, {
		type: 'containers/listed',
		engine,
		records: ids.map(id => containerRecord({engine, id})),
	});
}

const sortedKeys = (state: ContainersState) => [...state.records.keys()].sort();

describe('containerKey', () => {
	test('engine and id both count, and cannot run into each other', () => {
		assert.notEqual(containerKey('a', 'b'), containerKey('b', 'a'));
		assert.notEqual(containerKey('ab', 'c'), containerKey('a', 'bc'));
		assert.equal(containerKey('local', 'c1'), containerKey('local', 'c1'));
	});
});

describe('reduceContainers', () => {
	test('a listing fills the state and marks the engine listed', () => {
		const state = listed(emptyContainers, 'local', ['c1', 'c2']);
		assert.deepEqual(sortedKeys(state), [containerKey('local', 'c1'), containerKey('local', 'c2')]);
		assert.deepEqual([...state.listedEngines], ['local']);
		assert.equal(emptyContainers.records.size, 0, 'the empty state is not changed in place');
	});

	test('a listing replaces only that engine’s records', () => {
		let state = listed(emptyContainers, 'local', ['c1', 'c2']);
		state = listed(state, 'remote', ['r1']);
		state = listed(state, 'local', ['c3']);
		assert.deepEqual(sortedKeys(state), [containerKey('local', 'c3'), containerKey('remote', 'r1')].sort());
		assert.deepEqual([...state.listedEngines].sort(), ['local', 'remote']);
	});

	test('an empty listing empties that engine and still counts as listed', () => {
		let state = listed(emptyContainers, 'local', ['c1']);
		state = listed(state, 'local', []);
		assert.equal(state.records.size, 0);
		assert.ok(state.listedEngines.has('local'));
	});

	test('two engines with the same container id stay separate', () => {
		let state = listed(emptyContainers, 'local', ['same']);
		state = listed(state, 'remote', ['same']);
		assert.equal(state.records.size, 2);
		assert.equal(state.records.get(containerKey('local', 'same'))?.engine, 'local');
		assert.equal(state.records.get(containerKey('remote', 'same'))?.engine, 'remote');

		state = reduceContainers(state, {type: 'container/removed', engine: 'local', id: 'same'});
		assert.deepEqual(sortedKeys(state), [containerKey('remote', 'same')]);
	});

	test('an update adds or replaces one record and forgets its timing', () => {
		let state = listed(emptyContainers, 'local', ['c1']);
		state = reduceContainers(state, {type: 'container/timed', engine: 'local', id: 'c1', timing: timingRecord()});
		assert.ok(state.timings.has(containerKey('local', 'c1')));

		state = reduceContainers(state, {
			type: 'container/updated',
			record: containerRecord({id: 'c1', state: 'exited', status: 'Exited (0) 1 second ago'}),
		});
		assert.equal(state.records.get(containerKey('local', 'c1'))?.state, 'exited');
		assert.equal(state.timings.has(containerKey('local', 'c1')), false);

		state = reduceContainers(state, {type: 'container/updated', record: containerRecord({id: 'c2'})});
		assert.deepEqual(sortedKeys(state), [containerKey('local', 'c1'), containerKey('local', 'c2')]);
	});

	test('a removal drops the record and its timing; an unknown one changes nothing', () => {
		let state = listed(emptyContainers, 'local', ['c1', 'c2']);
		state = reduceContainers(state, {type: 'container/timed', engine: 'local', id: 'c1', timing: timingRecord()});
		state = reduceContainers(state, {type: 'container/removed', engine: 'local', id: 'c1'});
		assert.deepEqual(sortedKeys(state), [containerKey('local', 'c2')]);
		assert.equal(state.timings.size, 0);

		const same = reduceContainers(state, {type: 'container/removed', engine: 'local', id: 'nope'});
		assert.equal(same, state);
		const otherEngine = reduceContainers(state, {type: 'container/removed', engine: 'remote', id: 'c2'});
		assert.equal(otherEngine, state);
	});

	test('a timing is kept for a known container and ignored for an unknown one', () => {
		const state = listed(emptyContainers, 'local', ['c1']);
		const timing = timingRecord({health: 'healthy'});
		const timed = reduceContainers(state, {type: 'container/timed', engine: 'local', id: 'c1', timing});
		assert.equal(timed.timings.get(containerKey('local', 'c1')), timing);

		const ignored = reduceContainers(state, {type: 'container/timed', engine: 'local', id: 'gone', timing});
		assert.equal(ignored, state);
		const wrongEngine = reduceContainers(state, {type: 'container/timed', engine: 'remote', id: 'c1', timing});
		assert.equal(wrongEngine, state);
	});

	test('a timing asked for before the last change is dropped; one asked for after it (stated) sets the state', () => {
		const state = listed(emptyContainers, 'local', ['c1']);
		const key = containerKey('local', 'c1');
		const paused = timingRecord({state: 'paused', paused: true});
		// Asked before a pause the record already shows: an older word, dropped.
		const older = reduceContainers({...state, records: new Map([[key, {...state.records.get(key)!, state: 'paused'}]])}, {type: 'container/timed', engine: 'local', id: 'c1', timing: timingRecord()});
		assert.equal(older.timings.has(key), false);
		// Asked after the pause (the listing still says running): inspect's state wins.
		const stated = reduceContainers(state, {type: 'container/timed', engine: 'local', id: 'c1', timing: paused, stated: true});
		assert.equal(stated.records.get(key)?.state, 'paused');
		assert.equal(stated.timings.get(key), paused);
	});

	test('a fresh listing forgets that engine’s timings only', () => {
		let state = listed(emptyContainers, 'local', ['c1']);
		state = listed(state, 'remote', ['c1']);
		for (const engine of ['local', 'remote']) {
			state = reduceContainers(state, {type: 'container/timed', engine, id: 'c1', timing: timingRecord()});
		}

		state = listed(state, 'local', ['c1']);
		assert.deepEqual([...state.timings.keys()], [containerKey('remote', 'c1')]);
	});

	test('a resync keeps a timing that reads as the engine\'s own status text, and forgets one that does not', () => {
		// Started 11:57:00; listed at 12:00:30 the engine says "Up 3 minutes", as the timing does.
		const at = Date.parse('2024-05-01T12:00:30Z');
		let state = listed(emptyContainers, 'local', ['c1', 'c2']);
		for (const id of ['c1', 'c2']) state = reduceContainers(state, {type: 'container/timed', engine: 'local', id, timing: timingRecord()});
		state = reduceContainers(state, {
			type: 'containers/listed',
			engine: 'local',
			at,
			records: [containerRecord({engine: 'local', id: 'c1', status: 'Up 3 minutes'}), containerRecord({engine: 'local', id: 'c2', status: 'Up 5 seconds'})],
		});
		assert.deepEqual([...state.timings.keys()], [containerKey('local', 'c1')], 'c2 restarted unseen: asked again');
	});

	test('an engine whose name is a prefix of another keeps its own timings', () => {
		let state = listed(emptyContainers, 'dev', ['c1']);
		state = listed(state, 'dev2', ['c1']);
		state = reduceContainers(state, {type: 'container/timed', engine: 'dev2', id: 'c1', timing: timingRecord()});
		state = listed(state, 'dev', ['c1']);
		assert.deepEqual([...state.timings.keys()], [containerKey('dev2', 'c1')]);
		assert.equal(state.records.size, 2);
	});
});

test('a timing read before the one shown (an answer that overtook it) is dropped', () => {
	const listed = reduceContainers(emptyContainers, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'a'})]});
	const fresh = reduceContainers(listed, {type: 'container/timed', engine: 'local', id: 'a', timing: timingRecord({health: 'unhealthy', readAt: 2000})});
	const updated = reduceContainers(fresh, {type: 'container/updated', record: containerRecord({id: 'a'})});
	const stale = reduceContainers(updated, {type: 'container/timed', engine: 'local', id: 'a', timing: timingRecord({health: 'starting', readAt: 1000})});
	assert.equal(stale, updated);
	const newer = reduceContainers(updated, {type: 'container/timed', engine: 'local', id: 'a', timing: timingRecord({health: 'unhealthy', readAt: 3000})});
	assert.equal(newer.timings.get('local\u0000a')?.health, 'unhealthy');
});

test('an inspect asked before a listing and answered after it does not override the listing\'s state', () => {
	const listed = reduceContainers(emptyContainers, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'c1', state: 'exited', status: 'Exited (0) 1 second ago'})], at: 2000});
	const stale = reduceContainers(listed, {type: 'container/timed', engine: 'local', id: 'c1', timing: {...timingRecord({state: 'running'}), readAt: 1500}, stated: true});
	assert.equal(stale.records.get(containerKey('local', 'c1'))?.state, 'exited', 'the older inspect is dropped');
	const fresh = reduceContainers(listed, {type: 'container/timed', engine: 'local', id: 'c1', timing: {...timingRecord({state: 'running'}), readAt: 2500}, stated: true});
	assert.equal(fresh.records.get(containerKey('local', 'c1'))?.state, 'running', 'an inspect asked after the listing wins');
});

test('a listing of some containers replaces just those: the others and their timings stand, those asked and not listed go', () => {
	const base = reduceContainers(listed(emptyContainers, 'local', ['c1', 'c2', 'c3']), {type: 'container/timed', engine: 'local', id: 'c3', timing: timingRecord({readAt: 5}), stated: true});
	const some = reduceContainers(base, {
		type: 'containers/listed',
		engine: 'local',
		records: [containerRecord({id: 'c1', state: 'exited', status: 'Exited (0) 1 second ago'}), containerRecord({id: 'c9'})],
		at: 10,
		ids: ['c1', 'c2', 'c9'],
	});
	assert.deepEqual(sortedKeys(some), ['c1', 'c3', 'c9'].map(id => containerKey('local', id)));
	assert.equal(some.records.get(containerKey('local', 'c1'))?.state, 'exited');
	assert.ok(some.timings.has(containerKey('local', 'c3')), 'a container not asked for keeps its timing');
	assert.equal(base.records.size, 3, 'the state it started from is not changed');
	assert.equal(some.listedEngines, base.listedEngines);
});

test('what is kept of a container goes when a listing says it is gone, of all or of some, or when its removal comes late', () => {
	const timed = (state: ContainersState, id: string, readAt: number) => reduceContainers(state, {type: 'container/timed', engine: 'local', id, timing: timingRecord({readAt}), stated: true});
	let state = reduceContainers(emptyContainers, {type: 'containers/listed', engine: 'local', records: ['a', 'b', 'c'].map(id => containerRecord({id})), at: 10});
	state = timed(timed(timed(state, 'a', 20), 'b', 20), 'c', 20);
	state = reduceContainers(state, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'a'})], at: 30, ids: ['a', 'b']});
	assert.deepEqual([...(state.timedAt?.keys() ?? [])].sort(), ['a', 'c'].map(id => containerKey('local', id)));
	state = reduceContainers(state, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'c'})], at: 40});
	assert.deepEqual([...(state.timedAt?.keys() ?? [])], [containerKey('local', 'c')]);
	// The destroy event of a container a listing already took away still takes what is left of it.
	const left = reduceContainers(emptyContainers, {type: 'container/timed', engine: 'local', id: 'z', timing: timingRecord({readAt: 1}), stated: true});
	assert.equal(left.timedAt, undefined, 'no row, no timing taken');
	const withTime = {...state, timedAt: new Map([...(state.timedAt ?? []), [containerKey('local', 'z'), 5]])};
	const removed = reduceContainers(withTime, {type: 'container/removed', engine: 'local', id: 'z'});
	assert.equal(removed.timedAt?.has(containerKey('local', 'z')), false);
	assert.equal(removed.records, withTime.records, 'the records are not copied for it');
});

describe('reduceOneBatch', () => {
	const base = listed(emptyContainers, 'local', ['c1', 'c2', 'c3']);
	const actions: ContainersAction[] = [
		{type: 'container/timed', engine: 'local', id: 'c1', timing: timingRecord({readAt: 10}), stated: true},
		{type: 'container/updated', record: containerRecord({id: 'c2', state: 'exited', status: 'Exited (0) 1 second ago'})},
		{type: 'container/timed', engine: 'local', id: 'c2', timing: timingRecord({state: 'exited', running: false, readAt: 11}), stated: true},
		{type: 'container/updated', record: containerRecord({id: 'c1', state: 'exited', status: 'Exited (0) 1 second ago'})},
		{type: 'container/removed', engine: 'local', id: 'c3'},
		{type: 'container/updated', record: containerRecord({id: 'c4'})},
	];
	const snapshot = (state: ContainersState) => ({records: [...state.records], timings: [...state.timings], timedAt: [...(state.timedAt ?? [])]});

	test('gives what the actions give one by one, and leaves the state it started from as it was', () => {
		const before = snapshot(base);
		const oneByOne = actions.reduce(reduceContainers, base);
		const batched = reduceOneBatch(() => actions.reduce(reduceContainers, base));
		assert.deepEqual(snapshot(batched), snapshot(oneByOne));
		assert.deepEqual(snapshot(base), before);
		// The next batch starts from the last one's maps without changing them either.
		const kept = snapshot(batched);
		reduceOneBatch(() => reduceContainers(batched, {type: 'container/removed', engine: 'local', id: 'c4'}));
		assert.deepEqual(snapshot(batched), kept);
	});

	test('copies the records and timings once per batch, not once per action', () => {
		reduceOneBatch(() => {
			const first = reduceContainers(base, actions[0]!);
			const second = reduceContainers(first, actions[2]!);
			const third = reduceContainers(second, actions[1]!);
			const fourth = reduceContainers(third, actions[3]!);
			assert.notEqual(first.timings, base.timings);
			assert.equal(second.timings, first.timings);
			assert.equal(fourth.records, third.records);
			assert.equal(fourth.timedAt, second.timedAt);
		});
		// Outside a batch every action makes its own maps, as before.
		const first = reduceContainers(base, actions[1]!);
		assert.notEqual(reduceContainers(first, actions[3]!).records, first.records);
	});
});
