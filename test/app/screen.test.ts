// The screen's props from the state: what the App renders, derived in one pure function.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {columnHoldMs, createScreenSelector, selectHints, selectPageSize, selectScreenProps, selectShownRows, selectStatusMessage, selectStatusRowCount} from '../../source/app/screen.js';
import {reduceAppEvent} from '../../source/commands/input.js';
import {formatHints} from '../../source/commands/keymap.js';
import type {Engine} from '../../source/engine/types.js';
import {type AppState, createAppState, reduceApp} from '../../source/state/app.js';
import {selectCurrentList} from '../../source/views/current.js';
import {tableCell} from '../../source/format/tableRow.js';
import {formatHeaderSegments} from '../../source/format/header.js';
import {raiseAlerts} from '../../source/state/alerts.js';
import {applyPathContent} from '../../source/state/files.js';
import {containerRecord, imageRecord} from '../state/records.js';

const now = Date.parse('2024-05-01T12:00:00Z');
const theme = {color: false, unicode: true};
/** What the screen reads of an engine: its name and address (no request is made here). */
const engines = [{name: 'local', addressText: 'unix:///var/run/docker.sock'}, {name: 'far', addressText: 'tcp://far:2376'}] as unknown as Engine[];

function started(count = 30): AppState {
	let state = createAppState(now);
	state = reduceApp(state, {type: 'engine/connected', engine: 'local', version: '26.1.5'});
	state = reduceApp(state, {type: 'engine/connected', engine: 'far', version: '20.10.24'});
	const names = Array.from({length: count}, (_, index) => `web-${index + 1}`);
	state = reduceApp(state, {type: 'containers/listed', engine: 'local', records: names.map(name => containerRecord({id: `id-${name}`, names: [`/${name}`]}))});
	return reduceApp(state, {type: 'containers/listed', engine: 'far', records: [containerRecord({id: 'id-far', engine: 'far', names: ['/faraway']})]});
}

function press(state: AppState, ...names: string[]): AppState {
	return reduceAppEvent(state, {type: 'keys/pressed', presses: names.map(name => ({name, printable: name.length === 1})), pageSize: selectPageSize(24), width: 80});
}

describe('selectScreenProps', () => {
	test('the list area is what the header, the titles and the status line leave', () => {
		assert.equal(selectPageSize(24), 21);
		assert.equal(selectPageSize(2), 1);
	});

	test('a message too long for one row takes up to three, and the list gives those rows up, keeping the selection in view', () => {
		let state = press(started(), 'G');
		const reason = 'Cannot stop web-30 on local: the engine does not offer this request (404 Not Found): Podman and older engines lack some of Docker\'s requests';
		state = reduceApp(state, {type: 'message/show', message: {text: reason, tone: 'error'}});
		const props = selectScreenProps(state, engines, {width: 80, height: 24}, theme);
		assert.equal(selectStatusRowCount(state, 80, theme), 2);
		assert.equal(props.table.height, 20);
		assert.equal(props.table.rows.length, 20);
		assert.equal(props.table.rows.at(-1)?.key, selectCurrentList(state).keys.at(-1), 'the selection stays on screen');
		assert.deepEqual(selectShownRows(state, {width: 80, height: 24}, theme).map(row => row.key), props.table.rows.map(row => row.key));
		assert.equal(selectStatusRowCount(state, 200, theme), 1, 'at 200 columns it fits one row');
	});

	test('the rows on screen are a page of the current list, with the selection the keys move', () => {
		const state = press(started(), 'G');
		const props = selectScreenProps(state, engines, {width: 80, height: 24}, theme);
		const list = selectCurrentList(state);
		assert.equal(props.table.rows.length, 21);
		assert.equal(props.table.selectedKey, list.keys.at(-1));
		assert.equal(props.table.rows.at(-1)?.key, list.keys.at(-1), 'G shows the last row on the last line');
		assert.deepEqual(selectShownRows(state, {width: 80, height: 24}, theme).map(row => row.key), props.table.rows.map(row => row.key));
		assert.equal(props.header.shown, 31);
		assert.equal(props.header.address, '2 engines');
		assert.ok(props.table.layout.some(column => column.id === 'engine'), 'two engines: the ENGINE column');
	});

	test('a filter that matches only a lost engine\'s rows: the screen shows the row the keys act on', () => {
		let state = reduceApp(started(), {type: 'engine/lost', engine: 'far', error: 'gone', at: now});
		state = press(state, '/', 'u', 'n', 'r', 'e', 'a', 'c', 'h', 'return');
		const props = selectScreenProps(state, engines, {width: 160, height: 24}, theme);
		assert.deepEqual(props.table.rows.map(row => row.name), ['faraway']);
		assert.match(props.table.rows[0]!.status, /\(engine unreachable\)/);
		assert.equal(props.table.selectedKey, props.table.rows[0]!.key);
		const stopped = press(state, 's');
		assert.equal(stopped.operations.outbox.at(-1)?.kind, 'container-action', 'the key acts on the row shown');
		assert.doesNotMatch(stopped.ui.message?.text ?? '', /No container selected/);
	});

	test('hints come from the keymap: the view\'s keys in a list, the pane\'s in a pane, none that change under read-only', () => {
		const state = started();
		const hints = selectHints(state, selectCurrentList(state));
		assert.ok(hints.startsWith('0-9 c ! views  '), hints);
		assert.ok(hints.endsWith(formatHints(['containers', 'list', 'global'], {readOnly: false})), hints);
		const readOnly = {...state, ui: {...state.ui, readOnly: true}};
		const quiet = selectHints(readOnly, selectCurrentList(readOnly));
		assert.ok(quiet.startsWith('read-only  '), quiet);
		assert.doesNotMatch(quiet, /s stop|d remove/);
		const pane = press(state, 'return');
		assert.equal(selectHints(pane, selectCurrentList(pane)), formatHints(['pane', 'global'], {readOnly: false, paneKind: 'details'}));
		assert.match(selectHints(pane, selectCurrentList(pane)), /x reveal secrets/);
		assert.equal(selectScreenProps(pane, engines, {width: 80, height: 24}, theme).pane?.title, 'Details: faraway', 'the first row, faraway, before web-1');
	});

	test('another view shows its own table, its own empty text and its own status words', () => {
		const state = press(started(), '6');
		const props = selectScreenProps(state, engines, {width: 120, height: 24}, theme);
		assert.equal(props.table.rows.length, 0);
		assert.ok(props.resourceTable, 'the services table');
		assert.equal(props.resourceTable.emptyText, 'Loading…');
		assert.match(props.status.hints, /Enter tasks/);
	});

	test('with several engines, images, volumes and the other per-engine tables start with ENGINE; with one they do not', () => {
		let state = reduceApp(started(), {type: 'images/listed', engine: 'local', records: [imageRecord({id: 'sha256:aaa', engine: 'local', repoTags: ['app:1']})]});
		state = reduceApp(state, {type: 'images/listed', engine: 'far', records: [imageRecord({id: 'sha256:bbb', engine: 'far', repoTags: ['app:1']})]});
		state = press(state, '2');
		const props = selectScreenProps(state, engines, {width: 120, height: 24}, theme);
		const layout = props.resourceTable?.layout ?? [];
		assert.deepEqual(layout.slice(0, 3).map(column => column.id), ['engine', 'repository', 'tag']);
		assert.deepEqual(props.resourceTable?.rows.map(row => tableCell(row, 'engine')).sort(), ['far', 'local'], 'the two app:1 rows say whose they are');
		const one = selectScreenProps(state, engines.slice(0, 1), {width: 120, height: 24}, theme);
		assert.ok(!one.resourceTable?.layout.some(column => column.id === 'engine'), 'one engine: no ENGINE column');
		// Compose projects too: ENGINE first with both engines, none with one.
		const shop = reduceApp(state, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'id-shop', names: ['/shop-web-1'], labels: {'com.docker.compose.project': 'shop'}})]});
		const projectColumns = (shown: readonly Engine[]) => selectScreenProps(press(shop, 'c'), shown, {width: 120, height: 24}, theme).resourceTable?.layout.map(column => column.id) ?? [];
		assert.equal(projectColumns(engines)[0], 'engine');
		assert.deepEqual(projectColumns(engines.slice(0, 1)).filter(id => id === 'engine'), [], 'one engine: no ENGINE column in the projects');
		const contexts = selectScreenProps(press(state, '9'), engines, {width: 120, height: 24}, theme);
		assert.ok(!contexts.resourceTable?.layout.some(column => column.id === 'engine'), 'contexts are not one engine\'s');
	});

	test('the header says a table\'s order when it is not the view\'s own, and only the shown view\'s order', () => {
		let state = reduceApp(started(), {type: 'images/listed', engine: 'local', records: [imageRecord({id: 'sha256:aaa', engine: 'local', repoTags: ['app:1'], size: 5})]});
		state = press(state, '2');
		const header = (shown: AppState, unicode = true) =>
			formatHeaderSegments(selectScreenProps(shown, engines, {width: 200, height: 24}, {...theme, unicode}).header)
				.map(segment => segment.text)
				.join('');
		assert.doesNotMatch(header(state), /sort:/, 'newest first, as docker images: the view\'s own');
		// ENGINE, REPOSITORY, TAG, IMAGE ID, CREATED, SIZE: two engines.
		const bySize = press(state, 'o', 'o', 'o', 'o', 'o', 'o');
		assert.match(header(bySize), / · sort: size ↓ · /);
		assert.match(header(bySize, false), / \| sort: size v \| /, 'ASCII under TERM=linux');
		assert.match(header(press(bySize, 'O')), / · sort: size ↑ · /);
		assert.match(header(press(bySize, 'O'), false), /sort: size \^/);
		assert.match(header(press(state, 'o', 'o')), /sort: repository ↑/);
		assert.match(header(press(state, 'O')), / · sort: reversed · /);
		// The containers sorted by name: said over the containers, not over the images.
		const containersByName = press(state, '1', 'o');
		assert.match(header(containersByName), /sort: name ↑/);
		assert.doesNotMatch(header(press(containersByName, '2')), /sort:/);
		assert.match(header(press(containersByName, '2', 'o')), /sort: engine ↑/);
		assert.doesNotMatch(header(press(state, '1')), /sort:/, 'the containers in their own order');
	});

	test('the sorted column\'s heading shows the direction, in tables and the containers list; the view\'s own order marks none', () => {
		let state = reduceApp(started(), {type: 'images/listed', engine: 'local', records: [imageRecord({id: 'sha256:aaa', engine: 'local', repoTags: ['app:1'], size: 5})]});
		state = press(state, '2');
		const titles = (shown: AppState, unicode = true) => {
			const props = selectScreenProps(shown, engines, {width: 120, height: 24}, {...theme, unicode});
			return (props.resourceTable?.layout ?? props.table.layout).map(column => column.title);
		};

		assert.deepEqual(titles(state), ['ENGINE', 'REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE', 'CONTAINERS']);
		const bySize = press(state, 'o', 'o', 'o', 'o', 'o', 'o');
		assert.ok(titles(bySize).includes('SIZE↓'), titles(bySize).join(' '));
		assert.ok(titles(press(bySize, 'O'), false).includes('SIZE^'), 'ASCII under TERM=linux');
		assert.equal(titles(bySize).filter(title => /[↓↑]/.test(title)).length, 1, 'one column marked');
		assert.ok(!titles(press(state, 'O')).some(title => /[↓↑]/.test(title)), 'the view\'s own order reversed: no column to mark');
		const containersByName = press(state, '1', 'o');
		assert.ok(titles(containersByName).includes('NAME↑'), titles(containersByName).join(' '));
		assert.ok(!titles(press(containersByName, '2')).some(title => /[↓↑]/.test(title)), 'the images keep their own order');
		assert.ok(!titles(press(state, '1')).some(title => /[↓↑]/.test(title)), 'the containers in their own order');
	});

	test('several engines on a narrow screen: their versions go before the alerts and the counts do', () => {
		const state = {...started(), alerts: raiseAlerts(started().alerts, [{kind: 'died', engine: 'far', container: 'faraway', key: 'k', text: 'exited with code 1', at: now}])};
		const header = (width: number) =>
			formatHeaderSegments(selectScreenProps(state, engines, {width, height: 24}, theme).header)
				.map(segment => segment.text)
				.join('');
		assert.match(header(200), /^berth · local: up \(Docker 26\.1\.5\), far: up \(Docker 20\.10\.24\) · 1 alert \(!\) · 31 containers/);
		assert.match(header(80), /^berth · local: up, far: up · 1 alert \(!\) · 31 containers: 31 running/);
	});

	test('the pull prompt names the engine the image comes into when there are several; the scale prompt its service', () => {
		let state = reduceApp(started(), {type: 'images/listed', engine: 'far', records: [imageRecord({id: 'sha256:bbb', engine: 'far', repoTags: ['app:1']})]});
		state = press(state, '2', 'p');
		assert.equal(state.ui.mode, 'pull');
		assert.equal(selectScreenProps(state, engines, {width: 120, height: 24}, theme).status.prompt, 'pull into far (repository/name:tag): ');
		const alone = reduceApp(createAppState(now), {type: 'engine/connected', engine: 'local', version: '26.1.5'});
		assert.equal(selectScreenProps(press(alone, '2', 'p'), engines.slice(0, 1), {width: 120, height: 24}, theme).status.prompt, 'pull (repository/name:tag): ');
		assert.equal(selectScreenProps(press(alone, '/'), engines.slice(0, 1), {width: 120, height: 24}, theme).status.prompt, '/');
		assert.equal(selectScreenProps(alone, engines.slice(0, 1), {width: 120, height: 24}, theme).status.prompt, undefined, 'no prompt in the list');
	});

	test('the files pane stays on screen behind its copy prompts, with its own hints', () => {
		const opened = press(started(), 'f');
		const props = selectScreenProps(opened, engines, {width: 120, height: 24}, theme);
		assert.match(props.pane?.title ?? '', /^Files: faraway$/);
		assert.match(props.status.hints, /Enter open {2}Backspace parent {2}Esc back {2}c copy out {2}C copy in/);
		const prompt = press(opened, 'C');
		assert.equal(prompt.ui.mode, 'copy-in');
		assert.ok(selectScreenProps(prompt, engines, {width: 120, height: 24}, theme).pane, 'the pane behind the prompt');
	});

	test('a folder\'s selection stays on screen when a long message takes a row from the files pane', () => {
		const opened = press(started(), 'f');
		const pane = opened.operations.pane!;
		const entries = Array.from({length: 40}, (_, index) => ({name: `file-${String(index).padStart(2, '0')}`, type: 'file' as const, size: 1, mode: 0o644, modified: now, linkTarget: ''}));
		const files = applyPathContent(pane.files!, {kind: 'directory', path: pane.files!.path, entries});
		let state: AppState = {...opened, operations: {...opened.operations, pane: {...pane, files}}};
		// Down to the last line of the first page: no scroll yet.
		state = press(state, ...Array.from({length: selectPageSize(24) - 2}, () => 'j'));
		assert.equal(state.operations.pane?.scroll, 0);
		const selectedLine = state.operations.pane!.files!.selected + 1;
		assert.equal(selectScreenProps(state, engines, {width: 80, height: 24}, theme).pane?.scroll, 0);
		state = reduceApp(state, {type: 'message/show', message: {text: `Could not copy file-20 out: ${'the engine said no, and at length. '.repeat(3)}`, tone: 'error'}});
		const props = selectScreenProps(state, engines, {width: 80, height: 24}, theme);
		assert.equal(props.table.height, selectPageSize(24) - 1);
		assert.ok(selectedLine < props.pane!.scroll + props.table.height, 'the selected entry is above the message');
		assert.equal(props.pane?.scroll, 1);
	});

	test('a compose pane that follows shows its last lines', () => {
		const key = 'local\u0000shop';
		let state = started();
		state = {...state, operations: {...state.operations, pane: {kind: 'compose', target: {key, engine: 'local', id: 'shop', name: 'shop'}, document: undefined, table: undefined, layers: undefined, error: undefined, revealed: false, scroll: 0, search: '', output: [], follow: true}}, ui: {...state.ui, mode: 'pane'}};
		state = reduceApp(state, {type: 'pane/output', key, lines: Array.from({length: 50}, (_, index) => `line ${index}`)});
		const props = selectScreenProps(state, engines, {width: 120, height: 24}, theme);
		assert.equal(props.pane?.scroll, 50 - selectPageSize(24));
	});
});

describe('an engine that does not answer', () => {
	test('its rows say stale, the other engine\'s do not; a pending action says it waits for it', () => {
		let state = reduceApp(started(2), {type: 'engine/unanswered', engine: 'far', since: now - 12_000, at: now});
		const rows = selectCurrentList(state).rows as unknown as Array<{name: string; status: string; stale?: boolean}>;
		const far = rows.find(row => row.name === 'faraway');
		assert.match(far?.status ?? '', /\(stale: engine not answering\)$/);
		assert.equal(far?.stale, true);
		assert.ok(rows.filter(row => row.name !== 'faraway').every(row => !row.stale && !row.status.includes('stale')));
		state = reduceApp(state, {type: 'message/show', message: {text: 'Stopping faraway…', tone: 'info'}});
		assert.equal(selectStatusMessage(state)?.text, 'Stopping faraway… waiting for the engine (far not answering for 12 s)');
		state = reduceApp(state, {type: 'engine/answering', engine: 'far'});
		assert.equal(selectStatusMessage(state)?.text, 'Stopping faraway…');
		assert.ok((selectCurrentList(state).rows as unknown as Array<{status: string}>).every(row => !row.status.includes('stale')));
	});
});

describe('alerts and restarts on screen', () => {
	test('RESTARTS takes room only once a container restarted; the header counts open alerts', () => {
		let state = started(3);
		const ids = (current: AppState) => selectScreenProps(current, engines, {width: 200, height: 24}, theme).table.layout.map(column => column.id);
		assert.ok(!ids(state).includes('restarts'));
		state = reduceApp(state, {
			type: 'container/timed',
			engine: 'local',
			id: 'id-web-1',
			timing: {state: 'running', running: true, paused: false, restarting: false, dead: false, removing: false, exitCode: 0, startedAt: '2024-05-01T11:59:00Z', finishedAt: '2024-05-01T11:58:59Z', health: 'none', restartCount: 4},
		});
		assert.ok(ids(state).includes('restarts'));
		// Created as berth started, 4 restarts seen at once: a crash loop.
		assert.equal(selectScreenProps(state, engines, {width: 200, height: 24}, theme).header.alerts, 1);
		state = reduceApp(state, {type: 'engine/lost', engine: 'far', error: 'gone', at: now});
		assert.equal(selectScreenProps(state, engines, {width: 200, height: 24}, theme).header.alerts, 2);
		assert.ok(selectScreenProps(state, engines, {width: 200, height: 24}, theme).table.rows.find(row => row.name === 'web-1')?.alerted);
	});
});

describe('createScreenSelector: the containers list keeps its column widths a while', () => {
	const size = {width: 160, height: 24};
	const widthOf = (props: ReturnType<typeof selectScreenProps>, id: string) => props.table.layout.find(column => column.id === id)?.width;
	const long = containerRecord({id: 'id-job', names: ['/a-job-with-a-much-longer-name'], status: 'Up Less than a second'});
	const tick = (state: AppState, ms: number) => reduceApp(state, {type: 'clock/tick', now: state.now + ms});

	test('a container that comes and goes widens the columns at once, and they narrow only after the hold', () => {
		const select = createScreenSelector();
		let state = started(3);
		const before = select(state, engines, size, theme);
		state = reduceApp(state, {type: 'container/updated', record: long});
		const widened = select(state, engines, size, theme);
		assert.ok(widthOf(widened, 'name')! > widthOf(before, 'name')!, 'the long name is shown whole at once');
		assert.ok(widthOf(widened, 'status')! > widthOf(before, 'status')!);
		state = tick(reduceApp(state, {type: 'container/removed', engine: 'local', id: 'id-job'}), 1000);
		const gone = select(state, engines, size, theme);
		assert.equal(gone.table.layout, widened.table.layout, 'the same layout: the other rows are not drawn again');
		state = tick(state, columnHoldMs - 2000);
		assert.equal(select(state, engines, size, theme).table.layout, widened.table.layout, 'still within the hold');
		state = tick(state, 2000);
		assert.deepEqual(select(state, engines, size, theme).table.layout, before.table.layout, 'the hold over: laid out for what is there');
		assert.equal(widthOf(selectScreenProps(reduceApp(state, {type: 'container/updated', record: long}), engines, size, theme), 'name'), widthOf(widened, 'name'), 'selectScreenProps alone keeps nothing');
	});

	test('what the user does lays the list out again at once: a filter', () => {
		const select = createScreenSelector();
		let state = reduceApp(started(3), {type: 'container/updated', record: long});
		const wide = select(state, engines, size, theme);
		state = press(state, '/', 'w', 'e', 'b', 'return');
		const filtered = select(state, engines, size, theme);
		assert.deepEqual(filtered.table.rows.map(row => row.name), ['web-1', 'web-2', 'web-3']);
		assert.ok(widthOf(filtered, 'name')! < widthOf(wide, 'name')!, 'the filter\'s rows, laid out for themselves');
	});
});

describe('what was wrong with a prompt\'s text', () => {
	test('is shown with that prompt open again, and not with another one opened later some other way', () => {
		const press = (state: AppState, text: string) => reduceAppEvent(state, {type: 'keys/pressed', presses: [...text].map(name => (name === '\r' ? {name: 'return', printable: false} : {name, printable: true})), pageSize: 10, width: 120});
		const wrong = press(started(2), 'u--cpus x\r');
		assert.equal(wrong.ui.mode, 'update');
		assert.match(selectScreenProps(wrong, engines, {width: 160, height: 24}, theme).status.promptError ?? '', /^Cannot update: --cpus takes/);
		// A request's answer took the screen back to the list (no key went through the prompt), then / opens the filter.
		const filter = press({...wrong, ui: {...wrong.ui, mode: 'list', draft: ''}}, '/');
		assert.equal(filter.ui.mode, 'filter');
		assert.equal(selectScreenProps(filter, engines, {width: 160, height: 24}, theme).status.promptError, undefined);
		// u again: it starts clean.
		assert.equal(press({...wrong, ui: {...wrong.ui, mode: 'list', draft: ''}}, 'u').ui.promptError, undefined);
	});
});
