// The terminal's clipboard: OSC 52 with the text in base64, and nothing on the Linux console.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {copyToClipboard, formatClipboard} from '../../source/app/clipboard.js';

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
