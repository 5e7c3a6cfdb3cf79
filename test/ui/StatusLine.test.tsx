// The bottom line: the prompt while typing, else the message, else the hints.
import './forceColor.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {StatusLine, type StatusLineProps} from '../../source/ui/StatusLine.js';
import {escapeCode, frameWidth, nonAscii, themes} from './rows.js';

afterEach(cleanup);

function frameOf(overrides: Partial<StatusLineProps>): string {
	const props: StatusLineProps = {
		mode: 'list',
		draft: '',
		message: undefined,
		hints: '? help  / filter  : command  j/k move  q quit',
		theme: themes.plain,
		width: frameWidth,
		...overrides,
	};
	const {lastFrame} = render(<StatusLine {...props} />);
	return lastFrame() ?? '';
}

describe('StatusLine', () => {
	test('the hints in the list', () => {
		assert.equal(frameOf({}), '? help  / filter  : command  j/k move  q quit');
	});

	test('the filter prompt with its draft and a cursor', () => {
		assert.equal(frameOf({mode: 'filter', prompt: '/', draft: 'web'}), '/web_');
		assert.equal(frameOf({mode: 'filter', prompt: '/', draft: 'web', theme: themes.full}), '/web\u001B[7m \u001B[27m');
	});

	test('the command prompt', () => {
		assert.equal(frameOf({mode: 'command', prompt: ':', draft: 'im'}), ':im_');
	});

	test('a message wins over the hints; an error is red with colour', () => {
		assert.equal(frameOf({message: {text: 'Stopped shop-web-1', tone: 'info'}}), 'Stopped shop-web-1');
		assert.equal(
			frameOf({message: {text: 'No such container', tone: 'error'}, theme: themes.full}),
			'\u001B[31mNo such container\u001B[39m',
		);
		assert.doesNotMatch(frameOf({message: {text: 'No such container', tone: 'error'}}), escapeCode);
	});

	test('the prompt wins over a message', () => {
		assert.equal(frameOf({mode: 'filter', prompt: '/', draft: 'x', message: {text: 'old', tone: 'error'}}), '/x_');
	});

	test('what was wrong with the text a prompt was given comes before it, in at most half the line', () => {
		assert.equal(frameOf({mode: 'update', prompt: 'update web: ', draft: '--cpus 0', promptError: 'Cannot update: --cpus takes a number above 0.'}), 'Cannot update: --cpus takes a number above 0.  update web: --cpus 0_');
		const frame = frameOf({mode: 'update', prompt: 'update web: ', draft: '--cpus 0', promptError: 'x'.repeat(200), width: 80});
		assert.ok(frame.startsWith(`${'x'.repeat(39)}…  update web: --cpus 0`), frame);
	});

	test('a long draft is cut so the prompt and cursor fit the width', () => {
		const frame = frameOf({mode: 'filter', prompt: '/', draft: 'a'.repeat(200), width: 30, theme: themes.ascii});
		assert.equal(frame.length, 30);
		assert.ok(frame.endsWith('~_'));
		assert.doesNotMatch(frame, nonAscii);
	});

	test('a message too long for one row goes on below, broken between words', () => {
		const frame = frameOf({message: {text: 'Cannot update web on local: the engine does not offer this request (404 Not Found)', tone: 'error'}, width: 40});
		assert.deepEqual(frame.split('\n'), ['Cannot update web on local: the engine', 'does not offer this request (404 Not', 'Found)']);
	});

	test('beyond three rows a message keeps its start and its end, the cut marked', () => {
		const words = Array.from({length: 60}, (_, index) => `w${index}`).join(' ');
		const rows = frameOf({message: {text: `${words} the reason`, tone: 'info'}, width: 40}).split('\n');
		assert.equal(rows.length, 3);
		assert.ok(rows[0]!.startsWith('w0 w1 '), rows[0]);
		assert.ok(rows[1]!.endsWith('…'), rows[1]);
		assert.ok(rows[2]!.endsWith('w59 the reason'), rows[2]);
		assert.ok(rows.every(row => [...row].length <= 40));
		const unbroken = frameOf({message: {text: 'x'.repeat(500), tone: 'info'}, width: 40}).split('\n');
		assert.equal(unbroken.length, 3);
		assert.ok(unbroken.every(row => [...row].length <= 40));
	});
});
