// The alert rules as tables: restarts within a window, exits berth or someone asked for, OOM kills, health, engines.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerTiming} from '../../source/engine/types.js';
import {timingRecord} from './records.js';
import {type ContainerWatch, observeEngine, observeEvent, observeTaskFailure, observeTiming, type TimingLook} from '../../source/state/alertRules.js';

const since = Date.parse('2026-11-30T12:00:00Z');
const minute = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** A running container's timing as inspect tells it, started a second after berth, never restarted. */
function timing(overrides: Partial<ContainerTiming> = {}): ContainerTiming {
	return timingRecord({startedAt: iso(since + 1000), restartCount: 0, oomKilled: false, ...overrides});
}

function look(at: number, overrides: Partial<ContainerTiming> = {}, created = since + 500): TimingLook {
	return {key: 'k', engine: 'local', name: 'web', timing: timing(overrides), now: at, since, created};
}

/** Looks one after another; the kinds each raises. */
function run(looks: ReadonlyArray<TimingLook | {event: string; at: number}>, rules = {restarts: 3, windowMs: 10 * minute}, start?: ContainerWatch): string[][] {
	let watch = start;
	return looks.map(step => {
		if ('event' in step) {
			watch = observeEvent(watch, {type: 'container', action: step.event, id: 'x', attributes: {}, timeNano: step.at * 1_000_000});
			return [];
		}

		const result = observeTiming(watch, step, rules);
		watch = result.watch;
		return result.alerts.map(alert => alert.kind);
	});
}

const exited = (at: number, code: number, extra: Partial<ContainerTiming> = {}) =>
	({state: 'exited', running: false, exitCode: code, finishedAt: iso(at), ...extra}) as const;

describe('crash loops: restarts within the window', () => {
	const cases: Array<{name: string; counts: Array<[number, number]>; rules?: {restarts: number; windowMs: number}; expected: string[][]}> = [
		{name: 'three restarts in three minutes', counts: [[0, 0], [1, 1], [2, 2], [3, 3]], expected: [[], [], [], ['crash-loop']]},
		{name: 'three restarts over half an hour', counts: [[0, 0], [1, 1], [12, 2], [24, 3]], expected: [[], [], [], []]},
		{name: 'three restarts seen at once (events missed, the resync looked)', counts: [[0, 0], [2, 3]], expected: [[], ['crash-loop']]},
		{name: 'raised again only after as many restarts again', counts: [[0, 0], [1, 3], [2, 4], [3, 5], [4, 6]], expected: [[], ['crash-loop'], [], [], ['crash-loop']]},
		{name: 'two restarts with a rule of two in one minute', counts: [[0, 0], [0.5, 2]], rules: {restarts: 2, windowMs: minute}, expected: [[], ['crash-loop']]},
		{name: 'no look counts twice', counts: [[0, 1], [1, 1], [2, 1], [3, 1]], expected: [[], [], [], []]},
	];
	for (const {name, counts, rules, expected} of cases) {
		test(name, () => {
			assert.deepEqual(run(counts.map(([at, count]) => look(since + at * minute + 1000, {restartCount: count})), rules), expected);
		});
	}

	test('a container found with many restarts counts from now', () => {
		assert.deepEqual(run([look(since + 1000, {restartCount: 40}, since - 3_600_000), look(since + 2000, {restartCount: 41}, since - 3_600_000)]), [[], []]);
	});

	test('a container found restarting (between two runs of its loop) with as many restarts is a crash loop now', () => {
		const restarting = (count: number) => ({...exited(since - 5000, 3), restartCount: count, restarting: true, state: 'restarting'}) as const;
		const found = observeTiming(undefined, look(since + 1000, restarting(13), since - 3_600_000));
		assert.deepEqual(found.alerts.map(alert => alert.text), ['found restarting after exit code 3, 13 restarts in all']);
		// The next alert needs as many restarts again, seen by berth.
		assert.deepEqual(run([look(since + 1000, restarting(13), since - 3_600_000), look(since + 2000, restarting(14), since - 3_600_000)]), [['crash-loop'], []]);
		assert.deepEqual(run([look(since + 1000, restarting(2), since - 3_600_000)]), [[]], 'fewer restarts than the rule: not yet a loop');
		assert.deepEqual(run([look(since + 1000, {restartCount: 13}, since - 3_600_000)]), [[]], 'running: its restarts are history');
	});

	test('a container found in a run of its loop is a crash loop at its next exit within seconds of that start, once', () => {
		const old = since - 3_600_000;
		const started = since - 500;
		// Found running (its second of a run in Docker's back-off), then restarting after a run of 2 s.
		const inRun = look(since + 1000, {restartCount: 13, startedAt: iso(started)}, old);
		const failedAgain = (at: number, count: number, ran: number) =>
			look(at, {...exited(at - 100, 1), restartCount: count, restarting: true, state: 'restarting', startedAt: iso(at - 100 - ran)}, old);
		let watch = observeTiming(undefined, inRun).watch;
		const next = observeTiming(watch, failedAgain(since + 2000, 14, 2000));
		assert.deepEqual(next.alerts.map(alert => alert.text), ['exited with code 1 2 seconds after its start and is restarting, 14 restarts in all']);
		watch = next.watch;
		assert.deepEqual(observeTiming(watch, failedAgain(since + 62_000, 15, 1000)).alerts, [], 'said once; the window\'s rule goes on from here');
		// One that ran longer than Docker's back-off reset (10 s) before failing is not in a loop for it.
		assert.deepEqual(observeTiming(observeTiming(undefined, inRun).watch, failedAgain(since + 30_000, 14, 25_000)).alerts, []);
		// Nor one with fewer restarts than the rule.
		assert.deepEqual(observeTiming(observeTiming(undefined, look(since + 1000, {restartCount: 1}, old)).watch, failedAgain(since + 2000, 2, 1000)).alerts, []);
		// Nor one found running for a while (its restarts history), that later fails as fast: that is the window's rule's.
		const steady = look(since + 1000, {restartCount: 13, startedAt: iso(since - 86_400_000)}, old);
		assert.deepEqual(run([steady, failedAgain(since + 3_600_000, 14, 2000), failedAgain(since + 3_700_000, 15, 2000)]), [[], [], []]);
		// Looked at again while its run goes on: still found in it.
		assert.deepEqual(run([inRun, look(since + 1500, {restartCount: 13, startedAt: iso(started)}, old), failedAgain(since + 3000, 14, 3000)]), [[], [], ['crash-loop']]);
	});

	test('found restarting (inspect says running too, as Docker\'s does) is said once, not again at its next short exit', () => {
		const old = since - 3_600_000;
		const restarting = (at: number, count: number) => look(at, {...exited(at - 100, 3), running: true, restartCount: count, restarting: true, state: 'restarting', startedAt: iso(at - 1100)}, old);
		assert.deepEqual(run([restarting(since + 1000, 13), restarting(since + 3000, 14)]), [['crash-loop'], []]);
	});

	test('after a crash loop found under way, the window\'s rule needs as many restarts again', () => {
		const old = since - 3_600_000;
		const restarting = (at: number, count: number) => look(at, {...exited(at - 100, 3), restartCount: count, restarting: true, state: 'restarting', startedAt: iso(at - 1100)}, old);
		// Found restarting (13), then two more within a minute: with a rule of 3, not yet again; the third is.
		assert.deepEqual(
			run([restarting(since + 1000, 13), restarting(since + 20_000, 14), restarting(since + 40_000, 15), restarting(since + 60_000, 16)]),
			[['crash-loop'], [], [], ['crash-loop']],
		);
		// Found in a run (13), its exit says so (14); the restart it counted is not counted again.
		const inRun = look(since + 1000, {restartCount: 13, startedAt: iso(since - 500)}, old);
		assert.deepEqual(
			run([inRun, restarting(since + 2000, 14), restarting(since + 20_000, 15), restarting(since + 40_000, 16), restarting(since + 60_000, 17)]),
			[[], ['crash-loop'], [], [], ['crash-loop']],
		);
	});
});

describe('crash loops: the exit code they name', () => {
	/** The crash-loop text after three restarts, each after a die event with this code, seen running again. */
	function crashText(eventCode: string | undefined, inspectCode: number): string {
		let watch: ContainerWatch | undefined;
		let text = '';
		for (const [index, at] of [1, 2, 3, 4].entries()) {
			const now = since + at * minute;
			if (index > 0) watch = observeEvent(watch, {type: 'container', action: 'die', id: 'x', attributes: eventCode === undefined ? {} : {exitCode: eventCode}, timeNano: (now - 1000) * 1_000_000});
			const result = observeTiming(watch, look(now, {restartCount: index, exitCode: inspectCode}));
			watch = result.watch;
			text = result.alerts.find(alert => alert.kind === 'crash-loop')?.text ?? text;
		}

		return text;
	}

	test("Podman's inspect says 0 once restarted: the die event's code is named", () => {
		assert.equal(crashText('3', 0), 'restarted 3 times within 10 minutes (3 in all), last exit code 3');
	});

	test("Docker's inspect and its event agree", () => {
		assert.equal(crashText('1', 1), 'restarted 3 times within 10 minutes (3 in all), last exit code 1');
	});

	test('a die event without a code leaves the inspect to say it', () => {
		assert.equal(crashText(undefined, 2), 'restarted 3 times within 10 minutes (3 in all), last exit code 2');
	});
});

describe('exits: an exit nobody asked for', () => {
	const t = (seconds: number) => since + seconds * 1000;
	const cases: Array<{name: string; steps: Parameters<typeof run>[0]; expected: string[][]}> = [
		{name: 'exits 3 on its own', steps: [look(t(2)), look(t(5), exited(t(4), 3))], expected: [[], ['died']]},
		{name: 'exits 0: no news', steps: [look(t(2)), look(t(5), exited(t(4), 0))], expected: [[], []]},
		{name: 'a kill event just before', steps: [look(t(2)), {event: 'kill', at: t(3)}, look(t(5), exited(t(4), 137))], expected: [[], [], []]},
		{name: 'a stop event 10 s before', steps: [look(t(2)), {event: 'stop', at: t(4)}, look(t(15), exited(t(14), 143))], expected: [[], [], []]},
		{name: 'a kill long before does not explain a later exit', steps: [look(t(2)), {event: 'kill', at: t(3)}, look(t(100), exited(t(99), 1))], expected: [[], [], ['died']]},
		{name: 'the same exit looked at twice', steps: [look(t(2)), look(t(5), exited(t(4), 3)), look(t(6), exited(t(4), 3))], expected: [[], ['died'], []]},
		{name: 'first seen already exited before berth started', steps: [look(t(5), exited(since - 60_000, 3), since - 120_000)], expected: [[]]},
		{name: 'first seen exited since berth started', steps: [look(t(5), exited(t(4), 3))], expected: [['died']]},
		{name: 'restarting (its policy brings it back): not died', steps: [look(t(2)), look(t(5), {...exited(t(4), 1), running: true, restarting: true, state: 'restarting'})], expected: [[], []]},
		{name: 'OOM killed: oom, not died', steps: [look(t(2)), look(t(5), exited(t(4), 137, {oomKilled: true}))], expected: [[], ['oom']]},
		{name: 'an oom event and 137 without the flag', steps: [look(t(2)), {event: 'oom', at: t(4)}, look(t(5), exited(t(4), 137))], expected: [[], [], ['oom']]},
		{
			// Docker 20.10: the oom event after the die and its inspect; the next look corrects the alert.
			name: 'the oom event after the exit was said as died: oom, once',
			steps: [look(t(2)), look(t(5), exited(t(4), 137)), {event: 'oom', at: t(5)}, look(t(6), exited(t(4), 137)), look(t(7), exited(t(4), 137))],
			expected: [[], ['died'], [], ['oom'], []],
		},
		{name: 'a later oom event does not explain an exit long before', steps: [look(t(2)), look(t(5), exited(t(4), 137)), {event: 'oom', at: t(60)}, look(t(61), exited(t(4), 137))], expected: [[], ['died'], [], []]},
		{name: 'OOM killed and restarted by its policy', steps: [look(t(2)), look(t(5), {...exited(t(4), 137, {oomKilled: true}), running: true, restarting: true, state: 'restarting'})], expected: [[], []]},
	];
	for (const {name, steps, expected} of cases) test(name, () => assert.deepEqual(run(steps), expected));
});

describe('swarm tasks: their service replaces them', () => {
	const t = (seconds: number) => since + seconds * 1000;
	test('a task that fails is not "died": it counts as one failure of its service', () => {
		const task = (at: number, overrides: Partial<ContainerTiming> = {}) => ({...look(at, overrides), service: 'web'});
		const first = observeTiming(undefined, task(t(2)));
		const failed = observeTiming(first.watch, task(t(5), exited(t(4), 1)));
		assert.deepEqual(failed.alerts, []);
		assert.deepEqual(failed.taskFailed, {exitCode: 1});
		assert.equal(observeTiming(first.watch, task(t(5), exited(t(4), 0))).taskFailed, undefined, 'exit 0 is no failure');
		assert.deepEqual(observeTiming(first.watch, task(t(5), exited(t(4), 137, {oomKilled: true}))).alerts.map(alert => alert.kind), ['oom'], 'an OOM kill is still said');
	});

	const cases: Array<{name: string; seconds: number[]; expected: number[]}> = [
		{name: 'three failures in a minute: a crash loop', seconds: [0, 20, 40], expected: [0, 0, 1]},
		{name: 'raised again only after as many failures again', seconds: [0, 5, 10, 15, 20, 25], expected: [0, 0, 1, 0, 0, 1]},
		{name: 'failures further apart than the window: none', seconds: [0, 400, 800, 1200], expected: [0, 0, 0, 0]},
	];
	for (const {name, seconds, expected} of cases) {
		test(name, () => {
			let watch: Parameters<typeof observeTaskFailure>[0];
			const raised = seconds.map(second => {
				const result = observeTaskFailure(watch, {key: 'local\u0000web', engine: 'local', service: 'web', exitCode: 2, now: t(second)});
				watch = result.watch;
				return result.alerts.length;
			});
			assert.deepEqual(raised, expected);
		});
	}
});

describe('health', () => {
	const t = (seconds: number) => since + seconds * 1000;
	test('becomes unhealthy once, with the check\'s output; again after it recovered', () => {
		const sick = {health: 'unhealthy' as const, lastHealth: {exitCode: 1, output: 'db down\n', at: iso(t(3))}};
		assert.deepEqual(run([look(t(1), {health: 'starting'}), look(t(4), sick), look(t(5), sick), look(t(6), {health: 'healthy'}), look(t(9), sick)]), [[], ['unhealthy'], [], [], ['unhealthy']]);
		const {alerts} = observeTiming(undefined, look(t(4), sick));
		assert.equal(alerts[0]!.text, 'unhealthy: exit code 1, db down');
	});

	test('a container that stopped is not unhealthy: the engine says so of every stopped one whose checks ended', () => {
		// Docker sets Health.Status to unhealthy when a container's checks stop with it (the engine stopping
		// its containers on shutdown included), the last check having passed.
		const stopped = {...exited(t(5), 0), health: 'unhealthy' as const, lastHealth: {exitCode: 0, output: '', at: iso(t(4))}};
		assert.deepEqual(run([look(t(1), {health: 'healthy'}), look(t(6), stopped)]), [[], []]);
		// Started again, its checks failing: that is news.
		const sick = {health: 'unhealthy' as const, lastHealth: {exitCode: 1, output: 'db down', at: iso(t(9))}};
		assert.deepEqual(run([look(t(6), stopped), look(t(8), {health: 'starting'}), look(t(10), sick)]), [[], [], ['unhealthy']]);
		// Stopped while unhealthy, then started and failing again: a second alert, as after any recovery.
		assert.deepEqual(run([look(t(2), sick), look(t(6), stopped), look(t(10), sick)]), [['unhealthy'], [], ['unhealthy']]);
	});

	test('a paused container is not unhealthy: the engine calls it so when its checks stop with the pause', () => {
		// Docker 20.10 and 26.1 set Health.Status to unhealthy on pause, with no event; the last check had passed.
		const paused = {paused: true, health: 'unhealthy' as const, lastHealth: {exitCode: 0, output: '', at: iso(t(4))}};
		assert.deepEqual(run([look(t(1), {health: 'healthy'}), look(t(5), paused), look(t(8), {health: 'healthy'})]), [[], [], []]);
		assert.deepEqual(run([look(t(5), paused)]), [[]], 'found paused');
		// Unhealthy before the pause and after it: one alert, as nothing recovered in between.
		const sick = {health: 'unhealthy' as const, lastHealth: {exitCode: 1, output: 'db down', at: iso(t(1))}};
		assert.deepEqual(run([look(t(2), sick), look(t(5), paused), look(t(8), sick)]), [['unhealthy'], [], []]);
		// Unpaused, the engine still says unhealthy until its next check (30 s by default), the last one passed.
		const unpaused = {health: 'unhealthy' as const, lastHealth: {exitCode: 0, output: '', at: iso(t(4))}};
		assert.deepEqual(run([look(t(1), {health: 'healthy'}), look(t(5), paused), look(t(6), unpaused), look(t(7), {health: 'healthy'})]), [[], [], [], []]);
		// A check that fails after it is news.
		assert.deepEqual(run([look(t(5), paused), look(t(6), unpaused), look(t(9), sick)]), [[], [], ['unhealthy']]);
	});
});

describe('engines', () => {
	const cases: Array<[Parameters<typeof observeEngine>[1], Parameters<typeof observeEngine>[2], string | undefined]> = [
		[undefined, 'connected', undefined],
		[undefined, 'disconnected', undefined],
		['connected', 'disconnected', 'engine-lost'],
		['disconnected', 'disconnected', undefined],
		['disconnected', 'connected', 'engine-back'],
		['connected', 'connected', undefined],
	];
	for (const [was, now, kind] of cases) test(`${was} -> ${now}: ${kind ?? 'nothing'}`, () => assert.equal(observeEngine('local', was, now, since)?.kind, kind));
});
