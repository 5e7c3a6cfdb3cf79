// The keys of every list: movement, the filter, the command line, views by number, disk usage, copying, the run form.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {reduceAppEvent} from '../../source/commands/input.js';
import {applyKeyConfig} from '../../source/commands/keyConfig.js';
import {keymap} from '../../source/commands/keymap.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {selectOffset} from '../../source/state/ui.js';
import {selectCurrentList} from '../../source/views/current.js';
import {views} from '../../source/views/registry.js';
import {imageRecord, volumeRecord} from '../state/records.js';
import {everyView, finish, named, pageSize, press, requests, stateOf, withContainers, type Typed} from './press.js';

/** c00 … c24, sorted by name. */
const names = Array.from({length: 25}, (_, index) => `c${String(index).padStart(2, '0')}`);
const many = () => withContainers(names);
const selectedName = (state: AppState) => selectCurrentList(state).selected?.key.split('\u0000')[1]?.replace('id-', '');

describe('movement', () => {
	const cases: Array<[string, Typed[], string]> = [
		['nothing pressed: the first row', [], 'c00'],
		['j and Down move down', ['j', named('down')], 'c02'],
		['k and Up move up', ['jjj', 'k', named('up')], 'c01'],
		['up from the top stays', ['k'], 'c00'],
		['G and End: the last row', ['G'], 'c24'],
		['End', [named('end')], 'c24'],
		['g and Home: the first row', ['G', 'g'], 'c00'],
		['Home', ['G', named('home')], 'c00'],
		['PgDn and Ctrl-F: a page down', [named('pagedown'), named('ctrl+f')], 'c20'],
		['a page down near the end stops at the last row', ['G', 'k', named('pagedown')], 'c24'],
		['PgUp and Ctrl-B: a page up', ['G', named('pageup'), named('ctrl+b')], 'c04'],
		['down past the end stays on the last row', ['G', 'j'], 'c24'],
	];
	for (const [what, keys, expected] of cases) {
		test(what, () => {
			assert.equal(selectedName(press(many(), ...keys)), expected);
		});
	}

	test('the selection is kept by key, and the page scrolls to keep it on screen', () => {
		const state = press(many(), named('pagedown'), 'jj');
		assert.equal(state.ui.selectedKey, containerKey('local', 'id-c12'));
		assert.equal(state.ui.offset, 3);
		const keys = selectCurrentList(state).keys;
		assert.equal(selectOffset(state.ui, keys, pageSize), 3);
	});

	test('a move in an empty list selects nothing', () => {
		const state = press(stateOf(), 'j', 'G');
		assert.equal(state.ui.selectedKey, undefined);
		assert.equal(selectCurrentList(state).selected, undefined);
	});

	test('movement acts on the view shown, filtered as shown', () => {
		const state = press(many(), '/', 'c1', named('return'), 'G');
		assert.equal(selectedName(state), 'c19');
		const images = press(everyView(), '2', 'G');
		assert.equal(images.ui.view, 'images');
		assert.equal(images.ui.selectedKey, selectCurrentList(images).keys.at(-1));
	});
});

describe('/ and Esc', () => {
	test('/ opens the filter prompt with the filter kept, and clears the message', () => {
		const messaged = press(many(), ':', 'nope', named('return'));
		const state = press(messaged, '/');
		assert.equal(state.ui.mode, 'filter');
		assert.equal(state.ui.message, undefined);
	});

	test('Esc in the list clears the filter, the marks and a service\'s tasks', () => {
		let state = press(many(), ' ', 'j', ' ', '/', 'c0', named('return'));
		assert.equal(state.ui.marks.size, 2);
		state = press(state, named('escape'));
		assert.equal(state.ui.filter, '');
		assert.equal(state.ui.marks.size, 0);
		assert.equal(selectCurrentList(state).rows.length, 25);
		const tasks = press(everyView(), '6', named('return'));
		assert.ok(tasks.ui.taskService);
		assert.equal(press(tasks, named('escape')).ui.taskService, undefined);
	});
});

describe(': opens the command line', () => {
	test('empty, the message cleared', () => {
		const state = press(press(many(), ':', 'x', named('return')), ':');
		assert.equal(state.ui.mode, 'command');
		assert.equal(state.ui.draft, '');
		assert.equal(state.ui.message, undefined);
	});
});

describe('views by number', () => {
	for (const view of views) {
		test(`${view.key} shows ${view.name}, from any view`, () => {
			const from = press(everyView(), view.key === '1' ? '2' : '1');
			const state = press(from, view.key);
			assert.equal(state.ui.view, view.name);
			assert.equal(state.ui.mode, 'list');
		});
	}

	test('leaving a view keeps its place and forgets its marks; coming back finds the place', () => {
		const here = press(many(), 'jjj', ' ', '/', 'c0', named('return'), 'jj');
		assert.equal(selectedName(here), 'c02');
		const images = press(here, '2');
		assert.equal(images.ui.marks.size, 0);
		assert.equal(images.ui.filter, '');
		const back = press(images, '1');
		assert.equal(selectedName(back), 'c02');
		assert.equal(back.ui.filter, 'c0');
	});

	test('the view shown again: back to its list, the message gone', () => {
		const state = press(press(many(), ':', 'nope', named('return')), '1');
		assert.equal(state.ui.view, 'containers');
		assert.equal(state.ui.message, undefined);
	});
});

describe('U: disk usage', () => {
	test('opens the disk pane of the selected row\'s engine and asks for its figures', () => {
		let state = withContainers(['api']);
		state = withContainers(['cache'], 'remote', state);
		state = press(state, '/', 'cache', named('return'), 'U');
		assert.equal(state.ui.mode, 'pane');
		assert.equal(state.operations.pane?.kind, 'disk');
		assert.deepEqual(state.operations.pane?.target, {key: 'disk\u0000remote', engine: 'remote', id: 'remote', name: 'remote'});
		assert.deepEqual(requests(state), [{kind: 'refresh', engine: 'remote', what: 'disk'}]);
	});

	test('with no row, the first engine; with no engine, "default"', () => {
		const empty = withContainers([], 'first', withContainers([], 'second'));
		assert.deepEqual(requests(press(empty, 'U')), [{kind: 'refresh', engine: 'second', what: 'disk'}]);
		assert.deepEqual(requests(press(stateOf(), 'U')), [{kind: 'refresh', engine: 'default', what: 'disk'}]);
	});
});

describe('R: the run form', () => {
	test('from the containers: an empty form on the selected row\'s engine, the images listed again', () => {
		const state = press(withContainers(['api']), 'R');
		assert.equal(state.ui.mode, 'form');
		assert.equal(state.form?.engine, 'local');
		assert.equal(state.form?.values.image, '');
		assert.equal(state.form?.focus, 'image');
		assert.deepEqual(requests(state), [{kind: 'refresh', engine: 'local', what: 'images'}]);
	});

	test('from the images: the selected image fills the form, the name is next', () => {
		const state = press(everyView(), '2', 'R');
		assert.equal(state.form?.values.image, 'nginx:1.25');
		assert.equal(state.form?.focus, 'name');
	});

	test('from the images, a dangling image does not fill it', () => {
		const state = reduceApp(withContainers([]), {type: 'images/listed', engine: 'local', records: [imageRecord({id: 'sha256:ddd'})]});
		const form = press(state, '2', 'R').form;
		assert.equal(form?.values.image, '');
		assert.equal(form?.focus, 'image');
	});

	test('from another view, an empty form', () => {
		assert.equal(press(everyView(), '3', 'R').form?.values.image, '');
	});
});

const clipboardRequests = (state: Parameters<typeof requests>[0]) => requests(state).filter(request => request.kind === 'clipboard');

describe('y and Y', () => {
	test('a container: y its name, Y its full ID; the message says what went where', () => {
		const state = withContainers(['web', 'db']);
		const id = [...state.containers.records.values()].find(record => record.names[0] === '/db')!.id;
		const named = press(state, 'y');
		assert.deepEqual(clipboardRequests(named), [{kind: 'clipboard', text: 'db', what: 'the name db'}]);
		assert.deepEqual(clipboardRequests(press(state, 'Y')), [{kind: 'clipboard', text: id, what: 'the ID of db'}]);
		assert.equal(finish(named, 'clipboard', {kind: 'done', text: ''}).ui.message?.text, "Sent the name db to the terminal's clipboard (OSC 52).");
		assert.equal(finish(named, 'clipboard', {kind: 'failed', error: 'the Linux console has no clipboard'}).ui.message?.text, 'Could not copy the name db: the Linux console has no clipboard');
	});

	test('an image: y its repository:tag, Y its sha256 ID; a volume has no ID of its own', () => {
		const imageId = `sha256:${'a'.repeat(64)}`;
		let state = reduceApp(withContainers([]), {type: 'images/listed', engine: 'local', records: [imageRecord({id: imageId, repoTags: ['registry:5000/shop/web:1.25']})]});
		state = press(state, '2');
		assert.deepEqual(clipboardRequests(press(state, 'y')).map(request => request.text), ['registry:5000/shop/web:1.25']);
		assert.deepEqual(clipboardRequests(press(state, 'Y')).map(request => request.text), [imageId]);
		state = press(reduceApp(state, {type: 'volumes/listed', engine: 'local', records: [volumeRecord({name: 'shop-data'})]}), '3');
		assert.deepEqual(clipboardRequests(press(state, 'y')).map(request => request.text), ['shop-data']);
		const refused = press(state, 'Y');
		assert.deepEqual(clipboardRequests(refused), []);
		assert.equal(refused.ui.message?.text, 'shop-data has no ID of its own: y copies its name.');
		// y moved by the configuration: the words say where; bound to nothing, they offer nothing.
		const typed = (keys: Record<string, string[]>) => {
			const applied = applyKeyConfig(keymap, keys);
			assert.ok(applied.ok);
			return reduceAppEvent(state, {type: 'keys/pressed', presses: [{name: 'Y', printable: true}], pageSize: 10, width: 80, commands: applied.commands}).ui.message?.text;
		};
		assert.equal(typed({'copy-name': ['b']}), 'shop-data has no ID of its own: b copies its name.');
		assert.equal(typed({'copy-name': []}), 'shop-data has no ID of its own.');
		// A command of the volumes view on y takes it there: y does not copy in that view, and is not offered.
		const custom = {action: 'custom:Backup', keys: ['y'], scope: 'volumes', help: 'Backup', run: (each: AppState) => each};
		const shadowed = applyKeyConfig(keymap, {}, [custom]);
		assert.ok(shadowed.ok);
		const message = reduceAppEvent(state, {type: 'keys/pressed', presses: [{name: 'Y', printable: true}], pageSize: 10, width: 80, commands: shadowed.commands}).ui.message?.text;
		assert.equal(message, 'shop-data has no ID of its own.');
	});

	test('an image known by its digest alone: y copies that reference (repository:<none> names nothing)', () => {
		const digest = `sha256:${'d'.repeat(64)}`;
		const state = press(reduceApp(withContainers([]), {type: 'images/listed', engine: 'local', records: [imageRecord({id: `sha256:${'e'.repeat(64)}`, repoTags: [], repoDigests: [`nginx@${digest}`]})]}), '2');
		assert.deepEqual(clipboardRequests(press(state, 'y')).map(request => request.text), [`nginx@${digest}`]);
	});

	test('nothing selected, or a list of nothing to copy (events): said, nothing sent', () => {
		const empty = press(withContainers([]), 'y');
		assert.deepEqual(clipboardRequests(empty), []);
		assert.equal(empty.ui.message?.text, 'Nothing selected to copy.');
		const events = press(reduceApp(withContainers([]), {type: 'events/received', engine: 'local', event: {type: 'container', action: 'start', id: 'c1', timeNano: 0, attributes: {name: 'web'}}}), '5', 'y');
		assert.deepEqual(clipboardRequests(events), []);
		assert.equal(events.ui.message?.text, 'Nothing to copy in events.');
	});
});
