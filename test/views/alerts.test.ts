// The alerts view: Enter or a acknowledges the selected alert and shows it whole; A acknowledges them all.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {selectScreenProps} from '../../source/app/screen.js';
import type {Engine} from '../../source/engine/types.js';
import type {AppState} from '../../source/state/app.js';
import {selectCurrentList} from '../../source/views/current.js';
import {raiseAlerts} from '../../source/state/alerts.js';
import {alertsView, formatAlertSubject} from '../../source/views/alerts.js';
import {named, now, press, stateOf, withContainers} from '../commands/press.js';

process.env.TZ = 'UTC';

function withAlerts(state: AppState): AppState {
	const alerts = raiseAlerts(state.alerts, [
		{kind: 'oom', engine: 'local', container: 'hog', key: 'local\u0000hog', text: 'killed for lack of memory (exit code 137)', at: now - 60_000},
		{kind: 'crash-loop', engine: 'local', container: 'loop', key: 'local\u0000loop', text: 'restarted 3 times within 5 minutes', at: now},
	]);
	return press({...state, alerts}, '!');
}

describe('the alerts view', () => {
	test('Enter acknowledges the selected alert and shows it whole: whom, what, when, why', () => {
		const state = withAlerts(withContainers([]));
		const seen = press(state, named('return'));
		assert.deepEqual(seen.ui.message, {text: 'Seen: loop crash-loop at 2024-05-01 12:00:00: restarted 3 times within 5 minutes', tone: 'info'});
		assert.deepEqual(seen.alerts.list.map(alert => [alert.container, alert.acknowledged]), [['loop', true], ['hog', false]]);
		const second = press(seen, 'j', 'a');
		assert.equal(second.ui.message?.text, 'Seen: hog oom at 2024-05-01 11:59:00: killed for lack of memory (exit code 137)');
		assert.ok(second.alerts.list.every(alert => alert.acknowledged));
	});

	test('A acknowledges every alert; with none, Enter says so', () => {
		const all = press(withAlerts(withContainers([])), 'A');
		assert.ok(all.alerts.list.every(alert => alert.acknowledged));
		assert.equal(all.ui.message?.text, 'Every alert acknowledged.');
		assert.deepEqual(press(press(stateOf(), '!'), named('return')).ui.message, {text: 'No alert selected.', tone: 'error'});
	});

	test('ENGINE comes first by itself with several engines, and is left out with one; / still finds an engine\'s name', () => {
		const state = withAlerts(withContainers([]));
		const layout = (count: number) =>
			selectScreenProps(state, [{name: 'local', addressText: 'unix:///var/run/docker.sock'}, {name: 'far', addressText: 'tcp://far:2376'}].slice(0, count) as unknown as Engine[], {width: 120, height: 24}, {color: false, unicode: true}).resourceTable!.layout.map(column => column.id);
		assert.deepEqual(layout(1), ['seen', 'time', 'kind', 'container', 'text']);
		assert.deepEqual(layout(2), ['engine', 'seen', 'time', 'kind', 'container', 'text']);
		assert.equal(press(state, '/', 'local', named('return')).ui.filter, 'local');
		assert.equal(selectCurrentList(press(state, '/', 'local', named('return'))).rows.length, 2);
	});

	test('with several engines an alert names the engine of its container; an engine\'s own alert names the engine', () => {
		assert.equal(formatAlertSubject({container: 'web', engine: 'far'}, 2), 'web on far');
		assert.equal(formatAlertSubject({container: 'web', engine: 'far'}, 1), 'web');
		assert.equal(formatAlertSubject({container: '', engine: 'far'}, 2), 'far');
		assert.equal(alertsView.key, '!');
	});
});
