// The inspect pane's lines: secret-looking environment values masked until revealed, made once per document.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatInspectLines} from '../../source/format/inspect.js';

const document = {Id: 'abc', Config: {Env: ['DB_PASSWORD=hunter2', 'PATH=/bin']}};

test('inspect lines mask a secret-looking value until revealed, and leave the document as it was', () => {
	const masked = formatInspectLines(document, false).join('\n');
	assert.match(masked, /"DB_PASSWORD=\*{6}"/);
	assert.match(masked, /"PATH=\/bin"/);
	assert.doesNotMatch(masked, /hunter2/);
	assert.match(formatInspectLines(document, true).join('\n'), /"DB_PASSWORD=hunter2"/);
	assert.deepEqual(document.Config.Env, ['DB_PASSWORD=hunter2', 'PATH=/bin']);
});

test('the lines of one document are made once for each of masked and revealed', () => {
	const other = structuredClone(document);
	const first = formatInspectLines(other, false);
	assert.equal(formatInspectLines(other, false), first, 'the same lines again, not made anew');
	assert.notEqual(formatInspectLines(other, true), first);
	assert.equal(formatInspectLines(other, true), formatInspectLines(other, true));
	assert.notEqual(formatInspectLines(structuredClone(document), false), first, 'another document: its own lines');
	assert.deepEqual(formatInspectLines(structuredClone(document), false), first);
});
