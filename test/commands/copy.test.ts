// y and Y: the selected row's name or full ID, for the terminal's clipboard (OSC 52), in every list that has them.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {copyToClipboard, formatClipboard} from '../../source/app/clipboard.js';
import {reduceApp} from '../../source/state/app.js';
import {finish, press, requests, withContainers} from './press.js';
import {imageRecord, volumeRecord} from '../state/records.js';

const clipboardRequests = (state: Parameters<typeof requests>[0]) => requests(state).filter(request => request.kind === 'clipboard');

describe('y and Y', () => {
	test('a container: y its name, Y its full ID; the message says what went where', () => {
		const state = withContainers(['web', 'db']);
		const id = [...state.containers.records.values()].find(record => record.names[0] === '/db')!.id;
		const named = press(state, 'y');
		assert.deepEqual(clipboardRequests(named), [{kind: 'clipboard', text: 'db', what: 'the name db'}]);
		assert.deepEqual(clipboardRequests(press(state, 'Y')), [{kind: 'clipboard', text: id, what: 'the ID of db'}]);
		assert.equal(finish(named, 'clipboard', {kind: 'done', text: ''}).ui.message?.text, "Copied the name db to the terminal's clipboard (OSC 52).");
		assert.equal(finish(named, 'clipboard', {kind: 'failed', error: 'the Linux console has no clipboard'}).ui.message?.text, 'Could not copy the name db: the Linux console has no clipboard');
	});

	test('an image: y its repository:tag, Y its sha256 ID; a volume has no ID of its own', () => {
		const imageId = `sha256:${'a'.repeat(64)}`;
		let state = reduceApp(withContainers([]), {type: 'images/listed', engine: 'local', records: [imageRecord({id: imageId, repoTags: ['registry:5000/shop/web:1.25']})]});
		state = press(state, '2');
		assert.deepEqual(clipboardRequests(press(state, 'y')).map(request => request.text), ['registry:5000/shop/web:1.25']);
		assert.deepEqual(clipboardRequests(press(state, 'Y')).map(request => request.text), [imageId]);
		state = press(reduceApp(state, {type: 'volumes/listed', engine: 'local', records: [volumeRecord({name: 'shop-data'})]}), '3');
		assert.deepEqual(clipboardRequests(press(state, 'y')).map(request => request.text), ['shop-data']);
		const refused = press(state, 'Y');
		assert.deepEqual(clipboardRequests(refused), []);
		assert.equal(refused.ui.message?.text, 'shop-data has no ID of its own: y copies its name.');
	});

	test('nothing selected, or a list of nothing to copy (events): said, nothing sent', () => {
		const empty = press(withContainers([]), 'y');
		assert.deepEqual(clipboardRequests(empty), []);
		assert.equal(empty.ui.message?.text, 'Nothing selected to copy.');
		const events = press(reduceApp(withContainers([]), {type: 'events/received', engine: 'local', event: {type: 'container', action: 'start', id: 'c1', timeNano: 0, attributes: {name: 'web'}}}), '5', 'y');
		assert.deepEqual(clipboardRequests(events), []);
		assert.equal(events.ui.message?.text, 'Nothing to copy in events.');
	});
});

describe('the terminal\'s clipboard', () => {
	test('OSC 52 with the text in base64: nothing in a name reaches the terminal as a command', () => {
		assert.equal(formatClipboard('db'), '\u001B]52;c;ZGI=\u0007');
		const hostile = 'x\u0007\u001B]0;owned\u0007';
		assert.doesNotMatch(formatClipboard(hostile).slice(7, -1), /[\u0000-\u001F]/);
		assert.equal(Buffer.from(formatClipboard(hostile).slice(7, -1), 'base64').toString('utf8'), hostile);
	});

	test('written to the terminal, except on the Linux console, which would print it', () => {
		const written: string[] = [];
		assert.deepEqual(copyToClipboard('db', {TERM: 'xterm-256color'}, bytes => written.push(bytes)), {kind: 'done', text: ''});
		assert.deepEqual(written, ['\u001B]52;c;ZGI=\u0007']);
		assert.deepEqual(copyToClipboard('db', {TERM: 'linux'}, bytes => written.push(bytes)), {kind: 'failed', error: 'the Linux console has no clipboard'});
		assert.equal(written.length, 1);
	});
});
