// The contexts view: `docker context ls` with the contexts shown marked, and Enter to show another.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {DockerContext} from '../../source/engine/contexts.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {contextsView, selectContextRows} from '../../source/views/contexts.js';
import {finish, named, press, readOnly, requests, stateOf, withContainers} from '../commands/press.js';

const context = (name: string, host: string, description = ''): DockerContext => ({name, description, host, skipTlsVerify: false, tlsPath: undefined});

function contexts(): AppState {
	const state = reduceApp(withContainers([], 'default'), {
		type: 'contexts/read',
		contexts: [context('default', 'unix:///var/run/docker.sock', 'Current DOCKER_HOST based configuration'), context('remote', 'ssh://me@box')],
	});
	return press(state, '9');
}

describe('rows', () => {
	test('one per context, the ones shown marked', () => {
		const state = contexts();
		const rows = selectContextRows(state.resources, new Set(['default']));
		assert.deepEqual(rows.map(row => row.cells), [
			{name: 'default *', description: 'Current DOCKER_HOST based configuration', endpoint: 'unix:///var/run/docker.sock', shown: 'shown'},
			{name: 'remote', description: '', endpoint: 'ssh://me@box', shown: ''},
		]);
		assert.deepEqual(rows.map(row => row.tone), ['good', undefined]);
		assert.deepEqual(rows.map(row => row.id), ['default', 'remote']);
	});

	test('the view marks the engines connected now, and makes its rows once for them', () => {
		const state = contexts();
		assert.equal(contextsView.selectRows(state)[0]!.cells.shown, 'shown');
		assert.equal(contextsView.selectRows(state), contextsView.selectRows(press(state, 'j')));
		const other = reduceApp(state, {type: 'engine/connected', engine: 'remote', version: '25.0.0'});
		assert.equal(contextsView.selectRows(other)[1]!.cells.shown, 'shown');
	});

	test('is key 9, lists the contexts, says Loading… before they are read', () => {
		assert.equal(contextsView.key, '9');
		assert.deepEqual(contextsView.listings, ['contexts']);
		assert.equal(contextsView.emptyText(stateOf(), ''), 'Loading…');
		assert.equal(contextsView.emptyText(contexts(), ''), 'No contexts.');
		assert.equal(contextsView.emptyText(contexts(), 'x'), 'Nothing matches "x".');
	});
});

describe('Enter: show this context', () => {
	test('asks to show the selected context\'s engine instead, and says so', () => {
		const state = press(contexts(), 'j', named('return'));
		assert.deepEqual(requests(state), [{kind: 'use-context', name: 'remote'}]);
		assert.equal(state.ui.message?.text, 'Connecting to the context remote…');
	});

	test('read-only: showing another engine changes none, so it works', () => {
		assert.deepEqual(requests(press(readOnly(contexts()), named('return'))), [{kind: 'use-context', name: 'default'}]);
	});

	test('a failure is said; the engines replaced are said too', () => {
		const asked = press(contexts(), 'j', named('return'));
		assert.deepEqual(finish(asked, 'use-context', {kind: 'failed', error: 'ssh: connect refused'}).ui.message, {text: 'ssh: connect refused', tone: 'error'});
		const replaced = reduceApp(asked, {type: 'engines/replaced', names: ['remote']});
		assert.equal(replaced.ui.message?.text, 'Showing remote.');
		assert.deepEqual([...replaced.connection.keys()], []);
	});

	test('no context: says so', () => {
		const state = press(withContainers([]), '9', named('return'));
		assert.deepEqual(state.ui.message, {text: 'No context selected.', tone: 'error'});
		assert.equal(state.operations.outbox.length, 0);
	});
});
