// berth's own HTTP/1.0 GET (the first listing, every stats sample) against the real test engine, and its reading
// of answers cut anywhere, against a loopback server that writes them byte by byte.
import assert from 'node:assert/strict';
import net from 'node:net';
import {after, test} from 'node:test';
import {parseEngineAddress} from '../../source/engine/address.js';
import {EngineAnswerError, PlainClient, plainAddress, type PlainAddress, readAnswer} from '../../source/engine/plainHttp.js';
import {followJsonLines} from '../../source/engine/plainStreams.js';
import {ReadRounds} from '../../source/engine/readRounds.js';
import {connectTestEngine} from '../support/berth.js';
import {engineSkip, idleCmd, removeTestContainers, runContainer, testDockerHost, uniqueName} from '../support/testEngine.js';

const skip = await engineSkip();
const created: string[] = [];
after(() => skip || removeTestContainers(created));

function testAddress(): PlainAddress {
	const parsed = parseEngineAddress(testDockerHost, {});
	assert.ok(parsed.ok);
	const plain = plainAddress(parsed.address);
	assert.ok(plain, 'the test engine is on a unix socket');
	return plain;
}

/** A loopback server that answers every connection with `parts`, written one by one a few ms apart. */
async function serve(parts: readonly Buffer[], end = true): Promise<{address: PlainAddress; close(): void}> {
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		sockets.add(socket);
		socket.once('data', async () => {
			for (const part of parts) {
				socket.write(part);
				await new Promise(resolve => setTimeout(resolve, 5));
			}

			if (end) socket.end();
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	return {
		address: {kind: 'tcp', host: '127.0.0.1', port, tls: false},
		close() {
			for (const socket of sockets) socket.destroy();
			server.close();
		},
	};
}

test('GET answers what dockerode answers; a missing container is the engine\'s 404 with its message', {skip}, async () => {
	const engine = connectTestEngine();
	// As the first listing asks: nothing kept.
	const client = new PlainClient(testAddress(), {idleMs: 10_000, keepAtMost: 0});
	const version = (await client.getJson('/version', 10_000)) as {ApiVersion?: string};
	assert.equal(version.ApiVersion, (await engine.system.version()).apiVersion);
	assert.equal(client.idleCount(), 0);
	// The liveness probe: /_ping answers its text, as through dockerode.
	assert.equal(await client.getText('/_ping', 10_000), 'OK');
	await engine.system.ping();
	await assert.rejects(client.getJson('/containers/berth-no-such-container/json', 10_000), (error: unknown) => {
		assert.ok(error instanceof EngineAnswerError);
		assert.equal(error.statusCode, 404);
		assert.match(error.message, /^\(HTTP code 404\) No such container: berth-no-such-container/i);
		return true;
	});
});

test('a followed answer gives each line as the engine writes it, ends when the container goes, and close() leaves nothing open', {skip}, async () => {
	const name = uniqueName('plain-stats');
	created.push(name);
	const id = await runContainer({name, cmd: [...idleCmd]});
	const open = new Set<unknown>();
	const samples: unknown[] = [];
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`2 samples in 10 s: ${samples.length}`)), 10_000);
		const followed = followJsonLines(
			testAddress(),
			`/containers/${id}/stats?stream=1`,
			sample => {
				samples.push(sample);
				if (samples.length < 2) return;
				clearTimeout(timer);
				followed.close();
				resolve();
			},
			reject,
			open,
		);
	});
	assert.equal(open.size, 0, 'closed');
	for (const sample of samples) assert.equal((sample as {id?: string}).id, id);

	// A stream of a container that is removed is ended by the engine, and said so.
	const ended = await new Promise<Error>(resolve => {
		followJsonLines(testAddress(), `/containers/${id}/stats?stream=1`, () => undefined, resolve, open);
		void removeTestContainers([name]);
	});
	assert.match(ended.message, /closed by the engine/);
	assert.equal(open.size, 0);
});

/** Follows the stats of `ids` for `passes` of the engine's reading: each sample with when berth got it and when the engine read it. */
async function followPasses(ids: readonly string[], passes: number, rounds?: ReadRounds) {
	const got: Array<{stream: number; at: number; read: number}> = [];
	const followed: Array<{close(): void}> = [];
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`${passes} samples of each stream in 20 s: ${got.length} in all`)), 20_000);
		for (const [stream, id] of ids.entries()) {
			followed.push(
				followJsonLines(
					testAddress(),
					`/containers/${id}/stats?stream=1`,
					value => {
						got.push({stream, at: performance.timeOrigin + performance.now(), read: Date.parse((value as {read: string}).read)});
						if (ids.every((_, index) => got.filter(sample => sample.stream === index).length >= passes)) {
							clearTimeout(timer);
							resolve();
						}
					},
					reject,
					undefined,
					rounds,
				),
			);
		}
	});
	for (const stream of followed) stream.close();
	// The first pass of a stream comes as it opens: not counted.
	return passesOf(got).slice(1);
}

/** Samples by the engine's pass: read less than half a second apart (its passes are a second or more apart). */
function passesOf<Sample extends {read: number}>(samples: readonly Sample[]): Sample[][] {
	const passes: Sample[][] = [];
	for (const sample of samples.toSorted((a, b) => a.read - b.read)) {
		const pass = passes.at(-1);
		if (pass && sample.read - pass.at(-1)!.read < 500) pass.push(sample);
		else passes.push([sample]);
	}

	return passes;
}

/** Read as they came: every sample of a pass within holdMs - 100 ms of its first, sooner than a hold would let it. */
function assertAsTheyCame(pass: ReadonlyArray<{at: number}>, holdMs: number): void {
	const first = Math.min(...pass.map(sample => sample.at));
	for (const sample of pass) assert.ok(sample.at - first < holdMs - 100, `as it came: ${Math.round(sample.at - first)} ms after the pass's first`);
}

/** The samples the engine read within the hold after a pass's first came when the hold ended, together. */
function assertHeldTogether(pass: ReadonlyArray<{at: number; read: number}>, holdMs: number, label: string): void {
	const first = pass.reduce((a, b) => (b.at < a.at ? b : a));
	const rest = pass.filter(sample => sample !== first && sample.read - first.read < holdMs - 100);
	assert.ok(rest.length > 0, label);
	for (const sample of rest) {
		const after = sample.at - first.at;
		// The hold starts when the pass's first answer is read; this test sees that answer a little later, by
		// up to 8 ms once in CI under load (392 ms of 400): within 50 ms, still far from as they came (100).
		assert.ok(after >= holdMs - 50 && after < holdMs + 250, `${label}: held until the hold ended: ${Math.round(after)} ms after the pass's first`);
	}

	// Read together: one wake-up, not one each.
	const ats = rest.map(sample => sample.at);
	assert.ok(Math.max(...ats) - Math.min(...ats) < 50, `${label}: read within ${Math.round(Math.max(...ats) - Math.min(...ats))} ms of each other`);
}

test('stats streams read in rounds: from the first sample of the engine\'s pass, the rest of the pass is held and read together; none is lost', {skip}, async () => {
	const names = Array.from({length: 6}, () => uniqueName('plain-rounds'));
	created.push(...names);
	const ids = await Promise.all(names.map(async name => runContainer({name, cmd: [...idleCmd]})));
	const holdMs = 400;

	// As they come, the samples of a pass are handed on as the engine reads them, a few ms apart.
	const asTheyCome = await followPasses(ids, 4);
	for (const pass of asTheyCome) assertAsTheyCame(pass, holdMs);

	const rounds = new ReadRounds(holdMs, 800);
	const passes = await followPasses(ids, 5, rounds);
	assert.equal(rounds.size(), 0, 'closed streams leave the round');
	assert.ok(passes.length >= 3, `${passes.length} passes`);
	for (const [index, pass] of passes.entries()) {
		// Every stream has its sample in every pass: holding loses nothing.
		assert.deepEqual(pass.map(sample => sample.stream).toSorted(), ids.map((_, stream) => stream));
		assertHeldTogether(pass, holdMs, `pass ${index}`);
	}
});

/** A loopback server that writes `lines[i]` on its i-th connection, each `[delayMs, text]` after the request came. */
async function serveScheduled(lines: ReadonlyArray<ReadonlyArray<readonly [number, string]>>) {
	const sockets: net.Socket[] = [];
	const server = net.createServer(socket => {
		const schedule = lines[sockets.length] ?? [];
		sockets.push(socket);
		socket.once('data', () => {
			socket.write('HTTP/1.0 200 OK\r\n\r\n');
			for (const [delayMs, text] of schedule) setTimeout(() => socket.write(text), delayMs);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	return {
		address: {kind: 'tcp', host: '127.0.0.1', port, tls: false} as const,
		close() {
			for (const socket of sockets) socket.destroy();
			server.close();
		},
	};
}

test('a hold keeps every line written meanwhile, whole and in order, a line begun is read to its end first, and a hold starts no sooner than rearmMs after the last', async () => {
	const server = await serveScheduled([
		[[200, '{"s":0,"n":1}\n'], [1200, '{"s":0,"n":2}\n']],
		// Lines written during the hold, one cut in two.
		[[220, '{"s":1,"n":1}\n{"s":1,'], [260, '"n":2}\n{"s":1,"n":3}\n'], [1210, '{"s":1,"n":4}\n']],
		// Its first line is cut by the hold; its second comes in the rearm time after the hold and is read at once.
		[[150, '{"s":2,'], [250, '"n":1}\n'], [800, '{"s":2,"n":2}\n']],
	]);
	const rounds = new ReadRounds(300, 900);
	const got: Array<{s: number; n: number; at: number}> = [];
	const start = Date.now();
	const followed = [0, 1, 2].map(() =>
		followJsonLines(server.address, '/x', value => got.push({...(value as {s: number; n: number}), at: Date.now() - start}), () => undefined, undefined, rounds),
	);
	await new Promise(resolve => setTimeout(resolve, 1700));
	for (const stream of followed) stream.close();
	server.close();
	const of = (s: number) => got.filter(value => value.s === s);
	assert.deepEqual(of(1).map(value => value.n), [1, 2, 3, 4]);
	assert.deepEqual(of(0).map(value => value.n), [1, 2]);
	assert.deepEqual(of(2).map(value => value.n), [1, 2]);
	// The hold began at 0's first line (about 200 ms) and ended 300 ms later: 1's lines and 2's first came then.
	const heldUntil = of(0)[0]!.at + 300;
	for (const value of [...of(1).slice(0, 3), of(2)[0]!]) assert.ok(value.at >= heldUntil - 5 && value.at < heldUntil + 250, `${JSON.stringify(value)} held until ${heldUntil}`);
	// 2's second line at 800 ms: the last hold began at about 200, so none begins before 1100; read as it came.
	assert.ok(of(2)[1]!.at < 1100, `${JSON.stringify(of(2)[1])} read as it came`);
	// 0's second line at 1200 ms starts a hold again: 1's last line, written 10 ms after it, waits for its end.
	assert.ok(of(1)[3]!.at >= of(0)[1]!.at + 295, `${JSON.stringify(of(1)[3])} held from ${of(0)[1]!.at}`);
	assert.equal(rounds.size(), 0);
});

test('a round is under way from its first line until the lines held are read; a stream alone in its round has none to wait for', async () => {
	const server = await serveScheduled([[[200, '{"s":0}\n']], [[230, '{"s":1}\n']], [[200, '{"s":2}\n']]]);
	const together = new ReadRounds(300, 900);
	const alone = new ReadRounds(300, 900);
	const got: number[] = [];
	const start = Date.now();
	const looks: Array<{at: number; together: boolean; alone: boolean}> = [];
	const followed = [together, together, alone].map(round =>
		followJsonLines(server.address, '/x', value => got.push((value as {s: number}).s), () => undefined, undefined, round),
	);
	const look = setInterval(() => looks.push({at: Date.now() - start, together: together.holdingNow(), alone: alone.holdingNow()}), 10);
	await new Promise(resolve => setTimeout(resolve, 800));
	clearInterval(look);
	for (const stream of followed) stream.close();
	server.close();
	assert.deepEqual(got.toSorted(), [0, 1, 2]);
	const under = looks.filter(value => value.together);
	assert.ok(under.length > 0, 'the two streams had a round under way');
	// From the first line (200 ms) to the hold's end (300 ms later) and the reading of what it held.
	assert.ok(under[0]!.at >= 190 && under.at(-1)!.at - under[0]!.at <= 600, `under way from ${under[0]!.at} to ${under.at(-1)!.at} ms`);
	assert.equal(looks.at(-1)!.together, false, 'over once the held line was read');
	assert.ok(looks.every(value => !value.alone), 'a stream alone never waits for a rest');
});

test('lines cut anywhere (inside the head, inside a character of several bytes) come whole, a line that is not JSON is passed over, and an error answer is the engine\'s message', async () => {
	const text = 'HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n{"name":"/été"}\n\nnot json\n{"n":2}\r\n{"n":3}\n';
	const bytes = Buffer.from(text, 'utf8');
	// Cut into single bytes: the head, the lines and the two-byte é all arrive in pieces.
	const parts = [...bytes].map(byte => Buffer.from([byte]));
	const server = await serve(parts);
	const values: unknown[] = [];
	const ended = await new Promise<Error>(resolve => {
		followJsonLines(server.address, '/x', value => values.push(value), resolve);
	});
	server.close();
	assert.deepEqual(values, [{name: '/été'}, {n: 2}, {n: 3}]);
	assert.match(ended.message, /closed by the engine/);

	const refusing = await serve([Buffer.from('HTTP/1.0 404 Not Found\r\n\r\n{"message":"No such container: x"}\n')]);
	const refused = await new Promise<Error>(resolve => {
		followJsonLines(refusing.address, '/x', () => assert.fail('no line of an error answer'), resolve);
	});
	refusing.close();
	assert.ok(refused instanceof EngineAnswerError);
	assert.equal(refused.message, '(HTTP code 404) No such container: x');
});

test('a GET the engine never answers fails at its deadline as a TimeoutError', async () => {
	const silent = await serve([], false);
	const started = Date.now();
	await assert.rejects(new PlainClient(silent.address).getJson('/version', 300), {name: 'TimeoutError'});
	assert.ok(Date.now() - started < 2000);
	silent.close();
});

test('kept connections: a round of one-shot samples reuses the connections of the one before, and close() ends them', {skip}, async () => {
	const names = Array.from({length: 6}, () => uniqueName('plain-kept'));
	created.push(...names);
	const ids = await Promise.all(names.map(async name => runContainer({name, cmd: [...idleCmd]})));
	const client = new PlainClient(testAddress());
	// A sample read now (Docker 26.1 leaves out the container's id in a one-shot answer).
	const round = async () => Promise.all(ids.map(async id => client.getJson(`/containers/${id}/stats?stream=false&one-shot=true`, 10_000) as Promise<{read?: string}>));
	const readNow = (samples: Array<{read?: string}>) => samples.map(sample => Math.abs(Date.parse(sample.read ?? '') - Date.now()) < 60_000);
	assert.deepEqual(readNow(await round()), ids.map(() => true));
	assert.equal(client.idleCount(), ids.length, 'each connection is kept');
	assert.deepEqual(readNow(await round()), ids.map(() => true));
	assert.equal(client.idleCount(), ids.length, 'and used again, not more opened');
	await assert.rejects(client.getJson('/containers/berth-no-such-container/json', 10_000), {statusCode: 404});
	client.close();
	assert.equal(client.idleCount(), 0);
});

test('kept connections: a round of one-shot samples read in rounds is held from its first answer and read together, and the next round reads as well', {skip}, async () => {
	const names = Array.from({length: 6}, () => uniqueName('plain-kept-rounds'));
	created.push(...names);
	const ids = await Promise.all(names.map(async name => runContainer({name, cmd: [...idleCmd]})));
	const client = new PlainClient(testAddress());
	const holdMs = 400;
	const rounds = new ReadRounds(holdMs, 800);
	const sampleAll = async (withRounds?: ReadRounds) =>
		Promise.all(
			ids.map(async id => {
				const sample = (await client.getJson(`/containers/${id}/stats?stream=false&one-shot=true`, 10_000, true, withRounds)) as {read: string};
				return {at: performance.timeOrigin + performance.now(), read: Date.parse(sample.read)};
			}),
		);
	// As they come: the engine answers a round within its next pass, a few ms apart (the first round of a
	// container may take two passes).
	await sampleAll();
	for (const pass of passesOf(await sampleAll())) assertAsTheyCame(pass, holdMs);

	// In rounds (a round may be answered over two passes: each is held from its first answer).
	for (const turn of [1, 2]) {
		await new Promise(resolve => setTimeout(resolve, 1000));
		const answers = await sampleAll(rounds);
		assert.equal(answers.length, ids.length, `round ${turn}: every request answered`);
		for (const pass of passesOf(answers)) if (pass.length > 1) assertHeldTogether(pass, holdMs, `round ${turn}`);
		assert.equal(rounds.size(), 0, 'answered connections leave the round');
		assert.equal(client.idleCount(), ids.length, 'and are kept');
	}

	client.close();
});

test('kept connections: one the engine closed while idle is replaced unseen; an answer without a length ends with its connection', async () => {
	let connections = 0;
	const sockets = new Set<net.Socket>();
	const server = net.createServer(socket => {
		connections++;
		sockets.add(socket);
		socket.on('data', request => {
			const keep = /connection: keep-alive/i.test(request.toString('latin1'));
			const body = `{"connection":${connections}}`;
			if (connections === 2) {
				// No length stated: the answer ends when the connection does.
				socket.end(`HTTP/1.0 200 OK\r\n\r\n${body}`);
				return;
			}

			socket.write(`HTTP/1.0 200 OK\r\nContent-Length: ${body.length}\r\n${keep ? 'Connection: keep-alive\r\n' : ''}\r\n${body}`);
			// The first connection is closed by the server once idle, as an engine restarting would.
			if (connections === 1) setTimeout(() => socket.destroy(), 20);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as net.AddressInfo;
	const client = new PlainClient({kind: 'tcp', host: '127.0.0.1', port, tls: false});
	assert.deepEqual(await client.getJson('/a', 2000), {connection: 1});
	assert.equal(client.idleCount(), 1);
	await new Promise(resolve => setTimeout(resolve, 100));
	assert.equal(client.idleCount(), 0, 'a kept connection the server closed is let go');
	assert.deepEqual(await client.getJson('/b', 2000), {connection: 2});
	assert.equal(client.idleCount(), 0, 'an answer that ended by closing leaves nothing to keep');
	assert.deepEqual(await client.getJson('/c', 2000), {connection: 3});
	assert.equal(client.idleCount(), 1);
	client.close();
	for (const socket of sockets) socket.destroy();
	server.close();
});

test('a long answer in many pieces comes whole by its stated length, and a kept connection is closed once idle for idleMs', async () => {
	const body = JSON.stringify(Array.from({length: 400}, (_, index) => ({index, name: `/container-${index}-été`})));
	const bytes = Buffer.from(`HTTP/1.0 200 OK\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body}`, 'utf8');
	// The head cut in two, the body in pieces of 997 bytes (through its two-byte characters); the server keeps
	// the connection open, so only the length can end the answer.
	const cuts = [20, ...Array.from({length: Math.ceil((bytes.length - 20) / 997)}, (_, index) => 20 + (index + 1) * 997)];
	const parts = cuts.map((cut, index) => bytes.subarray(index === 0 ? 0 : cuts[index - 1], Math.min(cut, bytes.length)));
	const server = await serve(parts, false);
	const client = new PlainClient(server.address, {idleMs: 50, keepAtMost: 4});
	assert.deepEqual(await client.getJson('/containers/json', 5000), JSON.parse(body));
	assert.equal(client.idleCount(), 1, 'kept for the next request');
	await new Promise(resolve => setTimeout(resolve, 200));
	assert.equal(client.idleCount(), 0, 'closed after idleMs without a request');
	client.close();
	server.close();
});

test('an answer is read as HTTP/1.0 ends it: a status of 200, no chunks, all of a stated length', () => {
	const answer = (text: string) => Buffer.from(text, 'latin1');
	assert.equal(readAnswer(answer('HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n[1,2]'), '/x').toString(), '[1,2]');
	assert.equal(readAnswer(answer('HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n[1,2]'), '/x').toString(), '[1,2]');
	assert.throws(() => readAnswer(answer('HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n[1,2]'), '/x'), /cut short/);
	assert.throws(() => readAnswer(answer('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n[1,2]\r\n0\r\n\r\n'), '/x'), /chunks/);
	assert.throws(() => readAnswer(answer('HTTP/1.0 500 Internal Server Error\r\n\r\n{}'), '/x'), /with 500/);
	assert.throws(() => readAnswer(answer('HTTP/1.0 500 Internal Server Error\r\n\r\n{"message":"boom"}'), '/x'), /^Error: \(HTTP code 500\) boom$/);
	assert.throws(() => readAnswer(answer('HTTP/1.0 200 OK\r\nContent-'), '/x'), /not HTTP/);
	assert.throws(() => readAnswer(answer('SSH-2.0-OpenSSH\r\n\r\n'), '/x'), /not HTTP/);
	assert.equal(plainAddress({kind: 'ssh', host: 'h', port: 22}), undefined);
	assert.equal(plainAddress({kind: 'tcp', host: 'h', port: 2376, tls: {verify: true, certPath: '/x'}}), undefined);
});
