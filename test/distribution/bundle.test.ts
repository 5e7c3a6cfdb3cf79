// What the bundle changes in its libraries, checked against the libraries themselves.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
// @ts-expect-error: the build configuration is plain JavaScript, without types.
import {narrowTextPattern, singleUnitGraphemesPattern} from '../../esbuild.config.mjs';

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
