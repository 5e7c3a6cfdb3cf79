// What the bundle changes in its libraries, checked against the libraries themselves.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
// @ts-expect-error: the build configuration is plain JavaScript, without types.
import {narrowTextPattern, needsSanitizingPattern, singleUnitGraphemesPattern} from '../../esbuild.config.mjs';

test('every code point of the narrow-text fast path is one column wide to string-width itself', () => {
	const pattern = narrowTextPattern as RegExp;
	let checked = 0;
	for (let codePoint = 0; codePoint <= 0x2fff; codePoint++) {
		const character = String.fromCodePoint(codePoint);
		if (!pattern.test(character)) continue;
		checked++;
		assert.equal(stringWidth(character), 1, `U+${codePoint.toString(16).toUpperCase()}`);
	}
	assert.ok(checked > 500, `${checked} code points checked`);
	assert.ok(pattern.test('berth · connected › 3 containers … ↑ ▁▂▃█'));
	assert.ok(!pattern.test('\u00AD') && !pattern.test('\u202E') && !pattern.test('漢') && !pattern.test('\u001B'));
});

test('text of the single-unit fast path is cut into the graphemes Intl.Segmenter gives, next to any of its characters', () => {
	const pattern = singleUnitGraphemesPattern as RegExp;
	const characters: string[] = [];
	for (let codePoint = 0; codePoint <= 0x2fff; codePoint++) {
		if (pattern.test(String.fromCodePoint(codePoint))) characters.push(String.fromCodePoint(codePoint));
	}
	assert.ok(characters.length > 500, `${characters.length} code points`);
	const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	// Graphemes break (or not) between neighbours: each character before and after every other one.
	for (const first of characters) {
		const text = characters.map(second => first + second).join('');
		assert.ok(pattern.test(text));
		const graphemes = [...segmenter.segment(text)];
		assert.equal(graphemes.length, text.length, `U+${first.codePointAt(0)!.toString(16).toUpperCase()}`);
	}
	assert.ok(pattern.test('\u001B[32m› berth · 3 containers\u001B[39m\n'));
	assert.ok(!pattern.test('\r\n') && !pattern.test('e\u0301') && !pattern.test('\u200D') && !pattern.test('\u00AD') && !pattern.test('👍'));
});

test("text the squash passes as it is comes out of Ink's own sanitizing unchanged", async () => {
	const pattern = needsSanitizingPattern as RegExp;
	// A file of Ink's build, which Ink's package does not export: imported by its path.
	const {default: sanitizeAnsi} = (await import('../../node_modules/ink/build/sanitize-ansi.js')) as {default: (text: string) => string};
	const pieces = ['up 3 minutes', ' ', '·', '…', '›', '漢字', '\n', '\t', '\r', '\r\n', '\u0301', 'e\u0301', '\u007F', '\u0007', '\u009B', '\u009D31m',
		'\u001B[32m', '\u001B[1;4m', '\u001B[m', '\u001B[39m', '\u001B[38:5:1m', '\u001B[2J', '\u001B[1A', '\u001B]8;;https://x\u0007', '\u001B', '\u001B[', '\u001B[0;'];
	let seed = 7;
	const next = () => (seed = (seed * 48271) % 2147483647);
	let passed = 0;
	for (let round = 0; round < 20_000; round++) {
		let text = '';
		for (let count = 1 + (next() % 8); count > 0; count--) text += pieces[next() % pieces.length];
		if (pattern.test(text)) continue;
		passed++;
		assert.equal(sanitizeAnsi(text), text, JSON.stringify(text));
		assert.ok(!/[\t\r\u009B\u009C\u009D]/.test(text), JSON.stringify(text));
	}
	assert.ok(passed > 1000, `${passed} texts passed as they are`);
	assert.ok(!pattern.test('\u001B[7m›*\u001B[1mweb-1\u001B[22m  \u001B[32mUp 3 minutes\u001B[39m  0.93%  740KiB / 23.54GiB · …\u001B[27m\n'));
	for (const text of ['a\tb', 'a\r\nb', '\u001B[2J', '\u001B[32m\u0301', '\u001B]8;;x\u0007', '\u009B31m', 'bell\u0007', '\u001B[38:5:1m']) assert.ok(pattern.test(text), JSON.stringify(text));
});
