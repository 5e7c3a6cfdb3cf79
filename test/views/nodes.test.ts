// The nodes view: `docker node ls`; no commands of its own but the sort.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {nodesView, selectNodeRows} from '../../source/views/nodes.js';
import {named, press, shownTable, stateOf, withContainers} from '../commands/press.js';
import {nodeRecord} from '../state/records.js';

function nodes(): AppState {
	const state = reduceApp(withContainers([]), {
		type: 'swarm/listed',
		engine: 'local',
		listing: {
			manager: true,
			nodeId: 'node-b',
			services: [],
			tasks: [],
			nodes: [
				nodeRecord({id: 'node-b', hostname: 'beta'}),
				nodeRecord({id: 'node-a', hostname: 'alpha', role: 'worker', manager: undefined, status: 'down', availability: 'drain'}),
			],
		},
	});
	return press(state, '8');
}

describe('rows', () => {
	test('by host name, this engine\'s own node marked *, a node not ready is bad', () => {
		const state = nodes();
		assert.deepEqual(
			selectNodeRows(state.resources).map(row => [row.cells.id, row.cells.hostname, row.cells.status, row.cells.availability, row.cells.manager, row.tone]),
			[
				['node-a', 'alpha', 'Down', 'Drain', '', 'bad'],
				['node-b *', 'beta', 'Ready', 'Active', 'Leader', undefined],
			],
		);
	});

	test('the view: key 8, listed every 2 s, no commands but the sort', () => {
		assert.equal(nodesView.key, '8');
		assert.equal(nodesView.refreshMs, 2000);
		assert.deepEqual(nodesView.commands.map(command => command.action), ['sort-next', 'sort-reverse']);
		assert.equal(nodesView.emptyText(stateOf(), ''), 'Loading…');
	});
});

describe('keys', () => {
	test('move and filter; Enter and the other views\' keys do nothing', () => {
		const state = nodes();
		assert.equal(shownTable(press(state, 'j')).selected?.cells.hostname, 'beta');
		assert.equal(shownTable(press(state, '/', 'beta', named('return'))).rows.length, 1);
		for (const key of [named('return'), 'd', 's', 'l']) assert.equal(press(state, key), state);
	});
});
