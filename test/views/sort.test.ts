// Sorting the table views: `o` through the columns and back to the view's own order, `O` reverses, values by
// value, names in natural order, the selection on its row, each view its own order, the words said.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {reduceAppEvent} from '../../source/commands/input.js';
import {applyKeyConfig} from '../../source/commands/keyConfig.js';
import {keymap, selectHelpLines} from '../../source/commands/keymap.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {selectServiceRows} from '../../source/views/services.js';
import {selectTaskRows} from '../../source/views/tasks.js';
import {selectAlertRows} from '../../source/views/alerts.js';
import {selectProjectRows} from '../../source/views/projects.js';
import {selectContextRows} from '../../source/views/contexts.js';
import {views} from '../../source/views/registry.js';
import {formatTableSort, selectTableSortLabel} from '../../source/views/sort.js';
import {imagesView} from '../../source/views/images.js';
import {everyView, named, now, pageSize, press, presses, shownTable, stateOf, width, withContainers} from '../commands/press.js';
import {containerRecord, imageRecord, serviceRecord, taskRecord, volumeRecord} from '../state/records.js';

const app10 = `sha256:${'a'.repeat(64)}`;
const app2 = `sha256:${'b'.repeat(64)}`;
const busybox = `sha256:${'c'.repeat(64)}`;

/**
 * As docker images lists them, newest first: app-10 (an hour, 187MB), busybox (a day, 4.26MB), app-2 (3 days,
 * 1.5GB). As text, CREATED and SIZE would order otherwise (`24 hours ago` before `3 days ago` before `About an
 * hour ago`; `1.5GB` before `4.26MB` before `187MB`), and REPOSITORY app-10 before app-2.
 */
function images(engine = 'local', state: AppState = withContainers([], engine)): AppState {
	const listed = reduceApp(state, {
		type: 'images/listed',
		engine,
		records: [
			imageRecord({id: app2, engine, repoTags: ['app-2:latest'], created: now / 1000 - 86_400 * 3, size: 1_500_000_000}),
			imageRecord({id: busybox, engine, repoTags: ['busybox:latest'], created: now / 1000 - 86_400, size: 4_260_000}),
			imageRecord({id: app10, engine, repoTags: ['app-10:latest'], created: now / 1000 - 3600, size: 187_000_000}),
		],
	});
	return press(listed, '2');
}

const repositories = (state: AppState) => shownTable(state).rows.map(row => row.cells.repository).join(' ');
const message = (state: AppState) => state.ui.message?.text;

describe('o: the next column, then the view\'s own order', () => {
	test('images go through every column in its order and back to newest first', () => {
		const seen: string[] = [];
		let state = images();
		assert.equal(repositories(state), 'app-10 busybox app-2', 'newest first, as docker images');
		for (let count = 0; count < 7; count++) {
			state = press(state, 'o');
			const sort = state.ui.tableSorts.images;
			seen.push(sort ? `${sort.column}${sort.descending ? '-' : '+'}` : 'own');
		}

		assert.deepEqual(seen, ['repository+', 'tag+', 'id+', 'created-', 'size-', 'containers+', 'own']);
		assert.equal(repositories(state), 'app-10 busybox app-2');
		assert.equal(message(state), 'Sorted as docker images lists them (newest first): o next, O reverses.');
		assert.equal(repositories(press(state, 'o')), 'app-2 app-10 busybox', 'and round again');
	});

	test('names in natural order, as the docker CLI sorts them: app-2 before app-10', () => {
		const state = press(images(), 'o');
		assert.equal(repositories(state), 'app-2 app-10 busybox');
		assert.equal(message(state), 'Sorted by REPOSITORY, A to Z: o next, O reverses.');
	});

	test('sizes by their value, largest first; times by theirs, newest first; not by their text', () => {
		const bySize = press(images(), 'ooooo');
		assert.equal(repositories(bySize), 'app-2 app-10 busybox');
		assert.equal(message(bySize), 'Sorted by SIZE, largest first: o next, O reverses.');
		const byCreated = press(images(), 'oooo');
		assert.deepEqual(shownTable(byCreated).rows.map(row => row.cells.created), ['About an hour ago', '24 hours ago', '3 days ago']);
		assert.equal(message(byCreated), 'Sorted by CREATED, newest first: o next, O reverses.');
	});

	test('a volume\'s size by its value; one the engine has not measured last, whichever the direction', () => {
		let state = reduceApp(withContainers([]), {type: 'volumes/listed', engine: 'local', records: ['big', 'none', 'small'].map(name => volumeRecord({name}))});
		const volumes = [
			{name: 'small', size: 900_000, refCount: 0},
			{name: 'big', size: 12_000_000, refCount: 0},
		];
		state = press(reduceApp(state, {type: 'disk/measured', engine: 'local', usage: {images: [], containers: [], volumes, buildCache: [], layersSize: 0}}), '3');
		const names = (shown: AppState) => shownTable(shown).rows.map(row => `${row.cells.name} ${row.cells.size}`).join(', ');
		// DRIVER, VOLUME NAME, SIZE.
		assert.equal(names(press(state, 'ooo')), 'big 12MB, small 900kB, none N/A');
		assert.equal(names(press(state, 'oooO')), 'small 900kB, big 12MB, none N/A');
	});
});

describe('O: reverse', () => {
	test('reverses the column\'s direction, and on the view\'s own order reverses that', () => {
		assert.equal(repositories(press(images(), 'oooooO')), 'busybox app-10 app-2');
		assert.equal(message(press(images(), 'oooooO')), 'Sorted by SIZE, smallest first: o next, O reverses.');
		const reversed = press(images(), 'O');
		assert.equal(repositories(reversed), 'app-2 busybox app-10');
		assert.equal(message(reversed), 'Sorted as docker images lists them (newest first), reversed: o next, O reverses.');
		assert.equal(repositories(press(images(), 'OO')), 'app-10 busybox app-2');
		assert.deepEqual(press(images(), 'OO').ui.tableSorts, {});
	});

	test('text Z to A; ties keep the view\'s own order', () => {
		const state = press(images(), 'oO');
		assert.equal(repositories(state), 'busybox app-10 app-2');
		assert.equal(message(state), 'Sorted by REPOSITORY, Z to A: o next, O reverses.');
		// Every TAG is latest: a tie, in the view's own order both ways.
		assert.equal(repositories(press(images(), 'oo')), 'app-10 busybox app-2');
		assert.equal(repositories(press(images(), 'ooO')), 'app-10 busybox app-2');
	});
});

describe('the selection', () => {
	test('stays on its row after a change of order, wherever the row goes', () => {
		const state = press(images(), 'j');
		assert.equal(shownTable(state).selected?.cells.repository, 'busybox');
		for (const keys of ['o', 'oooo', 'ooooo', 'O', 'oO']) {
			assert.equal(shownTable(press(state, keys)).selected?.cells.repository, 'busybox', keys);
		}

		assert.equal(shownTable(press(state, 'ooooo')).selectedIndex, 2);
	});

	test('a row selected only by its place (nothing moved yet) stays selected too', () => {
		const state = images();
		assert.equal(state.ui.selectedKey, undefined);
		const sorted = press(state, 'o');
		assert.equal(shownTable(sorted).selected?.cells.repository, 'app-10');
		assert.equal(shownTable(sorted).selectedIndex, 1);
	});
});

describe('each view its own order', () => {
	test('kept while another view is shown; the containers\' order is another', () => {
		let state = withContainers(['web']);
		state = reduceApp(state, {type: 'volumes/listed', engine: 'local', records: [volumeRecord({name: 'b'}), volumeRecord({name: 'a', driver: 'zfs'})]});
		state = press(images('local', state), 'ooooo', '3', 'o');
		assert.deepEqual(state.ui.tableSorts, {images: {column: 'size', descending: true}, volumes: {column: 'driver', descending: false}});
		assert.equal(repositories(press(state, '2')), 'app-2 app-10 busybox', 'the images still by size');
		assert.deepEqual(press(state, '2', '3').ui.tableSorts.volumes, {column: 'driver', descending: false});
		assert.deepEqual(shownTable(press(state, '2', '3')).rows.map(row => row.cells.name), ['b', 'a'], 'local before zfs');
		assert.deepEqual(press(state, '1').ui.sort, stateOf().ui.sort);
	});

	test('the events and pulse keep their own order: o and O do nothing there', () => {
		for (const key of ['5', '0']) {
			const state = press(everyView(), key);
			assert.equal(press(state, 'o'), state);
			assert.equal(press(state, 'O'), state);
		}
	});

	test('every table view sorts but the events and pulse, with o and O beside its own commands', () => {
		const sorting = views.filter(view => view.kind === 'table' && view.sort).map(view => view.name);
		assert.deepEqual(sorting, ['images', 'volumes', 'networks', 'services', 'tasks', 'nodes', 'contexts', 'projects', 'alerts']);
		for (const view of views) {
			const actions = view.commands.filter(command => command.action.startsWith('sort-')).map(command => `${command.scope} ${command.action} ${command.keys.join('')}`);
			const sorts = view.kind === 'containers' || (view.kind === 'table' && view.sort !== undefined);
			assert.deepEqual(actions, sorts ? [`${view.name} sort-next o`, `${view.name} sort-reverse O`] : [], view.name);
		}
	});
});

describe('the columns o goes through', () => {
	test('ENGINE when the App shows several engines, one of them not answered yet (not in the connection state)', () => {
		const one = images('local');
		const typed = (state: AppState) => reduceAppEvent(state, {type: 'keys/pressed', presses: [{name: 'o', printable: true}], pageSize, width, engineCount: 2});
		assert.deepEqual(typed(one).ui.tableSorts.images, {column: 'engine', descending: false});
		assert.deepEqual(press(one, 'o').ui.tableSorts.images, {column: 'repository', descending: false}, 'one engine: no ENGINE');
	});

	test('with several engines, ENGINE first', () => {
		const two = images('far', images('local', withContainers([], 'local', withContainers([], 'far'))));
		const state = press(two, 'o');
		assert.deepEqual(state.ui.tableSorts.images, {column: 'engine', descending: false});
		assert.equal(message(state), 'Sorted by ENGINE, A to Z: o next, O reverses.');
		assert.deepEqual(
			shownTable(state).rows.map(row => row.engine),
			['far', 'far', 'far', 'local', 'local', 'local'],
		);
		assert.deepEqual(press(two, 'oo').ui.tableSorts.images, {column: 'repository', descending: false});
	});

	test('in the order the configuration shows them, when it names them', () => {
		const columns = new Map([['images', [{id: 'size'}, {id: 'repository'}]]]);
		const pressed = (state: AppState, keys: string) => reduceAppEvent(state, {type: 'keys/pressed', presses: presses(keys), pageSize, width, columns});
		assert.deepEqual(pressed(images(), 'o').ui.tableSorts.images, {column: 'size', descending: true});
		assert.deepEqual(pressed(images(), 'oo').ui.tableSorts.images, {column: 'repository', descending: false});
		assert.deepEqual(pressed(images(), 'ooo').ui.tableSorts, {});
	});
});

describe('keys and help', () => {
	test('remapped, sort-next moves in every view that has it, the containers\' too', () => {
		const applied = applyKeyConfig(keymap, {'sort-next': ['z']});
		assert.ok(applied.ok);
		const pressed = (state: AppState, keys: string) => reduceAppEvent(state, {type: 'keys/pressed', presses: presses(keys), pageSize, width, commands: applied.commands});
		const state = images();
		assert.deepEqual(pressed(state, 'z').ui.tableSorts.images, {column: 'repository', descending: false});
		assert.equal(pressed(state, 'o'), state, 'the old key no longer acts');
		assert.equal(pressed(withContainers(['web']), 'z').ui.sort.by, 'name');
		// The words name the keys as bound.
		assert.equal(pressed(state, 'z').ui.message?.text, 'Sorted by REPOSITORY, A to Z: z next, O reverses.');
		assert.equal(pressed(withContainers(['web']), 'z').ui.message?.text, 'Sorted by name: z next, O reverses.');
	});

	test('a sort key bound to nothing is not offered in the words', () => {
		const applied = applyKeyConfig(keymap, {'sort-reverse': []});
		assert.ok(applied.ok);
		const pressed = (state: AppState, keys: string) => reduceAppEvent(state, {type: 'keys/pressed', presses: presses(keys), pageSize, width, commands: applied.commands});
		assert.equal(pressed(images(), 'o').ui.message?.text, 'Sorted by REPOSITORY, A to Z: o next.');
		assert.equal(pressed(withContainers(['web']), 'o').ui.message?.text, 'Sorted by name: o next.');
		const neither = applyKeyConfig(keymap, {'sort-reverse': [], 'sort-next': ['z']});
		assert.ok(neither.ok);
		const typed = reduceAppEvent(images(), {type: 'keys/pressed', presses: presses('z'), pageSize, width, commands: neither.commands});
		assert.equal(typed.ui.message?.text, 'Sorted by REPOSITORY, A to Z: z next.');
	});

	test('? lists o and O under every view that sorts, the swarm tasks and nodes too', () => {
		const lines = selectHelpLines();
		const headings = lines.flatMap((line, index) => (line.kind === 'heading' ? [index] : []));
		const keysUnder = (title: string) => {
			const start = lines.findIndex(line => line.kind === 'heading' && line.text === title);
			const end = headings.find(index => index > start) ?? lines.length;
			return lines.slice(start + 1, end).flatMap(line => (line.kind === 'binding' ? [line.label] : []));
		};

		for (const title of ['Images', 'Volumes', 'Networks', 'Swarm services', 'Swarm tasks', 'Swarm nodes', 'Docker contexts', 'Compose projects', 'Alerts']) {
			assert.deepEqual(keysUnder(title).slice(-2), ['o', 'O'], title);
		}

		assert.deepEqual(keysUnder('Events'), ['Enter'], 'the events keep their order: Enter alone');
		assert.equal(lines.some(line => line.kind === 'heading' && line.text === 'Pulse'), false);
	});
});

/** A swarm manager's listing of these services and tasks, on the engine `local`. */
function withSwarm(services: ReturnType<typeof serviceRecord>[], tasks: ReturnType<typeof taskRecord>[] = []): AppState {
	return reduceApp(withContainers([]), {type: 'swarm/listed', engine: 'local', listing: {manager: true, nodeId: 'n', services, tasks, nodes: []}});
}

describe('what the rows sort by', () => {
	test('REPLICAS by the running tasks: 9/10 before 10/10 from the fewest', () => {
		const state = withSwarm([serviceRecord({id: 'a', name: 'api', runningTasks: 10, desiredTasks: 10}), serviceRecord({id: 'b', name: 'web', runningTasks: 9, desiredTasks: 10})]);
		assert.deepEqual(selectServiceRows(state.resources).map(row => row.order), [{replicas: 10}, {replicas: 9}]);
		assert.deepEqual(shownTable(press(state, '6', 'ooooO')).rows.map(row => row.cells.replicas), ['9/10', '10/10']);
	});

	test('a task by its name without ` \\_ `, and CURRENT STATE by when it was reached', () => {
		const state = withSwarm(
			[serviceRecord({id: 'svc', name: 'web'})],
			[
				taskRecord({id: 'new', serviceId: 'svc', timestamp: '2024-05-01T11:58:00Z', createdAt: '2024-05-01T11:58:00Z'}),
				taskRecord({id: 'old', serviceId: 'svc', desiredState: 'shutdown', state: 'failed', timestamp: '2024-05-01T10:00:00Z', createdAt: '2024-05-01T09:00:00Z'}),
			],
		);
		const rows = selectTaskRows(state.resources, now);
		assert.deepEqual(rows.map(row => [row.cells.name, row.order]), [
			['web.1', {name: 'web.1', current: Date.parse('2024-05-01T11:58:00Z')}],
			[' \\_ web.1', {name: 'web.1', current: Date.parse('2024-05-01T10:00:00Z')}],
		]);
		// CURRENT STATE is the sixth column: oldest first when reversed.
		const byTime = shownTable(press(state, '7', 'ooooooO'));
		assert.deepEqual(byTime.rows.map(row => row.id), ['old', 'new']);
		// Sorted otherwise, a replaced task is not under the one that replaced it: no ` \_ `.
		assert.deepEqual(byTime.rows.map(row => row.cells.name), ['web.1', 'web.1']);
		assert.deepEqual(shownTable(press(state, '7')).rows.map(row => row.cells.name), ['web.1', ' \\_ web.1'], 'in its own order');
	});

	test('a compose project\'s STATUS by its running containers; an alert by its time; a context by its name without *', () => {
		const containers = withContainers([]).containers;
		const members = reduceApp(withContainers([]), {
			type: 'containers/listed',
			engine: 'local',
			records: [
				containerRecord({id: 'a1', names: ['/a1'], labels: {'com.docker.compose.project': 'a'}}),
				containerRecord({id: 'b1', names: ['/b1'], state: 'exited', labels: {'com.docker.compose.project': 'b'}}),
			],
		}).containers;
		assert.deepEqual(selectProjectRows(members, undefined, () => true).map(row => [row.cells.name, row.order]), [['a', {status: 1}], ['b', {status: 0}]]);
		assert.deepEqual(selectProjectRows(containers, undefined).length, 0);
		const alert = {id: 1, kind: 'died' as const, key: containerKey('local', 'x'), engine: 'local', container: 'x', text: 'exited', at: now, times: 1, acknowledged: false};
		assert.deepEqual(selectAlertRows([alert]).map(row => row.order), [{time: now}]);
		const context = {name: 'prod', description: '', host: 'ssh://prod', skipTlsVerify: false, tlsPath: undefined};
		const rows = selectContextRows({...stateOf().resources, contexts: [context]}, new Set(['prod']));
		assert.deepEqual(rows.map(row => [row.cells.name, row.order]), [['prod *', {name: 'prod'}]]);
	});
});

describe('the words', () => {
	test('the status line\'s, and the header\'s when the order is not the view\'s own', () => {
		assert.equal(formatTableSort(imagesView, undefined), 'Sorted as docker images lists them (newest first)');
		assert.equal(formatTableSort(imagesView, {column: 'created', descending: false}), 'Sorted by CREATED, oldest first');
		assert.equal(selectTableSortLabel(imagesView, undefined), undefined);
		assert.deepEqual(selectTableSortLabel(imagesView, {column: 'id', descending: false}), {by: 'image id', descending: false});
		assert.deepEqual(selectTableSortLabel(imagesView, {column: 'engine', descending: true}), {by: 'engine', descending: true});
		assert.deepEqual(selectTableSortLabel(imagesView, {column: undefined, descending: true}), {by: 'reversed'});
		assert.equal(press(images(), named('escape'), 'o').ui.message?.tone, 'info');
	});
});
