// From state to the rows of the containers pane: formatting, filter, grouping by compose project, counts.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerRecord} from '../../../source/engine/types.js';
import type {ContainerRow} from '../../../source/format/containerColumns.js';
import {containerKey, type ContainersState, emptyContainers, reduceContainers} from '../../../source/state/containers.js';
import {
	composeProjectLabel,
	filterContainerRows,
	selectContainerCounts,
	selectContainerRows,
	selectSortedContainerRows,
	sortContainerRows,
} from '../../../source/state/select/containers.js';
import {createAppState} from '../../../source/state/app.js';
import {emptyStats, reduceStats, type StatsState} from '../../../source/state/stats.js';
import {containerRecord, statsSample, timingRecord} from '../records.js';

const now = Date.parse('2024-05-01T12:00:00Z');

function stateOf(records: ContainerRecord[]): ContainersState {
	const engines = new Set(records.map(record => record.engine));
	let state = emptyContainers;
	for (const engine of engines) {
		state = reduceContainers(state, {
			type: 'containers/listed',
			engine,
			records: records.filter(record => record.engine === engine),
		});
	}

	return state;
}

function project(name: string): Record<string, string> {
	return {[composeProjectLabel]: name};
}

const names = (rows: readonly ContainerRow[]) => rows.map(row => row.name);

const records: ContainerRecord[] = [
	containerRecord({id: 'a1', names: ['/shop-web-1'], image: 'nginx:1.25', labels: project('shop')}),
	containerRecord({
		id: 'a2',
		names: ['/shop-db-1'],
		image: 'postgres:16',
		labels: project('shop'),
		state: 'exited',
		status: 'Exited (0) 2 hours ago',
	}),
	containerRecord({id: 'b1', names: ['/blog-app-1'], image: 'ghost:5', labels: project('blog')}),
	containerRecord({id: 'c1', names: ['/zeta'], image: 'redis:7', state: 'paused', status: 'Up 1 hour (Paused)'}),
	containerRecord({id: 'c2', names: ['/alpha'], image: 'busybox', state: 'created', status: 'Created'}),
	containerRecord({
		id: 'c3',
		names: ['/mid'],
		image: 'busybox',
		state: 'restarting',
		status: 'Restarting (1) 2 seconds ago',
	}),
];

describe('selectContainerRows', () => {
	test('compose projects together alphabetically, standalone containers after, names within', () => {
		const rows = selectContainerRows(stateOf(records), emptyStats, '', now);
		assert.deepEqual(names(rows), ['blog-app-1', 'shop-db-1', 'shop-web-1', 'alpha', 'mid', 'zeta']);
		assert.deepEqual(
			rows.map(row => row.project),
			['blog', 'shop', 'shop', '', '', ''],
		);
	});

	test('a row carries the formatted cells and the tone of its status', () => {
		const state = stateOf([
			containerRecord({
				id: 'x1',
				names: ['/other/alias', '/web'],
				image: `nginx@sha256:${'b'.repeat(64)}`,
				status: 'Up 5 seconds (unhealthy)',
				ports: [{ip: '0.0.0.0', privatePort: 80, publicPort: 8080, type: 'tcp'}],
			}),
		]);
		const [row] = selectContainerRows(state, emptyStats, '', now);
		assert.deepEqual(row, {
			key: containerKey('local', 'x1'),
			engine: 'local',
			id: 'x1',
			name: 'web',
			image: 'nginx',
			state: 'running',
			status: 'Up 5 seconds (unhealthy)',
			tone: 'bad',
			ports: '0.0.0.0:8080->80/tcp',
			project: '',
			figures: undefined,
			created: 1_714_564_800,
			command: state.records.get(containerKey('local', 'x1'))!.command,
		});
	});

	test('with a timing from inspect the status is computed for now and ticks on', () => {
		let state = stateOf([containerRecord({id: 'x1', status: 'Up 3 minutes'})]);
		state = reduceContainers(state, {
			type: 'container/timed',
			engine: 'local',
			id: 'x1',
			timing: timingRecord({startedAt: '2024-05-01T10:00:00Z', health: 'starting'}),
		});
		const [row] = selectContainerRows(state, emptyStats, '', now);
		assert.equal(row?.status, 'Up 2 hours (health: starting)');
		assert.equal(row?.tone, 'warning');
		const [later] = selectContainerRows(state, emptyStats, '', now + 24 * 3_600_000);
		assert.equal(later?.status, 'Up 26 hours (health: starting)');
	});

	test('figures only for running and paused containers', () => {
		const state = stateOf(records);
		let stats: StatsState = emptyStats;
		for (const id of ['a1', 'a2', 'c1']) {
			stats = reduceStats(stats, {type: 'stats/sampled', engine: 'local', id, sample: statsSample({memoryUsage: 1024})});
		}

		const rows = selectContainerRows(state, stats, '', now);
		const figures = Object.fromEntries(rows.map(row => [row.id, row.figures?.memoryUsage]));
		assert.deepEqual(figures, {a1: 1024, a2: undefined, b1: undefined, c1: 1024, c2: undefined, c3: undefined});
	});

	test('figures belong to the engine the stats came from', () => {
		const state = stateOf([containerRecord({id: 'same'}), containerRecord({id: 'same', engine: 'remote'})]);
		const stats = reduceStats(emptyStats, {
			type: 'stats/sampled',
			engine: 'remote',
			id: 'same',
			sample: statsSample({memoryUsage: 2048}),
		});
		const rows = selectContainerRows(state, stats, '', now);
		assert.equal(rows.length, 2);
		const byEngine = Object.fromEntries(rows.map(row => [row.engine, row.figures?.memoryUsage]));
		assert.deepEqual(byEngine, {local: undefined, remote: 2048});
	});

	test('the filter applies before sorting', () => {
		const rows = selectContainerRows(stateOf(records), emptyStats, 'shop', now);
		assert.deepEqual(names(rows), ['shop-db-1', 'shop-web-1']);
	});
});

describe('filterContainerRows', () => {
	const rows = selectContainerRows(stateOf(records), emptyStats, '', now);
	const cases: Array<{filter: string; expected: string[]; why: string}> = [
		{filter: '', expected: names(rows), why: 'empty keeps all'},
		{filter: '   ', expected: names(rows), why: 'blank keeps all'},
		{filter: 'web', expected: ['shop-web-1'], why: 'by name'},
		{filter: 'WEB', expected: ['shop-web-1'], why: 'case-insensitive'},
		{filter: ' web ', expected: ['shop-web-1'], why: 'trimmed'},
		{filter: 'postgres', expected: ['shop-db-1'], why: 'by image'},
		{filter: 'paused', expected: ['zeta'], why: 'by status'},
		{filter: 'exited', expected: ['shop-db-1'], why: 'by status text'},
		{filter: 'blog', expected: ['blog-app-1'], why: 'by project (and name)'},
		{filter: 'shop', expected: ['shop-db-1', 'shop-web-1'], why: 'by project'},
		{filter: 'nothing-like-this', expected: [], why: 'no match'},
	];

	for (const {filter, expected, why} of cases) {
		test(`"${filter}": ${why}`, () => {
			assert.deepEqual(names(filterContainerRows(rows, filter)).sort(), [...expected].sort());
		});
	}

	test('by project only, where name, image and status do not match', () => {
		const state = stateOf([
			containerRecord({id: 'p1', names: ['/one'], image: 'busybox', labels: project('payments')}),
			containerRecord({id: 'p2', names: ['/two'], image: 'busybox'}),
		]);
		const all = selectContainerRows(state, emptyStats, '', now);
		assert.deepEqual(names(filterContainerRows(all, 'payments')), ['one']);
	});

	test('by id prefix', () => {
		const state = stateOf([
			containerRecord({id: '3f9a0c1d2e4b', names: ['/one']}),
			containerRecord({id: '7b2c9d0e1f3a', names: ['/two']}),
		]);
		const all = selectContainerRows(state, emptyStats, '', now);
		assert.deepEqual(names(filterContainerRows(all, '3f9a')), ['one']);
		assert.deepEqual(names(filterContainerRows(all, '9a0c')), [], 'the id matches only from its start');
	});
});

describe('sortContainerRows', () => {
	test('does not change the array given', () => {
		const rows = selectContainerRows(stateOf(records), emptyStats, '', now).reverse();
		const before = names(rows);
		sortContainerRows(rows);
		assert.deepEqual(names(rows), before);
	});

	test('the same name on two engines sorts the same way every time', () => {
		const state = stateOf([containerRecord({id: 'x', names: ['/web']}), containerRecord({id: 'x', names: ['/web'], engine: 'a'})]);
		const rows = selectContainerRows(state, emptyStats, '', now);
		assert.deepEqual(
			sortContainerRows([...rows].reverse()).map(row => row.engine),
			sortContainerRows(rows).map(row => row.engine),
		);
	});

	test('names and projects in natural order, as docker sorts names (web-2 before web-10)', () => {
		const state = stateOf([
			containerRecord({id: 'p10', names: ['/app10-db-1'], labels: project('app10')}),
			containerRecord({id: 'p2', names: ['/app2-db-1'], labels: project('app2')}),
			containerRecord({id: 'w10', names: ['/web-10']}),
			containerRecord({id: 'w2', names: ['/web-2']}),
			containerRecord({id: 'w1', names: ['/web-1']}),
		]);
		const rows = selectContainerRows(state, emptyStats, '', now);
		assert.deepEqual(names(sortContainerRows(rows)), ['app2-db-1', 'app10-db-1', 'web-1', 'web-2', 'web-10']);
		assert.deepEqual(names(sortContainerRows(rows, {by: 'name', descending: false})), ['app2-db-1', 'app10-db-1', 'web-1', 'web-2', 'web-10']);
	});
});

describe('selectContainerCounts', () => {
	test('total, running, paused and stopped', () => {
		// As docker info counts them: created, exited, dead and restarting are stopped.
		const counts = selectContainerCounts(
			stateOf([
				...records,
				containerRecord({id: 'd1', state: 'dead', status: 'Dead'}),
				containerRecord({id: 'r1', state: 'running', engine: 'remote'}),
				containerRecord({id: 'r2', state: 'restarting', status: 'Restarting (3) 5 seconds ago'}),
			]),
		);
		assert.deepEqual(counts, {total: 9, running: 3, paused: 1, stopped: 5});
	});

	test('nothing listed: all zero', () => {
		assert.deepEqual(selectContainerCounts(emptyContainers), {total: 0, running: 0, paused: 0, stopped: 0});
	});
});

describe('selectSortedContainerRows, from one second to the next', () => {
	const base = createAppState(now);
	const many = stateOf([
		containerRecord({id: 'c1', names: ['/web-10']}),
		containerRecord({id: 'c2', names: ['/web-2']}),
		containerRecord({id: 'c3', names: ['/db'], state: 'exited', status: 'Exited (0) 2 hours ago'}),
	]);
	const app = {...base, containers: many};

	test('a row whose inputs did not change is the same row, in the same order', () => {
		const first = selectSortedContainerRows(app);
		const next = selectSortedContainerRows({...app, now: now + 1000});
		assert.deepEqual(names(next), ['db', 'web-2', 'web-10']);
		assert.ok(next.every((row, index) => row === first[index]));
	});

	test('new figures make that row again; a new name orders the rows again', () => {
		const first = selectSortedContainerRows(app);
		const stats = reduceStats(emptyStats, {type: 'stats/sampled', engine: 'local', id: 'c1', sample: statsSample()});
		const withFigures = selectSortedContainerRows({...app, stats, now: now + 2000});
		assert.notEqual(withFigures.find(row => row.id === 'c1'), first.find(row => row.id === 'c1'));
		assert.equal(withFigures.find(row => row.id === 'c2'), first.find(row => row.id === 'c2'));
		const renamed = reduceContainers(many, {type: 'containers/listed', engine: 'local', records: [...many.records.values()].map(record => (record.id === 'c1' ? {...record, names: ['/api']} : record))});
		assert.deepEqual(names(selectSortedContainerRows({...app, containers: renamed, now: now + 3000})), ['api', 'db', 'web-2']);
	});
});

describe('selectSortedContainerRows in a storm', () => {
	test('a batch that changes a few of many containers makes their rows alone again, and the rows are what formatting all of them gives', () => {
		const records = Array.from({length: 300}, (_, index) =>
			containerRecord({id: `${index.toString(16).padStart(4, '0')}${'ab'.repeat(30)}`, names: [`/t-${index}`], state: 'exited', status: 'Exited (0) 2 hours ago'}),
		);
		const app = {...createAppState(now), containers: stateOf(records)};
		const first = selectSortedContainerRows(app);
		const started = [records[7]!, records[150]!].map(record => ({...record, state: 'running' as const, status: 'Up 1 second'}));
		let containers = app.containers;
		for (const record of started) containers = reduceContainers(containers, {type: 'container/updated', record});
		const timed = reduceContainers(containers, {type: 'container/timed', engine: 'local', id: records[42]!.id, timing: timingRecord({state: 'exited', running: false, exitCode: 3, finishedAt: '2024-05-01T11:59:00Z'})});
		const next = selectSortedContainerRows({...app, containers: timed});
		const fresh = selectContainerRows(timed, app.stats, '', now, app.ui.sort);
		assert.deepEqual(
			next.map(row => [row.key, row.state, row.status]),
			fresh.map(row => [row.key, row.state, row.status]),
		);
		assert.match(next.find(row => row.name === 't-42')!.status, /^Exited \(3\)/);
		const changed = new Set(['t-7', 't-150', 't-42']);
		const before = new Map(first.map(row => [row.key, row]));
		const remade = next.filter(row => row !== before.get(row.key)).map(row => row.name);
		// Only rows that share a shard with a changed container are made again; the rest are the rows of before.
		assert.ok([...changed].every(name => remade.includes(name)), remade.join(' '));
		assert.ok(remade.length < 40, `${remade.length} of 300 rows made again`);
	});
});

describe('an OOM kill in the row', () => {
	test('says OOM killed when the engine says so, or when an oom event came with the exit code 137', () => {
		const finishedAt = '2024-05-01T11:59:00Z';
		const exited = stateOf([containerRecord({id: 'hog', names: ['/hog'], state: 'exited', status: 'Exited (137) 1 minute ago'})]);
		const key = containerKey('local', 'hog');
		const timed = (oomKilled: boolean) => ({...exited, timings: new Map([[key, timingRecord({state: 'exited', running: false, exitCode: 137, finishedAt, oomKilled})]])});
		const app = createAppState(now);
		const status = (containers: ContainersState, oomEventAt?: number) =>
			selectSortedContainerRows({...app, containers, alerts: {...app.alerts, watches: new Map(oomEventAt === undefined ? [] : [[key, {oomEventAt} as never]])}})[0]!.status;
		assert.match(status(timed(true)), /Exited \(137\) .* ago, OOM killed$/);
		assert.doesNotMatch(status(timed(false)), /OOM/);
		assert.match(status(timed(false), Date.parse(finishedAt) - 1000), /Exited \(137\) .* ago, OOM killed$/);
		assert.doesNotMatch(status(timed(false), Date.parse(finishedAt) + 60_000), /OOM/);
	});
});
