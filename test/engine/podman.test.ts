// Podman's answers that differ from Docker's, made to read the same.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {splitProcessTable} from '../../source/engine/decoders.js';

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
