// The ssh channel pool against an ssh server in this process (ssh2's own, on 127.0.0.1): how many
// connections it opens, how many at once, what a server that allows fewer sessions gets, a refused login.
// The pool against a real sshd and the engine behind it: test/e2e/engines.test.ts.
import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import type {Duplex} from 'node:stream';
import {after, describe, test} from 'node:test';
import {inspect} from 'node:util';
import ssh2 from 'ssh2';
import {dockerOptions} from '../../source/engine/connection.js';
import {SshChannels, sshAgent} from '../../source/engine/sshChannels.js';
import {until} from '../support/berth.js';

const {Server, utils} = ssh2;
/**
 * An ed25519 key pair that ssh2 can read back: about 1 in 200 of the keys its generateKeyPairSync makes, it
 * cannot parse itself ("Malformed OpenSSH private key"; 15 of 3000 here), and the test failed on that in CI.
 */
function keyPair(): {private: string; public: string} {
	for (;;) {
		const pair = utils.generateKeyPairSync('ed25519', {});
		if (!(utils.parseKey(pair.private) instanceof Error)) return pair;
	}
}

const hostKey = keyPair().private;
const clientKey = keyPair();

interface Served {
	port: number;
	/** Logins accepted. */
	logins: number;
	/** The most connections that were at once connected and not yet logged in. */
	mostUnauthenticated: number;
	channelsClosed: number;
	close(): Promise<void>;
}

/** An ssh server whose exec channels echo what they are sent; `sessions` per connection, then refused. */
async function serve(options: {sessions?: number; refuseLogin?: boolean; http?: boolean} = {}): Promise<Served> {
	let unauthenticated = 0;
	const served: Served = {port: 0, logins: 0, mostUnauthenticated: 0, channelsClosed: 0, close: async () => undefined};
	const server = new Server({hostKeys: [hostKey]}, client => {
		unauthenticated++;
		served.mostUnauthenticated = Math.max(served.mostUnauthenticated, unauthenticated);
		let sessions = 0;
		client.on('authentication', context => {
			if (options.refuseLogin) {
				context.reject();
				return;
			}

			unauthenticated--;
			served.logins++;
			context.accept();
		});
		client.on('session', (accept, reject) => {
			if (sessions >= (options.sessions ?? 10)) {
				reject();
				return;
			}

			sessions++;
			accept().on('exec', (acceptExec, _reject, info) => {
				assert.equal(info.command, 'docker system dial-stdio');
				const channel = acceptExec();
				channel.on('close', () => {
					sessions--;
					served.channelsClosed++;
				});
				if (!options.http) {
					channel.pipe(channel);
					return;
				}

				// An engine's API as dial-stdio passes it on: a kept-alive answer to each GET.
				channel.on('data', (data: Buffer) => {
					if (data.includes('\r\n\r\n')) channel.write('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nOK');
				});
			});
		});
		client.on('error', () => undefined);
		clients.add(client);
		client.on('close', () => clients.delete(client));
	});
	servers.push(server);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	served.port = (server.address() as AddressInfo).port;
	served.close = async () => new Promise<void>(resolve => server.close(() => resolve()));
	return served;
}

const opened: SshChannels[] = [];
// What a test that failed halfway left open is closed here, so this file always ends (a server still
// listening, or a connection still open, would keep its process waiting and the suite with it).
const servers: Array<InstanceType<typeof Server>> = [];
const clients = new Set<{end(): unknown}>();
after(() => {
	for (const channels of opened) channels.close();
	for (const client of clients) client.end();
	for (const server of servers) server.close();
});

function pool(port: number, idleMs?: number): SshChannels {
	const channels = new SshChannels({host: '127.0.0.1', port, username: 'root', privateKey: clientKey.private}, idleMs);
	opened.push(channels);
	return channels;
}

/** The waits here are on an ssh server in this process: 5 s is plenty. */
const quick = {timeoutMs: 5000, intervalMs: 20};

async function openChannel(channels: SshChannels): Promise<Duplex> {
	return new Promise((resolve, reject) => {
		channels.open((error, channel) => (error ? reject(error) : resolve(channel!)));
	});
}

async function echoes(channel: Duplex, text: string): Promise<string> {
	return new Promise(resolve => {
		channel.once('data', (data: Buffer) => resolve(data.toString()));
		channel.write(text);
	});
}

describe('ssh channels', () => {
	test('twenty channels at once: three connections of at most 8 channels, logged in one at a time', async () => {
		const server = await serve();
		const channels = pool(server.port);
		const all = await Promise.all(Array.from({length: 20}, async () => openChannel(channels)));
		assert.deepEqual(await Promise.all(all.map(async (channel, index) => echoes(channel, `ping ${index}`))), all.map((_, index) => `ping ${index}`));
		assert.equal(server.logins, 3);
		assert.equal(channels.connections(), 3);
		assert.equal(server.mostUnauthenticated, 1);
		channels.close();
		await server.close();
	});

	test('a server that allows 2 sessions a connection: the refused channel goes to a new connection', async () => {
		const server = await serve({sessions: 2});
		const channels = pool(server.port);
		const all = await Promise.all(Array.from({length: 5}, async () => openChannel(channels)));
		assert.equal((await Promise.all(all.map(async channel => echoes(channel, 'x')))).join(''), 'xxxxx');
		assert.equal(server.logins, 3);
		// A channel closed makes room on its connection: the next one goes there, with no new login.
		// As Node's http does with its sockets: read to the end (ssh2 says close once the end is read).
		all[0]!.resume().destroy();
		await new Promise(resolve => all[0]!.once('close', resolve));
		assert.equal(await echoes(await openChannel(channels), 'again'), 'again');
		assert.equal(server.logins, 3);
		channels.close();
		await server.close();
	});

	test('a refused login: every channel waiting hears it, and the next asks again', async () => {
		const server = await serve({refuseLogin: true});
		const channels = pool(server.port);
		const results = await Promise.allSettled(Array.from({length: 3}, async () => openChannel(channels)));
		assert.deepEqual(
			results.map(result => result.status),
			['rejected', 'rejected', 'rejected'],
		);
		assert.match(String((results[0] as PromiseRejectedResult).reason), /authentication methods failed/i);
		assert.equal(channels.connections(), 0);
		await assert.rejects(openChannel(channels), /authentication methods failed/i);
		channels.close();
		await server.close();
	});

	test('a connection whose channels all closed is closed after the idle time', async () => {
		const server = await serve();
		const channels = pool(server.port, 200);
		const channel = await openChannel(channels);
		channel.resume().destroy();
		await new Promise(resolve => channel.once('close', resolve));
		assert.equal(channels.connections(), 1);
		await new Promise(resolve => setTimeout(resolve, 400));
		assert.equal(channels.connections(), 0);
		await echoes(await openChannel(channels), 'back');
		assert.equal(server.logins, 2);
		channels.close();
		await server.close();
	});

	test('the agent dockerode gets: plain HTTP in the channels, written by util.inspect as its name', () => {
		const options = dockerOptions({kind: 'ssh', host: '127.0.0.1', port: 22, username: 'root'}) as {protocol?: string; agent?: unknown};
		assert.equal(options.protocol, 'http');
		// docker-modem writes every request's options with util.inspect, debugging or not.
		assert.equal(inspect(options.agent, {showHidden: true, depth: null}), 'ssh channels');
	});

	test('through Node\'s http: channels kept alive for the next requests, closed after the idle time, then the connection', async () => {
		const server = await serve({http: true});
		const channels = pool(server.port, 200);
		const agent = sshAgent(channels, 300);
		const get = async () =>
			new Promise<string>((resolve, reject) => {
				http
					.get({host: 'docker', path: '/_ping', agent}, response => {
						let body = '';
						response.on('data', (chunk: Buffer) => (body += chunk.toString()));
						response.on('end', () => resolve(body));
					})
					.on('error', reject);
			});
		assert.deepEqual(await Promise.all([get(), get(), get()]), ['OK', 'OK', 'OK']);
		assert.deepEqual(await Promise.all([get(), get(), get()]), ['OK', 'OK', 'OK']);
		assert.equal(server.channelsClosed, 0, 'the second three found the channels of the first');
		assert.equal(server.logins, 1);
		await until(() => server.channelsClosed === 3, 'idle channels closed', quick);
		await until(() => channels.connections() === 0, 'then the idle connection', quick);
		assert.equal(await get(), 'OK');
		assert.equal(server.logins, 2);
		agent.destroy();
		channels.close();
		await server.close();
	});
});
