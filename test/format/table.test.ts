// Column layout, padding and truncation: the pieces that make every table row one line of the right width.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import stringWidth from 'string-width';
import {containerColumns} from '../../source/format/containerColumns.js';
import {
	type ColumnLayout,
	type ColumnSpec,
	columnGap,
	keepWidths,
	layoutColumns,
	markSortedColumn,
	padCell,
	truncateSegments,
	truncateText,
	cutOf,
} from '../../source/format/table.js';

function totalWidth(layout: ColumnLayout<string>): number {
	return layout.reduce((sum, column) => sum + column.width, 0) + Math.max(0, layout.length - 1) * columnGap;
}

const ids = (layout: ColumnLayout<string>) => layout.map(column => column.id);

describe('layoutColumns with the containers pane columns', () => {
	test('every column fits at 160, and the columns fill the width exactly', () => {
		const layout = layoutColumns(160, containerColumns);
		assert.deepEqual(
			ids(layout).sort(),
			containerColumns.map(column => column.id).sort(),
		);
		assert.equal(totalWidth(layout), 160);
		for (const column of layout) {
			const spec = containerColumns.find(candidate => candidate.id === column.id)!;
			assert.ok(column.width >= spec.min, `${column.id} gets at least its minimum width at 160`);
		}
	});

	test('at 50 the least important columns are dropped first', () => {
		const layout = layoutColumns(50, containerColumns);
		const kept = containerColumns.filter(column => ids(layout).includes(column.id));
		const dropped = containerColumns.filter(column => !ids(layout).includes(column.id));
		assert.ok(dropped.length > 0, 'something is dropped at 50');
		assert.ok(ids(layout).includes('name') && ids(layout).includes('status'));
		assert.ok(!ids(layout).includes('project'), 'the lowest priority column goes first');
		const worstKept = Math.max(...kept.map(column => column.priority));
		for (const column of dropped) {
			assert.ok(column.priority > worstKept, `${column.id} dropped while a less important column stayed`);
		}

		assert.ok(totalWidth(layout) <= 50);
	});

	test('never wider than the width given, and exactly as wide once a growing column is kept', () => {
		for (let width = 0; width <= 220; width++) {
			const layout = layoutColumns(width, containerColumns);
			assert.ok(layout.length > 0, `at least one column at ${width}`);
			assert.ok(totalWidth(layout) <= width, `total ${totalWidth(layout)} exceeds ${width}`);
			for (const column of layout) assert.ok(column.width >= 0 && column.width <= width);
			const minimum = layout.reduce((sum, column) => sum + containerColumns.find(spec => spec.id === column.id)!.min, 0);
			const grows = layout.some(column => containerColumns.find(spec => spec.id === column.id)!.grow);
			if (grows && minimum + (layout.length - 1) * columnGap <= width) {
				assert.equal(totalWidth(layout), width, `columns fill ${width}`);
			}
		}
	});

	test('a wider terminal never loses a column', () => {
		let previous = 0;
		for (let width = 0; width <= 220; width++) {
			const count = layoutColumns(width, containerColumns).length;
			assert.ok(count >= previous, `${width} keeps ${count} columns, ${width - 1} kept ${previous}`);
			previous = count;
		}
	});
});

describe('layoutColumns rules', () => {
	const specs: Array<ColumnSpec<'a' | 'b' | 'c'>> = [
		{id: 'a', title: 'A', min: 5, ideal: 10, priority: 0, grow: true},
		{id: 'b', title: 'B', min: 5, ideal: 5, priority: 1, align: 'right'},
		{id: 'c', title: 'C', min: 4, ideal: 8, priority: 2, grow: true},
	];
	const widths = (layout: ColumnLayout<string>) => Object.fromEntries(layout.map(column => [column.id, column.width]));

	const cases: Array<{width: number; expected: Record<string, number>}> = [
		// Ideal widths first (a 10, b 5, c 8 = 23 + 2 gaps), then the 15 left shared by the growing a and c.
		{width: 40, expected: {a: 17, b: 5, c: 16}},
		// Only 2 over the minimums: the most important column widens first.
		{width: 18, expected: {a: 7, b: 5, c: 4}},
		// The minimums no longer fit: c (priority 2) goes.
		{width: 15, expected: {a: 9, b: 5}},
		// Not even a and b fit: a alone, cut to the width.
		{width: 3, expected: {a: 3}},
	];

	for (const {width, expected} of cases) {
		test(`at ${width}`, () => {
			const layout = layoutColumns(width, specs);
			assert.deepEqual(widths(layout), expected);
			assert.equal(totalWidth(layout), width);
		});
	}

	test('keeps the order of the specs and their titles and alignment', () => {
		const layout = layoutColumns(40, specs);
		assert.deepEqual(
			layout.map(column => [column.id, column.title, column.align]),
			[
				['a', 'A', 'left'],
				['b', 'B', 'right'],
				['c', 'C', 'left'],
			],
		);
	});

	test('with no growing column the space left over stays unused', () => {
		const fixed: Array<ColumnSpec<'x' | 'y'>> = [
			{id: 'x', title: 'X', min: 3, ideal: 6, priority: 0},
			{id: 'y', title: 'Y', min: 3, ideal: 6, priority: 1},
		];
		assert.deepEqual(widths(layoutColumns(30, fixed)), {x: 6, y: 6});
	});

	test('a lone column that does not grow is still cut to the width', () => {
		const lone: Array<ColumnSpec<'x'>> = [{id: 'x', title: 'X', min: 10, ideal: 12, priority: 0}];
		assert.deepEqual(widths(layoutColumns(6, lone)), {x: 6});
	});
});

describe('layoutColumns sized by content', () => {
	const specs: Array<ColumnSpec<'a' | 'b' | 'c'>> = [
		{id: 'a', title: 'A', min: 5, ideal: 10, priority: 0, grow: true},
		{id: 'b', title: 'B', min: 5, ideal: 5, priority: 1},
		{id: 'c', title: 'C', min: 4, ideal: 8, priority: 2, grow: true},
	];
	const widths = (layout: ColumnLayout<string>) => layout.map(column => column.width);
	const content = (a: number, b: number, c: number) =>
		new Map([
			['a', a],
			['b', b],
			['c', c],
		] as const);

	const cases: Array<{name: string; width: number; content: ReturnType<typeof content>; expected: number[]}> = [
		{name: 'short content: each column as wide as its minimum, the rest blank', width: 60, content: content(3, 2, 3), expected: [5, 5, 4]},
		{name: 'content between min and ideal: exactly the content', width: 60, content: content(7, 2, 6), expected: [7, 5, 6]},
		{name: 'a growing column grows only as far as its content', width: 60, content: content(30, 2, 3), expected: [30, 5, 4]},
		{name: 'two growing columns, both fully shown when there is room', width: 60, content: content(30, 2, 20), expected: [30, 5, 20]},
		{
			name: 'not enough room: the one that needs less is served first, the other takes the rest',
			width: 40,
			content: content(30, 2, 20),
			expected: [18, 5, 15],
		},
		{name: 'a title wider than the content counts', width: 60, content: content(0, 0, 0), expected: [5, 5, 4]},
	];

	for (const {name, width, content: given, expected} of cases) {
		test(name, () => {
			const layout = layoutColumns(width, specs, given);
			assert.deepEqual(widths(layout), expected);
			assert.ok(totalWidth(layout) <= width);
		});
	}

	test('never wider than the width given', () => {
		for (let width = 0; width <= 80; width++) {
			const layout = layoutColumns(width, specs, content(40, 9, 25));
			assert.ok(totalWidth(layout) <= width, `at ${width}`);
		}
	});
});

describe('truncateSegments', () => {
	type Run = {text: string; style?: string};
	const cases: Array<{name: string; runs: Run[]; width: number; ellipsis?: string; expected: Run[]}> = [
		{name: 'fits: unchanged', runs: [{text: 'ab', style: 'x'}, {text: 'cd'}], width: 4, expected: [{text: 'ab', style: 'x'}, {text: 'cd'}]},
		{
			name: 'cut inside the second run: the ellipsis takes the style of the run it ends',
			runs: [{text: 'abc', style: 'x'}, {text: 'defg', style: 'y'}],
			width: 5,
			expected: [{text: 'abc', style: 'x'}, {text: 'd', style: 'y'}, {text: '…', style: 'y'}],
		},
		{
			name: 'cut at the end of a run',
			runs: [{text: 'abc', style: 'x'}, {text: 'def', style: 'y'}],
			width: 4,
			expected: [{text: 'abc', style: 'x'}, {text: '…', style: 'x'}],
		},
		{
			name: 'ASCII ellipsis',
			runs: [{text: 'abcdef'}],
			width: 4,
			ellipsis: '~',
			expected: [{text: 'abc'}, {text: '~'}],
		},
		{name: 'width 1: only the ellipsis', runs: [{text: 'abc', style: 'x'}], width: 1, expected: [{text: '…', style: 'x'}]},
		{name: 'width 0: nothing', runs: [{text: 'abc'}], width: 0, expected: []},
		{
			name: 'wide characters count two columns; one that would pass the edge goes',
			runs: [{text: 'ctx ', style: 'x'}, {text: '本番環境のサーバー', style: 'y'}],
			width: 10,
			expected: [{text: 'ctx ', style: 'x'}, {text: '本番', style: 'y'}, {text: '…', style: 'y'}],
		},
		{
			name: "narrow text that is not ASCII (the header's separators) is cut by its length, beside a wide run",
			runs: [{text: 'berth · ', style: 'x'}, {text: '›本番', style: 'y'}, {text: ' · 50 containers', style: 'z'}],
			width: 12,
			expected: [{text: 'berth · ', style: 'x'}, {text: '›本', style: 'y'}, {text: '…', style: 'y'}],
		},
		{
			name: 'narrow text that is not ASCII, cut inside a run',
			runs: [{text: 'berth · connected', style: 'x'}, {text: ' · ✓'}],
			width: 10,
			expected: [{text: 'berth · c', style: 'x'}, {text: '…', style: 'x'}],
		},
	];

	for (const {name, runs, width, ellipsis, expected} of cases) {
		test(name, () => {
			const result = truncateSegments(runs, width, ellipsis);
			assert.deepEqual(result, expected);
			assert.ok(result.reduce((sum, run) => sum + stringWidth(run.text), 0) <= width);
		});
	}
});

describe('truncateText', () => {
	const cases: Array<{text: string; width: number; ellipsis?: string; expected: string}> = [
		{text: 'hello', width: 10, expected: 'hello'},
		{text: 'hello', width: 5, expected: 'hello'},
		{text: 'hello world', width: 5, expected: 'hell…'},
		{text: 'hello world', width: 5, ellipsis: '~', expected: 'hell~'},
		{text: 'hello', width: 1, expected: '…'},
		{text: 'hello', width: 0, expected: ''},
		{text: 'hello', width: -3, expected: ''},
		{text: '', width: 4, expected: ''},
		// Cut by characters, never through a surrogate pair.
		// Four columns: a (1), the emoji (2) and the mark (1); the code points alone would count one column short.
		{text: 'a😀b😀c', width: 4, expected: 'a😀…'},
		{text: '日本語テキスト', width: 6, expected: '日本…'},
		{text: 'e\u0301te\u0301', width: 4, expected: 'e\u0301te\u0301'},
	];

	for (const {text, width, ellipsis, expected} of cases) {
		test(`"${text}" in ${width}${ellipsis ? ` with ${ellipsis}` : ''}`, () => {
			assert.equal(truncateText(text, width, ellipsis), expected);
		});
	}
});

describe('truncateText in the middle (an engine\'s name)', () => {
	test('both ends kept, so names with a shared start or end stay apart', () => {
		assert.equal(truncateText('berth-engine', 6, '…', 'middle'), 'ber…ne');
		assert.equal(truncateText('berth-engine-26', 6, '…', 'middle'), 'ber…26');
		assert.equal(truncateText('a.example.com', 7, '~', 'middle'), 'a.e~com');
		assert.equal(truncateText('prod', 6, '…', 'middle'), 'prod', 'room: whole');
		assert.equal(truncateText('berth-engine', 2, '…', 'middle'), 'b…', 'too narrow for both ends');
		assert.equal(truncateText('日本語テキスト', 7, '…', 'middle'), '日…ト', 'wide text: as cli-truncate cuts it, never wider');
	});

	test('the ENGINE column is the one cut in the middle', () => {
		assert.equal(cutOf('engine'), 'middle');
		assert.equal(cutOf('name'), 'end');
	});
});

describe('padCell', () => {
	const cases: Array<{
		text: string;
		width: number;
		align?: 'left' | 'right';
		ellipsis?: string;
		expected: string;
	}> = [
		{text: 'ab', width: 5, expected: 'ab   '},
		{text: 'ab', width: 5, align: 'right', expected: '   ab'},
		{text: 'abcde', width: 5, expected: 'abcde'},
		{text: 'abcdef', width: 4, expected: 'abc…'},
		{text: 'abcdef', width: 4, align: 'right', ellipsis: '~', expected: 'abc~'},
		{text: '', width: 3, expected: '   '},
		{text: 'abc', width: 0, expected: ''},
		// Terminal columns, not code points: CJK and emoji take two, combining marks none.
		{text: '日本語', width: 8, expected: '日本語  '},
		{text: '日本語', width: 8, align: 'right', expected: '  日本語'},
		{text: '日本語テキスト', width: 6, expected: '日本… '},
		{text: 'tier=🚀prod', width: 12, expected: 'tier=🚀prod '},
		{text: 'cafe\u0301', width: 6, expected: 'cafe\u0301  '},
	];

	for (const {text, width, align, ellipsis, expected} of cases) {
		test(`"${text}" in ${width} ${align ?? 'left'}`, () => {
			const cell = padCell(text, width, align, ellipsis);
			assert.equal(cell, expected);
			assert.equal(stringWidth(cell), width);
		});
	}
});

describe('markSortedColumn', () => {
	const layout: ColumnLayout<'name' | 'cpu'> = [
		{id: 'name', title: 'NAME', width: 12, align: 'left'},
		{id: 'cpu', title: 'CPU %', width: 5, align: 'right'},
	];

	test('the sorted column\'s heading ends with its direction; the others and the layout given stay as they were', () => {
		assert.deepEqual(markSortedColumn(layout, {id: 'name', descending: false}, true).map(column => column.title), ['NAME↑', 'CPU %']);
		assert.deepEqual(markSortedColumn(layout, {id: 'name', descending: true}, false).map(column => column.title), ['NAMEv', 'CPU %']);
		assert.equal(layout[0]!.title, 'NAME');
	});

	test('a column no wider than its heading gives the heading\'s last place to the mark', () => {
		assert.equal(markSortedColumn(layout, {id: 'cpu', descending: true}, true)[1]!.title, 'CPU ↓');
	});

	test('no order, or a column not shown: the same layout', () => {
		assert.equal(markSortedColumn(layout, undefined, true), layout);
		assert.equal(markSortedColumn(layout, {id: 'memory', descending: true}, true), layout);
	});
});

describe('keepWidths', () => {
	const widths = (entries: Array<[string, number]>) => new Map(entries);

	test('a column widens at once, and narrows only once the narrower content has lasted the hold', () => {
		let kept = keepWidths(undefined, widths([['name', 10], ['status', 13]]), 0, 30_000);
		kept = keepWidths(kept, widths([['name', 22], ['status', 13]]), 1000, 30_000);
		assert.deepEqual([...kept.widths], [['name', 22], ['status', 13]], 'a wider name widens the column in the same frame');
		kept = keepWidths(kept, widths([['name', 10], ['status', 13]]), 2000, 30_000);
		assert.equal(kept.widths.get('name'), 22, 'the long name gone: the column keeps its width');
		kept = keepWidths(kept, widths([['name', 12], ['status', 13]]), 31_000, 30_000);
		assert.equal(kept.widths.get('name'), 22, '29 s narrower: still kept');
		kept = keepWidths(kept, widths([['name', 12], ['status', 13]]), 32_000, 30_000);
		assert.equal(kept.widths.get('name'), 12, '30 s narrower: the column narrows to what its content needs now');
		assert.equal(kept.widths.get('status'), 13);
	});

	test('content as wide as the kept width again starts the hold over', () => {
		let kept = keepWidths(undefined, widths([['status', 21]]), 0, 30_000);
		kept = keepWidths(kept, widths([['status', 13]]), 1000, 30_000);
		kept = keepWidths(kept, widths([['status', 21]]), 20_000, 30_000);
		kept = keepWidths(kept, widths([['status', 13]]), 25_000, 30_000);
		kept = keepWidths(kept, widths([['status', 13]]), 40_000, 30_000);
		assert.equal(kept.widths.get('status'), 21, 'narrower for 15 s since it was last needed');
		kept = keepWidths(kept, widths([['status', 13]]), 55_000, 30_000);
		assert.equal(kept.widths.get('status'), 13);
	});

	test('nothing changed: the same object, so what is laid out from it is kept too', () => {
		const first = keepWidths(undefined, widths([['name', 10]]), 0, 30_000);
		assert.equal(keepWidths(first, widths([['name', 10]]), 5000, 30_000), first);
		const waiting = keepWidths(first, widths([['name', 8]]), 6000, 30_000);
		assert.notEqual(waiting, first, 'the hold starts');
		assert.equal(keepWidths(waiting, widths([['name', 9]]), 7000, 30_000), waiting, 'still waiting, still narrower: nothing to tell');
		assert.notEqual(keepWidths(first, widths([['name', 10], ['ports', 4]]), 8000, 30_000), first, 'a column more');
	});
});
