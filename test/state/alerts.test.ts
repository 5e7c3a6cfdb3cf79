// The alerts reducer: newest first, bounded, acknowledged one or all, back when it recurs; fed through reduceApp.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {RaisedAlert} from '../../source/state/alertRules.js';
import {type AppState, createAppState, reduceApp} from '../../source/state/app.js';
import {alertCapacity, countOpenAlerts, createAlerts, raiseAlerts, reduceAlerts, selectAlertedKeys, watchEvent, watchTiming} from '../../source/state/alerts.js';
import {containerKey} from '../../source/state/containers.js';
import {enqueue} from '../../source/state/operations.js';
import {containerRecord, timingRecord} from './records.js';

const now = Date.parse('2026-11-30T12:00:00Z');
const raised = (kind: RaisedAlert['kind'], key: string, at = now): RaisedAlert => ({kind, engine: 'local', container: key, key, text: kind, at});

describe('reduceAlerts', () => {
	test('newest first; one that recurs comes back to the top unacknowledged, counted', () => {
		let alerts = raiseAlerts(createAlerts(now), [raised('died', 'a'), raised('oom', 'b')]);
		assert.deepEqual(alerts.list.map(alert => `${alert.kind} ${alert.key}`), ['oom b', 'died a']);
		alerts = reduceAlerts(alerts, {type: 'alerts/acknowledged'});
		assert.equal(countOpenAlerts(alerts), 0);
		alerts = raiseAlerts(alerts, [raised('died', 'a', now + 5000)]);
		assert.deepEqual(alerts.list.map(alert => [alert.kind, alert.key, alert.times, alert.acknowledged]), [['died', 'a', 2, false], ['oom', 'b', 1, true]]);
		assert.equal(countOpenAlerts(alerts), 1);
		assert.deepEqual([...selectAlertedKeys(alerts)], ['a']);
		assert.ok(alerts.list[0]!.id > alerts.list[1]!.id, 'a recurring alert gets a new id, so the outlets send it again');
	});

	test('an alert that corrects another (a died that was an OOM kill) takes its place: one line for one exit', () => {
		let alerts = raiseAlerts(createAlerts(now), [raised('died', 'a'), raised('died', 'b')]);
		alerts = raiseAlerts(alerts, [{...raised('oom', 'a', now + 1000), replaces: 'died'}]);
		assert.deepEqual(alerts.list.map(alert => `${alert.kind} ${alert.key}`), ['oom a', 'died b']);
		assert.equal('replaces' in alerts.list[0]!, false, 'kept as any alert');
		assert.equal(countOpenAlerts(alerts), 2);
		// b died twice before; its second exit was the OOM kill: the first stays said.
		alerts = raiseAlerts(raiseAlerts(alerts, [raised('died', 'b', now + 2000)]), [{...raised('oom', 'b', now + 3000), replaces: 'died'}]);
		assert.deepEqual(alerts.list.map(alert => `${alert.kind} ${alert.key} ${alert.times}`), ['oom b 1', 'died b 1', 'oom a 1']);
	});

	test('Docker 20.10 under load: the die and its inspect before the oom event; one oom line in the end', () => {
		const look = (at: number, timing: Partial<Parameters<typeof timingRecord>[0]>) =>
			({key: 'hog', engine: 'local', name: 'hog', now: at, created: now + 500, timing: timingRecord({startedAt: new Date(now + 1000).toISOString(), ...timing})}) as const;
		const exited = {state: 'exited', running: false, exitCode: 137, finishedAt: new Date(now + 4000).toISOString()} as const;
		let alerts = watchTiming(createAlerts(now), look(now + 2000, {}));
		alerts = watchTiming(alerts, look(now + 5000, exited));
		assert.deepEqual(alerts.list.map(alert => alert.kind), ['died']);
		alerts = watchEvent(alerts, 'hog', {type: 'container', action: 'oom', id: 'hog', attributes: {}, timeNano: (now + 4200) * 1e6});
		alerts = watchTiming(alerts, look(now + 5500, exited));
		assert.deepEqual(alerts.list.map(alert => [alert.kind, alert.text]), [['oom', 'killed for lack of memory (exit code 137)']]);
		assert.equal(watchTiming(alerts, look(now + 6000, exited)).list.length, 1, 'said once');
	});

	test('acknowledging one leaves the others', () => {
		let alerts = raiseAlerts(createAlerts(now), [raised('died', 'a'), raised('unhealthy', 'b')]);
		alerts = reduceAlerts(alerts, {type: 'alert/acknowledged', id: alerts.list[0]!.id});
		assert.deepEqual(alerts.list.map(alert => alert.acknowledged), [true, false]);
	});

	test('bounded', () => {
		const alerts = raiseAlerts(createAlerts(now), Array.from({length: alertCapacity + 50}, (_, index) => raised('died', `c${index}`)));
		assert.equal(alerts.list.length, alertCapacity);
		assert.equal(alerts.list[0]!.key, `c${alertCapacity + 49}`);
	});
});

describe('alerts through reduceApp', () => {
	const record = containerRecord({id: 'x1', names: ['/worker'], created: Math.floor(now / 1000) + 1});
	const key = containerKey('local', 'x1');
	const listed = (state: AppState) => reduceApp(state, {type: 'containers/listed', engine: 'local', records: [record]});
	const timed = (state: AppState, overrides: Parameters<typeof timingRecord>[0]) =>
		reduceApp(state, {type: 'container/timed', engine: 'local', id: 'x1', timing: timingRecord(overrides), stated: true});
	const exited = {state: 'exited' as const, running: false, exitCode: 137, finishedAt: new Date(now + 4000).toISOString(), startedAt: new Date(now + 2000).toISOString()};

	test('an exit nobody asked for raises "died" with the container\'s name', () => {
		let state = timed(listed(createAppState(now)), {startedAt: new Date(now + 2000).toISOString()});
		state = timed({...state, now: now + 5000}, exited);
		assert.deepEqual(state.alerts.list.map(alert => [alert.kind, alert.container, alert.text]), [['died', 'worker', 'exited with code 137, not asked to stop']]);
	});

	test('an exit berth caused (its own kill sent just before) raises nothing', () => {
		let state = timed(listed(createAppState(now)), {startedAt: new Date(now + 2000).toISOString()});
		const operations = enqueue(state.operations, {kind: 'container-action', action: 'kill', targets: [{key, engine: 'local', id: 'x1', name: 'worker', state: 'running'}], options: {}});
		state = {...state, operations, now: now + 3000};
		state = reduceApp(state, {type: 'requests/taken', ids: operations.outbox.map(request => request.id)});
		state = timed({...state, now: now + 5000}, exited);
		assert.deepEqual(state.alerts.list, []);
	});

	test('an alert is dated when the engine was read, not at the clock\'s last tick (which waits while nothing on screen ages)', () => {
		let state = timed(listed(createAppState(now)), {startedAt: new Date(now + 2000).toISOString(), readAt: now + 2500});
		// The clock stood at `now` all along (the alerts view: no text on it ages).
		state = timed(state, {...exited, readAt: now + 64_000});
		assert.deepEqual(state.alerts.list.map(alert => [alert.kind, alert.at]), [['died', now + 64_000]]);
		// A kill berth sent, taken 90 s after the clock's tick, still explains an exit soon after it.
		let stopped = timed(listed(createAppState(now)), {startedAt: new Date(now + 2000).toISOString(), readAt: now + 2500});
		const operations = enqueue(stopped.operations, {kind: 'container-action', action: 'kill', targets: [{key, engine: 'local', id: 'x1', name: 'worker', state: 'running'}], options: {}});
		stopped = reduceApp({...stopped, operations}, {type: 'requests/taken', ids: operations.outbox.map(request => request.id), at: now + 90_000});
		const killed = {...exited, finishedAt: new Date(now + 90_500).toISOString(), readAt: now + 91_000};
		assert.deepEqual(timed(stopped, killed).alerts.list, []);
	});

	test('a swarm service whose tasks keep failing: one crash-loop for the service, no "died" for each task', () => {
		// Swarm replaces a failed task with a new container: each fails once, and the service is what loops.
		let state = createAppState(now);
		const labels = {'com.docker.swarm.service.name': 'failing', 'com.docker.swarm.task.id': 't'};
		const tasks = ['t1', 't2', 't3', 't4'].map((id, index) => containerRecord({id, names: [`/failing.1.${id}`], labels, created: Math.floor(now / 1000) + 1 + index * 5}));
		for (const [index, task] of tasks.entries()) {
			const at = now + index * 5000;
			state = reduceApp({...state, now: at + 1000}, {type: 'containers/listed', engine: 'local', records: tasks.slice(0, index + 1)});
			state = reduceApp(state, {type: 'container/timed', engine: 'local', id: task.id, timing: timingRecord({startedAt: new Date(at + 1000).toISOString()}), stated: true});
			const failed = {state: 'exited' as const, running: false, exitCode: 1, startedAt: new Date(at + 1000).toISOString(), finishedAt: new Date(at + 2000).toISOString()};
			state = reduceApp({...state, now: at + 3000}, {type: 'container/timed', engine: 'local', id: task.id, timing: timingRecord(failed), stated: true});
		}

		assert.deepEqual(
			state.alerts.list.map(alert => [alert.kind, alert.container, alert.text]),
			[['crash-loop', 'failing', 'service failing: 3 tasks failed within 10 minutes, last exit code 1']],
		);
		assert.equal(state.alerts.services?.size, 1, 'one service remembered');
	});

	test('an engine lost and back', () => {
		let state = reduceApp(createAppState(now), {type: 'engine/connected', engine: 'local', version: '26.1.5'});
		state = reduceApp(state, {type: 'engine/lost', engine: 'local', error: 'connect ENOENT', at: now + 1000});
		state = reduceApp(state, {type: 'engine/lost', engine: 'local', error: 'connect ENOENT', at: now + 2000});
		state = reduceApp(state, {type: 'engine/connected', engine: 'local', version: '26.1.5'});
		assert.deepEqual(state.alerts.list.map(alert => alert.kind), ['engine-back', 'engine-lost']);
	});
});

test('what is remembered of a container no longer listed goes (kept bounded for days)', () => {
	const record = containerRecord({id: 'x1', names: ['/worker']});
	let state = reduceApp(createAppState(now), {type: 'containers/listed', engine: 'local', records: [record]});
	state = reduceApp(state, {type: 'container/timed', engine: 'local', id: 'x1', timing: timingRecord()});
	assert.equal(state.alerts.watches.size, 1);
	state = reduceApp(state, {type: 'containers/listed', engine: 'local', records: []});
	assert.equal(state.alerts.watches.size, 0);
});
