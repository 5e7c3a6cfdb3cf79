// The tasks view: `docker service ps` of every service, or of one; no commands of its own but the sort.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {selectTaskRows, tasksView} from '../../source/views/tasks.js';
import {named, press, shownTable, stateOf, withContainers} from '../commands/press.js';
import {nodeRecord, serviceRecord, taskRecord} from '../state/records.js';

function tasks(): AppState {
	const state = reduceApp(withContainers([]), {
		type: 'swarm/listed',
		engine: 'local',
		listing: {
			manager: true,
			nodeId: 'node0000000000000000000001',
			services: [serviceRecord({id: 'svc-web', name: 'web'}), serviceRecord({id: 'svc-api', name: 'api'})],
			tasks: [
				taskRecord({id: 'task-web-2', serviceId: 'svc-web', slot: 2}),
				taskRecord({id: 'task-web-1', serviceId: 'svc-web', slot: 1}),
				taskRecord({id: 'task-web-1-old', serviceId: 'svc-web', slot: 1, desiredState: 'shutdown', state: 'failed', error: 'exit 1', createdAt: '2024-05-01T11:50:00Z'}),
				taskRecord({id: 'task-api-1', serviceId: 'svc-api', slot: 1, state: 'preparing'}),
			],
			nodes: [nodeRecord()],
		},
	});
	return press(state, '7');
}

describe('rows', () => {
	test('by service and slot, the replaced task after the one that replaced it', () => {
		const rows = shownTable(tasks()).rows;
		assert.deepEqual(rows.map(row => [row.cells.name, row.cells.node, row.cells.desired, row.tone]), [
			['api.1', 'vm', 'Running', 'warning'],
			['web.1', 'vm', 'Running', 'good'],
			[' \\_ web.1', 'vm', 'Shutdown', 'bad'],
			['web.2', 'vm', 'Running', 'good'],
		]);
	});

	test('of one service only, when narrowed to it', () => {
		const state = tasks();
		assert.deepEqual(selectTaskRows(state.resources, state.now, containerKey('local', 'svc-api')).map(row => row.id), ['task-api-1']);
	});

	test('the view: key 7, listed every 2 s, its caption says whose tasks', () => {
		assert.equal(tasksView.key, '7');
		assert.equal(tasksView.refreshMs, 2000);
		assert.deepEqual(tasksView.commands.map(command => command.action), ['sort-next', 'sort-reverse']);
		assert.equal(tasksView.caption?.(tasks()), 'every service\'s tasks');
		const narrowed = press(tasks(), '6', 'j', named('return'));
		assert.equal(tasksView.caption?.(narrowed), 'tasks of web  Esc every service\'s tasks');
		assert.equal(tasksView.emptyText(stateOf(), ''), 'Loading…');
	});
});

describe('keys', () => {
	test('move and filter; container and service keys do nothing here', () => {
		const state = tasks();
		assert.equal(press(state, 'j').ui.selectedKey, containerKey('local', 'task-web-1'));
		for (const key of ['s', 'd', 'l', '+', named('return')]) assert.equal(press(state, key), state);
	});

	test('any view switch ends the narrowing', () => {
		const narrowed = press(tasks(), '6', named('return'));
		assert.ok(narrowed.ui.taskService);
		assert.equal(press(narrowed, '1', '7').ui.taskService, undefined);
		assert.equal(press(narrowed, '7').ui.taskService, undefined, 'even to the tasks view itself');
	});
});
