// An engine over ssh: requests share a few ssh connections, one channel each (`docker system dial-stdio`).
import http from 'node:http';
import type {Duplex} from 'node:stream';
import type {Client, ConnectConfig} from 'ssh2';

/** ssh2 is loaded at the first ssh connection: most engines are not over ssh, and it is a large module. */
let loadClient: Promise<typeof Client> | undefined;
const clientClass = () =>
	(loadClient ??= import('ssh2').then(module => (module as {Client?: typeof Client}).Client ?? (module.default as {Client: typeof Client}).Client));

/**
 * Channels one ssh connection carries at most: sshd allows 10 sessions per connection (MaxSessions).
 * An sshd that allows fewer refuses a channel; the connection is then taken as full at what it carries.
 */
const channelsPerConnection = 8;
/** An ssh connection with no channel for this long is closed. */
const idleCloseMs = 30_000;

interface Link {
	client: Client | undefined;
	ready: boolean;
	/** Channels open or being opened on it. */
	used: number;
	capacity: number;
	idle?: NodeJS.Timeout;
	/** Its channels open now, kept alive by the http agent between requests or carrying one. */
	channels: Set<Duplex>;
}

type Waiter = (error: Error | undefined, channel?: Duplex) => void;

/**
 * docker-modem opens an ssh connection per request: with a dozen requests at once (a sample of every running
 * container, as berth asked them) sshd's MaxStartups (10 unauthenticated connections) drops connections at
 * random. Here connections are opened one at a time, each carries up to 8 channels, and one with none left
 * closes after 30 s.
 */
export class SshChannels {
	private readonly links: Link[] = [];
	private readonly queue: Waiter[] = [];
	private connecting: Link | undefined;

	constructor(
		private readonly config: ConnectConfig,
		private readonly idleMs = idleCloseMs,
	) {}

	/** A channel to the engine's API, as a socket for Node's http. */
	open(done: Waiter): void {
		this.queue.push(done);
		this.pump();
	}

	/** Ends every connection; channels on them close. */
	close(): void {
		for (const link of [...this.links]) this.drop(link);
		this.connecting = undefined;
	}

	connections(): number {
		return this.links.length;
	}

	private pump(): void {
		while (this.queue.length > 0) {
			const link = this.links.find(candidate => candidate.ready && candidate.used < candidate.capacity);
			if (!link) {
				if (!this.connecting) this.connect();
				return;
			}

			this.exec(link, this.queue.shift()!);
		}
	}

	private connect(): void {
		const link: Link = {client: undefined, ready: false, used: 0, capacity: channelsPerConnection, channels: new Set()};
		this.links.push(link);
		this.connecting = link;
		clientClass().then(
			ClientClass => {
				if (this.links.includes(link)) this.handshake(link, new ClientClass());
			},
			(error: Error) => this.refused(link, error),
		);
	}

	private handshake(link: Link, client: Client): void {
		link.client = client;
		client.once('ready', () => {
			link.ready = true;
			if (this.connecting === link) this.connecting = undefined;
			this.pump();
		});
		client.on('error', (error: Error) => {
			// A live connection's failure reaches its channels, which close.
			if (!link.ready) this.refused(link, error);
		});
		client.on('close', () => {
			// ssh2 ends a lost connection's channels and says `close` once their end is read (asSocket).
			for (const channel of link.channels) channel.resume();
			this.drop(link);
			if (this.queue.length > 0) this.pump();
		});
		client.connect(this.config);
	}

	/** The connection could not be made: whoever waits for one hears why. */
	private refused(link: Link, error: Error): void {
		this.drop(link);
		for (const waiter of this.queue.splice(0)) waiter(error);
	}

	private exec(link: Link, done: Waiter): void {
		link.used++;
		clearTimeout(link.idle);
		link.client!.exec('docker system dial-stdio', (error, channel) => {
			if (error) {
				link.used--;
				if (link.used > 0 && this.links.includes(link)) {
					// sshd allows fewer sessions than asked: this connection is full at what it carries.
					link.capacity = link.used;
					this.queue.unshift(done);
					this.pump();
				} else {
					done(error);
					this.release(link);
				}

				return;
			}

			link.channels.add(channel as unknown as Duplex);
			channel.once('close', () => {
				link.channels.delete(channel as unknown as Duplex);
				link.used--;
				this.release(link);
				this.pump();
			});
			done(undefined, channel as unknown as Duplex);
		});
	}

	private release(link: Link): void {
		if (link.used > 0 || !this.links.includes(link)) return;
		link.idle = setTimeout(() => this.drop(link), this.idleMs);
		link.idle.unref();
	}

	private drop(link: Link): void {
		clearTimeout(link.idle);
		const index = this.links.indexOf(link);
		if (index !== -1) this.links.splice(index, 1);
		if (this.connecting === link) this.connecting = undefined;
		link.client?.end();
	}
}

/**
 * Kept-alive channels waiting for a request, at most: each holds a process on the remote host. The list's
 * stats take 10 at once every few seconds (app/hooks/useFigures.ts), which find them again.
 */
const idleChannels = 12;

/**
 * Node's http agent whose sockets are channels of `channels`, kept alive between requests as the docker CLI
 * keeps its connections: opening a channel starts a process on the remote host (through the user's shell).
 * A channel left idle for `idleMs` is closed (then its connection, idle, after its own delay): an engine
 * left behind (another context chosen) lets go of the remote host within a minute.
 */
export function sshAgent(channels: SshChannels, idleMs = idleCloseMs): http.Agent {
	const agent = new http.Agent({keepAlive: true, maxFreeSockets: idleChannels, timeout: idleMs});
	agent.createConnection = (_options, callback) => {
		channels.open((error, channel) => {
			callback?.(error ?? null, channel ? asSocket(channel) : (channel as never));
		});
		return undefined;
	};

	return agent;
}

/**
 * What Node's http asks of a socket beyond a stream, which a channel has not: keep-alive, ref and no-delay
 * mean nothing here; a timeout is a timer from when it is set, which the agent sets on a socket it keeps
 * idle (and destroys it when it fires; on a socket in use, nobody listens unless DOCKER_CLIENT_TIMEOUT is
 * set, as docker-modem reads it).
 */
function asSocket(channel: Duplex): never {
	const socket = channel as Duplex & Record<string, unknown>;
	for (const name of ['setKeepAlive', 'setNoDelay', 'ref', 'unref']) {
		if (typeof socket[name] !== 'function') socket[name] = () => socket;
	}

	let timer: NodeJS.Timeout | undefined;
	socket.setTimeout = (ms: number) => {
		clearTimeout(timer);
		timer = ms > 0 ? setTimeout(() => socket.emit('timeout'), ms) : undefined;
		timer?.unref();
		return socket;
	};
	socket.once('close', () => {
		clearTimeout(timer);
		// ssh2 says `close` without destroying the stream, so the agent took a channel of a lost connection for
		// still open and kept it in its pool: the next request went into it and never came back (seen: an engine
		// over ssh that never tried again after its connection was reset). This runs before the agent hears it.
		socket.destroyed = true;
	});
	return socket as never;
}
