// The swarm panes' rows: replicas, ports, task names and states, node manager status, as the docker CLI shows them.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {NodeRecord, ServiceRecord, SwarmListing, TaskRecord} from '../../source/engine/types.js';
import {toNodeRecord, toServiceRecord, toTaskRecord} from '../../source/engine/swarm.js';
import {formatReplicas, formatServicePorts, formatTaskState} from '../../source/format/swarm.js';
import {reduceKeyPress} from '../../source/commands/route.js';
import {createAppState, reduceApp, type AppState} from '../../source/state/app.js';
import {emptyResources, reduceResources, type ResourcesState} from '../../source/state/resources.js';
import {selectNodeRows} from '../../source/views/nodes.js';
import {selectServiceRows} from '../../source/views/services.js';
import {selectTaskRows} from '../../source/views/tasks.js';
import {nodeRecord as node, serviceRecord, taskRecord as task} from '../state/records.js';

const now = Date.parse('2024-05-01T12:00:00Z');

/** A service with one running task of three, unless told otherwise. */
function service(overrides: Partial<ServiceRecord> = {}): ServiceRecord {
	return serviceRecord({runningTasks: 1, ...overrides});
}



function listed(listing: Partial<Extract<SwarmListing, {manager: true}>>, engine = 'local'): ResourcesState {
	return reduceResources(emptyResources, {
		type: 'swarm/listed',
		engine,
		listing: {manager: true, nodeId: 'node0000000000000000000001', services: [], tasks: [], nodes: [], ...listing},
	});
}

describe('services (docker service ls)', () => {
	test('REPLICAS is running over desired; jobs count completions; a per-node limit is named', () => {
		const cases: Array<[Partial<ServiceRecord>, string]> = [
			[{runningTasks: 1, desiredTasks: 3}, '1/3'],
			[{runningTasks: 3, desiredTasks: 3}, '3/3'],
			[{mode: 'global', replicas: undefined, runningTasks: 2, desiredTasks: 2}, '2/2'],
			[{runningTasks: 2, desiredTasks: 2, maxPerNode: 1}, '2/2 (max 1 per node)'],
			[{mode: 'replicated job', replicas: 5, runningTasks: 1, desiredTasks: 2, completedTasks: 3}, '1/2 (3/5 completed)'],
			[{mode: 'global job', replicas: undefined, runningTasks: 0, desiredTasks: 1, completedTasks: 2}, '0/1 (2/3 completed)'],
		];
		for (const [overrides, text] of cases) assert.equal(formatReplicas(service(overrides)), text, JSON.stringify(overrides));
	});

	test('PORTS: ingress ports as *:published->target/proto, consecutive ones as ranges; host-mode ports left out', () => {
		const port = (publishedPort: number, targetPort: number, protocol = 'tcp', publishMode: 'ingress' | 'host' = 'ingress') => ({
			publishedPort,
			targetPort,
			protocol,
			publishMode,
		});
		assert.equal(formatServicePorts([port(8080, 80)]), '*:8080->80/tcp');
		assert.equal(formatServicePorts([port(8081, 81), port(8080, 80)]), '*:8080-8081->80-81/tcp');
		assert.equal(formatServicePorts([port(53, 53, 'udp'), port(8080, 80), port(9000, 90)]), '*:8080->80/tcp, *:9000->90/tcp, *:53->53/udp');
		assert.equal(formatServicePorts([port(8080, 80, 'tcp', 'host')]), '');
		assert.equal(formatServicePorts([]), '');
	});

	test('rows by name, with mode, replicas, image and ports; short of desired tasks is a warning', () => {
		const resources = listed({
			services: [
				service({id: 'b', name: 'worker', runningTasks: 2, desiredTasks: 2}),
				service({id: 'a', name: 'web', ports: [{publishedPort: 8080, targetPort: 80, protocol: 'tcp', publishMode: 'ingress'}]}),
			],
		});
		const rows = selectServiceRows(resources);
		assert.deepEqual(
			rows.map(row => [row.cells.name, row.cells.mode, row.cells.replicas, row.cells.ports, row.tone]),
			[
				['web', 'replicated', '1/3', '*:8080->80/tcp', 'warning'],
				['worker', 'replicated', '2/2', '', undefined],
			],
		);
		assert.equal(rows[0]!.id, 'a', 'actions act on the service id');
	});

	test('services, their tasks and nodes in natural order, as docker sorts them (web-2 before web-10)', () => {
		const resources = listed({
			services: [service({id: 's10', name: 'web-10'}), service({id: 's2', name: 'web-2'})],
			tasks: [
				task({id: 't10', serviceId: 's10', slot: 1}),
				task({id: 't2b', serviceId: 's2', slot: 10}),
				task({id: 't2a', serviceId: 's2', slot: 2}),
			],
			nodes: [node({id: 'n10', hostname: 'node-10'}), node({id: 'n2', hostname: 'node-2'})],
		});
		assert.deepEqual(selectServiceRows(resources).map(row => row.cells.name), ['web-2', 'web-10']);
		assert.deepEqual(selectTaskRows(resources, now).map(row => row.cells.name), ['web-2.2', 'web-2.10', 'web-10.1']);
		assert.deepEqual(selectNodeRows(resources).map(row => row.cells.hostname), ['node-2', 'node-10']);
	});

	test('the engine\'s service document becomes a record: mode, replicas, status, image without its digest', () => {
		const record = toServiceRecord('local', {
			ID: 'abc',
			Spec: {
				Name: 'web',
				TaskTemplate: {ContainerSpec: {Image: 'nginx:1.25@sha256:0123abcd'}, ForceUpdate: 2},
				Mode: {Replicated: {Replicas: 3}},
			},
			Endpoint: {Ports: [{Protocol: 'tcp', TargetPort: 80, PublishedPort: 8080, PublishMode: 'ingress'}]},
			ServiceStatus: {RunningTasks: 1, DesiredTasks: 3, CompletedTasks: 0},
		});
		assert.equal(record.image, 'nginx:1.25');
		assert.equal(record.mode, 'replicated');
		assert.equal(record.replicas, 3);
		assert.equal(record.forceUpdate, 2);
		assert.equal(formatReplicas(record), '1/3');
		assert.equal(formatServicePorts(record.ports), '*:8080->80/tcp');
		assert.equal(toServiceRecord('local', {ID: 'g', Spec: {Name: 'agent', Mode: {Global: {}}}}).mode, 'global');
	});
});

describe('tasks (docker service ps)', () => {
	test('CURRENT STATE: the state capitalised and its age in lower case, as the CLI words it', () => {
		const cases: Array<[Partial<TaskRecord>, string]> = [
			[{state: 'running', timestamp: '2024-05-01T11:58:00Z'}, 'Running 2 minutes ago'],
			[{state: 'running', timestamp: '2024-05-01T11:59:59.5Z'}, 'Running less than a second ago'],
			[{state: 'shutdown', timestamp: '2024-05-01T11:59:00Z'}, 'Shutdown about a minute ago'],
			[{state: 'failed', timestamp: '2024-05-01T11:59:30Z'}, 'Failed 30 seconds ago'],
			[{state: 'pending', timestamp: ''}, 'Pending'],
		];
		for (const [overrides, text] of cases) assert.equal(formatTaskState(task({id: 't', ...overrides}), now), text);
	});

	test('names by service and slot, the node\'s host name, newest task of a slot first and the replaced ones after it', () => {
		const resources = listed({
			services: [service({id: 'svc0web0000000000000000000', name: 'web'})],
			nodes: [node()],
			tasks: [
				task({id: 't2', slot: 2}),
				task({id: 't1old', slot: 1, desiredState: 'shutdown', state: 'shutdown', createdAt: '2024-05-01T11:50:00Z'}),
				task({id: 't1', slot: 1}),
				task({id: 't3', slot: 3, state: 'failed', error: 'task: non-zero exit (1)', desiredState: 'shutdown'}),
			],
		});
		const rows = selectTaskRows(resources, now);
		assert.deepEqual(
			rows.map(row => [row.cells.name, row.cells.node, row.cells.desired, row.cells.current, row.cells.error, row.tone]),
			[
				['web.1', 'vm', 'Running', 'Running 2 minutes ago', '', 'good'],
				[' \\_ web.1', 'vm', 'Shutdown', 'Shutdown 2 minutes ago', '', 'muted'],
				['web.2', 'vm', 'Running', 'Running 2 minutes ago', '', 'good'],
				['web.3', 'vm', 'Shutdown', 'Failed 2 minutes ago', '"task: non-zero exit (1)"', 'bad'],
			],
		);
	});

	test('one service\'s tasks only, when the view is narrowed to it; a global task is named by its node', () => {
		const resources = listed({
			services: [service({id: 'w', name: 'web'}), service({id: 'a', name: 'agent', mode: 'global'})],
			tasks: [task({id: 't1', serviceId: 'w'}), task({id: 'g1', serviceId: 'a', slot: 0, nodeId: 'n1'})],
		});
		assert.deepEqual(selectTaskRows(resources, now).map(row => row.cells.name), ['agent.n1', 'web.1']);
		assert.deepEqual(selectTaskRows(resources, now, 'local\u0000w').map(row => row.cells.name), ['web.1']);
	});

	test('the engine\'s task document becomes a record', () => {
		const record = toTaskRecord('local', {
			ID: 'l7jl',
			ServiceID: 'vgo4',
			Slot: 1,
			NodeID: '7oai',
			CreatedAt: '2024-05-01T11:57:59Z',
			Spec: {ContainerSpec: {Image: 'berth-test/busybox:latest'}},
			Status: {Timestamp: '2024-05-01T11:58:00Z', State: 'running'},
			DesiredState: 'running',
		});
		assert.equal(formatTaskState(record, now), 'Running 2 minutes ago');
		assert.equal(record.serviceId, 'vgo4');
		assert.equal(record.error, '');
	});
});

describe('nodes (docker node ls)', () => {
	test('MANAGER STATUS: Leader, else the reachability capitalised; nothing for a worker', () => {
		const resources = listed({
			nodes: [
				node(),
				node({id: 'n2', hostname: 'manager-2', manager: {leader: false, reachability: 'reachable'}}),
				node({id: 'n3', hostname: 'manager-3', status: 'down', manager: {leader: false, reachability: 'unreachable'}}),
				node({id: 'n4', hostname: 'worker-1', role: 'worker', manager: undefined, availability: 'drain'}),
			],
		});
		assert.deepEqual(
			selectNodeRows(resources).map(row => [row.cells.id, row.cells.hostname, row.cells.status, row.cells.availability, row.cells.manager, row.tone]),
			[
				['n2', 'manager-2', 'Ready', 'Active', 'Reachable', undefined],
				['n3', 'manager-3', 'Down', 'Active', 'Unreachable', 'bad'],
				['node0000000000000000000001 *', 'vm', 'Ready', 'Active', 'Leader', undefined],
				['n4', 'worker-1', 'Ready', 'Drain', '', undefined],
			],
		);
	});

	test('the engine\'s node document becomes a record', () => {
		const record = toNodeRecord('local', {
			ID: '7oai',
			Spec: {Role: 'manager', Availability: 'active'},
			Description: {Hostname: 'vm', Engine: {EngineVersion: '20.10.24+dfsg1'}},
			Status: {State: 'ready'},
			ManagerStatus: {Leader: true, Reachability: 'reachable'},
		});
		assert.deepEqual(record.manager, {leader: true, reachability: 'reachable'});
		assert.equal(record.engineVersion, '20.10.24+dfsg1');
		assert.equal(toNodeRecord('local', {ID: 'w'}).manager, undefined);
	});
});

describe('an engine that is no swarm manager', () => {
	test('lists nothing, and what it listed before as a manager goes', () => {
		const before = listed({services: [service()], tasks: [task({id: 't1'})], nodes: [node()]});
		const after = reduceResources(before, {type: 'swarm/listed', engine: 'local', listing: {manager: false}});
		assert.equal(after.services.size + after.tasks.size + after.nodes.size, 0);
		assert.equal(after.swarm.get('local')?.manager, false);
		assert.ok(after.listed.has('swarm/local'));
	});
});

describe('service keys', () => {
	const pageSize = 20;
	const press = (state: AppState, ...names: string[]) =>
		names.reduce((next, name) => reduceKeyPress(next, {name, printable: name.length === 1}, {pageSize, width: 80}), state);
	const onServices = (readOnly = false): AppState => {
		const state = reduceApp(createAppState(now), {
			type: 'swarm/listed',
			engine: 'local',
			listing: {manager: true, nodeId: 'n', services: [service({id: 'w', name: 'web'})], tasks: [task({id: 't1', serviceId: 'w'})], nodes: []},
		});
		return press({...state, ui: {...state.ui, readOnly}}, '6');
	};

	test('+ and - ask for a scale by one, = for a typed count; Enter narrows the tasks view to the service', () => {
		const up = press(onServices(), '+', '+', '-');
		assert.deepEqual(
			up.operations.outbox.map(request => (request.kind === 'service-scale' ? request.replicas : request.kind)),
			[{by: 1}, {by: 1}, {by: -1}],
		);
		const typed = press(onServices(), '=', '1', 'x', '2', 'return');
		assert.deepEqual(typed.operations.outbox.map(request => (request.kind === 'service-scale' ? request.replicas : request.kind)), [{to: 12}]);
		assert.equal(typed.ui.mode, 'list');
		const tasks = press(onServices(), 'return');
		assert.equal(tasks.ui.view, 'tasks');
		assert.equal(tasks.ui.taskService?.name, 'web');
		assert.equal(press(tasks, 'escape').ui.taskService, undefined, 'Esc shows every service\'s tasks again');
	});

	test('d asks first; u updates; l opens the logs pane on the service', () => {
		const asked = press(onServices(), 'd');
		assert.equal(asked.ui.mode, 'confirm');
		assert.equal(asked.operations.confirmation?.resource?.action, 'service-remove');
		assert.equal(press(asked, 'y').operations.outbox[0]?.kind, 'resource-action');
		assert.equal(press(onServices(), 'u').operations.outbox[0]?.kind, 'service-update');
		const logs = press(onServices(), 'l');
		assert.equal(logs.ui.mode, 'logs');
		assert.deepEqual(logs.logs?.targets.map(target => [target.name, target.service]), [['web', true]]);
	});

	test('--read-only refuses scale, update and remove', () => {
		const state = press(onServices(true), '+', '-', '=', 'u', 'd');
		assert.equal(state.operations.outbox.length, 0);
		assert.equal(state.ui.mode, 'list');
		assert.match(state.ui.message?.text ?? '', /Read-only/);
	});
});
