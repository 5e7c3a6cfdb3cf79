// The keys of the details, inspect, top and resource panes: scroll, search, reveal, back.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {selectPaneLinesFor} from '../../source/state/select/paneLines.js';
import {containerRecord} from '../state/records.js';
import {finish, named, press, withContainers, type Typed} from './press.js';

/** An inspect pane of 34 lines (`[`, `  {`, K00 … K29, `  }`, `]`): "hit" on lines 5, 15 and 25 (0-based). */
function inspectPane(): AppState {
	const document = Object.fromEntries(Array.from({length: 30}, (_, index) => [`K${String(index).padStart(2, '0')}`, index % 10 === 3 ? 'hit' : 'v']));
	return finish(press(withContainers(['api']), 'i'), 'inspect', {kind: 'inspect', document});
}

const scroll = (state: AppState) => state.operations.pane?.scroll;

describe('the pane', () => {
	test('i opens the inspect pane the keys act on, 34 lines', () => {
		const state = inspectPane();
		assert.equal(state.ui.mode, 'pane');
		assert.equal(selectPaneLinesFor(state, state.operations.pane!, true).length, 34);
		assert.equal(selectPaneLinesFor(state, state.operations.pane!, true)[5], '    "K03": "hit",');
	});
});

describe('scrolling, within the lines (the page shows 10)', () => {
	const cases: Array<[string, Typed[], number]> = [
		['j scrolls down', ['j'], 1],
		['Down too', [named('down'), named('down')], 2],
		['k scrolls up', ['jjj', 'k'], 2],
		['Up too', ['jjj', named('up')], 2],
		['not above the top', ['k'], 0],
		['PgDn a page', [named('pagedown')], 10],
		['Ctrl-F too', [named('ctrl+f'), named('ctrl+f')], 20],
		['not past the last page', [named('pagedown'), named('pagedown'), named('pagedown')], 24],
		['PgUp a page', ['G', named('pageup')], 14],
		['Ctrl-B too', ['G', named('ctrl+b')], 14],
		['G: the last page', ['G'], 24],
		['End too', [named('end')], 24],
		['g: the top', ['G', 'g'], 0],
		['Home too', ['G', named('home')], 0],
	];
	for (const [what, keys, expected] of cases) {
		test(what, () => {
			assert.equal(scroll(press(inspectPane(), ...keys)), expected);
		});
	}
});

describe('search', () => {
	test('/ opens the search prompt with the search kept', () => {
		const state = press(inspectPane(), '/');
		assert.equal(state.ui.mode, 'pane-search');
		assert.equal(press(state, 'hit', named('return'), '/').ui.draft, 'hit');
	});

	test('n goes to the next match, N to the previous, round the ends, saying which', () => {
		let state = press(inspectPane(), '/', 'hit', named('return'));
		assert.equal(scroll(state), 5);
		state = press(state, 'n');
		assert.equal(scroll(state), 15);
		assert.equal(state.ui.message?.text, 'Match 2 of 3 for "hit" (line 16).');
		state = press(state, 'n');
		assert.equal(scroll(state), 25, 'the match goes on top, even past the last full page');
		state = press(state, 'n');
		assert.equal(scroll(state), 5);
		assert.equal(state.ui.message?.text, 'Match 1 of 3 for "hit" (line 6).');
		state = press(state, 'N');
		assert.equal(scroll(state), 25);
		state = press(state, 'N');
		assert.equal(scroll(state), 15);
	});

	test('n and N without a search do nothing', () => {
		const state = inspectPane();
		assert.equal(press(state, 'n'), state);
		assert.equal(press(state, 'N'), state);
	});

	test('n when nothing matches says so', () => {
		const state = press(inspectPane(), '/', 'zzz', named('return'), 'n');
		assert.deepEqual(state.ui.message, {text: 'No match for "zzz".', tone: 'error'});
		assert.equal(scroll(state), 0);
	});

	test('a new search starts from the top', () => {
		const state = press(inspectPane(), 'G', '/', 'k0', named('return'));
		assert.equal(scroll(state), 2);
	});
});

describe('Enter: the details', () => {
	const resources = (state: AppState) => selectPaneLinesFor(state, state.operations.pane!, true)[0];
	const details = (state: AppState) => finish(press(state, named('return')), 'inspect', {kind: 'inspect', document: {Name: '/api'}});

	test('of a running container whose first sample is not in yet: it is on its way, not "not running"', () => {
		// The list's figures go while another view hides the rows: back in the list, Enter can come first.
		assert.match(resources(details(withContainers(['api'])))!, /^Resources\s+waiting for the engine's first sample$/);
	});

	test('of a stopped container: no figures, since it is not running', () => {
		const stopped = reduceApp(withContainers(['api']), {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'id-api', names: ['/api'], engine: 'local', state: 'exited'})]});
		assert.match(resources(details(stopped))!, /^Resources\s+no figures: the container is not running$/);
	});
});

describe('x: secrets', () => {
	test('shows and masks secret-looking values, saying which', () => {
		const filled = finish(press(withContainers(['api']), 'i'), 'inspect', {kind: 'inspect', document: {Config: {Env: ['PASSWORD=hunter2']}}});
		const lines = (state: AppState) => selectPaneLinesFor(state, state.operations.pane!, true).join('\n');
		assert.doesNotMatch(lines(filled), /hunter2/);
		const shown = press(filled, 'x');
		assert.equal(shown.operations.pane?.revealed, true);
		assert.match(lines(shown), /hunter2/);
		assert.equal(shown.ui.message?.text, 'Secret-looking values shown: x masks them again.');
		const masked = press(shown, 'x');
		assert.equal(masked.operations.pane?.revealed, false);
		assert.equal(masked.ui.message?.text, 'Secret-looking values masked.');
	});

	test('in a pane that masks nothing (the disk usage), says so', () => {
		const disk = press(withContainers(['api']), 'U');
		assert.equal(disk.operations.pane?.kind, 'disk');
		const pressed = press(disk, 'x');
		assert.equal(pressed.operations.pane?.revealed, false);
		assert.match(pressed.ui.message?.text ?? '', /^Nothing is masked here/);
	});
});

describe('Esc', () => {
	test('closes the pane and goes back to the list', () => {
		const state = press(inspectPane(), named('escape'));
		assert.equal(state.operations.pane, undefined);
		assert.equal(state.ui.mode, 'list');
	});
});

describe('with no pane under the keys', () => {
	test('the pane keys do nothing', () => {
		const state = {...inspectPane(), operations: {...inspectPane().operations, pane: undefined}};
		for (const key of ['j', 'k', 'G', 'g', 'n', 'x']) assert.equal(press(state, key), state, key);
	});
});

describe('a pane whose lines wrap to the width (the pull pane)', () => {
	test('G reaches its last row and n finds a match on a wrapped row: the keys count rows as the screen does', () => {
		const reason = `pinging container registry 127.0.0.1:5000: ${'a long reason '.repeat(40)}server gave HTTP response to HTTPS client`;
		const base = withContainers(['api']);
		const pull = {engine: 'local', reference: 'app:1', layers: new Map(), messages: [], done: true, error: reason};
		const pane = {kind: 'pull' as const, target: {key: 'pull', engine: 'local', id: 'app:1', name: 'app:1'}, document: undefined, table: undefined, layers: undefined, error: undefined, revealed: false, scroll: 0, search: ''};
		const state: AppState = {...base, resources: {...base.resources, pull}, operations: {...base.operations, pane}, ui: {...base.ui, mode: 'pane'}};
		const rows = selectPaneLinesFor(state, pane, true, 80);
		assert.ok(rows.length > 10, `more rows than a page: ${rows.length}`);
		assert.equal(scroll(press(state, 'G')), rows.length - 10);
		const found = press(state, '/', 'HTTPS', named('return'));
		assert.equal(scroll(found), rows.findIndex(row => row.includes('HTTPS')));
	});
});
