// Proves the recording engine proxy: its request parser (no engine needed), byte-for-byte forwarding with
// half-closes, and the docker CLI through it against the real test engine.
import assert from 'node:assert/strict';
import {execFile, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {Agent, createServer as createHttpServer, request} from 'node:http';
import {connect, createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {promisify} from 'node:util';
import {RequestStreamParser, routeOf, startEngineProxy, type EngineProxy, type RequestHead} from './engineProxy.js';
import {engineSkip, removeTestContainers, testDockerHost, testImage, testLabel, uniqueName} from './testEngine.js';

const execFileAsync = promisify(execFile);
const dockerCli = process.env.BERTH_DOCKER_CLI || 'docker';

function cliEnv(): NodeJS.ProcessEnv {
	const env = {...process.env};
	delete env.DOCKER_CONTEXT;
	delete env.DOCKER_HOST;
	return env;
}

/** `docker -H host ...args`: trimmed stdout. */
async function dockerVia(host: string, ...args: string[]): Promise<string> {
	const {stdout} = await execFileAsync(dockerCli, ['-H', host, ...args], {env: cliEnv(), timeout: 60_000, encoding: 'utf8'});
	return stdout.trim();
}

/** Feeds `input` to a fresh parser, whole or in pieces of `step` bytes; returns what it logged. */
function parseAll(input: Buffer | string, step = Infinity, response?: {after: number; bytes: string}) {
	const heads: RequestHead[] = [];
	const errors: string[] = [];
	const parser = new RequestStreamParser(
		(head) => heads.push(head),
		(error) => errors.push(error),
	);
	const data = Buffer.from(input);
	for (let pos = 0; pos < data.length; pos += step) {
		if (response && pos >= response.after && response.after >= 0) {
			parser.pushResponse(Buffer.from(response.bytes));
			response.after = -1;
		}
		parser.push(data.subarray(pos, Math.min(data.length, pos + step)));
	}
	if (response && response.after >= 0) {
		parser.pushResponse(Buffer.from(response.bytes));
	}
	return {lines: heads.map((head) => `${head.method} ${head.target}`), errors, mode: parser.mode};
}

describe('request parser', () => {
	test('routeOf drops the API version and the query', () => {
		assert.equal(routeOf('/v1.41/containers/json?all=1'), '/containers/json');
		assert.equal(routeOf('/containers/json'), '/containers/json');
		assert.equal(routeOf('/_ping'), '/_ping');
		assert.equal(routeOf('/v1.41'), '/');
		assert.equal(routeOf('/v1.41/exec/abc/start'), '/exec/abc/start');
		assert.equal(routeOf('/v1/x'), '/x');
		assert.equal(routeOf('/version'), '/version');
		assert.equal(routeOf('http://docker/v1.50/info?x=1'), '/info');
	});

	const fakeRequest = 'DELETE /v1.41/containers/x HTTP/1.1\r\n\r\n';
	const fakeChunk = 'DELETE /evil HTTP/1.1\r\nHost: docker\r\n\r\n';
	const stream = [
		'GET /v1.41/containers/json HTTP/1.1\r\nHost: docker\r\n\r\n',
		// A body that looks like a request is skipped by its length.
		`POST /v1.41/containers/create HTTP/1.1\r\nHost: docker\r\nContent-Length: ${fakeRequest.length}\r\n\r\n`,
		fakeRequest,
		// Chunked, with a chunk extension, a chunk that looks like a request, and trailers.
		'PUT /v1.41/containers/x/archive?path=/ HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n',
		'5;ext=1\r\nhello\r\n',
		`${fakeChunk.length.toString(16).toUpperCase()}\r\n${fakeChunk}\r\n`,
		'0\r\nX-Trailer: 1\r\n\r\n',
		// Tolerated: an empty line between requests, bare LF line ends.
		'\r\nHEAD /_ping HTTP/1.1\nHost: docker\n\n',
		'POST /v1.41/build HTTP/1.1\r\nContent-Length: 0\r\n\r\n',
		'GET /v1.41/events HTTP/1.1\r\n\r\n',
	].join('');
	const expected = [
		'GET /v1.41/containers/json',
		'POST /v1.41/containers/create',
		'PUT /v1.41/containers/x/archive?path=/',
		'HEAD /_ping',
		'POST /v1.41/build',
		'GET /v1.41/events',
	];

	test('finds each request of a keep-alive stream, skipping fixed and chunked bodies', () => {
		for (const step of [Infinity, 1, 2, 3, 7, 64]) {
			const {lines, errors} = parseAll(stream, step);
			assert.deepEqual(errors, [], `step ${step}`);
			assert.deepEqual(lines, expected, `step ${step}`);
		}
	});

	const execStart =
		'POST /v1.41/exec/abc/start HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: tcp\r\nContent-Length: 2\r\n\r\n{}';
	const rawAfter = 'DELETE /raw HTTP/1.1\r\n\r\n';

	test('stops parsing after a 101 answer to a hijacking request', () => {
		for (const step of [Infinity, 1, 5]) {
			const {lines, errors, mode} = parseAll(execStart + rawAfter, step, {
				after: execStart.length,
				bytes: 'HTTP/1.1 101 UPGRADED\r\nContent-Type: application/vnd.docker.raw-stream\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\nraw output',
			});
			assert.deepEqual(errors, []);
			assert.deepEqual(lines, ['POST /v1.41/exec/abc/start']);
			assert.equal(mode, 'raw');
		}
		// Docker's hijack without Upgrade headers: 200 with a raw stream content type.
		const attach = 'POST /v1.41/containers/abc/attach?stream=1&stdin=1 HTTP/1.1\r\nContent-Length: 0\r\n\r\n';
		const {lines, mode} = parseAll(attach + rawAfter, Infinity, {
			after: attach.length,
			bytes: 'HTTP/1.1 200 OK\r\nContent-Type: application/vnd.docker.multiplexed-stream\r\n\r\n',
		});
		assert.deepEqual(lines, ['POST /v1.41/containers/abc/attach?stream=1&stdin=1']);
		assert.equal(mode, 'raw');
	});

	test('goes on parsing (held bytes included) when a hijacking request is refused', () => {
		// The client's next request arrives before the answer: it is held, then parsed.
		const {lines, errors, mode} = parseAll(execStart + rawAfter, Infinity, {
			after: Infinity,
			bytes: 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
		});
		assert.deepEqual(errors, []);
		assert.deepEqual(lines, ['POST /v1.41/exec/abc/start', 'DELETE /raw']);
		assert.equal(mode, 'http');
		// The answer comes while the body is still arriving.
		const split = parseAll(execStart + rawAfter, 1, {after: execStart.length - 1, bytes: 'HTTP/1.1 409 Conflict\r\nContent-Length: 0\r\n\r\n'});
		assert.deepEqual(split.lines, ['POST /v1.41/exec/abc/start', 'DELETE /raw']);
	});

	test('reports bytes that are not requests (fail closed)', () => {
		for (const input of [
			'\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n', // TLS
			'GET / HTTP/1.1\r\nbad header\r\n\r\n',
			'POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n',
			'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
			'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
		]) {
			const {errors} = parseAll(input);
			assert.equal(errors.length, 1, JSON.stringify(input));
		}
		const long = parseAll(`GET /${'a'.repeat(300 * 1024)}`, 4096);
		assert.equal(long.errors.length, 1);
	});
});

describe('proxy without an engine', () => {
	let dir: string;
	let server: Server;
	let proxy: EngineProxy;
	before(async () => {
		dir = await mkdtemp(join(tmpdir(), 'berth-proxy-test-'));
	});
	after(async () => {
		await proxy?.close();
		server?.close();
		await rm(dir, {recursive: true, force: true});
	});

	test('forwards a hijacked stream with half-closes both ways and cleans up on close', async () => {
		const target = join(dir, 'fake.sock');
		// A fake engine: answers 101, echoes upper case until the client half-closes, then says bye.
		server = createServer({allowHalfOpen: true}, (socket) => {
			let head = '';
			let upgraded = false;
			socket.on('data', (chunk: Buffer) => {
				if (!upgraded) {
					head += chunk.toString('latin1');
					const end = head.indexOf('\r\n\r\n');
					if (end >= 0) {
						upgraded = true;
						socket.write('HTTP/1.1 101 UPGRADED\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n');
						const rest = head.slice(end + 4);
						if (rest) {
							socket.write(rest.toUpperCase());
						}
					}
					return;
				}
				socket.write(chunk.toString('latin1').toUpperCase());
			});
			socket.on('end', () => socket.end('bye'));
		});
		await new Promise<void>((resolve) => server.listen(target, resolve));
		proxy = await startEngineProxy(target);
		assert.equal(proxy.dockerHost, `unix://${proxy.socketPath}`);

		const client = connect({path: proxy.socketPath, allowHalfOpen: true});
		let received = '';
		const ended = new Promise<void>((resolve) => client.on('end', resolve));
		client.on('data', (chunk: Buffer) => {
			received += chunk.toString('latin1');
			if (received.includes('\r\n\r\n') && !client.writableEnded) {
				// Raw bytes that look like a request: not logged after the upgrade.
				client.end('DELETE /nope HTTP/1.1\r\n\r\n');
			}
		});
		client.write('POST /v1.41/containers/c1/attach?stream=1&stdin=1 HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n');
		await ended;
		assert.match(received, /^HTTP\/1\.1 101 UPGRADED\r\n/);
		assert.ok(received.endsWith('\r\n\r\nDELETE /NOPE HTTP/1.1\r\n\r\nbye'), JSON.stringify(received));
		assert.deepEqual(
			proxy.requests().map((r) => [r.method, r.path, r.route]),
			[['POST', '/v1.41/containers/c1/attach?stream=1&stdin=1', '/containers/c1/attach']],
		);
		assert.equal(proxy.mutating().length, 1);
		proxy.clear();
		assert.deepEqual(proxy.requests(), []);

		await proxy.close();
		await proxy.close();
		assert.equal(existsSync(proxy.socketPath), false);
	});

	test('forwards chunked uploads and keep-alive requests to an HTTP server', async () => {
		const target = join(dir, 'http.sock');
		const httpServer = createHttpServer((req, res) => {
			let body = '';
			req.on('data', (chunk: Buffer) => (body += chunk.toString()));
			req.on('end', () => res.end(`${req.method} ${req.url} ${body.length}`));
		});
		await new Promise<void>((resolve) => httpServer.listen(target, resolve));
		const local = await startEngineProxy(`unix://${target}`);
		const agent = new Agent({keepAlive: true, maxSockets: 1});
		try {
			const send = (method: string, path: string, body?: string) =>
				new Promise<string>((resolve, reject) => {
					const req = request({socketPath: local.socketPath, agent, method, path}, (res) => {
						let text = '';
						res.on('data', (chunk: Buffer) => (text += chunk.toString()));
						res.on('end', () => resolve(text));
					});
					req.on('error', reject);
					if (body !== undefined) {
						// Written in pieces without a length: chunked transfer coding.
						req.write(body.slice(0, 10));
						req.write(body.slice(10));
					}
					req.end();
				});
			const upload = `GET /inner HTTP/1.1\r\n\r\n${'x'.repeat(5000)}`;
			assert.equal(await send('POST', '/v1.41/images/load', upload), `POST /v1.41/images/load ${upload.length}`);
			assert.equal(await send('GET', '/v1.41/info'), 'GET /v1.41/info 0');
			assert.equal(await send('DELETE', '/v1.41/images/x?force=1'), 'DELETE /v1.41/images/x?force=1 0');
			assert.deepEqual(
				local.requests().map((r) => `${r.connection} ${r.method} ${r.route}`),
				['1 POST /images/load', '1 GET /info', '1 DELETE /images/x'],
			);
			assert.deepEqual(
				local.mutating().map((r) => r.method),
				['POST', 'DELETE'],
			);
		} finally {
			agent.destroy();
			await local.close();
			await new Promise<void>((resolve) => httpServer.close(() => resolve()));
		}
	});
});

const skip = await engineSkip();

describe('docker CLI through the proxy', () => {
	const name = uniqueName('proxy');
	let proxy: EngineProxy;
	let id = '';
	before(async () => {
		if (!skip) {
			proxy = await startEngineProxy(testDockerHost);
		}
	});
	after(async () => {
		if (!skip) {
			await proxy?.close();
			await removeTestContainers([name]);
		}
	});
	const routes = () => proxy.requests().map((r) => `${r.method} ${r.route}`);

	test('docker ps is GET /containers/json and nothing mutating', {skip}, async () => {
		proxy.clear();
		await dockerVia(proxy.dockerHost, 'ps');
		assert.ok(routes().includes('GET /containers/json'), routes().join(', '));
		assert.match(proxy.requests().find((r) => r.route === '/containers/json')!.path, /^\/v1\.\d+\/containers\/json/);
		assert.deepEqual(proxy.mutating(), []);
	});

	test('docker run is POST /containers/create and POST /containers/ID/start', {skip}, async () => {
		proxy.clear();
		id = await dockerVia(
			proxy.dockerHost,
			'run', '-d', '--name', name, '--label', testLabel, testImage,
			'sh', '-c', 'trap "exit 0" TERM; echo ready; while :; do echo tick; sleep 1; done',
		);
		assert.match(id, /^[0-9a-f]{64}$/);
		const mutating = proxy.mutating().map((r) => `${r.method} ${r.route}`);
		assert.ok(mutating.includes('POST /containers/create'), mutating.join(', '));
		assert.ok(mutating.includes(`POST /containers/${id}/start`), mutating.join(', '));
		assert.ok(proxy.requests().find((r) => r.route === '/containers/create')!.path.includes(`name=${name}`));
	});

	test('docker exec works through a hijacked connection', {skip}, async () => {
		proxy.clear();
		assert.equal(await dockerVia(proxy.dockerHost, 'exec', name, 'sh', '-c', 'echo $((6*7))'), '42');
		const mutating = proxy.mutating().map((r) => `${r.method} ${r.route.replace(/\/exec\/[0-9a-f]{64}\//, '/exec/ID/')}`);
		assert.ok(mutating.includes(`POST /containers/${name}/exec`), mutating.join(', '));
		assert.ok(mutating.includes('POST /exec/ID/start'), mutating.join(', '));
		// stdin through the hijacked stream, then a half-close: the output still comes back.
		const child = spawn(dockerCli, ['-H', proxy.dockerHost, 'exec', '-i', name, 'sh', '-c', 'tr a-z A-Z; echo done'], {
			env: cliEnv(),
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		let out = '';
		child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
		const code = await new Promise<number | null>((resolve) => {
			child.on('close', resolve);
			child.stdin.end('hello proxy\n');
		});
		assert.equal(code, 0);
		assert.equal(out, 'HELLO PROXY\ndone\n');
		// Still parsed after the hijacked connection: later requests are logged.
		proxy.clear();
		await dockerVia(proxy.dockerHost, 'ps');
		assert.ok(routes().includes('GET /containers/json'));
		assert.ok(proxy.requests().every((r) => r.method !== 'UNPARSEABLE'));
	});

	test('docker logs -f streams through the proxy', {skip}, async () => {
		proxy.clear();
		const child = spawn(dockerCli, ['-H', proxy.dockerHost, 'logs', '-f', name], {env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe']});
		const arrivals: Array<{at: number; text: string}> = [];
		child.stdout.on('data', (chunk: Buffer) => arrivals.push({at: Date.now(), text: chunk.toString()}));
		const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
		const started = Date.now();
		await new Promise((resolve) => setTimeout(resolve, 2000));
		assert.equal(child.exitCode, null, 'docker logs -f still follows');
		child.kill('SIGTERM');
		await exited;
		const text = arrivals.map((a) => a.text).join('');
		assert.match(text, /^ready\ntick\n/);
		// Lines kept coming while it followed: streamed, not one answer at the end.
		assert.ok(arrivals.some((a) => a.at - started > 500 && a.text.includes('tick')), JSON.stringify(arrivals));
		// The CLI names the container by the id it inspected.
		const logs = proxy.requests().find((r) => r.route === `/containers/${id}/logs` || r.route === `/containers/${name}/logs`);
		assert.ok(logs, routes().join(', '));
		assert.match(logs.path, /follow=1/);
		assert.deepEqual(proxy.mutating(), []);
	});

	test('docker stats --no-stream works through the proxy', {skip}, async () => {
		proxy.clear();
		const out = await dockerVia(proxy.dockerHost, 'stats', '--no-stream', '--format', '{{.Name}} {{.MemUsage}}', name);
		assert.match(out, new RegExp(`^${name} \\S+`));
		assert.ok(routes().some((r) => r.startsWith('GET /containers/') && r.endsWith('/stats')), routes().join(', '));
		assert.deepEqual(proxy.mutating(), []);
	});

	test('docker stop and rm are mutating, docker ps is not', {skip}, async () => {
		proxy.clear();
		await dockerVia(proxy.dockerHost, 'ps');
		assert.deepEqual(proxy.mutating(), []);
		await dockerVia(proxy.dockerHost, 'stop', '-t', '1', name);
		await dockerVia(proxy.dockerHost, 'rm', name);
		assert.deepEqual(
			proxy.mutating().map((r) => `${r.method} ${r.route}`),
			[`POST /containers/${name}/stop`, `DELETE /containers/${name}`],
		);
		assert.match(proxy.mutating()[0]!.path, /^\/v1\.\d+\/containers\/[^/]+\/stop\?t=1$/);
		proxy.clear();
		await dockerVia(proxy.dockerHost, 'ps', '-a');
		assert.deepEqual(proxy.mutating(), []);
		assert.ok(proxy.requests().length > 0);
	});

	test('a keep-alive client sends three GETs on one connection', {skip}, async () => {
		proxy.clear();
		const before = proxy.connections();
		const agent = new Agent({keepAlive: true, maxSockets: 1});
		try {
			const reused: boolean[] = [];
			for (const path of ['/_ping', '/v1.41/version', '/v1.41/containers/json?all=1']) {
				const status = await new Promise<number>((resolve, reject) => {
					const req = request({socketPath: proxy.socketPath, agent, path, headers: {host: 'docker'}}, (res) => {
						res.resume();
						res.on('end', () => resolve(res.statusCode ?? 0));
					});
					reused.push(req.reusedSocket);
					req.on('error', reject);
					req.end();
				});
				assert.equal(status, 200, path);
			}
			assert.deepEqual(reused, [false, true, true]);
		} finally {
			agent.destroy();
		}
		const requests = proxy.requests();
		assert.deepEqual(
			requests.map((r) => `${r.method} ${r.route}`),
			['GET /_ping', 'GET /version', 'GET /containers/json'],
		);
		assert.equal(new Set(requests.map((r) => r.connection)).size, 1);
		assert.equal(proxy.connections() - before, 1);
	});
});
