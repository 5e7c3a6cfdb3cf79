// The networks view: `docker network ls` rows with subnets and addresses, and its inspect command.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {selectPaneLinesFor} from '../../source/state/select/paneLines.js';
import {networksView, selectNetworkRows} from '../../source/views/networks.js';
import {finish, named, press, readOnly, requests, stateOf, withContainers} from '../commands/press.js';
import {networkRecord} from '../state/records.js';

const bridgeId = 'a'.repeat(64);
const appId = 'b'.repeat(64);

function networks(): AppState {
	const state = reduceApp(withContainers([]), {
		type: 'networks/listed',
		engine: 'local',
		records: [
			networkRecord({id: bridgeId, name: 'bridge', subnets: ['172.17.0.0/16'], gateways: ['172.17.0.1']}),
			networkRecord({
				id: appId,
				name: 'app_default',
				subnets: ['172.20.0.0/16', 'fd00::/64'],
				gateways: ['172.20.0.1'],
				containers: [
					{id: 'c2', name: 'web', ipv4: '172.20.0.3/16', ipv6: ''},
					{id: 'c1', name: 'db', ipv4: '172.20.0.2/16', ipv6: ''},
					{id: 'c3', name: 'sidecar', ipv4: '', ipv6: ''},
				],
			}),
		],
	});
	return press(state, '4');
}

describe('rows', () => {
	test('by name, with short ids, subnets, gateways and the attached containers\' addresses', () => {
		const state = networks();
		assert.deepEqual(
			selectNetworkRows(state.resources).map(row => row.cells),
			[
				{id: 'bbbbbbbbbbbb', name: 'app_default', driver: 'bridge', scope: 'local', subnet: '172.20.0.0/16, fd00::/64', gateway: '172.20.0.1', containers: 'db 172.20.0.2, sidecar, web 172.20.0.3'},
				{id: 'aaaaaaaaaaaa', name: 'bridge', driver: 'bridge', scope: 'local', subnet: '172.17.0.0/16', gateway: '172.17.0.1', containers: ''},
			],
		);
		assert.equal(selectNetworkRows(state.resources)[0]!.key, containerKey('local', appId));
	});

	test('the view lists networks, is key 4, and concerns network and container events', () => {
		assert.equal(networksView.key, '4');
		assert.deepEqual(networksView.listings, ['networks']);
		assert.equal(networksView.emptyText(stateOf(), ''), 'Loading…');
		assert.equal(networksView.concerns!({type: 'network', action: 'connect', id: 'n', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), true);
		assert.equal(networksView.concerns!({type: 'container', action: 'start', id: 'n', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), true);
		assert.equal(networksView.concerns!({type: 'volume', action: 'create', id: 'n', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), false);
	});
});

describe('Enter and i: inspect', () => {
	for (const key of [named('return'), 'i']) {
		test(`${typeof key === 'string' ? key : 'Enter'} opens the network pane and asks for its inspect document`, () => {
			const state = press(networks(), 'j', key);
			const target = {key: containerKey('local', bridgeId), engine: 'local', id: bridgeId, name: 'bridge'};
			assert.equal(state.ui.mode, 'pane');
			assert.equal(state.operations.pane?.kind, 'network');
			assert.deepEqual(state.operations.pane?.target, target);
			assert.deepEqual(requests(state), [{kind: 'network-inspect', target}]);
		});
	}

	test('the document fills the pane; an error is shown in it', () => {
		const asked = press(networks(), 'i');
		const filled = finish(asked, 'network-inspect', {kind: 'inspect', document: {Name: 'app_default', Driver: 'bridge'}});
		assert.ok(selectPaneLinesFor(filled, filled.operations.pane!, true).includes('    "Name": "app_default",'));
		const failed = finish(asked, 'network-inspect', {kind: 'failed', error: 'no such network'});
		assert.deepEqual(selectPaneLinesFor(failed, failed.operations.pane!, true), ['Error: no such network']);
	});

	test('read-only: inspecting changes nothing, so it works', () => {
		assert.equal(press(readOnly(networks()), 'i').ui.mode, 'pane');
	});

	test('no network: says so', () => {
		const state = press(withContainers([]), '4', 'i');
		assert.deepEqual(state.ui.message, {text: 'Nothing selected.', tone: 'error'});
		assert.equal(state.operations.outbox.length, 0);
	});
});

describe('d and D: remove and prune', () => {
	test('d asks, naming the containers it connects; y sends the removal of that network', () => {
		const asked = press(networks(), 'g', 'd');
		assert.equal(asked.ui.mode, 'confirm');
		assert.equal(asked.operations.confirmation?.resource?.question, 'Remove network app_default? It connects db 172.20.0.2, sidecar, web 172.20.0.3. y / N');
		const sent = press(asked, 'y');
		assert.deepEqual(
			requests(sent).map(request => request.kind === 'resource-action' && [request.action, request.engine, request.targets.map(target => target.id)]),
			[['network-remove', 'local', [appId]]],
		);
		assert.deepEqual(requests(press(asked, 'n')), [], 'no: nothing sent');
	});

	test('D asks to prune the selected row\'s engine, and names it when berth shows several', () => {
		const one = press(networks(), 'D');
		assert.equal(one.operations.confirmation?.resource?.question, 'Prune every network no container uses (docker network prune)? y / N');
		const several = reduceApp(networks(), {type: 'engine/connected', engine: 'far', version: '26.1.5'});
		const asked = press(several, 'D');
		assert.equal(asked.operations.confirmation?.resource?.question, 'Prune every network no container uses on local (docker network prune)? y / N');
		assert.deepEqual(requests(press(asked, 'y')).map(request => request.kind === 'resource-action' && [request.action, request.engine]), [['network-prune', 'local']]);
	});

	test('a refusal is the engine\'s words; a removal is said', () => {
		const sent = press(networks(), 'g', 'd', 'y');
		const refused = finish(sent, 'resource-action', {kind: 'resource-action', lines: [], failures: [{name: 'app_default', error: 'network app_default id aaaaaaaaaaaa has active endpoints'}]});
		assert.deepEqual(refused.ui.message, {text: 'app_default: network app_default id aaaaaaaaaaaa has active endpoints', tone: 'error'});
		const removed = finish(sent, 'resource-action', {kind: 'resource-action', lines: ['Removed network app_default.'], failures: []});
		assert.deepEqual(removed.ui.message, {text: 'Removed network app_default.', tone: 'info'});
	});
});
