// The keys of the logs pane: scroll, follow, search, filter, timestamps, wrap, colours, save, backlog, back.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {finish, logLines, named, press, requests, withContainers} from './press.js';

/** The logs of api, 30 lines `line 1` … `line 30` (seq 1 … 30), following; the page shows 9 (one is the title). */
function logsOpen(): AppState {
	return logLines(
		press(withContainers(['api', 'web']), 'l'),
		Array.from({length: 30}, (_, index) => `line ${index + 1}${index % 10 === 4 ? ' error' : ''}`),
	);
}

describe('opening', () => {
	test('l follows the selected container\'s log', () => {
		const state = logsOpen();
		assert.equal(state.ui.mode, 'logs');
		assert.deepEqual(state.logs?.targets, [{key: containerKey('local', 'id-api'), engine: 'local', id: 'id-api', name: 'api', state: 'running'}]);
		assert.equal(state.logs?.follow, true);
		assert.equal(state.logs?.tail, 1000);
		assert.equal(state.logs?.lines.length, 30);
	});

	test('the configuration file\'s logs settings: the pane opens with timestamps and wrapped lines', () => {
		const state = withContainers(['api']);
		assert.deepEqual([press(state, 'l').logs?.timestamps, press(state, 'l').logs?.wrap], [false, false]);
		const configured = {...state, settings: {...state.settings, logTail: 10, logTimestamps: true, logWrap: true}};
		const opened = press(configured, 'l').logs;
		assert.deepEqual([opened?.tail, opened?.timestamps, opened?.wrap], [10, true, true]);
	});
});

describe('scrolling', () => {
	const cases: Array<[string, Array<string | {key: string}>, number]> = [
		['k scrolls up one line from the newest page', ['k'], 21],
		['Up too', [named('up')], 21],
		['j from the newest page stays there', ['j'], 22],
		['k then j', ['kk', 'j'], 21],
		['Down too', ['kk', named('down')], 21],
		['PgUp: a page (of 9 lines) up', [named('pageup')], 13],
		['Ctrl-B too', [named('ctrl+b')], 13],
		['PgDn: a page down', [named('pageup'), named('pageup'), named('pagedown')], 13],
		['Ctrl-F too', [named('pageup'), named('pageup'), named('ctrl+f')], 13],
		['up past the oldest line stops there', [named('pageup'), named('pageup'), named('pageup'), named('pageup')], 1],
	];
	for (const [what, keys, anchor] of cases) {
		test(`${what}, and stops following`, () => {
			const state = press(logsOpen(), ...keys);
			assert.equal(state.logs?.follow, false);
			assert.equal(state.logs?.anchor, anchor);
		});
	}

	test('g and Home: the oldest line kept', () => {
		for (const key of ['g', named('home')]) {
			const state = press(logsOpen(), key);
			assert.equal(state.logs?.follow, false);
			assert.equal(state.logs?.anchor, 0);
		}
	});

	test('G and End follow the newest lines again', () => {
		for (const key of ['G', named('end')]) {
			const state = press(logsOpen(), 'k', key);
			assert.equal(state.logs?.follow, true);
			assert.equal(state.ui.message?.text, 'Following the newest lines.');
		}
	});
});

describe('search', () => {
	test('/ opens the search prompt with the search kept', () => {
		const state = press(logsOpen(), '/');
		assert.equal(state.ui.mode, 'logs-search');
		assert.equal(state.ui.draft, '');
	});

	test('n and N before any search say what to do', () => {
		for (const key of ['n', 'N']) {
			const state = press(logsOpen(), key);
			assert.equal(state.ui.message?.text, 'Nothing to search for yet: / first.');
			assert.equal(state.ui.message?.tone, 'error');
			assert.equal(state.logs?.follow, true);
		}
	});

	test('n goes to the next matching line, N to the previous, round the ends', () => {
		let state = press(logsOpen(), 'g', '/', 'error', named('return'));
		assert.equal(state.logs?.anchor, 5);
		state = press(state, 'n');
		assert.equal(state.logs?.anchor, 15);
		state = press(state, 'n', 'n');
		assert.equal(state.logs?.anchor, 5, 'after the last match, the first');
		state = press(state, 'N');
		assert.equal(state.logs?.anchor, 25, 'before the first match, the last');
		assert.equal(press(state, 'N').logs?.anchor, 15);
	});

	test('n when no line has the search says so', () => {
		const state = press(logsOpen(), '/', 'panic', named('return'), 'n');
		assert.equal(state.ui.message?.text, 'No line has "panic".');
	});
});

describe('f: the filter', () => {
	test('opens the filter prompt with the filter kept; n then searches among the lines it lets through', () => {
		let state = press(logsOpen(), 'f');
		assert.equal(state.ui.mode, 'logs-filter');
		state = press(state, 'line 2', named('return'), 'g', '/', 'error', named('return'));
		assert.equal(state.logs?.filter, 'line 2');
		assert.equal(state.logs?.anchor, 25, 'the only error line among line 2, line 20 … line 29');
	});
});

describe('toggles', () => {
	test('T: timestamps on and off', () => {
		assert.equal(press(logsOpen(), 'T').logs?.timestamps, true);
		assert.equal(press(logsOpen(), 'T', 'T').logs?.timestamps, false);
	});

	test('w: wrap on and off', () => {
		assert.equal(press(logsOpen(), 'w').logs?.wrap, true);
		assert.equal(press(logsOpen(), 'w', 'w').logs?.wrap, false);
	});

	test('c: the containers\' colours off and on, said', () => {
		const off = press(logsOpen(), 'c');
		assert.equal(off.logs?.color, false);
		assert.equal(off.ui.message?.text, 'Log colours off.');
		const on = press(off, 'c');
		assert.equal(on.logs?.color, true);
		assert.equal(on.ui.message?.text, 'Log colours on.');
	});
});

describe('s: save', () => {
	test('asks for the lines kept to be saved under the container\'s name', () => {
		const state = press(logsOpen(), 's');
		const [request] = requests(state);
		assert.equal(request?.kind, 'save-logs');
		if (request?.kind !== 'save-logs') return;
		assert.equal(request.name, 'api');
		assert.equal(request.lines, 30);
		assert.match(request.content, /^2024-05-01T11:59:00Z line 1\n/);
		assert.match(request.content, /line 30\n$/);
	});

	test('merged logs are named by how many containers they hold', () => {
		const merged = logLines(press(withContainers(['api', 'web']), ' ', 'j', ' ', 'l'), ['hello']);
		const [request] = requests(press(merged, 's'));
		assert.equal(request?.kind === 'save-logs' && request.name, '2-containers');
	});

	test('where it was saved, or why not, is said', () => {
		const saved = finish(press(logsOpen(), 's'), 'save-logs', {kind: 'saved', path: '/tmp/api.log', lines: 30});
		assert.equal(saved.ui.mode, 'logs');
		assert.deepEqual(saved.ui.message, {text: 'Saved 30 lines to /tmp/api.log', tone: 'info'});
		const failed = finish(press(logsOpen(), 's'), 'save-logs', {kind: 'failed', error: 'EACCES'});
		assert.deepEqual(failed.ui.message, {text: 'Could not save the log: EACCES', tone: 'error'});
	});
});

describe('+ and -: the backlog', () => {
	test('+ doubles the backlog and opens the streams again, keeping timestamps and wrap', () => {
		const before = press(logsOpen(), 'T', 'w');
		const state = press(before, '+');
		assert.equal(state.logs?.tail, 2000);
		assert.equal(state.logs?.generation, before.logs!.generation + 1);
		assert.equal(state.logs?.lines.length, 0);
		assert.equal(state.logs?.timestamps, true);
		assert.equal(state.logs?.wrap, true);
		assert.equal(state.ui.message?.text, 'Reloading with the last 2000 lines.');
	});

	test('+ from no backlog at all (--tail 0) asks for some', () => {
		const none = press({...withContainers(['api']), settings: {logTail: 0, logCapacity: 5000, logColor: true}}, 'l');
		assert.equal(none.logs?.tail, 0);
		const state = press(none, '+');
		assert.equal(state.logs?.tail, 10);
		assert.equal(state.ui.message?.text, 'Reloading with the last 10 lines.');
	});

	test('+ stops at the lines kept at most', () => {
		assert.equal(press(logsOpen(), '+', '+', '+', '+').logs?.tail, 5000);
	});

	test('- halves it, to 10 at least', () => {
		assert.equal(press(logsOpen(), '-').logs?.tail, 500);
		assert.equal(press(logsOpen(), '-').ui.message?.text, 'Reloading with the last 500 lines.');
		assert.equal(press(logsOpen(), '-', '-', '-', '-', '-', '-', '-', '-').logs?.tail, 10);
	});

	test('lines of the old streams are not taken', () => {
		const before = logsOpen();
		const reloaded = press(before, '+');
		const line = {source: containerKey('local', 'id-api'), name: 'api', record: {stream: 'stdout' as const, timestamp: '', text: 'old', cut: 0}};
		const stale = reduceApp(reloaded, {type: 'logs/appended', generation: before.logs!.generation, lines: [line]});
		assert.equal(stale.logs?.lines.length, 0);
		assert.equal(logLines(reloaded, ['new']).logs?.lines.length, 1);
	});
});

describe('Esc', () => {
	test('closes the logs and goes back to the list', () => {
		const state = press(logsOpen(), named('escape'));
		assert.equal(state.logs, undefined);
		assert.equal(state.ui.mode, 'list');
	});

	test('logs opened again after Esc are a new generation: the old streams\' lines and end are not taken', () => {
		// Esc, j, l typed in one chunk: the App sees one state change, from api's logs to web's.
		const before = logsOpen();
		const state = press(before, named('escape'), 'j', 'l');
		assert.equal(state.logs?.targets[0]?.name, 'web');
		assert.notEqual(state.logs?.generation, before.logs!.generation, 'a new generation, so that the App opens web\'s streams');
		const line = {source: containerKey('local', 'id-api'), name: 'api', record: {stream: 'stdout' as const, timestamp: '', text: 'late api line', cut: 0}};
		const late = reduceApp(state, {type: 'logs/appended', generation: before.logs!.generation, lines: [line]});
		assert.equal(late.logs?.lines.length, 0);
		const ended = reduceApp(state, {type: 'logs/ended', generation: before.logs!.generation, name: 'api', removed: false});
		assert.equal(ended.logs?.lines.length, 0);
	});
});

describe('the end of a followed log', () => {
	test('stopped, removed, or between two runs of its restart policy: each said as it is', () => {
		const state = logsOpen();
		const notice = (extra: {removed: boolean; restarting?: boolean}) =>
			reduceApp(state, {type: 'logs/ended', generation: state.logs!.generation, name: 'api', ...extra}).logs?.lines.at(-1)?.text;
		assert.equal(notice({removed: false}), '-- api stopped: its log ends here --');
		assert.equal(notice({removed: true}), '-- api was removed: its log ends here --');
		assert.equal(notice({removed: false, restarting: true}), '-- api exited and is restarting: its next log follows --');
	});
});

describe('with the logs closed under the keys', () => {
	test('the logs keys do nothing', () => {
		const closed = {...logsOpen(), logs: undefined};
		for (const key of ['k', 'g', 'G', '/', 'n', 'f', 'T', 'w', 'c', 's', '+', '-']) {
			assert.equal(press(closed, key), closed, key);
		}
	});
});
