// The inspect pane's lines: secret-looking environment values masked until revealed, made once per document.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatDetailsLines, formatInspectLines} from '../../source/format/inspect.js';
import {selectPaneLines} from '../../source/state/pane.js';

const document = {Id: 'abc', Config: {Env: ['DB_PASSWORD=hunter2', 'PATH=/bin']}};

test('inspect lines mask a secret-looking value until revealed, and leave the document as it was', () => {
	const masked = formatInspectLines(document, false).join('\n');
	assert.match(masked, /"DB_PASSWORD=\*{6}"/);
	assert.match(masked, /"PATH=\/bin"/);
	assert.doesNotMatch(masked, /hunter2/);
	assert.match(formatInspectLines(document, true).join('\n'), /"DB_PASSWORD=hunter2"/);
	assert.deepEqual(document.Config.Env, ['DB_PASSWORD=hunter2', 'PATH=/bin']);
});

test('the lines of one document are made once for each of masked and revealed', () => {
	const other = structuredClone(document);
	const first = formatInspectLines(other, false);
	assert.equal(formatInspectLines(other, false), first, 'the same lines again, not made anew');
	assert.notEqual(formatInspectLines(other, true), first);
	assert.equal(formatInspectLines(other, true), formatInspectLines(other, true));
	assert.notEqual(formatInspectLines(structuredClone(document), false), first, 'another document: its own lines');
	assert.deepEqual(formatInspectLines(structuredClone(document), false), first);
});

describe('formatDetailsLines: OOM kills and healthchecks', () => {
	const now = Date.parse('2026-11-30T12:00:00Z');
	test('an OOM-killed container says so in its status', () => {
		const lines = formatDetailsLines(
			{Name: '/hog', State: {Status: 'exited', ExitCode: 137, OOMKilled: true, StartedAt: '2026-11-30T11:59:00Z', FinishedAt: '2026-11-30T11:59:30Z'}},
			false,
			now,
		);
		assert.ok(lines.includes('Status          Exited (137) 30 seconds ago, OOM killed'), lines.join('\n'));
	});

	test('the check and its last results, newest first, output made safe', () => {
		const lines = formatDetailsLines(
			{
				Name: '/sick',
				Config: {Healthcheck: {Test: ['CMD-SHELL', 'echo db down; exit 1'], Interval: 1_000_000_000, Retries: 2}},
				State: {
					Status: 'running',
					Running: true,
					StartedAt: '2026-11-30T11:59:00Z',
					Health: {
						Status: 'unhealthy',
						FailingStreak: 2,
						Log: [
							{Start: '2026-11-30T11:59:57Z', End: '2026-11-30T11:59:58Z', ExitCode: 1, Output: 'db down\n'},
							{Start: '2026-11-30T11:59:58Z', End: '2026-11-30T11:59:59Z', ExitCode: 1, Output: 'db \u001B]0;title\u0007down\u001B[31m!\n'},
						],
					},
				},
			},
			false,
			now,
		);
		const at = lines.findIndex(line => line.startsWith('Healthcheck'));
		assert.deepEqual(lines.slice(at, at + 5), [
			'Healthcheck     echo db down; exit 1',
			'                every 1s, timeout 30s, 2 retries',
			'Health          unhealthy (failed 2 in a row)',
			'                2026-11-30 11:59:59 UTC (1 second ago)  exit 1  db down!',
			'                2026-11-30 11:59:58 UTC (2 seconds ago)  exit 1  db down',
		]);
	});

	test('a paused or stopped container\'s health: its checks do not run, whatever the engine calls it', () => {
		const healthLine = (state: Record<string, unknown>) =>
			formatDetailsLines(
				{Name: '/db', Config: {Healthcheck: {Test: ['CMD-SHELL', 'test -f /tmp/ready']}}, State: {Status: 'running', StartedAt: '2026-11-30T11:59:00Z', Health: {Status: 'unhealthy', FailingStreak: 0, Log: []}, ...state}},
				false,
				now,
			).find(line => line.startsWith('Health '));
		assert.equal(healthLine({Running: true, Paused: true, Status: 'paused'}), 'Health          checks paused with the container (the engine says unhealthy)');
		assert.equal(healthLine({Running: false, Status: 'exited', FinishedAt: '2026-11-30T11:59:30Z'}), 'Health          checks stopped with the container (the engine says unhealthy)');
		assert.equal(healthLine({Running: true}), 'Health          unhealthy');
		assert.equal(healthLine({Running: false, Status: 'created', Health: undefined}), 'Health          -', 'never started');
		const unpaused = healthLine({Running: true, Health: {Status: 'unhealthy', FailingStreak: 0, Log: [{ExitCode: 0}]}});
		assert.equal(unpaused, 'Health          unhealthy as the engine says it, though its last check passed: the next check says (after a pause)');
	});

	test('no healthcheck, no lines about one', () => {
		assert.ok(!formatDetailsLines({Name: '/plain', State: {Status: 'running', Running: true}}, false, now).some(line => line.startsWith('Health')));
	});
});

test('the details pane: a value too long for the pane goes on below its start, under the labels\' column', () => {
	const longCommand = Array.from({length: 30}, (_, index) => `--flag-${index}`).join(' ');
	const inspected = {Id: 'c'.repeat(64), Name: '/web', Path: 'server', Args: longCommand.split(' '), State: {Status: 'running', Running: true, StartedAt: '2024-05-01T11:00:00Z'}, Config: {Image: 'nginx', Env: ['PATH=/bin']}};
	const pane = {kind: 'details' as const, target: {key: 'k', engine: 'local', id: 'c', name: 'web'}, document: inspected, table: undefined, layers: undefined, error: undefined, revealed: false, scroll: 0, search: ''};
	const now = Date.parse('2024-05-01T12:00:00Z');
	const wide = selectPaneLines(pane, now, {figures: undefined, unicode: true, width: 400});
	const narrow = selectPaneLines(pane, now, {figures: undefined, unicode: true, width: 80});
	const command = wide.find(line => line.startsWith('Command '))!;
	assert.ok(command.endsWith('--flag-29'), command);
	const start = narrow.findIndex(line => line.startsWith('Command '));
	// The rows under it that start in the values' column (Created, the next field, has its label).
	let end = start + 1;
	while (narrow[end]?.startsWith(' '.repeat(16))) end++;
	const rows = narrow.slice(start, end);
	assert.ok(rows.length > 1, narrow.join('\n'));
	assert.ok(narrow.every(line => [...line].length <= 80), narrow.join('\n'));
	assert.equal(rows.map(row => row.slice(16)).join(' '), command.slice(16));
	assert.deepEqual([...narrow.slice(0, start), ...narrow.slice(end)], wide.filter(line => line !== command), 'the other lines as they were');
});
