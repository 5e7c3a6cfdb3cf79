// The events view: the engines' recent events, newest first; it has no commands of its own.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {EngineEvent} from '../../source/engine/types.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {paneTitles, selectPaneLinesFor} from '../../source/state/select/paneLines.js';
import {eventsView, selectEventRows} from '../../source/views/events.js';
import {named, press, stateOf, withContainers} from '../commands/press.js';

// The times below are written in UTC; the last test sets zones of its own.
process.env.TZ = 'UTC';

const at = (iso: string) => Date.parse(iso) * 1e6;

function events(...list: EngineEvent[]): AppState {
	return press(list.reduce((state, event) => reduceApp(state, {type: 'events/received', engine: 'local', event}), withContainers([])), '5');
}

const sample = (): EngineEvent[] => [
	{type: 'container', action: 'start', id: 'c'.repeat(64), timeNano: at('2024-05-01T11:59:00.5Z'), attributes: {name: 'web', image: 'nginx:1.25'}},
	{type: 'container', action: 'die', id: 'c'.repeat(64), timeNano: at('2024-05-01T11:59:30Z'), attributes: {name: 'web', image: 'nginx:1.25', exitCode: '137', 'com.docker.compose.project': 'shop', signal: '9'}},
	{type: 'network', action: 'connect', id: 'n'.repeat(64), timeNano: at('2024-05-01T11:59:40Z'), attributes: {name: 'bridge', container: 'abc', type: 'bridge'}},
	{type: 'image', action: 'pull', id: 'busybox:latest', timeNano: at('2024-05-01T11:59:50Z'), attributes: {}},
];

describe('rows', () => {
	test('newest first, with time, type, action, name and details (compose labels left out)', () => {
		const state = events(...sample());
		assert.deepEqual(
			selectEventRows(state.resources.events).map(row => [row.cells.time, row.cells.type, row.cells.action, row.cells.name, row.cells.details, row.tone]),
			[
				['2024-05-01 11:59:50', 'image', 'pull', 'busybox:latest', '', 'neutral'],
				['2024-05-01 11:59:40', 'network', 'connect', 'bridge', 'container=abc', undefined],
				['2024-05-01 11:59:30', 'container', 'die', 'web', 'image=nginx:1.25 exitCode=137 signal=9', 'bad'],
				['2024-05-01 11:59:00', 'container', 'start', 'web', 'image=nginx:1.25', 'good'],
			],
		);
	});

	test('an action with arguments (kill: 9) is toned by its word; one unknown (exec_die) is not toned', () => {
		const state = events({type: 'container', action: 'exec_die', id: 'x', timeNano: 0, attributes: {}}, {type: 'container', action: 'kill: 9', id: 'x', timeNano: 0, attributes: {}});
		assert.deepEqual(selectEventRows(state.resources.events).map(row => row.tone), ['bad', undefined]);
	});

	test('the view: key 5, newest first, no listing of its own, Enter its one command', () => {
		assert.equal(eventsView.key, '5');
		assert.deepEqual(eventsView.listings, []);
		assert.deepEqual(eventsView.commands.map(command => [command.action, command.keys]), [['event-show', ['return']]]);
		assert.equal(eventsView.caption?.(stateOf()), 'newest first');
		assert.equal(eventsView.emptyText(stateOf(), ''), 'No events.');
	});
});

describe('keys', () => {
	test('Enter shows the selected event whole in a pane: its fields, then every attribute, compose labels too; Esc back', () => {
		const state = events(...sample());
		const shown = press(state, 'j', 'j', named('return'));
		assert.equal(shown.ui.mode, 'pane');
		assert.equal(shown.operations.pane?.kind, 'event');
		assert.equal(`${paneTitles.event}: ${shown.operations.pane?.target.name}`, 'Event: die web');
		assert.deepEqual(selectPaneLinesFor(shown, shown.operations.pane!, true), [
			'Time        2024-05-01 11:59:30.000',
			'Type        container',
			'Action      die',
			`ID          ${'c'.repeat(64)}`,
			'Engine      local',
			'',
			'Attributes (5)',
			'  com.docker.compose.project  shop',
			'  exitCode                    137',
			'  image                       nginx:1.25',
			'  name                        web',
			'  signal                      9',
		]);
		// 40 columns: the ID goes on under its column; an attribute's value under the attributes' column.
		assert.deepEqual(selectPaneLinesFor(shown, shown.operations.pane!, true, 40).slice(3, 7), [
			`ID          ${'c'.repeat(28)}`,
			`            ${'c'.repeat(28)}`,
			`            ${'c'.repeat(8)}`,
			'Engine      local',
		]);
		assert.ok(selectPaneLinesFor(shown, shown.operations.pane!, true, 40).every(line => line.length <= 40));
		assert.equal(press(shown, named('escape')).ui.mode, 'list');
		const pull = press(state, named('return'));
		assert.deepEqual(selectPaneLinesFor(pull, pull.operations.pane!, true).slice(0, 5), ['Time        2024-05-01 11:59:50.000', 'Type        image', 'Action      pull', 'ID          busybox:latest', 'Engine      local']);
		assert.equal(selectPaneLinesFor(pull, pull.operations.pane!, true).length, 5, 'no attributes: no heading');
		assert.deepEqual(press(events(), named('return')).ui.message, {text: 'No event selected.', tone: 'error'});
	});

	test('the list keys move and filter; the container keys do nothing', () => {
		const state = events(...sample());
		assert.equal(press(state, 'j').ui.selectedKey, 'local\u00003');
		assert.equal(press(state, 's'), state);
		assert.equal(press(state, 'd'), state);
		const filtered = press(state, '/', 'die', named('return'));
		assert.equal(filtered.ui.filter, 'die');
		assert.equal(filtered.ui.selectedKey, 'local\u00002');
	});
});

test("times are the operator's local time, as docker events prints them, not UTC", () => {
	const zone = process.env.TZ;
	try {
		const state = events(...sample());
		process.env.TZ = 'Europe/Berlin';
		assert.equal(selectEventRows(state.resources.events).at(-1)?.cells.time, '2024-05-01 13:59:00', 'UTC+2 in summer');
		process.env.TZ = 'America/New_York';
		assert.equal(selectEventRows(state.resources.events).at(-1)?.cells.time, '2024-05-01 07:59:00');
	} finally {
		if (zone === undefined) delete process.env.TZ;
		else process.env.TZ = zone;
	}
});

test('an image event without a name says its reference whole; an id (a sha256, a swarm node\'s) is shortened', () => {
	const state = events(
		{type: 'image', action: 'pull', id: 'registry.local:5000/shop/web:1.25', timeNano: 0, attributes: {}},
		{type: 'image', action: 'untag', id: `sha256:${'a'.repeat(64)}`, timeNano: 1, attributes: {name: `sha256:${'a'.repeat(64)}`}},
		{type: 'node', action: 'update', id: 'k3xq9z0m2b7v4c8n1p6r5t0wy', timeNano: 2, attributes: {}},
		{type: 'container', action: 'start', id: 'c'.repeat(64), timeNano: 3, attributes: {name: 'abcdefghijklmnopqrstuvwxy'}},
	);
	// A container's name of 25 letters is its name, not a swarm id.
	assert.deepEqual(selectEventRows(state.resources.events).map(row => row.cells.name), ['abcdefghijklmnopqrstuvwxy', 'k3xq9z0m2b7v', 'aaaaaaaaaaaa', 'registry.local:5000/shop/web:1.25']);
});
