// THE current list: the rows the screen shows and every command acts on, filtered once, with the selection.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {selectCurrentList, selectFilterText} from '../../source/views/current.js';
import {everyView, named, press, shownContainers, stateOf, withContainers} from '../commands/press.js';
import {containerRecord} from '../state/records.js';

const key = (name: string) => containerKey('local', `id-${name}`);
const four = () => withContainers(['api', 'db', 'web', 'worker']);

describe('the filter', () => {
	test('the draft while / is typed, the one kept after', () => {
		const typing = press(four(), '/', 'w');
		assert.equal(selectFilterText(typing), 'w');
		assert.deepEqual(selectCurrentList(typing).keys, [key('web'), key('worker')]);
		assert.equal(selectCurrentList(typing).filter, 'w');
		const kept = press(typing, 'eb', named('return'));
		assert.equal(selectFilterText(kept), 'web');
		assert.deepEqual(selectCurrentList(kept).keys, [key('web')]);
		const retyping = press(kept, '/', named('backspace'), named('backspace'), named('backspace'));
		assert.equal(selectCurrentList(retyping).rows.length, 4, 'the draft, emptied, shows all while typed');
		assert.equal(selectCurrentList(press(retyping, named('escape'))).rows.length, 4);
	});

	test('another prompt\'s draft is no filter', () => {
		const state = press(four(), ':', 'web');
		assert.equal(selectFilterText(state), '');
		assert.equal(selectCurrentList(state).rows.length, 4);
	});

	test('table views filter on every cell', () => {
		const state = press(everyView(), '2', '/', '1.25');
		assert.equal(selectCurrentList(state).rows.length, 1);
		assert.equal(selectCurrentList(press(state, 'x')).rows.length, 0);
	});
});

describe('the selection', () => {
	test('the first row before anything is selected; -1 and none in an empty list', () => {
		assert.equal(selectCurrentList(four()).selectedIndex, 0);
		assert.equal(shownContainers(four()).selected?.name, 'api');
		const empty = selectCurrentList(stateOf());
		assert.equal(empty.selectedIndex, -1);
		assert.equal(empty.selected, undefined);
	});

	test('follows its row by key when rows come before it', () => {
		let state = press(four(), 'jj');
		assert.equal(shownContainers(state).selected?.name, 'web');
		state = reduceApp(state, {type: 'containers/listed', engine: 'local', records: ['aaa', 'api', 'db', 'web', 'worker'].map(name => containerRecord({id: `id-${name}`, names: [`/${name}`]}))});
		assert.equal(shownContainers(state).selected?.name, 'web');
		assert.equal(selectCurrentList(state).selectedIndex, 3);
	});

	test('stays where it was when its row goes', () => {
		let state = press(four(), 'jj');
		state = reduceApp(state, {type: 'container/removed', engine: 'local', id: 'id-web'});
		assert.equal(shownContainers(state).selected?.name, 'worker');
		state = reduceApp(state, {type: 'container/removed', engine: 'local', id: 'id-worker'});
		assert.equal(shownContainers(state).selected?.name, 'db', 'the last row when the list got shorter');
	});

	test('the selection of the view shown', () => {
		const state = press(everyView(), 'j', '3');
		const list = selectCurrentList(state);
		assert.equal(list.view.name, 'volumes');
		assert.equal(list.selected?.key, containerKey('local', 'data'));
	});
});

describe('memoised rows', () => {
	test('the same state gives the identical rows array', () => {
		const state = four();
		assert.equal(selectCurrentList(state).rows, selectCurrentList(state).rows);
		assert.equal(selectCurrentList(state).keys, selectCurrentList(state).keys);
	});

	test('moving the selection or a message does not make the rows again', () => {
		const state = four();
		const rows = selectCurrentList(state).rows;
		assert.equal(selectCurrentList(press(state, 'j')).rows, rows);
		assert.equal(selectCurrentList(press(state, ':', 'nope', named('return'))).rows, rows);
		const volumes = press(everyView(), '3');
		assert.equal(selectCurrentList(press(volumes, 'j')).rows, selectCurrentList(volumes).rows);
	});

	test('a change to the containers, the filter or the sort makes them again', () => {
		const state = four();
		const rows = selectCurrentList(state).rows;
		const updated = reduceApp(state, {type: 'container/removed', engine: 'local', id: 'id-db'});
		assert.notEqual(selectCurrentList(updated).rows, rows);
		assert.equal(selectCurrentList(updated).rows.length, 3);
		assert.notEqual(selectCurrentList(press(state, '/', 'w')).rows, rows);
		assert.notEqual(selectCurrentList(press(state, 'o')).rows, rows);
	});
});

describe('the view', () => {
	test('the view named in the state; a name no view has falls back to the containers', () => {
		assert.equal(selectCurrentList(press(everyView(), '6')).view.name, 'services');
		const unknown = {...four(), ui: {...four().ui, view: 'gone'}};
		assert.equal(selectCurrentList(unknown).view.name, 'containers');
		assert.equal(selectCurrentList(unknown).rows.length, 4);
	});
});
