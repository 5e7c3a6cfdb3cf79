// Resource usage as a person sees it, and what it costs the engine: the requests berth sends, counted by a
// recording proxy between berth and the test engine.
import assert from 'node:assert/strict';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {BerthSessions, lineOf, waitForRow} from '../support/berth.js';
import {type EngineProxy, type LoggedRequest, startEngineProxy} from '../support/engineProxy.js';
import {docker, engineSkip, idleCmd, removeTestContainers, runContainer, testDockerHost, uniqueName} from '../support/testEngine.js';

const skip = await engineSkip();
const created: string[] = [];
const berth = new BerthSessions();
const proxies: EngineProxy[] = [];
after(async () => {
	if (!skip) await removeTestContainers(created);
});
afterEach(async () => {
	await berth.killAll();
	for (const proxy of proxies.splice(0)) await proxy.close();
});

const slow = {timeoutMs: 20_000};
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
/** A row with its CPU % and memory figures drawn. */
const withFigures = /\d+\.\d\d%\s+[\d.]+[KMG]?i?B \/ [\d.]+[KMG]iB/;

/** The stats requests for one container, with their query (`stream=false&one-shot=true`, ...). */
function statsRequests(requests: readonly LoggedRequest[], id: string): Array<{query: string; at: number}> {
	return requests
		.filter(request => request.method === 'GET' && request.route === `/containers/${id}/stats`)
		.map(request => ({query: request.path.split('?')[1] ?? '', at: request.at}));
}

const streams = (query: string) => !/(^|&)stream=false(&|$)/.test(query);

describe('resource usage', {skip}, () => {
	test(
		'BERTH_STATS=engine: rows on screen are sampled every --refresh seconds, one request each, never streamed; the details pane streams, and stops on Esc',
		{timeout: 120_000},
		async () => {
			const busy = uniqueName('busy');
			const idle = uniqueName('idle');
			const exited = uniqueName('exited');
			created.push(busy, idle, exited);
			const busyId = await runContainer({name: busy, cmd: ['sh', '-c', 'while :; do :; done']});
			const idleId = await runContainer({name: idle, cmd: [...idleCmd]});
			await docker('create', '--name', exited, 'berth-test/busybox', 'true');
			const exitedId = (await docker('inspect', '--format', '{{.Id}}', exited)).trim();

			const proxy = await startEngineProxy(testDockerHost);
			proxies.push(proxy);
			const session = await berth.start({host: proxy.dockerHost, args: ['--refresh', '2'], env: {BERTH_STATS: 'engine'}});
			let screen = await session.waitFor(current => withFigures.test(lineOf(current, busy)) && withFigures.test(lineOf(current, idle)), slow);
			assert.doesNotMatch(lineOf(screen, exited), /%/, 'no figures for a container that is not running');

			// Watch the requests for ten seconds of a 2-second refresh.
			proxy.clear();
			const since = Date.now();
			await sleep(10_000);
			const seconds = (Date.now() - since) / 1000;
			for (const [name, id] of [
				[busy, busyId],
				[idle, idleId],
			] as const) {
				const requests = statsRequests(proxy.requests(), id);
				assert.ok(requests.length >= 4 && requests.length <= 6, `${name}: ${requests.length} stats requests in ${seconds} s, about one every 2 s`);
				assert.ok(requests.every(request => /(^|&)stream=false(&|$)/.test(request.query) && /one-shot=true/.test(request.query)), `${name}: one-shot samples only: ${requests.map(request => request.query).join(', ')}`);
			}

			assert.deepEqual(statsRequests(proxy.requests(), exitedId), [], 'nothing asked for a container that is not running');
			screen = await session.capture();
			const busyCpu = Number(/\s(\d+\.\d\d)%\s/.exec(lineOf(screen, busy))?.[1]);
			const idleCpu = Number(/\s(\d+\.\d\d)%\s/.exec(lineOf(screen, idle))?.[1]);
			assert.ok(busyCpu > 15, `the busy loop: ${lineOf(screen, busy)}`);
			assert.ok(idleCpu < 5, `the idle one: ${lineOf(screen, idle)}`);

			// Sorted by CPU, descending: the busy one above the idle one. `o` steps through the orders.
			const header = (current: string) => current.split('\n')[0] ?? '';
			for (const by of ['name', 'status', 'age', 'cpu']) {
				await session.sendText('o');
				screen = await session.waitFor(current => header(current).includes(`sort: ${by} `));
			}

			if (!header(screen).includes('sort: cpu ↓')) await session.sendText('O');
			screen = await session.waitFor(current => header(current).includes('sort: cpu ↓') && withFigures.test(lineOf(current, busy)));
			const order = screen.split('\n').map((line, index) => ({line, index}));
			const rowIndex = (name: string) => order.find(entry => entry.line === lineOf(screen, name))?.index ?? -1;
			assert.ok(rowIndex(busy) >= 0 && rowIndex(busy) < rowIndex(idle), 'the busiest first');

			// Details: a stream for that one container, a sample a second, charts growing a column a second.
			await session.sendText('/');
			await session.waitFor(current => (current.replace(/\n$/, '').split('\n').at(-1) ?? '').startsWith('/'));
			await session.sendText(busy);
			await session.sendKeys('Enter');
			await session.waitFor(current => lineOf(current, busy).startsWith('›') && lineOf(current, idle) === '', slow);
			proxy.clear();
			await session.sendKeys('Enter');
			screen = await session.waitFor(current => current.includes(`Details: ${busy}`) && /^Resources\s+the last ([4-9]|\d\d+) seconds/m.test(current), slow);
			assert.match(screen, /^CPU\s+\d+\.\d\d%/m);
			assert.match(screen, /^Memory\s+[\d.]+[KMG]?i?B \/ [\d.]+[KMG]iB/m);
			for (const label of ['Network in', 'Network out', 'Block read', 'Block write', 'PIDs']) assert.match(screen, new RegExp(`^${label}\\s`, 'm'));
			const opened = statsRequests(proxy.requests(), busyId);
			assert.equal(opened.filter(request => streams(request.query)).length, 1, `one stream for the details: ${opened.map(request => request.query).join(', ')}`);
			// Long enough for a round of the list's 2 s refresh.
			await sleep(2500);
			assert.deepEqual(statsRequests(proxy.requests(), idleId), [], 'the list is not shown: its rows are not sampled');

			// Back to the list (Esc, then Esc clears the filter): rows are sampled again, and no stream is left.
			await session.sendKeys('Escape');
			await session.waitFor(current => lineOf(current, busy).startsWith('›'));
			await session.sendKeys('Escape');
			screen = await session.waitFor(current => lineOf(current, idle) !== '');
			// Back on screen, the idle row shows its last figures, marked `?`, until its first new sample.
			assert.match(lineOf(screen, idle), /\d+\.\d\d%\?\s+[\d.]+[KMG]?i?B \/ [\d.]+[KMG]iB\?/, 'its last figures, marked');
			proxy.clear();
			await waitForRow(session, idle, withFigures, slow);
			await sleep(4500);
			const again = statsRequests(proxy.requests(), idleId);
			assert.ok(again.length >= 1 && again.every(request => !streams(request.query)), `the list samples again: ${again.map(request => request.query).join(', ')}`);
			assert.ok(statsRequests(proxy.requests(), busyId).every(request => !streams(request.query)), 'no new stream');
		},
	);

	test('BERTH_STATS=engine, --refresh 1 streams every row; an engine sending samples is not probed for its liveness', {timeout: 60_000}, async () => {
		const name = uniqueName('streamed');
		created.push(name);
		const id = await runContainer({name, cmd: [...idleCmd]});
		const proxy = await startEngineProxy(testDockerHost);
		proxies.push(proxy);
		const session = await berth.start({host: proxy.dockerHost, args: ['--refresh', '1'], env: {BERTH_STATS: 'engine'}});
		await waitForRow(session, name, withFigures, slow);
		// Nothing else is heard meanwhile: no events, no resync (every 30 s). The samples answer for the engine.
		proxy.clear();
		await sleep(6000);
		const pings = proxy.requests().filter(request => request.route === '/_ping');
		assert.deepEqual(pings, [], 'no liveness probe while samples come every second');
		assert.deepEqual(statsRequests(proxy.requests(), id), [], 'the stream opened before goes on: no new request');
		assert.match(lineOf(await session.capture(), name), withFigures);
	});

	test('a local engine\'s rows are read from the kernel at --refresh 1 and in the details: figures, no stats request; the engine is probed', {timeout: 60_000}, async () => {
		const busy = uniqueName('kbusy');
		created.push(busy);
		await runContainer({name: busy, cmd: ['sh', '-c', 'while :; do :; done']});
		const proxy = await startEngineProxy(testDockerHost);
		proxies.push(proxy);
		const session = await berth.start({host: proxy.dockerHost, args: ['--refresh', '1']});
		await waitForRow(session, busy, withFigures, slow);
		proxy.clear();
		await sleep(6000);
		assert.deepEqual(proxy.requests().filter(request => request.route.endsWith('/stats')), [], 'no stats request');
		// No sample comes from the engine: a quiet engine is asked whether it is there.
		assert.ok(proxy.requests().some(request => request.route === '/_ping'), 'the liveness probe');
		const cpu = Number(/\s(\d+\.\d\d)%\s/.exec(lineOf(await session.capture(), busy))?.[1]);
		assert.ok(cpu > 15, `the busy loop's CPU, read from the kernel: ${lineOf(await session.capture(), busy)}`);

		await session.sendKeys('Enter');
		const screen = await session.waitFor(current => current.includes('Details: ') && /^Resources\s+the last ([4-9]|\d\d+) seconds/m.test(current), slow);
		assert.match(screen, /^CPU\s+\d+\.\d\d%/m);
		assert.match(screen, /^PIDs\s+\d/m);
		assert.deepEqual(proxy.requests().filter(request => request.route.endsWith('/stats')), [], 'the details pane reads the kernel too');
	});

	test('a paused container has figures, as `docker stats` gives them: 0.00% and its memory; paused from berth, they stay', {timeout: 60_000}, async () => {
		const paused = uniqueName('paused');
		const later = uniqueName('later');
		created.push(paused, later);
		await runContainer({name: paused, cmd: [...idleCmd]});
		await runContainer({name: later, cmd: [...idleCmd]});
		await docker('pause', paused);
		const cli = (await docker('stats', '--no-stream', '--format', '{{.CPUPerc}} {{.MemUsage}}', paused)).trim();
		assert.match(cli, /^0\.00% [\d.]+[KMG]?i?B \//, `docker stats gives a paused container figures: ${cli}`);
		const session = await berth.start({args: ['--refresh', '2']});
		const {screen} = await waitForRow(session, paused, withFigures, slow);
		assert.match(lineOf(screen, paused), /\(Paused\).*\s0\.00%\s/, 'no CPU while paused');

		// Paused from berth: the figures go on, CPU at 0.00%.
		await waitForRow(session, later, withFigures, slow);
		await session.sendKeys('/');
		await session.sendText(later);
		await session.sendKeys('Enter', 'p');
		await waitForRow(session, later, /\(Paused\)/, slow);
		// The first sample after the pause may still count CPU from before it (0.01% on 26.1); the next ones do not.
		await waitForRow(session, later, /\(Paused\).*\s0\.00%\s+[\d.]+[KMG]?i?B \//, slow);
		await docker('unpause', paused, later);
	});

	test('a frame of new figures reaches the terminal in one write, inside its synchronized-update codes', {timeout: 60_000}, async () => {
		const name = uniqueName('frame');
		created.push(name);
		await runContainer({name, cmd: ['sh', '-c', 'while :; do :; done']});
		// berth's Node is given a module that notes each write to the terminal: whether it begins and ends
		// with the codes that open and close a synchronized update (ESC [?2026h, ESC [?2026l).
		const folder = await mkdtemp(join(tmpdir(), 'berth-writes-'));
		try {
			const log = join(folder, 'writes.jsonl');
			const noter = join(folder, 'note-writes.mjs');
			await writeFile(
				noter,
				[
					"import {appendFileSync} from 'node:fs';",
					'const write = process.stdout.write.bind(process.stdout);',
					'process.stdout.write = (chunk, ...rest) => {',
					'	const text = String(chunk);',
					`	appendFileSync(${JSON.stringify(log)}, JSON.stringify({opens: text.includes('\\u001B[?2026h'), begins: text.startsWith('\\u001B[?2026h'), closes: text.includes('\\u001B[?2026l'), ends: text.endsWith('\\u001B[?2026l'), length: text.length}) + '\\n');`,
					'	return write(chunk, ...rest);',
					'};',
				].join('\n'),
			);
			const session = await berth.start({args: ['--refresh', '1'], env: {NODE_OPTIONS: `--import ${noter}`}});
			await waitForRow(session, name, withFigures, slow);
			const before = (await readFile(log, 'utf8')).split('\n').filter(Boolean).length;
			// Three seconds of figures a second: frames that change a row, drawn as ink throttles them.
			await sleep(3500);
			const writes = (await readFile(log, 'utf8'))
				.split('\n')
				.filter(Boolean)
				.slice(before)
				.map(line => JSON.parse(line) as {opens: boolean; begins: boolean; closes: boolean; ends: boolean; length: number});
			const frames = writes.filter(write => write.opens || write.closes);
			assert.ok(frames.length >= 2, `${frames.length} frames in 3.5 s`);
			for (const frame of frames) assert.ok(frame.begins && frame.ends && frame.length > 16, `a write of ${frame.length} characters: ${JSON.stringify(frame)}`);
		} finally {
			await rm(folder, {recursive: true, force: true});
		}
	});
});
