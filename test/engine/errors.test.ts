// The engine's and the connection's errors as one line a person can act on.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {describeEngineError, shortenIds} from '../../source/engine/errors.js';

const id = '88e8e287fa569bc92bedf2afa86a109a7420461c3592ec48da8ce97d0419ad1f';

describe('describeEngineError', () => {
	test('the engine\'s own words, a full ID in them cut to the 12 digits docker ps shows', () => {
		const error = Object.assign(new Error('(HTTP code 403) unexpected - error'), {json: {message: `error while removing network: network web id ${id} has active endpoints`}});
		assert.equal(describeEngineError(error), 'error while removing network: network web id 88e8e287fa56 has active endpoints');
	});

	test('a digest stays whole, and so does hex that is not an ID', () => {
		const digest = `manifest for app@sha256:${id} not found`;
		assert.equal(shortenIds(digest), digest);
		assert.equal(shortenIds(`x${id}`), `x${id}`, 'part of a longer word');
		assert.equal(shortenIds(`Container ${id} is not running`), 'Container 88e8e287fa56 is not running');
		assert.equal(shortenIds('deadbeef'), 'deadbeef');
	});

	test('without the engine\'s words: docker-modem\'s prefix goes, and a connection error says what it means', () => {
		assert.equal(describeEngineError(new Error('(HTTP code 404) no such container - No such container: web')), 'No such container: web');
		assert.equal(describeEngineError(Object.assign(new Error('connect ECONNREFUSED'), {code: 'ECONNREFUSED'})), 'connection refused');
	});
});
