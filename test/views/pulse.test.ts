// The pulse view: each engine's state first; an engine berth never reached is not called lost.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {reduceApp} from '../../source/state/app.js';
import {raiseAlerts} from '../../source/state/alerts.js';
import {selectPulseLines} from '../../source/views/pulse.js';
import {stateOf, withContainers} from '../commands/press.js';
import {statsSample} from '../state/records.js';

const at = Date.parse('2026-12-03T14:57:07Z');

test('an engine lost after it answered is LOST; one never reached since berth started is NOT REACHED', () => {
	let state = withContainers(['web'], 'local', stateOf({type: 'engine/connected', engine: 'far', version: '26.1.5'}));
	state = reduceApp(state, {type: 'engine/lost', engine: 'far', error: 'connection refused', at});
	state = reduceApp(state, {type: 'engine/lost', engine: 'default', error: 'no socket there', at});
	const heads = selectPulseLines(state)
		.map(line => line.text)
		.filter(text => /^\S+: /.test(text));
	assert.ok(heads.some(text => /^far: LOST since 2026-12-03 \d\d:\d\d:07: connection refused$/.test(text)), heads.join('\n'));
	assert.ok(heads.some(text => /^default: NOT REACHED since 2026-12-03 \d\d:\d\d:07: no socket there$/.test(text)), heads.join('\n'));
	assert.ok(heads.some(text => /^local: up, /.test(text)), heads.join('\n'));
	for (const text of heads) assert.ok(text.length <= 80, `fits 80 columns: ${text}`);
});

test("with several engines the latest alerts say whose container each is; with one they need not", () => {
	const raised = (state: ReturnType<typeof withContainers>) => ({
		...state,
		alerts: raiseAlerts(state.alerts, [
			{kind: 'crash-loop', engine: 'far', container: 'loop', key: 'far\u0000loop', text: 'restarted 3 times within 10 minutes (3 in all), last exit code 2', at},
			{kind: 'engine-lost', engine: 'far', container: '', key: 'far', text: 'engine lost', at},
		]),
	});
	/** The rows after `Latest alerts`, each alert's time as HH:MM:SS. */
	const alertLines = (state: ReturnType<typeof withContainers>) => {
		const lines = selectPulseLines(raised(state)).map(line => line.text);
		return lines.slice(lines.findIndex(text => text.startsWith('Latest alerts')) + 1).map(text => text.replace(/^ {2}\d\d:\d\d:07 /, '  HH:MM:SS '));
	};

	const two = withContainers(['web'], 'local', stateOf({type: 'engine/connected', engine: 'far', version: '26.1.5'}));
	// The crash loop's reason goes on under its start: cut at 80 columns, its exit code was lost.
	assert.deepEqual(alertLines(two), [
		'  HH:MM:SS engine-lost far: engine lost',
		'  HH:MM:SS crash-loop loop on far: restarted 3 times within 10 minutes (3 in',
		'                                   all), last exit code 2',
	]);
	for (const text of alertLines(two)) assert.ok(text.length <= 78, `fits 80 columns beside the selection mark: ${text}`);
	const one = stateOf({type: 'engine/connected', engine: 'far', version: '26.1.5'});
	assert.match(alertLines(one).join('\n'), /crash-loop loop: restarted/);
});

test('an engine that stopped answering is said so, and its busiest containers are stale', () => {
	let state = withContainers(['web'], 'local', stateOf({type: 'engine/connected', engine: 'far', version: '26.1.5'}));
	state = reduceApp(state, {type: 'engine/unanswered', engine: 'far', since: at - 17_000, at});
	const lines = selectPulseLines(state).map(line => line.text);
	assert.ok(lines.includes('far: NOT ANSWERING for 17 s: what follows is stale'), lines.join('\n'));
	assert.ok(lines.some(text => /^local: up, /.test(text)), 'the other engine goes on');
	const far = lines.slice(lines.indexOf('far: NOT ANSWERING for 17 s: what follows is stale'));
	assert.match(far.find(text => text.includes('Top CPU')) ?? '', /Top CPU {5}stale: /);
});

test('the busiest containers are of figures sampled now, not those kept from rows that left the containers list', () => {
	let state = withContainers(['web', 'db']);
	for (const [name, cpu] of [['web', 30], ['db', 60]] as const) {
		state = reduceApp(state, {
			type: 'stats/sampled',
			engine: 'local',
			id: `id-${name}`,
			sample: statsSample({cpuTotal: cpu, preCpuTotal: 0, systemCpu: 100, preSystemCpu: 0, onlineCpus: 1, memoryUsage: 1000}),
		});
	}

	const top = (current: typeof state) => selectPulseLines(current).map(line => line.text).find(text => text.includes('Top CPU')) ?? '';
	assert.match(top(state), /db 60\.00% {2}web 30\.00%$/);
	state = reduceApp(state, {type: 'stats/left', engine: 'local', id: 'id-db'});
	assert.match(top(state), /Top CPU\s+web 30\.00%$/);
});

test('an alert in pulse takes two rows at most: the rest is cut and marked (! shows it whole)', () => {
	const reason = `unhealthy: exit code 1, ${'database unreachable at db.internal:5432 after 3 tries; '.repeat(3).trim()}`;
	const state = stateOf({type: 'engine/connected', engine: 'far', version: '26.1.5'});
	const raisedState = {...state, alerts: raiseAlerts(state.alerts, [{kind: 'unhealthy', engine: 'far', container: 'db', key: 'far\u0000db', text: reason, at}])};
	const lines = selectPulseLines(raisedState).map(line => line.text);
	const rows = lines.slice(lines.findIndex(text => text.startsWith('Latest alerts')) + 1);
	assert.equal(rows.length, 2, rows.join('\n'));
	assert.match(rows[0]!, /^ {2}\d\d:\d\d:07 unhealthy db: unhealthy: exit code 1, database unreachable/);
	assert.match(rows[1]!, /^ {25}\S.*…$/, 'under the start of the reason');
	for (const text of rows) assert.equal(text.length <= 78, true, text);
	const plain = selectPulseLines({...raisedState, settings: {...raisedState.settings, unicode: false}}).map(line => line.text);
	assert.match(plain.at(-1)!, /~$/);
});
