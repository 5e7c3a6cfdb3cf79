// The engine layer against the real test engine: listing, status and ports as docker prints them, streams.
import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {describeConnectionFailure} from '../../source/engine/errors.js';
import type {EngineEvent, StatsSample} from '../../source/engine/types.js';
import {formatContainerName} from '../../source/format/names.js';
import {formatPorts} from '../../source/format/ports.js';
import {formatStatus} from '../../source/format/status.js';
import {calculateFigures} from '../../source/state/stats.js';
import {connectTestEngine} from '../support/berth.js';
import {docker, engineSkip, idleCmd, removeTestContainers, runContainer, uniqueName} from '../support/testEngine.js';

const skip = await engineSkip();
const created: string[] = [];
after(async () => {
	if (!skip) await removeTestContainers(created);
});

function eventually<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const poll = () => {
			const value = check();
			if (value !== undefined) resolve(value);
			else if (Date.now() - started > timeoutMs) reject(new Error('timed out waiting'));
			else setTimeout(poll, 25);
		};

		poll();
	});
}

test('lists containers with the names, states and ports docker ps shows', {skip}, async () => {
	const engine = connectTestEngine();
	const web = uniqueName('web');
	const exited = uniqueName('exit');
	const fresh = uniqueName('created');
	created.push(web, exited, fresh);
	await runContainer({name: web, args: ['-p', '127.0.0.1:18181:80', '--expose', '9000-9002'], cmd: [...idleCmd]});
	await runContainer({name: exited, cmd: ['sh', '-c', 'exit 3'], detach: false}).catch(() => undefined);
	await runContainer({name: fresh, create: true, cmd: ['true']});

	const records = await engine.containers.list();
	for (const name of [web, exited, fresh]) {
		const record = records.find(entry => formatContainerName(entry.names) === name);
		assert.ok(record, `${name} is listed`);
		const [state, ports] = (await docker('ps', '-a', '--filter', `name=^${name}$`, '--format', '{{.State}}|{{.Ports}}')).split('|');
		assert.equal(record.state, state);
		assert.equal(formatPorts(record.ports), ports);
		assert.equal(record.engine, 'test');
	}

	const webRecord = records.find(entry => formatContainerName(entry.names) === web)!;
	assert.equal(formatPorts(webRecord.ports), '9000-9002/tcp, 127.0.0.1:18181->80/tcp');
});

test('a listing of some containers by full ID gives those alone, as the whole listing gives them; none asked, none given', {skip}, async () => {
	const engine = connectTestEngine();
	const names = [uniqueName('some'), uniqueName('some'), uniqueName('some')];
	created.push(...names);
	for (const name of names) await runContainer({name, create: true, cmd: ['true']});
	const all = await engine.containers.list();
	const [first, second, third] = names.map(name => all.find(entry => formatContainerName(entry.names) === name)!);
	// A removed container's ID is asked for too: it is simply not listed.
	await docker('rm', third!.id);
	const some = await engine.containers.list({ids: [first!.id, second!.id, third!.id]});
	assert.deepEqual(some.map(entry => entry.id).sort(), [first!.id, second!.id].sort());
	assert.deepEqual(some.find(entry => entry.id === first!.id), first);
	assert.deepEqual(await engine.containers.list({ids: []}), []);
});

test('the status text made from inspect matches the engine\'s own', {skip}, async () => {
	const engine = connectTestEngine();
	const running = uniqueName('up');
	const paused = uniqueName('paused');
	const exited = uniqueName('exited');
	const fresh = uniqueName('fresh');
	created.push(running, paused, exited, fresh);
	await runContainer({name: running, cmd: [...idleCmd]});
	await runContainer({name: paused, cmd: [...idleCmd]});
	await docker('pause', paused);
	await runContainer({name: exited, cmd: ['sh', '-c', 'exit 7'], detach: false}).catch(() => undefined);
	await runContainer({name: fresh, create: true, cmd: ['true']});

	for (const name of [running, paused, exited, fresh]) {
		const id = await docker('inspect', '--format', '{{.Id}}', name);
		const timing = await engine.containers.inspectTiming(id);
		const before = Date.now();
		const theirs = await docker('ps', '-a', '--filter', `id=${id}`, '--format', '{{.Status}}');
		const after = Date.now();
		// The two clocks read a moment apart: the engine's text must match ours at some instant in between.
		const candidates = new Set([before, after, before - 1000, after + 1000].map(now => formatStatus(timing, now)));
		assert.ok(candidates.has(theirs), `${name}: engine says "${theirs}", berth says ${[...candidates].join(' | ')}`);
	}
});

test('the event stream reports changes made outside, and closes cleanly', {skip}, async t => {
	const engine = connectTestEngine();
	const name = uniqueName('events');
	created.push(name);
	const events: EngineEvent[] = [];
	let ended = false;
	const subscription = engine.streams.events(
		event => events.push(event),
		() => {
			ended = true;
		},
	);
	// A failed assertion must not leave the stream open: it would keep this file's process from ever ending.
	t.after(() => subscription.close());
	await eventually(() => (engine.openStreams() === 1 ? true : undefined));
	const id = await runContainer({name, cmd: [...idleCmd]});
	await docker('pause', name);
	await eventually(() => events.find(event => event.id === id && event.action === 'pause'));
	assert.ok(events.some(event => event.id === id && event.action === 'start'));
	subscription.close();
	subscription.close();
	assert.equal(engine.openStreams(), 0);
	assert.equal(ended, false, 'closing is not reported as the stream ending');
});

for (const [source, engineStats] of [['the kernel', false], ['the engine', true]] as const) test(`stats samples (read from ${source}) give docker-stats figures, and many opened and closed streams leave none open`, {skip}, async t => {
	const engine = connectTestEngine('test', undefined, {engineStats});
	const name = uniqueName('stats');
	created.push(name);
	const id = await runContainer({name, cmd: ['sh', '-c', 'while :; do :; done']});
	const samples: StatsSample[] = [];
	assert.equal(engine.streams.statsHeardAt(), 0, 'no sample yet');
	const before = Date.now();
	const subscription = engine.streams.stats(id, sample => samples.push(sample), () => undefined);
	t.after(() => subscription.close());
	await eventually(() => (samples.length >= 2 ? true : undefined));
	subscription.close();
	const streamedAt = engine.streams.statsHeardAt();
	const asked = Date.now() + 1;
	await new Promise(resolve => setTimeout(resolve, 2));
	await engine.streams.sampleStats(id, {oneShot: true});
	if (engineStats) {
		assert.ok(streamedAt >= before, 'a streamed sample is an answer the liveness watchdog counts');
		assert.ok(engine.streams.statsHeardAt() >= asked, 'so is a sample asked for');
	} else {
		// Read from the kernel, a sample says nothing of whether the engine answers.
		assert.equal(engine.streams.statsHeardAt(), 0, 'no answer from the engine');
	}

	const figures = calculateFigures(samples.at(-1)!);
	assert.ok(figures.cpuPercent > 20, `a busy loop uses CPU (${figures.cpuPercent}%)`);
	assert.ok(figures.memoryLimit > 0);
	assert.ok(figures.memoryUsage > 0 && figures.memoryUsage < figures.memoryLimit);
	assert.ok(figures.pids >= 1);

	for (let round = 0; round < 20; round++) {
		engine.streams.stats(id, () => undefined, () => undefined).close();
	}

	const streams = Array.from({length: 5}, () => engine.streams.stats(id, () => undefined, () => undefined));
	t.after(() => {
		for (const stream of streams) stream.close();
	});
	await eventually(() => (engine.openStreams() === 5 ? true : undefined));
	for (const stream of streams) stream.close();
	assert.equal(engine.openStreams(), 0);
});

test('an address with no engine gives one line that says what to do', {skip}, async () => {
	const engine = connectTestEngine('none', 'unix:///tmp/berth-no-such-engine.sock');
	const error = await engine.system.version().then(
		() => undefined,
		(error_: unknown) => error_,
	);
	const line = describeConnectionFailure(engine.addressText, error);
	assert.match(line, /unix:\/\/\/tmp\/berth-no-such-engine\.sock/);
	assert.match(line, /is the engine running\?/);
	assert.doesNotMatch(line, /\n/);
});
