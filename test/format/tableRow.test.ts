// A table's rows sorted by a column: values by value, text in natural order, empty cells last, ties kept.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {sortTableRows, type TableRow} from '../../source/format/tableRow.js';

function row(key: string, cells: Record<string, string>, order?: Record<string, number | string>, engine = 'local'): TableRow {
	return {key, engine, id: key, cells, ...(order ? {order} : {})};
}

/** As a view lists them: a, b, c, d, e. */
const rows: readonly TableRow[] = [
	row('a', {name: 'web-10', size: '187MB', note: 'x'}, {size: 187_000_000}),
	row('b', {name: 'web-2', size: '4.26MB', note: ''}, {size: 4_260_000}),
	row('c', {name: 'db', size: '1.5kB', note: 'x'}, {size: 1500}),
	row('d', {name: 'Web-1', size: 'N/A', note: 'a'}),
	row('e', {name: 'web-2', size: '4.26MB', note: ''}, {size: 4_260_000}),
];

const keys = (sorted: readonly TableRow[]) => sorted.map(each => each.key).join(' ');

describe('sortTableRows', () => {
	const cases: Array<{name: string; column: string | undefined; descending: boolean; expected: string}> = [
		{name: 'no column: the rows\' own order', column: undefined, descending: false, expected: 'a b c d e'},
		{name: 'no column, reversed: the rows\' own order backwards', column: undefined, descending: true, expected: 'e d c b a'},
		// As text: 1.5kB, 187MB, 4.26MB, N/A. By value, and N/A (no value) last both ways.
		{name: 'a value column by value, largest first', column: 'size', descending: true, expected: 'a b e c d'},
		{name: 'a value column by value, smallest first; ties keep their order', column: 'size', descending: false, expected: 'c b e a d'},
		// Code-point order puts upper case first, as the docker CLI's natural order does.
		{name: 'text in natural order: web-2 before web-10', column: 'name', descending: false, expected: 'd c b e a'},
		{name: 'text reversed; ties still in the rows\' own order', column: 'name', descending: true, expected: 'a b e c d'},
		{name: 'empty cells last, whichever the direction', column: 'note', descending: false, expected: 'd a c b e'},
		{name: 'empty cells last, reversed too', column: 'note', descending: true, expected: 'a c d b e'},
	];
	for (const {name, column, descending, expected} of cases) {
		test(name, () => assert.equal(keys(sortTableRows(rows, column, descending)), expected));
	}

	test('a text to sort by stands for the cell (a replaced task, ` \\_ web.1`, sorts as web.1)', () => {
		const tasks = [row('new', {name: 'web.1'}), row('old', {name: ' \\_ web.1'}, {name: 'web.1'}), row('api', {name: 'api.1'})];
		assert.equal(keys(sortTableRows(tasks, 'name', false)), 'api new old');
	});

	test('ENGINE sorts by the row\'s engine when the row has no cell of that name', () => {
		const engines = [row('1', {}, undefined, 'prod'), row('2', {}, undefined, 'dev'), row('3', {engine: 'test'}, undefined, 'x')];
		assert.equal(keys(sortTableRows(engines, 'engine', false)), '2 1 3');
	});

	test('a value that is not a number (an unreadable time) counts as none', () => {
		const times = [row('bad', {}, {time: Number.NaN}), row('old', {}, {time: 1}), row('new', {}, {time: 2})];
		assert.equal(keys(sortTableRows(times, 'time', true)), 'new old bad');
	});

	test('a new array: the view\'s own rows are left as they are', () => {
		const sorted = sortTableRows(rows, 'size', true);
		assert.notEqual(sorted, rows);
		assert.equal(keys(rows), 'a b c d e');
	});
});
