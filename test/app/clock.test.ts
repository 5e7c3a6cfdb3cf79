// Whether the clock moving on changes the screen: seconds at once, minutes with the next figures, else nothing.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type AppState, createAppState, reduceApp} from '../../source/state/app.js';
import {reduceAppEvent} from '../../source/commands/input.js';
import {clockChangesScreen} from '../../source/app/clock.js';
import {containerKey} from '../../source/state/containers.js';
import {containerRecord, timingRecord} from '../state/records.js';

const now = Date.parse('2024-05-01T12:00:00Z');
const second = 1000;

/** The containers list with one container per start time, each timed. */
function listWith(started: Record<string, number>): AppState {
	let state = createAppState(now);
	state = reduceApp(state, {
		type: 'containers/listed',
		engine: 'local',
		records: Object.keys(started).map(id => containerRecord({engine: 'local', id, names: [`/${id}`]})),
	});
	for (const [id, at] of Object.entries(started)) {
		state = reduceApp(state, {type: 'container/timed', engine: 'local', id, timing: timingRecord({startedAt: new Date(at).toISOString()})});
	}

	return state;
}

const key = (id: string) => containerKey('local', id);

describe('clockChangesScreen', () => {
	test('a container shown counting seconds: redraw now', () => {
		const state = listWith({young: now - 30 * second});
		assert.equal(clockChangesScreen(state, [key('young')], now + second), 'seconds');
	});

	test('a container shown turning from 5 to 6 minutes: redraw with the next figures', () => {
		const state = listWith({old: now - 6 * 60 * second + 500});
		assert.equal(clockChangesScreen(state, [key('old')], now + second), 'coarse');
	});

	test('texts that stay the same: nothing to redraw', () => {
		const state = listWith({old: now - 6 * 60 * second - 10 * second});
		assert.equal(clockChangesScreen(state, [key('old')], now + second), 'none');
	});

	test('a container off screen changes nothing, unless the list is sorted by status', () => {
		const state = listWith({shown: now - 10 * 60 * second, hidden: now - 20 * second});
		assert.equal(clockChangesScreen(state, [key('shown')], now + second), 'none');
		const byStatus = {...state, ui: {...state.ui, sort: {by: 'status' as const, descending: false}}};
		assert.equal(clockChangesScreen(byStatus, [key('shown')], now + second), 'seconds');
	});

	test('a seconds text anywhere on screen wins over minutes', () => {
		const state = listWith({old: now - 6 * 60 * second + 500, young: now - 5 * second});
		assert.equal(clockChangesScreen(state, [key('old'), key('young')], now + second), 'seconds');
	});

	test('the logs pane shows no ages: nothing to redraw', () => {
		const state = listWith({young: now - 30 * second});
		const logs = reduceAppEvent(state, {type: 'keys/pressed', presses: [{name: 'l', printable: true}], pageSize: 20});
		assert.ok(logs.logs, 'the logs pane is open');
		assert.equal(clockChangesScreen(logs, [key('young')], now + second), 'none');
	});
});
