// What the bundle changes in its libraries, checked against the libraries themselves.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
// @ts-expect-error: the build configuration is plain JavaScript, without types.
import {narrowTextPattern} from '../../esbuild.config.mjs';

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
