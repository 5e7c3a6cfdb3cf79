// The volumes view: `docker volume ls` rows with sizes and users, and its details, remove and prune commands.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {formatConfirmation} from '../../source/state/operations.js';
import {paneTitles, selectPaneLinesFor} from '../../source/state/select/paneLines.js';
import {selectVolumeRows, volumesView} from '../../source/views/volumes.js';
import {finish, named, press, requests, stateOf, withContainers} from '../commands/press.js';
import {containerRecord, volumeRecord} from '../state/records.js';

const mount = (name: string, destination: string) => ({type: 'volume', name, source: `/var/lib/docker/volumes/${name}/_data`, destination});

/** cache (unused), data (used by db and api), logs; data measured at 2.5 MB. */
function volumes(): AppState {
	let state = withContainers([]);
	state = reduceApp(state, {
		type: 'containers/listed',
		engine: 'local',
		records: [
			containerRecord({id: 'id-db', names: ['/db'], mounts: [mount('data', '/var/lib/data')]}),
			containerRecord({id: 'id-api', names: ['/api'], mounts: [mount('data', '/data'), mount('logs', '/logs')], state: 'exited', status: 'Exited (0)'}),
		],
	});
	state = reduceApp(state, {type: 'volumes/listed', engine: 'local', records: [volumeRecord({name: 'logs'}), volumeRecord({name: 'data', labels: {team: 'a'}}), volumeRecord({name: 'cache'})]});
	state = reduceApp(state, {type: 'disk/measured', engine: 'local', usage: {images: [], containers: [], volumes: [{name: 'data', size: 2_500_000, refCount: 2}, {name: 'logs', size: -1, refCount: 1}], buildCache: [], layersSize: 0}});
	return press(state, '3');
}

describe('rows', () => {
	test('by name, with sizes and the containers that mount each; an unused one muted', () => {
		const state = volumes();
		const rows = selectVolumeRows(state.resources, state.containers);
		assert.deepEqual(rows.map(row => [row.id, row.cells.size, row.cells.containers, row.tone]), [
			['cache', 'N/A', '', 'muted'],
			['data', '2.5MB', 'api, db', undefined],
			['logs', 'N/A', 'api', undefined],
		]);
		assert.equal(rows[0]!.key, containerKey('local', 'cache'));
		assert.equal(rows[0]!.cells.mountpoint, '/var/lib/docker/volumes/cache/_data');
		assert.equal(rows[0]!.cells.driver, 'local');
	});

	test('the view lists volumes and disk usage, is key 3', () => {
		assert.equal(volumesView.key, '3');
		assert.deepEqual(volumesView.listings, ['volumes', 'disk']);
		assert.equal(volumesView.emptyText(stateOf(), ''), 'Loading…');
		assert.equal(volumesView.emptyText(volumes(), ''), 'No volumes.');
		assert.equal(volumesView.concerns!({type: 'volume', action: 'create', id: 'v', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), true);
		assert.equal(volumesView.concerns!({type: 'image', action: 'pull', id: 'v', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), false);
	});
});

describe('Enter: details', () => {
	test('opens the volume pane and asks for the disk usage', () => {
		const state = press(volumes(), 'j', named('return'));
		assert.equal(state.ui.mode, 'pane');
		assert.equal(state.operations.pane?.kind, 'volume');
		assert.deepEqual(state.operations.pane?.target, {key: containerKey('local', 'data'), engine: 'local', id: 'data', name: 'data'});
		assert.deepEqual(requests(state), [{kind: 'refresh', engine: 'local', what: 'disk'}]);
		const lines = selectPaneLinesFor(state, state.operations.pane!, true);
		assert.ok(lines.includes('Size            2.5MB'), lines.join('\n'));
		assert.ok(lines.includes('                api -> /data (exited)'));
		assert.ok(lines.includes('                db -> /var/lib/data (running)'));
		assert.ok(lines.includes('                team=a'));
	});

	test('no volume: says so', () => {
		const state = press(withContainers([]), '3', named('return'));
		assert.deepEqual(state.ui.message, {text: 'No volume selected.', tone: 'error'});
		assert.equal(state.operations.outbox.length, 0);
	});
});

describe('i: inspect', () => {
	test('opens the inspect pane and asks the engine for the document (docker volume inspect); an error is shown in it', () => {
		const asked = press(volumes(), 'j', 'i');
		const target = {key: containerKey('local', 'data'), engine: 'local', id: 'data', name: 'data'};
		assert.equal(asked.ui.mode, 'pane');
		assert.equal(asked.operations.pane?.kind, 'volume-inspect');
		assert.equal(paneTitles['volume-inspect'], 'Volume inspect');
		assert.deepEqual(requests(asked), [{kind: 'volume-inspect', target}]);
		const filled = finish(asked, 'volume-inspect', {kind: 'inspect', document: {Name: 'data', Driver: 'local', Options: {type: 'tmpfs'}}});
		assert.ok(selectPaneLinesFor(filled, filled.operations.pane!, true).includes('      "type": "tmpfs"'));
		const failed = finish(asked, 'volume-inspect', {kind: 'failed', error: 'get data: no such volume'});
		assert.deepEqual(selectPaneLinesFor(failed, failed.operations.pane!, true), ['Error: get data: no such volume']);
		assert.deepEqual(press(withContainers([]), '3', 'i').ui.message, {text: 'No volume selected.', tone: 'error'});
	});
});

describe('d: remove', () => {
	test('an unused volume is asked about plainly; y asks the engine', () => {
		let state = press(volumes(), 'd');
		assert.equal(formatConfirmation(state.operations.confirmation!), 'Remove volume cache? y / N');
		state = press(state, 'y');
		assert.deepEqual(requests(state), [{kind: 'resource-action', action: 'volume-remove', engine: 'local', targets: [{key: containerKey('local', 'cache'), engine: 'local', id: 'cache', name: 'cache'}], force: false}]);
	});

	test('a volume in use: the question says the engine will refuse', () => {
		const state = press(volumes(), 'j', 'd');
		assert.equal(formatConfirmation(state.operations.confirmation!), 'Remove volume data? It is used by api, db: the engine will refuse. y / N');
	});

	test('the engine\'s refusal is said', () => {
		const state = press(volumes(), 'j', 'd', 'y');
		const request = state.operations.outbox[0]!;
		const refused = reduceApp(state, {type: 'request/finished', request, result: {kind: 'resource-action', lines: [], failures: [{name: 'data', error: 'volume is in use'}]}});
		assert.deepEqual(refused.ui.message, {text: 'data: volume is in use', tone: 'error'});
		assert.equal(refused.ui.mode, 'list');
	});

	test('no volume: says so', () => {
		assert.equal(press(withContainers([]), '3', 'd').ui.message?.text, 'No volume selected.');
	});
});

describe('D: prune', () => {
	test('asks, then asks the engine of the selected volume', () => {
		let state = press(volumes(), 'D');
		assert.equal(formatConfirmation(state.operations.confirmation!), 'Prune every volume no container uses (docker volume prune)? y / N');
		state = press(state, 'y');
		assert.deepEqual(requests(state), [{kind: 'resource-action', action: 'volume-prune', engine: 'local', targets: [], force: false}]);
	});

	test('n prunes nothing', () => {
		assert.equal(press(volumes(), 'D', 'n').operations.outbox.length, 0);
	});
});
