// Podman's answers that differ from Docker's, made to read the same.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {splitProcessTable, toStatsSample} from '../../source/engine/decoders.js';
import {calculateCpuPercent} from '../../source/state/stats.js';

test('a top with one title line and one string per process is split into columns', () => {
	const table = splitProcessTable({
		titles: ['USER   PID   COMMAND'],
		processes: [['root   1     sh -c while :; do sleep 1; done'], ['root   7     sleep 1']],
	});
	assert.deepEqual(table.titles, ['USER', 'PID', 'COMMAND']);
	assert.deepEqual(table.processes, [
		['root', '1', 'sh -c while :; do sleep 1; done'],
		['root', '7', 'sleep 1'],
	]);
});

test("Docker's top is left as it is", () => {
	const table = {titles: ['UID', 'PID', 'CMD'], processes: [['root', '1', 'sleep 3600']]};
	assert.deepEqual(splitProcessTable(table), table);
});

// Two documents of Podman 4.3's stats stream (stream=true) for a container that wakes once a second: 6 ms of
// CPU in 5 s (`podman stats`: 0.18% on average). Its system_cpu_usage grew by the host's busy time alone.
const podmanStats = {
	read: '2026-12-03T16:37:26.805714398Z',
	preread: '2026-12-03T16:37:21.801972827Z',
	cpu_stats: {cpu_usage: {total_usage: 276_356_234}, system_cpu_usage: 6_568_126_665_677, online_cpus: 2},
	precpu_stats: {cpu_usage: {total_usage: 270_340_891}, system_cpu_usage: 6_567_912_791_781},
};

test("Podman's CPU % is its CPU time against the clock, not against the host's busy time", () => {
	const percent = calculateCpuPercent(toStatsSample(podmanStats, true));
	assert.ok(Math.abs(percent - 0.1202) < 0.001, `${percent}`);
	// Read as Docker's, the same document says 5.6%.
	assert.ok(calculateCpuPercent(toStatsSample(podmanStats)) > 5);
});

test("a one-shot Podman sample (no reading before it) is measured from the sample before", () => {
	const first = toStatsSample({...podmanStats, read: podmanStats.preread, preread: '0001-01-01T00:00:00Z', cpu_stats: {...podmanStats.cpu_stats, cpu_usage: podmanStats.precpu_stats.cpu_usage}, precpu_stats: {}}, true);
	const second = toStatsSample({...podmanStats, preread: '0001-01-01T00:00:00Z', precpu_stats: {}}, true);
	assert.equal(first.preSystemCpu, 0);
	const percent = calculateCpuPercent(second, {cpuTotal: first.cpuTotal, systemCpu: first.systemCpu});
	assert.ok(Math.abs(percent - 0.1202) < 0.001, `${percent}`);
});
