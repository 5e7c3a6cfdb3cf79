// When an engine counts as not answering: silence, a probe, and what wakes it.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {checkLiveness, heard, probeFailed, startLiveness} from '../../source/app/liveness.js';
import {formatUnanswered, reduceConnection, selectUnansweredEngines} from '../../source/state/connection.js';

const options = {probeAfterMs: 2000, unansweredAfterMs: 3000};

test('silence asks for one probe; an unanswered probe makes the engine not answering; anything heard ends it', () => {
	let live = startLiveness(0);
	let checked = checkLiveness(live, 1000, options);
	assert.equal(checked.probe, false, 'a second of silence is normal');
	checked = checkLiveness(checked.state, 2000, options);
	assert.equal(checked.probe, true);
	live = checked.state;
	checked = checkLiveness(live, 3000, options);
	assert.equal(checked.probe, false, 'one probe at a time');
	assert.equal(checked.state.unanswered, false);
	checked = checkLiveness(checked.state, 5000, options);
	assert.equal(checked.state.unanswered, true, 'a probe unanswered for 3 s');
	live = heard(checked.state, 9000);
	assert.equal(live.unanswered, false);
	assert.equal(live.heardAt, 9000);
	assert.equal(probeFailed(live).unanswered, true, 'a probe past its deadline');
});

test('the header counts the seconds of silence; answering again clears it', () => {
	let connection = reduceConnection(new Map(), {type: 'engine/connected', engine: 'a', version: '26.1'});
	connection = reduceConnection(connection, {type: 'engine/unanswered', engine: 'a', since: 1000, at: 13_200});
	const state = connection.get('a');
	assert.ok(state?.status === 'connected' && state.unanswered);
	assert.equal(formatUnanswered(state.unanswered), 'not answering for 12 s');
	assert.deepEqual([...selectUnansweredEngines(connection)], ['a']);
	connection = reduceConnection(connection, {type: 'engine/answering', engine: 'a'});
	assert.equal(selectUnansweredEngines(connection).size, 0);
	assert.equal(reduceConnection(connection, {type: 'engine/answering', engine: 'a'}), connection, 'nothing to clear: the same state');
});
