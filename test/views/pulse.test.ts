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
	const alertLines = (state: ReturnType<typeof withContainers>) => selectPulseLines(raised(state)).map(line => line.text).filter(text => / \d\d:\d\d:07 /.test(text));
	const two = withContainers(['web'], 'local', stateOf({type: 'engine/connected', engine: 'far', version: '26.1.5'}));
	assert.deepEqual(alertLines(two).map(text => text.replace(/^ {2}\d\d:\d\d:\d\d /, '')), [
		'engine-lost far: engine lost',
		'crash-loop loop on far: restarted 3 times within 10 minutes (3 in all), last exit code 2',
	]);
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
