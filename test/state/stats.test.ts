// Stats figures computed as `docker stats` computes them, and the stats reducer.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {containerKey, reduceOneBatch} from '../../source/state/containers.js';
import {
	calculateCpuPercent,
	calculateFigures,
	calculateMemoryUsage,
	emptyStats,
	historyPoints,
	isFollowed,
	reduceStats,
} from '../../source/state/stats.js';
import {containerRecord, statsSample} from './records.js';
import {createAppState, reduceApp} from '../../source/state/app.js';

const MiB = 1024 * 1024;

describe('calculateCpuPercent', () => {
	// (cpuDelta / systemDelta) * onlineCpus * 100, and 0 unless both deltas are positive.
	const cases: Array<{name: string; sample: Parameters<typeof calculateCpuPercent>[0]; expected: number}> = [
		{
			name: 'a tenth of the host on four CPUs',
			sample: statsSample({cpuTotal: 2e8, preCpuTotal: 1e8, systemCpu: 2e9, preSystemCpu: 1e9, onlineCpus: 4}),
			expected: 40,
		},
		{
			name: 'one whole CPU of two',
			sample: statsSample({cpuTotal: 6e8, preCpuTotal: 1e8, systemCpu: 2e9, preSystemCpu: 1e9, onlineCpus: 2}),
			expected: 100,
		},
		{
			name: 'no CPU used',
			sample: statsSample({cpuTotal: 1e8, preCpuTotal: 1e8, systemCpu: 2e9, preSystemCpu: 1e9}),
			expected: 0,
		},
		{
			name: 'container counter went back (restart)',
			sample: statsSample({cpuTotal: 1e7, preCpuTotal: 1e8, systemCpu: 2e9, preSystemCpu: 1e9}),
			expected: 0,
		},
		{
			name: 'no system time passed',
			sample: statsSample({cpuTotal: 2e8, preCpuTotal: 1e8, systemCpu: 1e9, preSystemCpu: 1e9}),
			expected: 0,
		},
		{
			name: 'system counter went back',
			sample: statsSample({cpuTotal: 2e8, preCpuTotal: 1e8, systemCpu: 1e9, preSystemCpu: 2e9}),
			expected: 0,
		},
		{
			name: 'first sample: no previous reading at all',
			sample: statsSample({cpuTotal: 5e8, preCpuTotal: 0, systemCpu: 0, preSystemCpu: 0}),
			expected: 0,
		},
	];

	for (const {name, sample, expected} of cases) {
		test(name, () => {
			assert.equal(calculateCpuPercent(sample), expected);
		});
	}

	test('a sample with no reading before it takes the previous sample\'s counters', () => {
		const sample = statsSample({cpuTotal: 3e8, systemCpu: 3e9, onlineCpus: 4});
		assert.equal(calculateCpuPercent(sample, {cpuTotal: 1e8, systemCpu: 1e9}), 40);
	});

	test('a sample with its own reading before it ignores the previous sample', () => {
		const sample = statsSample({cpuTotal: 2e8, preCpuTotal: 1e8, systemCpu: 2e9, preSystemCpu: 1e9, onlineCpus: 4});
		assert.equal(calculateCpuPercent(sample, {cpuTotal: 0, systemCpu: 0}), 40);
	});
});

describe('calculateMemoryUsage', () => {
	test('usage less the inactive page cache', () => {
		assert.equal(calculateMemoryUsage(statsSample({memoryUsage: 100 * MiB, memoryCache: 20 * MiB})), 80 * MiB);
	});

	test('no cache: the usage as it is', () => {
		assert.equal(calculateMemoryUsage(statsSample({memoryUsage: 100 * MiB, memoryCache: 0})), 100 * MiB);
	});

	test('a cache not smaller than the usage is not subtracted, as in the CLI', () => {
		assert.equal(calculateMemoryUsage(statsSample({memoryUsage: 10 * MiB, memoryCache: 10 * MiB})), 10 * MiB);
		assert.equal(calculateMemoryUsage(statsSample({memoryUsage: 10 * MiB, memoryCache: 30 * MiB})), 10 * MiB);
	});
});

describe('calculateFigures', () => {
	test('memory percent of the limit, from the usage less cache', () => {
		const figures = calculateFigures(
			statsSample({memoryUsage: 300 * MiB, memoryCache: 100 * MiB, memoryLimit: 800 * MiB, pids: 7}),
		);
		const {cpuPercent, memoryUsage, memoryLimit, memoryPercent, pids} = figures;
		assert.deepEqual(
			{cpuPercent, memoryUsage, memoryLimit, memoryPercent, pids},
			{cpuPercent: 0, memoryUsage: 200 * MiB, memoryLimit: 800 * MiB, memoryPercent: 25, pids: 7},
		);
	});

	test('no limit known: 0 percent, not a division by zero', () => {
		assert.equal(calculateFigures(statsSample({memoryUsage: MiB, memoryLimit: 0})).memoryPercent, 0);
	});
});

describe('reduceStats', () => {
	const sample = statsSample({cpuTotal: 2e8, preCpuTotal: 1e8, systemCpu: 2e9, preSystemCpu: 1e9, memoryUsage: MiB});

	test('a sample sets the figures of that engine and container', () => {
		const state = reduceStats(emptyStats, {type: 'stats/sampled', engine: 'local', id: 'c1', sample});
		assert.equal(state.get(containerKey('local', 'c1'))?.cpuPercent, 40);
		assert.equal(state.get(containerKey('remote', 'c1')), undefined);
		assert.equal(emptyStats.size, 0, 'the empty state is not changed in place');
	});

	test('a round of samples as one batch makes one new map and leaves the state it started from as it was', () => {
		const before = reduceStats(emptyStats, {type: 'stats/sampled', engine: 'local', id: 'c0', sample});
		const ids = ['c1', 'c2', 'c3', 'c0'];
		const seen = new Set<unknown>();
		const after = reduceOneBatch(() =>
			ids.reduce((state, id) => {
				const next = reduceStats(state, {type: 'stats/sampled', engine: 'local', id, sample: {...sample, read: '2030-01-01T00:00:00Z'}});
				seen.add(next);
				return next;
			}, before),
		);
		assert.equal(seen.size, 1, 'every sample after the first changed the batch\'s own copy');
		assert.notEqual(after, before);
		assert.deepEqual([...after.keys()].sort(), ['c0', 'c1', 'c2', 'c3'].map(id => containerKey('local', id)));
		assert.deepEqual([...before.keys()], [containerKey('local', 'c0')], 'the state before the batch is unchanged');
		// Outside a batch every action copies, as a pure reducer does.
		const alone = reduceStats(after, {type: 'stats/ended', engine: 'local', id: 'c1'});
		assert.equal(after.has(containerKey('local', 'c1')), true);
		assert.equal(alone.has(containerKey('local', 'c1')), false);
	});

	test('the same id on two engines keeps two sets of figures', () => {
		let state = reduceStats(emptyStats, {type: 'stats/sampled', engine: 'local', id: 'c1', sample});
		state = reduceStats(state, {
			type: 'stats/sampled',
			engine: 'remote',
			id: 'c1',
			sample: statsSample({memoryUsage: 2 * MiB}),
		});
		assert.equal(state.size, 2);
		assert.equal(state.get(containerKey('local', 'c1'))?.memoryUsage, MiB);
		assert.equal(state.get(containerKey('remote', 'c1'))?.memoryUsage, 2 * MiB);
	});

	test('a later sample replaces the figures', () => {
		let state = reduceStats(emptyStats, {type: 'stats/sampled', engine: 'local', id: 'c1', sample});
		state = reduceStats(state, {
			type: 'stats/sampled',
			engine: 'local',
			id: 'c1',
			sample: statsSample({read: '2024-05-01T12:00:01Z', memoryUsage: 5 * MiB}),
		});
		assert.equal(state.get(containerKey('local', 'c1'))?.memoryUsage, 5 * MiB);
		assert.equal(state.get(containerKey('local', 'c1'))?.cpuPercent, 0);
	});

	test('a one-shot sample (no reading before it) is compared with the sample before', () => {
		let state = reduceStats(emptyStats, {
			type: 'stats/sampled',
			engine: 'local',
			id: 'c1',
			sample: statsSample({read: '2024-05-01T12:00:00Z', cpuTotal: 1e8, systemCpu: 1e9}),
		});
		assert.equal(state.get(containerKey('local', 'c1'))?.cpuPercent, 40, 'the first, as the CLI: its counters from zero');
		state = reduceStats(state, {
			type: 'stats/sampled',
			engine: 'local',
			id: 'c1',
			sample: statsSample({read: '2024-05-01T12:00:03Z', cpuTotal: 4e8, systemCpu: 4e9, onlineCpus: 2}),
		});
		// 3e8 of 3e9 host nanoseconds on two CPUs: 20 %, over the three seconds between the two samples.
		assert.equal(state.get(containerKey('local', 'c1'))?.cpuPercent, 20);
	});

	test('a sample read before the figures shown (a late poll) changes nothing', () => {
		const state = reduceStats(emptyStats, {type: 'stats/sampled', engine: 'local', id: 'c1', sample: statsSample({read: '2024-05-01T12:00:05Z', memoryUsage: MiB})});
		const late = reduceStats(state, {type: 'stats/sampled', engine: 'local', id: 'c1', sample: statsSample({read: '2024-05-01T12:00:04Z', memoryUsage: 9 * MiB})});
		assert.equal(late, state);
	});

	test('the end of a stream drops the figures; an unknown one changes nothing', () => {
		let state = reduceStats(emptyStats, {type: 'stats/sampled', engine: 'local', id: 'c1', sample});
		state = reduceStats(state, {type: 'stats/ended', engine: 'local', id: 'c1'});
		assert.equal(state.size, 0);
		const same = reduceStats(state, {type: 'stats/ended', engine: 'local', id: 'c1'});
		assert.equal(same, state);
	});

	test('a row that leaves the screen keeps its last figures, marked left and without history, until its next sample', () => {
		let state = reduceStats(emptyStats, {type: 'stats/sampled', engine: 'local', id: 'c1', sample});
		assert.equal(isFollowed(state.get(containerKey('local', 'c1'))), true);
		state = reduceStats(state, {type: 'stats/left', engine: 'local', id: 'c1'});
		const left = state.get(containerKey('local', 'c1'));
		assert.equal(left?.left, true);
		assert.equal(left?.cpuPercent, 40, 'the last figures known');
		assert.equal(left?.history.length, 0);
		assert.equal(isFollowed(left), false);
		assert.equal(reduceStats(state, {type: 'stats/left', engine: 'local', id: 'c1'}), state, 'left twice: nothing new');
		assert.equal(reduceStats(state, {type: 'stats/left', engine: 'local', id: 'c2'}), state, 'no figures: nothing kept');
		state = reduceStats(state, {
			type: 'stats/sampled',
			engine: 'local',
			id: 'c1',
			sample: statsSample({read: '2024-05-01T12:00:09Z', cpuTotal: 3e8, preCpuTotal: 2e8, systemCpu: 3e9, preSystemCpu: 2e9}),
		});
		const back = state.get(containerKey('local', 'c1'));
		assert.equal(back?.left, undefined, 'sampled again: followed');
		assert.equal(back?.cpuPercent, 40);
		assert.equal(historyPoints(back?.history ?? []).length, 1, 'its history starts again');
	});

	test('back from off screen, a sample without a reading of its own (a stream\'s first, a one-shot) gives no CPU: still marked, the next one does', () => {
		let state = reduceStats(emptyStats, {type: 'stats/sampled', engine: 'local', id: 'c1', sample: statsSample({read: '2024-05-01T12:00:00Z', cpuTotal: 2e8, preCpuTotal: 1e8, systemCpu: 2e9, preSystemCpu: 1e9})});
		state = reduceStats(state, {type: 'stats/left', engine: 'local', id: 'c1'});
		// An hour later: compared with the kept counters it would be an hour's average.
		state = reduceStats(state, {type: 'stats/sampled', engine: 'local', id: 'c1', sample: statsSample({read: '2024-05-01T13:00:00Z', cpuTotal: 9e10, systemCpu: 4e12, memoryUsage: 3 * MiB})});
		const recounted = state.get(containerKey('local', 'c1'));
		assert.equal(recounted?.left, true, 'still marked');
		assert.equal(recounted?.cpuPercent, 40, 'the CPU last known');
		assert.equal(recounted?.memoryUsage, 3 * MiB, 'memory of now');
		assert.equal(reduceStats(state, {type: 'stats/left', engine: 'local', id: 'c1'}).get(containerKey('local', 'c1'))?.recounted, undefined, 'left again: kept as before');
		state = reduceStats(state, {type: 'stats/sampled', engine: 'local', id: 'c1', sample: statsSample({read: '2024-05-01T13:00:01Z', cpuTotal: 9e10 + 1e8, systemCpu: 4e12 + 1e9})});
		const followed = state.get(containerKey('local', 'c1'));
		assert.equal(followed?.left, undefined);
		assert.equal(followed?.cpuPercent, 40, 'compared with the sample since it came back: a second\'s CPU');
	});

	for (const read of ['0001-01-01T00:00:00Z', '']) {
		test(`a zero-time sample (read "${read}") from a stopped container ends the figures`, () => {
			let state = reduceStats(emptyStats, {type: 'stats/sampled', engine: 'local', id: 'c1', sample});
			state = reduceStats(state, {type: 'stats/sampled', engine: 'local', id: 'c1', sample: statsSample({read})});
			assert.equal(state.has(containerKey('local', 'c1')), false);

			const untouched = reduceStats(emptyStats, {
				type: 'stats/sampled',
				engine: 'local',
				id: 'c1',
				sample: statsSample({read}),
			});
			assert.equal(untouched, emptyStats);
		});
	}
});

test('the figures of a container that is gone go with it, those kept for a row off screen included', () => {
	const records = [containerRecord({id: 'c1', names: ['/web']}), containerRecord({id: 'c2', names: ['/db']})];
	let state = reduceApp(createAppState(0), {type: 'containers/listed', engine: 'local', records});
	for (const id of ['c1', 'c2']) state = reduceApp(state, {type: 'stats/sampled', engine: 'local', id, sample: statsSample({})});
	state = reduceApp(state, {type: 'stats/left', engine: 'local', id: 'c1'});
	state = reduceApp(state, {type: 'container/removed', engine: 'local', id: 'c1'});
	assert.deepEqual([...state.stats.keys()], [containerKey('local', 'c2')]);
	// Gone between two listings (an event missed): the listing that no longer has it takes its figures.
	state = reduceApp(state, {type: 'containers/listed', engine: 'local', records: []});
	assert.equal(state.stats.size, 0);
});
