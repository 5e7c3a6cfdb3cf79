// Resource figures beyond CPU and memory: rates, history, sorting by them, totals; sizes and charts.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerRecord} from '../../source/engine/types.js';
import {formatSparkline} from '../../source/format/sparkline.js';
import {formatDecimalSize, formatInOut, formatRate} from '../../source/format/units.js';
import {containerKey, emptyContainers, reduceContainers} from '../../source/state/containers.js';
import {formatResourceLines} from '../../source/state/pane.js';
import {selectContainerRows, selectResourceTotals} from '../../source/state/select/containers.js';
import type {SortOrder} from '../../source/state/ui.js';
import {calculateFigures, emptyStats, historyBySecond, historyLength, historyPoints, reduceStats, type StatsState} from '../../source/state/stats.js';
import {initialUi, reduceUi} from '../../source/state/ui.js';
import {containerRecord, statsSample} from './records.js';

describe('formatDecimalSize (go-units HumanSizeWithPrecision 3, as docker stats NET I/O)', () => {
	const cases: Array<[number, string]> = [
		[0, '0B'],
		[648, '648B'],
		[999, '999B'],
		[1000, '1kB'],
		[1234, '1.23kB'],
		[12_345, '12.3kB'],
		[1_500_000, '1.5MB'],
		[2_000_000_000, '2GB'],
	];
	for (const [size, text] of cases) test(`${size} -> ${text}`, () => assert.equal(formatDecimalSize(size), text));
	test('in / out and rates', () => {
		assert.equal(formatInOut(1234, 648), '1.23kB / 648B');
		assert.equal(formatRate(1500), '1.5kB/s');
	});
});

describe('formatSparkline', () => {
	test('scales to the series maximum, one character a value, padded to the width', () => {
		assert.equal(formatSparkline([0, 1, 2, 4], 6, {unicode: true}), '  ▁▃▅█');
	});
	test('a given maximum keeps small values low', () => {
		assert.equal(formatSparkline([1, 1], 2, {unicode: true, max: 100}), '▁▁');
	});
	test('from the lowest value, so growth far below the maximum shows', () => {
		assert.equal(formatSparkline([100, 100, 107], 3, {unicode: true, fromLowest: true}), '▁▁█');
	});
	test('ASCII only where the terminal lacks Unicode', () => {
		assert.match(formatSparkline([0, 5, 10], 3, {unicode: false}), /^[\u0020-\u007E]{3}$/);
	});
	test('only the newest values that fit', () => {
		assert.equal(formatSparkline([9, 9, 9, 0, 10], 2, {unicode: true}), '▁█');
	});
	test('a value not known is a gap, and does not move the scale', () => {
		assert.equal(formatSparkline([undefined, undefined, 0, 4], 5, {unicode: true}), '   ▁█');
		assert.equal(formatSparkline([undefined, 100, 107], 3, {unicode: true, fromLowest: true}), ' ▁█');
		assert.equal(formatSparkline([undefined, undefined], 2, {unicode: true}), '  ');
	});
});

const MiB = 1024 * 1024;

describe('figures over time', () => {
	test('rates come from two samples a second apart; history is bounded', () => {
		const first = calculateFigures(statsSample({read: '2024-05-01T12:00:00Z', networkRx: 1000, blockWrite: 0}));
		assert.equal(first.networkRxRate, 0, 'no rate from one sample');
		const second = calculateFigures(
			statsSample({read: '2024-05-01T12:00:02Z', networkRx: 5000, blockWrite: 8192}),
			first,
		);
		assert.equal(second.networkRxRate, 2000);
		assert.equal(second.blockWriteRate, 4096);
		assert.equal(historyPoints(second.history).length, 2);
		let figures = second;
		for (let index = 0; index < historyLength + 20; index++) {
			figures = calculateFigures(statsSample({read: new Date(Date.parse('2024-05-01T12:01:00Z') + index * 1000).toISOString()}), figures);
		}

		assert.equal(historyPoints(figures.history).length, historyLength, 'one point a second for the last three minutes');
		assert.ok(figures.history.flat().length <= historyLength + 30, 'at most a chunk more kept than shown');
		for (let index = 0; index < 30; index++) {
			figures = calculateFigures(statsSample({read: new Date(Date.parse('2024-05-01T13:00:00Z') + index * 3000).toISOString()}), figures);
		}

		assert.equal(historyPoints(figures.history).length, 30, 'a sample every three seconds: ninety seconds of them, older ones gone');
		assert.deepEqual(
			historyPoints(figures.history).map(point => point.at),
			Array.from({length: 30}, (_, index) => Date.parse('2024-05-01T13:00:00Z') + index * 3000),
			'oldest first, in order',
		);
	});

	test('the charts take one point a second, each sample standing until the next', () => {
		const at = (second: number) => Date.parse('2024-05-01T12:00:00Z') + second * 1000;
		const history = [0, 3, 6, 7].map(second => ({...historyPoints(calculateFigures(statsSample()).history)[0]!, at: at(second), cpuPercent: second}));
		assert.deepEqual(historyBySecond(history, 100).map(point => point.cpuPercent), [0, 0, 0, 3, 3, 3, 6, 7]);
		assert.deepEqual(historyBySecond(history, 3).map(point => point.cpuPercent), [3, 6, 7], 'the newest that fit');
		assert.deepEqual(historyBySecond([], 3), []);
	});

	test('I/O not read (a row whose I/O is not on screen) has no totals and no rates, and no rate is made across it', () => {
		const unread = {networkRx: undefined, networkTx: undefined, blockRead: undefined, blockWrite: undefined};
		const first = calculateFigures(statsSample({read: '2024-05-01T12:00:00Z', ...unread, memoryUsage: MiB}));
		assert.deepEqual([first.networkRx, first.networkRxRate, first.blockWrite, first.blockWriteRate], [undefined, undefined, undefined, undefined]);
		assert.equal(first.memoryUsage, MiB, 'the rest is there');
		// Read from now on (the details pane opened): a total at once, a rate from the next sample.
		const second = calculateFigures(statsSample({read: '2024-05-01T12:00:01Z', networkRx: 5000, blockWrite: 4096}), first);
		assert.deepEqual([second.networkRx, second.networkRxRate, second.blockWrite, second.blockWriteRate], [5000, undefined, 4096, undefined], 'no rate against a total never read');
		const third = calculateFigures(statsSample({read: '2024-05-01T12:00:02Z', networkRx: 7000, blockWrite: 4096}), second);
		assert.deepEqual([third.networkRxRate, third.blockWriteRate], [2000, 0]);
		assert.deepEqual(historyPoints(third.history).map(point => point.networkRxRate), [undefined, undefined, 2000]);
		const lines = (figures: typeof first) => formatResourceLines(figures, true, 100);
		assert.match(lines(first).find(line => line.startsWith('Network in'))!, /^Network in\s+--\s+$/, 'not read: as docker stats shows a figure it has not got');
		assert.match(lines(first).find(line => line.startsWith('Memory'))!, /^Memory\s+1MiB \/ /, 'the rest shown');
		assert.match(lines(second).find(line => line.startsWith('Network in'))!, /^Network in\s+\(5kB\)\s+$/, 'the total alone until a rate');
		// The chart leaves the seconds it was not read blank, and charts the rest.
		assert.match(lines(third).find(line => line.startsWith('Network in'))!, /^Network in\s+2kB\/s \(7kB\) {60,}█$/);
	});

	test('a counter that went back (a restart) gives no negative rate', () => {
		const first = calculateFigures(statsSample({read: '2024-05-01T12:00:00Z', networkTx: 9000}));
		const second = calculateFigures(statsSample({read: '2024-05-01T12:00:01Z', networkTx: 10}), first);
		assert.equal(second.networkTxRate, 0);
	});

	test('the details pane shows every figure with a chart, or says there are none', () => {
		const figures = calculateFigures(statsSample({read: '2024-05-01T12:00:00Z', pids: 7}));
		const lines = formatResourceLines(figures, true);
		for (const label of ['CPU', 'Memory', 'Network in', 'Network out', 'Block read', 'Block write', 'PIDs']) {
			assert.ok(lines.some(line => line.startsWith(label)), label);
		}

		assert.ok(lines.some(line => /^PIDs\s+7$/.test(line)));
		assert.match(formatResourceLines(undefined, true)[0]!, /^Resources\s+no figures: the container is not running$/);
		// Running, its first sample not yet in (the pane opened before any round of the list measured it).
		assert.match(formatResourceLines(undefined, true, 160, true)[0]!, /^Resources\s+waiting for the engine's first sample$/);
		assert.ok(formatResourceLines(figures, false).every(line => /^[\u0020-\u007E]*$/.test(line)), 'ASCII charts');
		// Kept from before its row left the screen: marked until the stream's first reading.
		const left = formatResourceLines({...figures, left: true}, true);
		assert.match(left[0]!, /^Resources\s+the last figures known, marked \?: new ones within seconds$/);
		assert.match(left.find(line => line.startsWith('CPU'))!, /^CPU\s+\d+\.\d\d%\?/);
		assert.ok(left.some(line => /^PIDs\s+7\?$/.test(line)));
	});
});

describe('sorting and totals', () => {
	const records: ContainerRecord[] = [
		containerRecord({id: 'a', names: ['/alpha'], state: 'running', created: 300}),
		containerRecord({id: 'b', names: ['/bravo'], state: 'exited', created: 100, status: 'Exited (0) 1 minute ago'}),
		containerRecord({id: 'c', names: ['/charlie'], state: 'running', created: 200}),
		containerRecord({id: 'd', names: ['/delta'], state: 'paused', created: 400}),
	];
	const containers = reduceContainers(emptyContainers, {type: 'containers/listed', engine: records[0]!.engine, records});
	const engine = records[0]!.engine;
	let stats: StatsState = emptyStats;
	for (const [id, cpu, memory] of [
		['a', 5, 300],
		['c', 50, 100],
	] as const) {
		stats = reduceStats(stats, {
			type: 'stats/sampled',
			engine,
			id,
			sample: statsSample({cpuTotal: cpu, preCpuTotal: 0, systemCpu: 100, preSystemCpu: 0, onlineCpus: 1, memoryUsage: memory}),
		});
	}

	const names = (sort: SortOrder) => selectContainerRows(containers, stats, '', 0, sort).map(row => row.name);
	test('by CPU, largest first; containers without figures last either way', () => {
		assert.deepEqual(names({by: 'cpu', descending: true}), ['charlie', 'alpha', 'bravo', 'delta']);
		assert.deepEqual(names({by: 'cpu', descending: false}), ['alpha', 'charlie', 'bravo', 'delta']);
	});
	test('by memory', () => {
		assert.deepEqual(names({by: 'memory', descending: true}).slice(0, 2), ['alpha', 'charlie']);
	});
	test('by name, status and age', () => {
		assert.deepEqual(names({by: 'name', descending: true}), ['delta', 'charlie', 'bravo', 'alpha']);
		assert.deepEqual(names({by: 'status', descending: false}), ['alpha', 'charlie', 'delta', 'bravo']);
		assert.deepEqual(names({by: 'age', descending: false}), ['delta', 'alpha', 'charlie', 'bravo']);
	});
	test('totals add the measured running containers and say how many are measured', () => {
		const totals = selectResourceTotals(containers, stats);
		assert.equal(totals.running, 3);
		assert.equal(totals.measured, 2);
		assert.equal(totals.cpuPercent, 55);
		assert.equal(totals.memoryUsage, 400);
		assert.ok(stats.has(containerKey(engine, 'a')));
	});
	test('figures kept from before their row left the screen are not in the totals: the header sums what is sampled now', () => {
		const left = reduceStats(stats, {type: 'stats/left', engine, id: 'c'});
		const totals = selectResourceTotals(containers, left);
		assert.deepEqual(totals, {running: 3, measured: 1, cpuPercent: 5, memoryUsage: 300});
		// The row still shows them, marked, and sorts by them.
		assert.equal(selectContainerRows(containers, left, '', 0).find(row => row.name === 'charlie')?.figures?.left, true);
	});
});
