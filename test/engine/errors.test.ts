// The engine's and the connection's errors as one line a person can act on.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {describeEngineError, notOffered, shortenIds} from '../../source/engine/errors.js';

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
		// berth's own requests: no reason between the code and the engine's words, which keep their dashes.
		assert.equal(describeEngineError(new Error('(HTTP code 404) No such container: shop-web-1')), 'No such container: shop-web-1');
		assert.equal(describeEngineError(new Error('(HTTP code 409) conflict - You cannot remove a running container 88e8e287fa56')), 'You cannot remove a running container 88e8e287fa56');
	});

	test('a 404 that names nothing is a request the engine does not offer (Podman has no docker update), not a missing container', () => {
		// Podman's answer to a request it lacks: Go's plain-text 404, through docker-modem and through berth's own HTTP.
		const podman = Object.assign(new Error('(HTTP code 404) no such container - 404 page not found '), {statusCode: 404, json: '404 page not found\n'});
		assert.equal(describeEngineError(podman), notOffered);
		assert.equal(describeEngineError(new Error('(HTTP code 404) 404 page not found')), notOffered);
		assert.equal(describeEngineError(Object.assign(new Error('(HTTP code 404) no such container - page not found'), {statusCode: 404, json: {message: 'page not found'}})), notOffered);
		// A 404 about an object stays the engine's words.
		const missing = Object.assign(new Error('(HTTP code 404) no such container - No such container: web'), {statusCode: 404, json: {message: 'No such container: web'}});
		assert.equal(describeEngineError(missing), 'No such container: web');
		assert.equal(describeEngineError(Object.assign(new Error('(HTTP code 500) server error - not found'), {statusCode: 500})), 'not found');
	});
});
