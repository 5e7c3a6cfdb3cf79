/**
 * A private image registry on 127.0.0.1:5000 (test/support/registry.sh), for tests that pull.
 *
 *   import {ensureRegistry, pushTestImage, registryHost} from './registry.js';
 *
 *   const skip = (await engineSkip()) || (await registrySkip());   // false, or why; throws when CI is set
 *   const pushed = await pushTestImage(uniqueName('pull'), '1');   // {reference: '127.0.0.1:5000/NAME:1', ...}
 *   // ... berth pulls pushed.reference; afterwards: docker rmi it, and deleteTestImage(pushed) ...
 *
 * The engine pushes to and pulls from a loopback registry over plain HTTP without configuration (127.0.0.0/8
 * is an insecure registry by default). The registry listens on 127.0.0.1 only; nothing is pulled from any
 * other registry. With BERTH_TEST_DOCKER_HOST pointing at an engine on another machine, its 127.0.0.1 is not
 * this one's and pushes fail.
 */
import {execFile} from 'node:child_process';
import {createConnection, createServer, type Socket} from 'node:net';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {defaultEngine, type TestEngine, testImage, testLabel, uniqueName} from './testEngine.js';

const execFileAsync = promisify(execFile);

export const registryHost = '127.0.0.1:5000';
/** Absolute path of registry.sh. */
export const registryScript: string = fileURLToPath(new URL('registry.sh', import.meta.url));

function isCi(): boolean {
	const ci = process.env.CI;
	return Boolean(ci) && ci !== '0' && ci !== 'false';
}

async function answers(): Promise<boolean> {
	try {
		const response = await fetch(`http://${registryHost}/v2/`, {signal: AbortSignal.timeout(3000)});
		return response.ok && (response.headers.get('docker-distribution-api-version') ?? '').startsWith('registry/2');
	} catch {
		return false;
	}
}

async function bringUp(): Promise<{up: boolean; reason: string}> {
	if (await answers()) return {up: true, reason: ''};
	try {
		await execFileAsync('bash', [registryScript, 'up'], {timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8'});
	} catch (error) {
		const e = error as Error & {stderr?: string};
		const stderr = (e.stderr ?? '').trim() || e.message;
		return {up: false, reason: `bash ${registryScript} up failed: ${stderr.split('\n').at(-1)}`};
	}

	return (await answers()) ? {up: true, reason: ''} : {up: false, reason: `registry.sh up finished but http://${registryHost}/v2/ does not answer`};
}

let ensured: Promise<{up: boolean; reason: string}> | undefined;
let warned = false;

/**
 * Starts the registry (registry.sh up, at most once per process) unless it answers already. Resolves true
 * when it answers; when it cannot come up: throws if CI is set, else resolves false (the reason printed once).
 */
export async function ensureRegistry(): Promise<boolean> {
	ensured ??= bringUp();
	const {up, reason} = await ensured;
	if (up) return true;
	if (isCi()) throw new Error(`test registry unavailable (CI is set, so this is an error): ${reason}`);
	if (!warned) {
		warned = true;
		process.stderr.write(`# skipping registry tests: ${reason}\n`);
	}

	return false;
}

/** For `test(name, {skip: await registrySkip()}, fn)`: false when the registry answers, else the reason. */
export async function registrySkip(): Promise<false | string> {
	if (await ensureRegistry()) return false;
	return `no test registry: ${(await ensured!).reason}`;
}

export interface LayeredImageOptions {
	/** Layers on top of testImage, each a file of random bytes (default 2). */
	layers?: number;
	/** Bytes of each layer's file (default 64 KiB). */
	layerBytes?: number;
	engine?: TestEngine;
}

/**
 * Makes an image of its own named `reference` on the engine: testImage plus `layers` layers, each written
 * by a container (`head -c BYTES /dev/urandom > /layer-N`) and committed, so that its layers exist nowhere
 * else and a pull of it downloads them one by one. Resolves with the image id. The containers are removed;
 * the intermediate images stay as untagged parents of the result (`docker rmi reference` removes them too).
 */
export async function makeLayeredImage(reference: string, options: LayeredImageOptions = {}): Promise<string> {
	const {layers = 2, layerBytes = 64 * 1024, engine = defaultEngine} = options;
	if (layers < 1) throw new Error('makeLayeredImage: at least one layer');
	let base = testImage;
	const temporaryTags: string[] = [];
	try {
		for (let layer = 1; layer <= layers; layer++) {
			const container = uniqueName('layer');
			try {
				await engine.docker('run', '--name', container, '--label', testLabel, base, 'sh', '-c', `head -c ${layerBytes} /dev/urandom > /layer-${layer}`);
				const target = layer === layers ? reference : `${reference}-part${layer}`;
				await engine.docker('commit', '--change', 'CMD ["/bin/sh"]', container, target);
				if (layer < layers) temporaryTags.push(target);
				base = target;
			} finally {
				await engine.docker('rm', '-f', container).catch(() => undefined);
			}
		}
	} finally {
		// The parents keep their layers as long as the result needs them; only their names go.
		for (const tag of temporaryTags) await engine.docker('rmi', tag).catch(() => undefined);
	}

	return engine.docker('image', 'inspect', '--format', '{{.Id}}', reference);
}

export interface PushedImage {
	/** `127.0.0.1:5000/NAME:TAG`. */
	reference: string;
	name: string;
	tag: string;
	/** Layers the image has on top of testImage (0: testImage itself). */
	layers: number;
}

/**
 * Pushes an image to the registry as `127.0.0.1:5000/NAME:TAG` and removes it from the engine again, so that
 * a pull of it really downloads.
 *
 * With `layers: 0` it is testImage retagged. Its one layer stays on the engine (under testImage), so a
 * pull then downloads nothing: the engine reports no layer at all, only `Pulling from`, `Digest`, `Status`.
 * The default (2) is an image of its own (makeLayeredImage): a pull reports each new layer
 * (`Pulling fs layer`, `Downloading`, `Pull complete`) and testImage's layer as `Already exists`.
 */
export async function pushTestImage(name: string, tag: string, options: LayeredImageOptions = {}): Promise<PushedImage> {
	const {layers = 2, engine = defaultEngine} = options;
	if (!(await ensureRegistry())) throw new Error(`pushTestImage: the test registry ${registryHost} is not up`);
	const reference = `${registryHost}/${name}:${tag}`;
	if (layers === 0) {
		await engine.docker('tag', testImage, reference);
	} else {
		await makeLayeredImage(reference, {...options, layers, engine});
	}

	try {
		await engine.dockerWith({timeoutMs: 120_000}, 'push', reference);
	} finally {
		// testImage retagged: only the tag goes. An image of its own: the image goes, with its parents.
		await engine.docker('rmi', reference).catch(() => undefined);
	}

	return {reference, name, tag, layers};
}

/** Deletes NAME:TAG's manifest from the registry (its blobs stay until a garbage collection). Never throws. */
export async function deleteTestImage(image: Pick<PushedImage, 'name' | 'tag'>): Promise<void> {
	try {
		const url = `http://${registryHost}/v2/${image.name}/manifests/`;
		const head = await fetch(`${url}${image.tag}`, {
			method: 'HEAD',
			headers: {Accept: 'application/vnd.docker.distribution.manifest.v2+json'},
			signal: AbortSignal.timeout(5000),
		});
		const digest = head.headers.get('docker-content-digest');
		if (head.ok && digest) await fetch(`${url}${digest}`, {method: 'DELETE', signal: AbortSignal.timeout(5000)});
	} catch {
		// Already gone, or the registry is down: nothing to clean.
	}
}

export interface ThrottledProxy {
	/** `127.0.0.1:PORT`: pull `HOST/NAME:TAG` through it. */
	host: string;
	port: number;
	close(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 (a free port) to the registry that sends the registry's answers at most
 * `bytesPerSecond` per connection, so that a pull lasts long enough to watch its progress. Loopback to
 * loopback only; like the registry itself, the engine reaches it over plain HTTP.
 */
export async function startThrottledProxy(bytesPerSecond: number): Promise<ThrottledProxy> {
	const [registryAddress, registryPort] = registryHost.split(':');
	const sockets = new Set<Socket>();
	const server = createServer(client => {
		const upstream = createConnection({host: registryAddress, port: Number(registryPort)});
		sockets.add(client);
		sockets.add(upstream);
		const closeBoth = () => {
			client.destroy();
			upstream.destroy();
			sockets.delete(client);
			sockets.delete(upstream);
		};
		client.on('error', closeBoth);
		upstream.on('error', closeBoth);
		client.on('close', closeBoth);
		upstream.on('close', closeBoth);
		client.pipe(upstream);
		upstream.on('data', (chunk: Buffer) => {
			// Sends the chunk, then waits the time the rate allows for it before reading more.
			upstream.pause();
			client.write(chunk);
			setTimeout(() => upstream.resume(), Math.ceil((chunk.length / bytesPerSecond) * 1000));
		});
		upstream.on('end', () => client.end());
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		host: `127.0.0.1:${port}`,
		port,
		async close() {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}
