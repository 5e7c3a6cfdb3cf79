// Whether each engine is reachable: connected, lost, and the retries after it.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type ConnectionAction, type ConnectionState, reduceConnection} from '../../source/state/connection.js';

const empty: ConnectionState = new Map();

function run(actions: ConnectionAction[], state: ConnectionState = empty): ConnectionState {
	return actions.reduce(reduceConnection, state);
}

describe('reduceConnection', () => {
	test('connected, with the engine version', () => {
		const state = run([{type: 'engine/connected', engine: 'local', version: '27.1.1'}]);
		assert.deepEqual(state.get('local'), {status: 'connected', version: '27.1.1'});
		assert.equal(empty.size, 0, 'the state given is not changed in place');
	});

	test('lost: disconnected since then, attempt 0', () => {
		const state = run([
			{type: 'engine/connected', engine: 'local', version: '27.1.1'},
			{type: 'engine/lost', engine: 'local', error: 'connect ENOENT /var/run/docker.sock', at: 1000},
		]);
		assert.deepEqual(state.get('local'), {
			status: 'disconnected',
			error: 'connect ENOENT /var/run/docker.sock',
			since: 1000,
			attempt: 0,
		});
	});

	test('an engine berth has not reached since it started is not lost: it was never connected', () => {
		const never = run([{type: 'engine/lost', engine: 'local', error: 'no socket there', at: 1000}]);
		const neverConnected = (state: ConnectionState) => {
			const connection = state.get('local');
			return connection?.status === 'disconnected' ? connection.neverConnected : 'connected';
		};
		assert.equal(neverConnected(never), true);
		const lost = run([{type: 'engine/connected', engine: 'local', version: '27.1.1'}, {type: 'engine/lost', engine: 'local', error: 'gone', at: 1000}]);
		assert.equal(neverConnected(lost), undefined);
	});

	test('lost again while disconnected keeps the first time and error', () => {
		const lost = run([{type: 'engine/lost', engine: 'local', error: 'first', at: 1000}]);
		const again = reduceConnection(lost, {type: 'engine/lost', engine: 'local', error: 'second', at: 5000});
		assert.equal(again, lost);
	});

	test('retries count up with the latest error, keeping since', () => {
		const state = run([
			{type: 'engine/lost', engine: 'local', error: 'gone', at: 1000},
			{type: 'engine/retrying', engine: 'local', attempt: 1, error: 'ECONNREFUSED'},
			{type: 'engine/retrying', engine: 'local', attempt: 2, error: 'ETIMEDOUT'},
		]);
		assert.deepEqual(state.get('local'), {status: 'disconnected', error: 'ETIMEDOUT', since: 1000, attempt: 2, neverConnected: true});
	});

	test('a retry report for a connected or unknown engine changes nothing', () => {
		const connected = run([{type: 'engine/connected', engine: 'local', version: '27.1.1'}]);
		assert.equal(reduceConnection(connected, {type: 'engine/retrying', engine: 'local', attempt: 1, error: 'x'}), connected);
		assert.equal(reduceConnection(empty, {type: 'engine/retrying', engine: 'other', attempt: 1, error: 'x'}), empty);
	});

	test('reconnecting clears the disconnection', () => {
		const state = run([
			{type: 'engine/lost', engine: 'local', error: 'gone', at: 1000},
			{type: 'engine/retrying', engine: 'local', attempt: 3, error: 'gone'},
			{type: 'engine/connected', engine: 'local', version: '27.2.0'},
		]);
		assert.deepEqual(state.get('local'), {status: 'connected', version: '27.2.0'});
	});

	test('engines are kept apart', () => {
		const state = run([
			{type: 'engine/connected', engine: 'local', version: '27.1.1'},
			{type: 'engine/connected', engine: 'remote', version: '26.0.0'},
			{type: 'engine/lost', engine: 'remote', error: 'ssh: broken pipe', at: 2000},
		]);
		assert.equal(state.get('local')?.status, 'connected');
		assert.equal(state.get('remote')?.status, 'disconnected');
	});
});
