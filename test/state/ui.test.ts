// The view reducer: selection and scrolling, the `/` filter prompt and the `:` command line.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	initialUi,
	type ListShape,
	reduceUi,
	selectOffset,
	selectSelectedIndex,
	type UiAction,
	type UiState,
} from '../../source/state/ui.js';

const keys = (count: number) => Array.from({length: count}, (_, index) => `k${index}`);
const list = (count: number, pageSize = 5): ListShape => ({keys: keys(count), pageSize});

function run(actions: UiAction[], state: UiState = initialUi): UiState {
	return actions.reduce(reduceUi, state);
}

function typed(mode: 'filter' | 'command', text: string, state: UiState = initialUi): UiState {
	const open: UiAction = mode === 'filter' ? {type: 'filter/open'} : {type: 'command/open'};
	const letters = [...text].map(
		(character): UiAction => ({type: mode === 'filter' ? 'filter/type' : 'command/type', text: character}),
	);
	return run([open, ...letters], state);
}

describe('moving the selection', () => {
	type ListAction = Extract<UiAction, {list: ListShape}>;
	const cases: Array<{name: string; actions: ListAction[]; index: number}> = [
		{name: 'nothing selected yet: the first row', actions: [], index: 0},
		{name: 'down one', actions: [{type: 'move', by: 1, list: list(10)}], index: 1},
		{name: 'up from the top stays on the first row', actions: [{type: 'move', by: -1, list: list(10)}], index: 0},
		{
			name: 'down past the end stays on the last row',
			actions: [{type: 'move', by: 25, list: list(10)}],
			index: 9,
		},
		{name: 'last', actions: [{type: 'move-to', to: 'last', list: list(10)}], index: 9},
		{
			name: 'first after last',
			actions: [
				{type: 'move-to', to: 'last', list: list(10)},
				{type: 'move-to', to: 'first', list: list(10)},
			],
			index: 0,
		},
		{name: 'a page down moves by the page size', actions: [{type: 'page', by: 1, list: list(20, 5)}], index: 5},
		{
			name: 'a page down near the end stops at the last row',
			actions: [
				{type: 'move', by: 17, list: list(20, 5)},
				{type: 'page', by: 1, list: list(20, 5)},
			],
			index: 19,
		},
		{
			name: 'a page up near the top stops at the first row',
			actions: [
				{type: 'move', by: 3, list: list(20, 5)},
				{type: 'page', by: -1, list: list(20, 5)},
			],
			index: 0,
		},
		{
			name: 'a page of size 0 still moves one row',
			actions: [{type: 'page', by: 1, list: list(20, 0)}],
			index: 1,
		},
	];

	for (const {name, actions, index} of cases) {
		test(name, () => {
			const state = run(actions);
			const count = actions.length === 0 ? 10 : (actions[0]!.list.keys.length);
			assert.equal(selectSelectedIndex(state, keys(count)), index);
			if (actions.length > 0) assert.equal(state.selectedKey, `k${index}`);
		});
	}

	test('an empty list has no selection', () => {
		const state = run([{type: 'move', by: 1, list: list(0)}]);
		assert.equal(state.selectedKey, undefined);
		assert.equal(selectSelectedIndex(state, []), -1);
		assert.equal(run([{type: 'move-to', to: 'last', list: list(0)}]).selectedKey, undefined);
	});
});

describe('the selection across changes of the list', () => {
	test('it stays on its row when the rows are re-ordered', () => {
		const state = run([{type: 'move', by: 2, list: list(5)}]);
		assert.equal(state.selectedKey, 'k2');
		assert.equal(selectSelectedIndex(state, ['k4', 'k2', 'k0', 'k1', 'k3']), 1);
	});

	test('moving after a re-order starts from the row, not from the old index', () => {
		let state = run([{type: 'move', by: 2, list: list(5)}]);
		state = reduceUi(state, {type: 'move', by: 1, list: {keys: ['k2', 'k0', 'k1', 'k3', 'k4'], pageSize: 5}});
		assert.equal(state.selectedKey, 'k0');
	});

	test('when its row disappears it falls back to the same place', () => {
		const state = run([{type: 'move', by: 2, list: list(5)}]);
		assert.equal(selectSelectedIndex(state, ['k0', 'k1', 'k3', 'k4']), 2);
	});

	test('when its row disappears at the end it falls back to the new last row', () => {
		const state = run([{type: 'move-to', to: 'last', list: list(5)}]);
		assert.equal(selectSelectedIndex(state, ['k0', 'k1']), 1);
	});

	test('moving from a vanished row moves from where it was', () => {
		let state = run([{type: 'move', by: 2, list: list(5)}]);
		state = reduceUi(state, {type: 'move', by: 1, list: {keys: ['k0', 'k1', 'k3', 'k4'], pageSize: 5}});
		assert.equal(state.selectedKey, 'k4');
	});
});

describe('selectOffset', () => {
	test('scrolls down just enough to show the selection', () => {
		const state = run([{type: 'move', by: 7, list: list(20, 5)}]);
		assert.equal(selectOffset(state, keys(20), 5), 3);
		assert.equal(state.offset, 3);
	});

	test('scrolls up when the selection goes above the page', () => {
		let state = run([{type: 'move', by: 12, list: list(20, 5)}]);
		state = reduceUi(state, {type: 'move', by: -6, list: list(20, 5)});
		assert.equal(state.offset, 6);
		assert.equal(selectOffset(state, keys(20), 5), 6);
	});

	test('the selection is on the page for every move', () => {
		let state = initialUi;
		for (const by of [3, 9, -4, 15, -20, 7, 1, 1, 1, -2]) {
			state = reduceUi(state, {type: 'move', by, list: list(30, 6)});
			const index = selectSelectedIndex(state, keys(30));
			const offset = selectOffset(state, keys(30), 6);
			assert.ok(index >= offset && index < offset + 6, `row ${index} visible from ${offset}`);
		}
	});

	test('the page stays full when rows disappear below it', () => {
		const state = run([{type: 'move-to', to: 'last', list: list(20, 5)}]);
		assert.equal(state.offset, 15);
		assert.equal(selectOffset(state, keys(8), 5), 3);
	});

	test('a list shorter than the page starts at 0; an empty one too', () => {
		const state = run([{type: 'move', by: 2, list: list(20, 5)}]);
		assert.equal(selectOffset(state, keys(3), 5), 0);
		assert.equal(selectOffset(state, [], 5), 0);
	});

	test('a page of size 0 counts as one row', () => {
		const state = run([{type: 'move', by: 4, list: list(10, 1)}]);
		assert.equal(selectOffset(state, keys(10), 0), 4);
	});
});

describe('the / filter prompt', () => {
	test('opens with the kept filter as its draft, and clears the message', () => {
		const state = run([{type: 'message/show', message: {text: 'x', tone: 'info'}}, {type: 'filter/open'}], {
			...initialUi,
			filter: 'web',
		});
		assert.equal(state.mode, 'filter');
		assert.equal(state.draft, 'web');
		assert.equal(state.message, undefined);
	});

	test('typing and erasing edit the draft only', () => {
		let state = typed('filter', 'ngin');
		assert.equal(state.draft, 'ngin');
		assert.equal(state.filter, '');
		state = reduceUi(state, {type: 'filter/erase'});
		assert.equal(state.draft, 'ngi');
		state = run([{type: 'filter/erase'}, {type: 'filter/erase'}, {type: 'filter/erase'}, {type: 'filter/erase'}], state);
		assert.equal(state.draft, '');
	});

	test('erasing removes a whole character, not half of one', () => {
		const state = reduceUi(typed('filter', 'a😀'), {type: 'filter/erase'});
		assert.equal(state.draft, 'a');
	});

	test('Enter keeps the filter and selects the first row of the list passed in', () => {
		let state = run([{type: 'move', by: 7, list: list(20, 5)}]);
		state = typed('filter', ' web ', state);
		state = reduceUi(state, {type: 'filter/keep', list: {keys: ['w3', 'w1'], pageSize: 5}});
		assert.equal(state.mode, 'list');
		assert.equal(state.filter, 'web');
		assert.equal(state.selectedKey, 'w3');
		assert.equal(state.selectedIndex, 0);
		assert.equal(state.offset, 0);
	});

	test('Enter with nothing matching leaves no selection', () => {
		const state = reduceUi(typed('filter', 'zzz'), {type: 'filter/keep', list: {keys: [], pageSize: 5}});
		assert.equal(state.filter, 'zzz');
		assert.equal(state.selectedKey, undefined);
	});

	test('Esc clears the filter and the draft', () => {
		let state = typed('filter', 'web');
		state = reduceUi(state, {type: 'filter/keep', list: list(3)});
		state = typed('filter', 'x', state);
		state = reduceUi(state, {type: 'filter/clear'});
		assert.equal(state.mode, 'list');
		assert.equal(state.filter, '');
		assert.equal(state.draft, '');
	});
});

describe('help, messages and quit', () => {
	test('help toggles and closes', () => {
		const open = reduceUi(initialUi, {type: 'help/toggle'});
		assert.equal(open.mode, 'help');
		assert.equal(reduceUi(open, {type: 'help/toggle'}).mode, 'list');
		assert.equal(reduceUi(open, {type: 'help/close'}).mode, 'list');
	});

	test('a message shows and clears', () => {
		const shown = reduceUi(initialUi, {type: 'message/show', message: {text: 'stopped web', tone: 'info'}});
		assert.deepEqual(shown.message, {text: 'stopped web', tone: 'info'});
		assert.equal(reduceUi(shown, {type: 'message/clear'}).message, undefined);
	});

	test('quit sets quitting', () => {
		assert.equal(reduceUi(initialUi, {type: 'quit'}).quitting, true);
		assert.equal(initialUi.quitting, false);
	});
});

describe('a table view\'s order', () => {
	const columns = [
		{id: 'repository', descending: false},
		{id: 'size', descending: true},
	];
	const next = (view = 'images', selectedKey?: string): UiAction => ({type: 'table-sort/next', view, columns, selectedKey});
	const reverse = (view = 'images', selectedKey?: string): UiAction => ({type: 'table-sort/reverse', view, selectedKey});

	test('next goes through the columns, each in the direction it starts in, then back to the view\'s own order', () => {
		const seen = [];
		let state = initialUi;
		for (let press = 0; press < 4; press++) {
			state = reduceUi(state, next());
			seen.push(state.tableSorts.images);
		}

		assert.deepEqual(seen, [{column: 'repository', descending: false}, {column: 'size', descending: true}, undefined, {column: 'repository', descending: false}]);
		assert.deepEqual(reduceUi(reduceUi(reduceUi(initialUi, next()), next()), next()).tableSorts, {}, 'the view\'s own order is no entry');
	});

	test('reverse flips the column\'s direction, or the view\'s own order; twice is where it was', () => {
		assert.deepEqual(reduceUi(initialUi, reverse()).tableSorts, {images: {column: undefined, descending: true}});
		assert.deepEqual(run([reverse(), reverse()]).tableSorts, {});
		assert.deepEqual(run([next(), next(), reverse()]).tableSorts, {images: {column: 'size', descending: false}});
		// From the reversed own order, next starts at the first column.
		assert.deepEqual(run([reverse(), next()]).tableSorts, {images: {column: 'repository', descending: false}});
	});

	test('a column no longer shown: next starts again at the first', () => {
		const state = {...initialUi, tableSorts: {images: {column: 'gone', descending: true}}};
		assert.deepEqual(reduceUi(state, next()).tableSorts.images, {column: 'repository', descending: false});
	});

	test('each view has its own, and switching views keeps them', () => {
		let state = run([{type: 'view/switch', view: 'images'}, next('images'), next('images')]);
		state = run([{type: 'view/switch', view: 'volumes'}, next('volumes'), {type: 'view/switch', view: 'images'}], state);
		assert.deepEqual(state.tableSorts, {images: {column: 'size', descending: true}, volumes: {column: 'repository', descending: false}});
		assert.deepEqual(state.sort, initialUi.sort, 'the containers\' order is another');
	});

	test('the selection is pinned to the row it was on (by key), even one selected only by its place', () => {
		const placed = {...initialUi, selectedKey: undefined, selectedIndex: 3};
		assert.equal(reduceUi(placed, next('images', 'k3')).selectedKey, 'k3');
		assert.equal(reduceUi(placed, reverse('images', 'k3')).selectedKey, 'k3');
		const kept = {...initialUi, selectedKey: 'k1'};
		assert.equal(reduceUi(kept, next('images', undefined)).selectedKey, 'k1', 'an empty list leaves the key as it was');
	});
});
