// The one line editor of every prompt: what each key does to a draft.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {editLine, type LineEdit} from '../../source/commands/lineEditor.js';
import type {KeyPress} from '../../source/commands/types.js';

const typed = (name: string): KeyPress => ({name, printable: true});
const named = (name: string): KeyPress => ({name, printable: false});
const digits = (character: string) => /^\d$/.test(character);

describe('editLine', () => {
	const cases: Array<[string, string, KeyPress, LineEdit, ((character: string) => boolean)?]> = [
		['a character is typed at the end', 'we', typed('b'), {kind: 'typed', draft: 'web'}],
		['into an empty draft', '', typed('x'), {kind: 'typed', draft: 'x'}],
		['a space is typed', 'a', typed(' '), {kind: 'typed', draft: 'a '}],
		['keys that are commands elsewhere are typed', 'a', typed('q'), {kind: 'typed', draft: 'aq'}],
		['a non-ASCII character is typed', 'caf', typed('é'), {kind: 'typed', draft: 'café'}],
		['Backspace erases the last character', 'web', named('backspace'), {kind: 'typed', draft: 'we'}],
		['Backspace erases a whole emoji, not half of it', 'a😀', named('backspace'), {kind: 'typed', draft: 'a'}],
		['Backspace on an empty draft leaves it empty', '', named('backspace'), {kind: 'typed', draft: ''}],
		['Enter submits the draft as it is', ' web ', named('return'), {kind: 'submit', text: ' web '}],
		['Enter on an empty draft submits nothing typed', '', named('return'), {kind: 'submit', text: ''}],
		['Ctrl-U erases the whole draft (a path given to start from)', './hostname', named('ctrl+u'), {kind: 'typed', draft: ''}],
		['Esc cancels', 'web', named('escape'), {kind: 'cancel'}],
		['Tab asks for completion', 'im', named('tab'), {kind: 'complete'}],
		['an arrow key is ignored', 'web', named('up'), {kind: 'ignored'}],
		['a control key is ignored', 'web', named('ctrl+b'), {kind: 'ignored'}],
		['a control character is not typed', 'web', {name: '\u0007', printable: false}, {kind: 'ignored'}],
		['a digit where digits only are accepted', '1', typed('2'), {kind: 'typed', draft: '12'}, digits],
		['a letter where digits only are accepted', '1', typed('a'), {kind: 'ignored'}, digits],
		['Backspace where digits only are accepted', '12', named('backspace'), {kind: 'typed', draft: '1'}, digits],
		['Enter where digits only are accepted', '12', named('return'), {kind: 'submit', text: '12'}, digits],
	];
	for (const [what, draft, press, expected, accepts] of cases) {
		test(what, () => {
			assert.deepEqual(editLine(draft, press, accepts), expected);
		});
	}
});
