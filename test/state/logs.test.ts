// The logs pane's state: a bounded ring of lines, following or anchored rows, filter, search, the saved file.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {LogRecord} from '../../source/engine/types.js';
import {
	appendLogLines,
	appendNotice,
	createLogs,
	formatLogsForFile,
	type IncomingLogLine,
	jumpToLogMatch,
	type LogsState,
	scrollLogs,
	selectFilteredLogLines,
	selectLogPrefixWidth,
	selectLogRows,
	selectTopLogSeq,
} from '../../source/state/logs.js';
import type {ActionTarget} from '../../source/state/operations.js';

const web: ActionTarget = {key: 'local/id-web', engine: 'local', id: 'id-web', name: 'web', state: 'running'};
const database: ActionTarget = {key: 'local/id-db', engine: 'local', id: 'id-db', name: 'database', state: 'running'};

function incoming(text: string, options: {target?: ActionTarget; stream?: LogRecord['stream']; timestamp?: string; cut?: number} = {}): IncomingLogLine {
	const target = options.target ?? web;
	return {
		source: target.key,
		name: target.name,
		record: {stream: options.stream ?? 'stdout', timestamp: options.timestamp ?? '', text, cut: options.cut ?? 0},
	};
}

/** `line 1` ... `line N` as one batch. */
function numbered(count: number, from = 1): IncomingLogLine[] {
	return Array.from({length: count}, (_, index) => incoming(`line ${from + index}`));
}

function logsWith(lines: readonly IncomingLogLine[], options: {capacity?: number; targets?: ActionTarget[]} = {}): LogsState {
	const logs = createLogs(options.targets ?? [web], {tail: 1000, capacity: options.capacity ?? 5000, color: true, generation: 1});
	return appendLogLines(logs, lines);
}

const texts = (logs: LogsState) => logs.lines.map(line => line.text);
const rowTexts = (logs: LogsState, width: number, height: number) => selectLogRows(logs, width, height).map(row => row.text);
const range = (from: number, to: number) => Array.from({length: to - from + 1}, (_, index) => `line ${from + index}`);
const seqOf = (logs: LogsState, text: string) => logs.lines.find(line => line.text === text)!.seq;

describe('merged logs in time order', () => {
	const at = (second: number, fraction = '') => `2026-12-03T15:05:${String(second).padStart(2, '0')}${fraction}Z`;
	test('a backlog that comes after another container\'s lines goes in among them by the engine\'s times', () => {
		let logs = logsWith([incoming('web 1', {timestamp: at(1)}), incoming('web 3', {timestamp: at(3)}), incoming('web 5', {timestamp: at(5)})], {targets: [web, database]});
		logs = appendLogLines(logs, [incoming('db 2', {target: database, timestamp: at(2)}), incoming('db 4', {target: database, timestamp: at(4)})]);
		assert.deepEqual(texts(logs), ['web 1', 'db 2', 'web 3', 'db 4', 'web 5']);
		const seqs = logs.lines.map(line => line.seq);
		assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b), 'seqs ascend down the pane');
		assert.equal(new Set(seqs).size, seqs.length);
	});

	test('times with fewer digits of the second (the engine drops trailing zeros) sort as times, not as text', () => {
		let logs = logsWith([incoming('web .12', {timestamp: at(1, '.12')})], {targets: [web, database]});
		logs = appendLogLines(logs, [incoming('db .123', {target: database, timestamp: at(1, '.123')}), incoming('db .1', {target: database, timestamp: at(1, '.1')})]);
		assert.deepEqual(texts(logs), ['db .1', 'web .12', 'db .123']);
	});

	test('lines in order are appended; the same time keeps the order they came in; a notice is a wall', () => {
		let logs = logsWith([incoming('web a', {timestamp: at(1)})], {targets: [web, database]});
		const before = logs.lines;
		logs = appendLogLines(logs, [incoming('db b', {target: database, timestamp: at(1)}), incoming('web c', {timestamp: at(2)})]);
		assert.deepEqual(texts(logs), ['web a', 'db b', 'web c']);
		assert.equal(logs.lines[0], before[0], 'kept lines are the same objects');
		logs = appendNotice(logs, '[stream ended]');
		logs = appendLogLines(logs, [incoming('db 0', {target: database, timestamp: at(0)})]);
		assert.deepEqual(texts(logs).slice(-2), ['[stream ended]', 'db 0'], 'not moved above the notice');
	});

	test('one container\'s log is never reordered', () => {
		let logs = logsWith([incoming('late', {timestamp: at(5)})]);
		logs = appendLogLines(logs, [incoming('early', {timestamp: at(1)})]);
		assert.deepEqual(texts(logs), ['late', 'early']);
	});
});

describe('appendLogLines', () => {
	test('keeps at most the capacity, the oldest dropped and counted', () => {
		let logs = logsWith(numbered(3), {capacity: 5});
		assert.deepEqual(texts(logs), range(1, 3));
		assert.equal(logs.dropped, 0);
		logs = appendLogLines(logs, numbered(4, 4));
		assert.deepEqual(texts(logs), range(3, 7));
		assert.equal(logs.dropped, 2);
		assert.deepEqual(
			logs.lines.map(line => line.seq),
			[3, 4, 5, 6, 7],
		);
		assert.equal(logs.nextSeq, 8);
	});

	test('a single batch larger than the capacity keeps its newest lines', () => {
		const logs = logsWith(numbered(12), {capacity: 5});
		assert.deepEqual(texts(logs), range(8, 12));
		assert.equal(logs.dropped, 7);
	});

	test('a large batch on top of kept lines replaces them all', () => {
		let logs = logsWith(numbered(3), {capacity: 5});
		logs = appendLogLines(logs, numbered(10, 4));
		assert.deepEqual(texts(logs), range(9, 13));
		assert.equal(logs.dropped, 8);
		// Ordered and unique, whatever was dropped.
		const seqs = logs.lines.map(line => line.seq);
		assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
		assert.equal(new Set(seqs).size, seqs.length);
	});

	test('many batches: never more than the capacity, and every line is kept or counted', () => {
		let logs = logsWith([], {capacity: 100});
		let total = 0;
		for (let batch = 1; batch <= 60; batch++) {
			const size = (batch * 37) % 250;
			logs = appendLogLines(logs, numbered(size, total + 1));
			total += size;
			assert.ok(logs.lines.length <= 100);
			assert.equal(logs.lines.length + logs.dropped, total);
		}

		assert.equal(logs.lines.at(-1)!.text, `line ${total}`);
	});

	test('nothing new: the same state', () => {
		const logs = logsWith(numbered(2));
		assert.equal(appendLogLines(logs, []), logs);
	});

	test('text is sanitized on the way in, and a cut line says how much was cut', () => {
		const logs = logsWith([incoming('\u001B[2J\u001B]0;title\u0007a\u0000b\tc'), incoming('x'.repeat(10), {cut: 1234})]);
		assert.deepEqual(texts(logs), [`a^@b${' '.repeat(4)}c`, `${'x'.repeat(10)} [1234 more characters cut]`]);
		assert.equal(logs.lines[1]!.cut, 1234);
	});

	test('stream, timestamp, source and name are kept', () => {
		const logs = logsWith([incoming('oops', {target: database, stream: 'stderr', timestamp: '2024-05-01T12:00:00.1Z'})], {targets: [web, database]});
		assert.deepEqual(logs.lines[0], {
			seq: 1,
			source: database.key,
			name: 'database',
			stream: 'stderr',
			timestamp: '2024-05-01T12:00:00.1Z',
			text: 'oops',
			cut: 0,
		});
	});

	test('a notice is a line of berth\'s own, within the capacity', () => {
		let logs = logsWith(numbered(5), {capacity: 5});
		logs = appendNotice(logs, '-- web was removed: its log ends here --');
		assert.equal(logs.lines.length, 5);
		assert.deepEqual(logs.lines.at(-1), {
			seq: 6,
			source: '',
			name: '',
			stream: 'berth',
			timestamp: '',
			text: '-- web was removed: its log ends here --',
			cut: 0,
		});
	});
});

describe('selectLogRows', () => {
	const width = 80;
	test('following: the newest lines, the last at the bottom', () => {
		const logs = logsWith(numbered(20));
		assert.equal(logs.follow, true);
		assert.deepEqual(rowTexts(logs, width, 5), range(16, 20));
		assert.deepEqual(rowTexts(appendLogLines(logs, numbered(2, 21)), width, 5), range(18, 22));
	});

	test('fewer lines than rows: all of them', () => {
		assert.deepEqual(rowTexts(logsWith(numbered(3)), width, 5), range(1, 3));
		assert.deepEqual(rowTexts(logsWith([]), width, 5), []);
	});

	test('anchored: from the anchor line down, and new lines do not move it', () => {
		let logs: LogsState = {...logsWith(numbered(20)), follow: false, anchor: 3};
		assert.deepEqual(rowTexts(logs, width, 5), range(3, 7));
		logs = appendLogLines(logs, numbered(30, 21));
		assert.deepEqual(rowTexts(logs, width, 5), range(3, 7));
		assert.equal(selectTopLogSeq(logs, width, 5), 3);
	});

	test('an anchor line that was dropped: from the oldest line kept', () => {
		let logs: LogsState = {...logsWith(numbered(10), {capacity: 10}), follow: false, anchor: 2};
		logs = appendLogLines(logs, numbered(5, 11));
		assert.deepEqual(rowTexts(logs, width, 3), range(6, 8));
	});

	test('filter: only the lines holding the text (any case, colour ignored), notices always', () => {
		let logs = logsWith([
			incoming('GET /index 200'),
			incoming('\u001B[31mERROR\u001B[0m disk full'),
			incoming('POST /login 500 error'),
			incoming('done'),
		]);
		logs = appendNotice(logs, '-- web stopped: its log ends here --');
		assert.deepEqual(
			rowTexts({...logs, filter: 'error'}, width, 10),
			['\u001B[31mERROR\u001B[0m disk full', 'POST /login 500 error', '-- web stopped: its log ends here --'],
		);
		assert.deepEqual(rowTexts({...logs, filter: '31m'}, width, 10), ['-- web stopped: its log ends here --']);
		assert.equal(selectFilteredLogLines({...logs, filter: ''}).length, 5);
	});

	test('filter while anchored: the anchor is found among the lines shown', () => {
		const lines = Array.from({length: 30}, (_, index) => incoming(index % 3 === 0 ? `keep ${index}` : `skip ${index}`));
		const logs: LogsState = {...logsWith(lines), filter: 'keep', follow: false, anchor: 5};
		assert.deepEqual(rowTexts(logs, width, 3), ['keep 6', 'keep 9', 'keep 12']);
	});

	test('search marks the lines that hold it', () => {
		const logs: LogsState = {...logsWith([incoming('alpha'), incoming('\u001B[1mBeta\u001B[0m'), incoming('gamma beta')]), search: 'beta'};
		assert.deepEqual(
			selectLogRows(logs, width, 5).map(row => row.matched),
			[false, true, true],
		);
	});

	test('wrap: a long line takes several rows of the text width, its name and time on the first only', () => {
		// 2 columns of gutter: 12 columns leave 10 for the text.
		const long = 'abcdefghijklmnopqrstuvwxy';
		const logs: LogsState = {...logsWith([incoming('short'), incoming(long, {timestamp: '2024-05-01T12:00:00Z'})]), wrap: true};
		const rows = selectLogRows(logs, 12, 10);
		assert.deepEqual(
			rows.map(row => [row.text, row.continuation, row.timestamp, row.name]),
			[
				['short', false, '', 'web'],
				['abcdefghij', false, '2024-05-01T12:00:00Z', 'web'],
				['klmnopqrst', true, '', ''],
				['uvwxy', true, '', ''],
			],
		);
		assert.equal(new Set(rows.map(row => row.key)).size, rows.length, 'keys are unique');
		// Following shows the newest rows: the wrapped line at the bottom, the older line gone above.
		assert.deepEqual(rowTexts(logs, 12, 3), ['abcdefghij', 'klmnopqrst', 'uvwxy']);
		// A wrapped line takes at most a screenful of rows.
		assert.deepEqual(rowTexts(logs, 12, 2), ['abcdefghij', 'klmnopqrst']);
		// Without wrap, one row per line (the view cuts it).
		assert.deepEqual(rowTexts({...logs, wrap: false}, 12, 10), ['short', long]);
	});

	test('wrap leaves room for the prefix: stderr mark, names of merged logs, timestamps', () => {
		const merged = logsWith([], {targets: [web, database]});
		assert.equal(selectLogPrefixWidth(merged), 2 + 'database'.length + 3);
		assert.equal(selectLogPrefixWidth({...merged, timestamps: true}), 2 + 'database'.length + 3 + 31);
		assert.equal(selectLogPrefixWidth(logsWith([])), 2);
		const logs: LogsState = {...logsWith([incoming('x'.repeat(100))]), wrap: true, timestamps: true};
		const rows = selectLogRows(logs, 80, 10);
		assert.ok(rows.every(row => row.text.length <= 80 - 33));
		assert.equal(rows.map(row => row.text).join(''), 'x'.repeat(100));
	});

	test('merged logs: each row knows its container', () => {
		const logs = logsWith([incoming('from web'), incoming('from db', {target: database})], {targets: [web, database]});
		assert.deepEqual(
			selectLogRows(logs, 80, 5).map(row => [row.name, row.nameIndex, row.text]),
			[
				['web', 0, 'from web'],
				['database', 1, 'from db'],
			],
		);
	});
});

describe('scrollLogs', () => {
	const width = 80;
	const height = 5;
	test('scrolling up stops following, one line at a time', () => {
		const logs = logsWith(numbered(20));
		const up = scrollLogs(logs, -1, width, height);
		assert.equal(up.follow, false);
		assert.deepEqual(rowTexts(up, width, height), range(15, 19));
		assert.deepEqual(rowTexts(scrollLogs(up, -3, width, height), width, height), range(12, 16));
	});

	test('clamps at the oldest line and at the last page', () => {
		const logs = logsWith(numbered(20));
		const top = scrollLogs(logs, -1000, width, height);
		assert.deepEqual(rowTexts(top, width, height), range(1, 5));
		assert.deepEqual(rowTexts(scrollLogs(top, -1, width, height), width, height), range(1, 5));
		const bottom = scrollLogs(top, 1000, width, height);
		assert.deepEqual(rowTexts(bottom, width, height), range(16, 20));
		// Down to the bottom is not following: only G or End follows again.
		assert.equal(bottom.follow, false);
		assert.deepEqual(rowTexts(appendLogLines(bottom, numbered(1, 21)), width, height), range(16, 20));
	});

	test('page by page', () => {
		const logs = scrollLogs(logsWith(numbered(20)), -height, width, height);
		assert.deepEqual(rowTexts(logs, width, height), range(11, 15));
		assert.deepEqual(rowTexts(scrollLogs(logs, height, width, height), width, height), range(16, 20));
	});

	test('no lines: nothing to scroll', () => {
		const logs = logsWith([]);
		assert.equal(scrollLogs(logs, -1, width, height), logs);
	});

	test('fewer lines than rows: stays at the first', () => {
		const logs = scrollLogs(logsWith(numbered(3)), 2, width, height);
		assert.deepEqual(rowTexts(logs, width, height), range(1, 3));
	});

	test('scrolls through the filtered lines only', () => {
		const lines = Array.from({length: 40}, (_, index) => incoming(index % 2 === 0 ? `even ${index}` : `odd ${index}`));
		const logs = scrollLogs({...logsWith(lines), filter: 'even'}, -1, width, 3);
		assert.deepEqual(rowTexts(logs, width, 3), ['even 32', 'even 34', 'even 36']);
	});
});

describe('jumpToLogMatch', () => {
	const width = 80;
	const height = 5;
	// Matches on lines 3, 9 and 15 of 20.
	const lines = Array.from({length: 20}, (_, index) => incoming([3, 9, 15].includes(index + 1) ? `line ${index + 1} Needle` : `line ${index + 1}`));
	const searched: LogsState = {...logsWith(lines), search: 'needle'};

	test('forward from the newest lines wraps around to the first match', () => {
		const {logs, found} = jumpToLogMatch(searched, 1, width, height);
		assert.equal(found, true);
		assert.equal(logs.follow, false);
		assert.equal(selectTopLogSeq(logs, width, height), 3);
	});

	test('forward, match by match, and around again', () => {
		const tops: number[] = [];
		let logs = searched;
		for (let step = 0; step < 4; step++) {
			logs = jumpToLogMatch(logs, 1, width, height).logs;
			tops.push(selectTopLogSeq(logs, width, height));
		}

		assert.deepEqual(tops, [3, 9, 15, 3]);
	});

	test('backward, match by match, and around to the last', () => {
		const tops: number[] = [];
		let logs: LogsState = {...searched, follow: false, anchor: 10};
		for (let step = 0; step < 4; step++) {
			logs = jumpToLogMatch(logs, -1, width, height).logs;
			tops.push(selectTopLogSeq(logs, width, height));
		}

		assert.deepEqual(tops, [9, 3, 15, 9]);
	});

	test('backward from the newest lines: the match above the screen', () => {
		// Following, the screen shows lines 16-20: the previous match is 15.
		const {logs} = jumpToLogMatch(searched, -1, width, height);
		assert.equal(selectTopLogSeq(logs, width, height), 15);
	});

	test('colour sequences do not hide a match', () => {
		const logs: LogsState = {...logsWith([...numbered(10), incoming('\u001B[31mNee\u001B[1mdle\u001B[0m'), ...numbered(10, 12)]), search: 'needle'};
		assert.equal(selectTopLogSeq(jumpToLogMatch(logs, 1, width, height).logs, width, height), 11);
	});

	test('nothing to search for, or nothing found: not found, unchanged', () => {
		const none = jumpToLogMatch({...searched, search: ''}, 1, width, height);
		assert.equal(none.found, false);
		assert.equal(none.logs.follow, true);
		const missing = jumpToLogMatch({...searched, search: 'haystack'}, -1, width, height);
		assert.equal(missing.found, false);
		assert.equal(missing.logs.follow, true);
	});

	test('only among the filtered lines', () => {
		const logs: LogsState = {...searched, filter: 'line 1'};
		// Lines 1 and 10-19 pass the filter: of the matches only 15 does.
		const first = jumpToLogMatch(logs, 1, width, height);
		assert.equal(first.logs.anchor, seqOf(logs, 'line 15 Needle'));
		assert.equal(jumpToLogMatch(first.logs, 1, width, height).logs.anchor, seqOf(logs, 'line 15 Needle'));
	});
});

describe('formatLogsForFile', () => {
	test('one container: timestamps, [stderr], no colour, a newline at the end', () => {
		let logs = logsWith([
			incoming('\u001B[32mready\u001B[0m on :80', {timestamp: '2024-05-01T12:00:00.000000001Z'}),
			incoming('warning: slow', {stream: 'stderr', timestamp: '2024-05-01T12:00:01.5Z'}),
			incoming('no time', {stream: 'stdout'}),
			incoming('nul\u0000 here\u001B[2J', {stream: 'stdout'}),
		]);
		logs = appendNotice(logs, '-- web stopped: its log ends here --');
		assert.equal(
			formatLogsForFile(logs),
			[
				'2024-05-01T12:00:00.000000001Z ready on :80',
				'2024-05-01T12:00:01.5Z [stderr] warning: slow',
				'no time',
				'nul^@ here',
				'-- web stopped: its log ends here --',
				'',
			].join('\n'),
		);
	});

	test('merged logs: each line names its container', () => {
		const logs = logsWith(
			[
				incoming('up', {timestamp: '2024-05-01T12:00:00Z'}),
				incoming('\u001B[31mfailed\u001B[0m', {target: database, stream: 'stderr', timestamp: '2024-05-01T12:00:01Z'}),
			],
			{targets: [web, database]},
		);
		assert.equal(
			formatLogsForFile(logs),
			'2024-05-01T12:00:00Z web | up\n2024-05-01T12:00:01Z database | [stderr] failed\n',
		);
	});

	test('what is kept is what is saved: dropped lines are not', () => {
		const logs = logsWith(numbered(10), {capacity: 3});
		assert.equal(formatLogsForFile(logs), 'line 8\nline 9\nline 10\n');
	});

	test('the filter and the timestamp switch do not change the file', () => {
		const logs = logsWith([incoming('a', {timestamp: '2024-05-01T12:00:00Z'}), incoming('b', {timestamp: '2024-05-01T12:00:01Z'})]);
		assert.equal(formatLogsForFile({...logs, filter: 'a', timestamps: false}), formatLogsForFile(logs));
	});
});
