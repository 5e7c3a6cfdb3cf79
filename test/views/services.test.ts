// The services view: `docker service ls` rows, and its tasks, scale, update, remove and logs commands.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ServiceRecord} from '../../source/engine/types.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {formatConfirmation} from '../../source/state/operations.js';
import {selectCurrentList} from '../../source/views/current.js';
import {servicesView} from '../../source/views/services.js';
import {finish, named, press, requests, shownTable, stateOf, withContainers} from '../commands/press.js';
import {nodeRecord, serviceRecord, taskRecord} from '../state/records.js';

/** api (1 of 2 running) and web (3 of 3), each with a task. */
function services(extra: ServiceRecord[] = []): AppState {
	const state = reduceApp(withContainers([]), {
		type: 'swarm/listed',
		engine: 'local',
		listing: {
			manager: true,
			nodeId: 'node0000000000000000000001',
			services: [serviceRecord({id: 'svc-web', name: 'web'}), serviceRecord({id: 'svc-api', name: 'api', replicas: 2, runningTasks: 1, desiredTasks: 2}), ...extra],
			tasks: [taskRecord({id: 'task-web-1', serviceId: 'svc-web'}), taskRecord({id: 'task-api-1', serviceId: 'svc-api'})],
			nodes: [nodeRecord()],
		},
	});
	return press(state, '6');
}

const target = (name: string) => ({key: containerKey('local', `svc-${name}`), engine: 'local', id: `svc-${name}`, name});

describe('rows and the view', () => {
	test('by name; a service short of its tasks is a warning', () => {
		const rows = shownTable(services()).rows;
		assert.deepEqual(rows.map(row => [row.cells.name, row.cells.replicas, row.tone]), [
			['api', '1/2', 'warning'],
			['web', '3/3', undefined],
		]);
	});

	test('key 6, listed every 2 s while shown, about service, node and container events', () => {
		assert.equal(servicesView.key, '6');
		assert.deepEqual(servicesView.listings, ['swarm']);
		assert.equal(servicesView.refreshMs, 2000);
		assert.equal(servicesView.concerns!({type: 'service', action: 'update', id: 's', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), true);
		assert.equal(servicesView.concerns!({type: 'image', action: 'pull', id: 's', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), false);
	});

	test('empty: Loading…, none, or not a manager', () => {
		assert.equal(servicesView.emptyText(withContainers([]), ''), 'Loading…');
		const none = reduceApp(withContainers([]), {type: 'swarm/listed', engine: 'local', listing: {manager: true, nodeId: 'n', services: [], tasks: [], nodes: []}});
		assert.equal(servicesView.emptyText(none, ''), 'No services.');
		const worker = reduceApp(withContainers([]), {type: 'swarm/listed', engine: 'local', listing: {manager: false}});
		assert.equal(servicesView.emptyText(worker, ''), 'this engine is not a swarm manager: docker swarm init to make one');
	});
});

describe('Enter: its tasks', () => {
	test('shows the tasks view narrowed to the selected service; Esc there shows every task', () => {
		const state = press(services(), 'j', named('return'));
		assert.equal(state.ui.view, 'tasks');
		assert.deepEqual(state.ui.taskService, {key: containerKey('local', 'svc-web'), name: 'web'});
		assert.deepEqual(selectCurrentList(state).keys, [containerKey('local', 'task-web-1')]);
		const all = press(state, named('escape'));
		assert.equal(all.ui.taskService, undefined);
		assert.equal(selectCurrentList(all).keys.length, 2);
	});
});

describe('+ - =: scale', () => {
	test('+ scales the selected service up by one, - down by one, saying so', () => {
		const up = press(services(), '+');
		assert.deepEqual(requests(up), [{kind: 'service-scale', target: target('api'), replicas: {by: 1}}]);
		assert.equal(up.ui.message?.text, 'Scaling api up by one…');
		const down = press(services(), 'j', '-');
		assert.deepEqual(requests(down), [{kind: 'service-scale', target: target('web'), replicas: {by: -1}}]);
		assert.equal(down.ui.message?.text, 'Scaling web down by one…');
	});

	test('= opens the scale prompt, the message cleared', () => {
		const state = press(press(services(), ':', 'x', named('return')), '=');
		assert.equal(state.ui.mode, 'scale');
		assert.equal(state.ui.draft, '');
		assert.equal(state.ui.message, undefined);
	});

	test('the engine\'s answer is said', () => {
		assert.deepEqual(finish(press(services(), '+'), 'service-scale', {kind: 'done', text: 'api scaled to 3'}).ui.message, {text: 'api scaled to 3', tone: 'info'});
		assert.deepEqual(finish(press(services(), '+'), 'service-scale', {kind: 'failed', error: 'global services cannot be scaled'}).ui.message, {
			text: 'global services cannot be scaled',
			tone: 'error',
		});
	});
});

describe('u: update', () => {
	test('asks the engine to replace the selected service\'s tasks', () => {
		const state = press(services(), 'u');
		assert.deepEqual(requests(state), [{kind: 'service-update', target: target('api')}]);
		assert.equal(state.ui.message?.text, 'Updating api: its tasks are replaced…');
	});
});

describe('d: remove', () => {
	test('asks first; y asks the engine; n does not', () => {
		const asked = press(services(), 'd');
		assert.equal(formatConfirmation(asked.operations.confirmation!), 'Remove service api? Its tasks stop (docker service rm). y / N');
		assert.equal(asked.operations.outbox.length, 0);
		assert.deepEqual(requests(press(asked, 'y')), [{kind: 'resource-action', action: 'service-remove', engine: 'local', targets: [target('api')], force: false}]);
		assert.equal(press(asked, 'n').operations.outbox.length, 0);
	});
});

describe('l: logs', () => {
	test('the logs pane on the service (its tasks\' logs)', () => {
		const state = press(services(), 'j', 'l');
		assert.equal(state.ui.mode, 'logs');
		assert.deepEqual(state.logs?.targets, [{...target('web'), state: 'running', service: true}]);
	});
});

describe('no service', () => {
	for (const key of [named('return'), '+', '-', '=', 'u', 'd', 'l']) {
		test(`${typeof key === 'string' ? key : 'Enter'}: says so, asks nothing`, () => {
			const state = press(press(stateOf(), '6'), key);
			assert.deepEqual(state.ui.message, {text: 'No service selected.', tone: 'error'});
			assert.equal(state.operations.outbox.length, 0);
			assert.equal(state.ui.mode, 'list');
			assert.equal(state.ui.view, 'services');
		});
	}
});
