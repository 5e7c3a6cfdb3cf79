/**
 * The private Docker engine that berth's tests run against (see test/support/engine.sh).
 *
 * Pattern for a test file that needs the engine:
 *
 *   import {after, test} from 'node:test';
 *   import {engineSkip, idleCmd, runContainer, uniqueName, removeTestContainers, testDockerHost} from './testEngine.js';
 *
 *   const skip = await engineSkip(); // false, or the reason to skip ('no test engine: ...'); throws when CI is set
 *   const created: string[] = [];
 *   after(() => skip || removeTestContainers(created));
 *
 *   test('lists a running container', {skip}, async () => {
 *     const name = uniqueName('list');
 *     created.push(name);
 *     await runContainer({name, cmd: [...idleCmd]});
 *     // ... point berth at testDockerHost ...
 *   });
 *
 * (`const up = await ensureTestEngine(); test('x', {skip: !up && 'no test engine'}, ...)` is the same thing.)
 *
 * Rules: containers are created from `testImage` with the label `testLabel` and a `uniqueName()`; clean up
 * the names you created (test files run in parallel on one engine: `removeTestContainers()` without names
 * removes the other files' containers too). Ports are published on 127.0.0.1 only (runContainer refuses
 * anything else); traffic goes to loopback only, never to a container's 172.x address; nothing is pulled.
 *
 * Stopping or restarting the daemon breaks every other test file that uses the same engine at that moment.
 * A test that does it takes an engine of its own:
 *
 *   const engine = isolatedEngine('restart');     // its own dir, bridge and subnet; ~1 s to start
 *   const skip = await engine.skip();
 *   after(() => engine.down());
 *   test('survives a restart', {skip}, async () => { ...; await engine.restartDaemon(); ... });
 *
 * Environment: BERTH_ENGINE_VERSION chooses the Docker the private engines run: 20.10 (default: Debian 12's
 * docker.io) or 26.1 (Debian 13's, see docker26.sh); `npm test` runs the engine and end-to-end suites once
 * with each (test/support/suites.ts). BERTH_ENGINE_DIR chooses the directory of the private 20.10 engine
 * (default /tmp/berth-engine), BERTH_ENGINE26_DIR that of the 26.1 one (default /tmp/berth-engine-26);
 * isolated engines are named after it. BERTH_TEST_DOCKER_HOST points the tests at an engine that already
 * runs (the script is then not used, and no version is checked); BERTH_DOCKER_CLI the docker client
 * (default: `docker` on PATH). When CI is set, a missing engine is an error instead of a skip.
 */
import {execFile, spawn} from 'node:child_process';
import {createHash, randomBytes} from 'node:crypto';
import {createServer} from 'node:net';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const execFileAsync = promisify(execFile);

export const testImage = 'berth-test/busybox:latest';
export const testLabel = 'berth.test=1';

/** The Docker versions engine.sh can start (BERTH_ENGINE_VERSION). */
export const engineVersions = ['20.10', '26.1'] as const;
export type EngineVersion = (typeof engineVersions)[number];

/** engine.sh's variables for the engine of one version (the 26.1 engine has its own, so both can run at once). */
const versionSettings: Record<EngineVersion, {dirVariable: string; bridgeVariable: string; cidrVariable: string; defaultDir: string}> = {
	'20.10': {dirVariable: 'BERTH_ENGINE_DIR', bridgeVariable: 'BERTH_ENGINE_BRIDGE', cidrVariable: 'BERTH_ENGINE_BRIDGE_CIDR', defaultDir: '/tmp/berth-engine'},
	'26.1': {dirVariable: 'BERTH_ENGINE26_DIR', bridgeVariable: 'BERTH_ENGINE26_BRIDGE', cidrVariable: 'BERTH_ENGINE26_BRIDGE_CIDR', defaultDir: '/tmp/berth-engine-26'},
};

function selectedVersion(): EngineVersion {
	const value = process.env.BERTH_ENGINE_VERSION || '20.10';
	const version = engineVersions.find(known => known === value);
	if (!version) {
		throw new Error(`BERTH_ENGINE_VERSION=${value}: use one of ${engineVersions.join(', ')}`);
	}
	return version;
}

/** The Docker version of this process's test engines (BERTH_ENGINE_VERSION, default 20.10). */
export const engineVersion: EngineVersion = selectedVersion();
/** Absolute path of engine.sh. */
export const engineScript: string = fileURLToPath(new URL('engine.sh', import.meta.url));

/**
 * A command that runs until stopped and exits at once on SIGTERM/SIGINT. Prefer it to `sleep N`: a plain
 * `sleep` as PID 1 ignores SIGTERM, so `docker stop` and every daemon stop/restart wait the full 10 s
 * stop timeout for it (this engine has no docker-init, so `--init` is not available).
 */
export const idleCmd: readonly string[] = ['sh', '-c', 'trap "exit 0" TERM INT; while :; do sleep 3600 & wait $!; done'];

const dockerCli = process.env.BERTH_DOCKER_CLI || 'docker';

function isCi(): boolean {
	const ci = process.env.CI;
	return Boolean(ci) && ci !== '0' && ci !== 'false';
}

/** The environment for the docker CLI: no DOCKER_CONTEXT/DOCKER_HOST that could fight with -H. */
function cliEnv(): NodeJS.ProcessEnv {
	const env = {...process.env};
	delete env.DOCKER_CONTEXT;
	delete env.DOCKER_HOST;
	return env;
}

interface ExecError extends Error {
	stdout?: string;
	stderr?: string;
	code?: number | string;
	killed?: boolean;
	signal?: string;
}

/** `berth-t-PREFIX-RANDOM`: unique container/network/volume names that tests own. */
export function uniqueName(prefix: string): string {
	return `berth-t-${prefix}-${randomBytes(4).toString('hex')}`;
}

export interface RunContainerOptions {
	name: string;
	/** Extra options before the image, e.g. ['-p', '127.0.0.1:18080:80', '-e', 'A=1']. */
	args?: string[];
	/** Command after the image; default the image's CMD (/bin/sh, which exits at once without -i). */
	cmd?: string[];
	/** `docker run -d` (default true); false runs in the foreground and resolves with the output. */
	detach?: boolean;
	/** `docker create` instead of `docker run`. */
	create?: boolean;
	/** Default testImage. */
	image?: string;
}

/** Throws if `args` would publish a port on anything but 127.0.0.1 (the network rule). */
export function assertLoopbackPorts(args: readonly string[]): void {
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '-P' || arg === '--publish-all' || arg.startsWith('--publish-all=')) {
			throw new Error(`${arg} publishes on every address: publish on 127.0.0.1 only`);
		}
		let spec: string | undefined;
		if (arg === '-p' || arg === '--publish') {
			spec = args[i + 1];
			i++;
		} else if (arg.startsWith('--publish=')) {
			spec = arg.slice('--publish='.length);
		} else if (arg.startsWith('-p') && !arg.startsWith('--')) {
			spec = arg.slice(2);
		}
		if (spec !== undefined && !/^127\.0\.0\.1:\d*:/.test(spec) && !/(^|,)host_ip=127\.0\.0\.1(,|$)/.test(spec)) {
			throw new Error(`port ${spec} must be published on 127.0.0.1 only (e.g. -p 127.0.0.1:18080:80)`);
		}
	}
}

/** A TCP port that is free on 127.0.0.1 right now (for `-p 127.0.0.1:PORT:80`). */
export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export interface TestEngineOptions {
	/** Directory of the engine (engine.sh's BERTH_ENGINE_DIR). */
	dir: string;
	/** The Docker engine.sh starts there; default engineVersion. */
	version?: EngineVersion;
	/** Bridge name (at most 15 characters) and its address; default engine.sh's (berth0, 172.31.254.1/24). */
	bridge?: string;
	bridgeCidr?: string;
	/** An engine that runs already (not managed by engine.sh): its DOCKER_HOST. */
	externalHost?: string;
	/**
	 * When another interface has bridgeCidr's subnet already, let engine.sh take the next free one
	 * (BERTH_ENGINE_SUBNET_SEARCH): for isolated engines, whose subnets are hashed, on a machine that other
	 * checkouts' engines share.
	 */
	searchSubnet?: boolean;
}

/** One engine: the shared default one (`defaultEngine`), or one of a test's own (`isolatedEngine`). */
export class TestEngine {
	readonly dir: string;
	readonly version: EngineVersion;
	readonly bridge: string | undefined;
	readonly bridgeCidr: string | undefined;
	/** DOCKER_HOST of this engine, e.g. unix:///tmp/berth-engine/docker.sock. */
	readonly dockerHost: string;
	/** True when the engine comes from BERTH_TEST_DOCKER_HOST and engine.sh does not manage it. */
	readonly external: boolean;
	private readonly searchSubnet: boolean;
	private ensured: Promise<{up: boolean; reason: string}> | undefined;
	private warned = false;

	constructor(options: TestEngineOptions) {
		this.dir = options.dir;
		this.version = options.version ?? engineVersion;
		this.bridge = options.bridge;
		this.bridgeCidr = options.bridgeCidr;
		this.external = Boolean(options.externalHost);
		this.searchSubnet = options.searchSubnet ?? false;
		this.dockerHost = options.externalHost || `unix://${this.dir}/docker.sock`;
	}

	/**
	 * Runs the docker CLI against this engine (`docker -H dockerHost ...args`) and resolves with its trimmed
	 * stdout; rejects with an Error whose message holds the command and its stderr.
	 */
	async docker(...args: string[]): Promise<string> {
		return this.dockerWith({}, ...args);
	}

	/**
	 * Runs `docker -H dockerHost ...args NAME` for each name, `parallel` at a time, from a process of its own
	 * (xargs); resolves once the last has returned, rejects with their errors when any failed. Spawning a
	 * docker CLI blocks the process that spawns it while it forks: under a storm on a 2-core machine, 16 ms
	 * on average and up to 65 ms each, and its event loop stalled up to 200 ms. A process that times a
	 * terminal meanwhile (the benchmark's keys) leaves the spawning to xargs. xargs starts a session of its
	 * own (setsid), as commands from outside would come: with the kernel's autogroups
	 * (sched_autogroup_enabled) each session has its own part of the CPU. (That did not shorten the
	 * benchmark's own wait for a core in a storm on 2 cores: 21 s in a storm of 75 s before, 24 s in one of
	 * 100 s after.)
	 */
	async dockerEach(args: readonly string[], names: readonly string[], parallel: number): Promise<void> {
		const child = spawn('xargs', ['-d', '\\n', '-P', String(parallel), '-n', '1', dockerCli, '-H', this.dockerHost, ...args], {
			env: cliEnv(),
			stdio: ['pipe', 'ignore', 'pipe'],
			detached: true,
		});
		let stderr = '';
		child.stderr.setEncoding('utf8');
		child.stderr.on('data', (chunk: string) => {
			if (stderr.length < 64 * 1024) stderr += chunk;
		});
		const exited = new Promise<number | null>((resolve, reject) => {
			child.once('error', reject);
			child.once('close', resolve);
		});
		child.stdin.end(names.map(name => `${name}\n`).join(''));
		const code = await exited;
		if (code !== 0) throw new Error(`docker ${args.join(' ')} (${names.length} names through xargs) failed (exit ${String(code)}): ${stderr.trim()}`);
	}

	/** Like docker(), with a timeout in ms (default 60 s). */
	async dockerWith(options: {timeoutMs?: number}, ...args: string[]): Promise<string> {
		try {
			const {stdout} = await execFileAsync(dockerCli, ['-H', this.dockerHost, ...args], {
				env: cliEnv(),
				timeout: options.timeoutMs ?? 60_000,
				maxBuffer: 64 * 1024 * 1024,
				encoding: 'utf8',
			});
			return stdout.trim();
		} catch (error) {
			const e = error as ExecError;
			const why = e.killed ? `timed out (${e.signal ?? 'killed'})` : `exit ${String(e.code)}`;
			const stderr = (e.stderr ?? '').trim() || e.message;
			throw new Error(`docker ${args.join(' ')} failed (${why}): ${stderr}`);
		}
	}

	/** True if the daemon answers `docker version` now. */
	async answers(): Promise<boolean> {
		try {
			await this.dockerWith({timeoutMs: 15_000}, 'version', '--format', '{{.Server.Version}}');
			return true;
		} catch {
			return false;
		}
	}

	private async imagePresent(): Promise<boolean> {
		try {
			await this.dockerWith({timeoutMs: 15_000}, 'image', 'inspect', '--format', '{{.Id}}', testImage);
			return true;
		} catch {
			return false;
		}
	}

	/** Runs `bash engine.sh SUBCOMMAND` for this engine and resolves with its stdout. */
	async script(subcommand: string): Promise<string> {
		if (this.external) {
			throw new Error(`engine.sh ${subcommand}: the engine ${this.dockerHost} comes from BERTH_TEST_DOCKER_HOST, engine.sh does not manage it`);
		}
		const settings = versionSettings[this.version];
		const env: NodeJS.ProcessEnv = {...process.env, BERTH_ENGINE_VERSION: this.version, [settings.dirVariable]: this.dir};
		if (this.bridge) {
			env[settings.bridgeVariable] = this.bridge;
		}
		if (this.bridgeCidr) {
			env[settings.cidrVariable] = this.bridgeCidr;
		}
		if (this.searchSubnet) {
			env.BERTH_ENGINE_SUBNET_SEARCH = '1';
		}
		try {
			const {stdout} = await execFileAsync('bash', [engineScript, subcommand], {
				env,
				// A fresh machine runs apt-get here.
				timeout: 10 * 60_000,
				maxBuffer: 16 * 1024 * 1024,
				encoding: 'utf8',
			});
			return stdout.trim();
		} catch (error) {
			const e = error as ExecError;
			const stderr = (e.stderr ?? '').trim() || e.message;
			throw new Error(`bash ${engineScript} ${subcommand} failed: ${stderr}`);
		}
	}

	/** The engine's Docker version (`docker version`'s Server.Version, e.g. 26.1.5+dfsg1). */
	async serverVersion(): Promise<string> {
		return this.dockerWith({timeoutMs: 15_000}, 'version', '--format', '{{.Server.Version}}');
	}

	/** '' when the engine runs the version asked for (any version for an external engine), else why not. */
	private async wrongVersion(): Promise<string> {
		if (this.external) {
			return '';
		}
		const running = await this.serverVersion();
		return running.startsWith(`${this.version}.`)
			? ''
			: `${this.dockerHost} runs Docker ${running}, not ${this.version} (BERTH_ENGINE_VERSION=${this.version}): stop it or give this version another directory`;
	}

	private async bringUp(): Promise<{up: boolean; reason: string}> {
		if ((await this.answers()) && (await this.imagePresent())) {
			const wrong = await this.wrongVersion();
			return {up: !wrong, reason: wrong};
		}
		if (this.external) {
			const reason = (await this.answers())
				? `BERTH_TEST_DOCKER_HOST=${this.dockerHost} has no image ${testImage} (load it: docker save ${testImage} | DOCKER_HOST=... docker load)`
				: `BERTH_TEST_DOCKER_HOST=${this.dockerHost} does not answer`;
			return {up: false, reason};
		}
		try {
			await this.script('up');
		} catch (error) {
			return {up: false, reason: (error as Error).message};
		}
		if (await this.answers()) {
			const wrong = await this.wrongVersion();
			return {up: !wrong, reason: wrong};
		}
		return {up: false, reason: `engine.sh up finished but ${this.dockerHost} does not answer`};
	}

	/**
	 * Makes sure the engine answers (starting it with `engine.sh up` at most once per process) and that
	 * `testImage` exists. Resolves true when it does. When it cannot: throws if CI is set (tests must fail in
	 * CI), else resolves false and prints the reason once on stderr.
	 */
	async ensure(): Promise<boolean> {
		this.ensured ??= this.bringUp();
		const {up, reason} = await this.ensured;
		if (up) {
			return true;
		}
		if (isCi()) {
			throw new Error(`test engine unavailable (CI is set, so this is an error): ${reason}`);
		}
		if (!this.warned) {
			this.warned = true;
			process.stderr.write(`# skipping engine tests: ${reason}\n`);
		}
		return false;
	}

	/** For `test(name, {skip: await engine.skip()}, fn)`: false when the engine is up, else the reason. */
	async skip(): Promise<false | string> {
		if (await this.ensure()) {
			return false;
		}
		const {reason} = await this.ensured!;
		return `no test engine: ${reason.split('\n')[0]}`;
	}

	/**
	 * Runs (or creates) a container of testImage named `name` with the label berth.test=1.
	 * Resolves with the container id (detached or created) or with the output (detach: false).
	 */
	async runContainer(options: RunContainerOptions): Promise<string> {
		const {name, args = [], cmd = [], detach = true, create = false, image = testImage} = options;
		assertLoopbackPorts(args);
		const head = create ? ['create'] : detach ? ['run', '-d'] : ['run'];
		return this.docker(...head, '--name', name, '--label', testLabel, ...args, image, ...cmd);
	}

	/**
	 * Removes (docker rm -f, with anonymous volumes) the named containers, or every container labelled
	 * berth.test=1. Containers that are already gone are not an error.
	 */
	async removeTestContainers(names?: readonly string[]): Promise<void> {
		const targets = names
			? [...names]
			: (await this.docker('ps', '-aq', '--filter', `label=${testLabel}`)).split(/\s+/).filter(Boolean);
		if (targets.length === 0) {
			return;
		}
		try {
			await this.docker('rm', '-f', '-v', ...targets);
		} catch {
			// Some were already gone: remove the rest one by one, ignoring "No such container".
			for (const target of targets) {
				try {
					await this.docker('rm', '-f', '-v', target);
				} catch (error) {
					if (!/no such container/i.test((error as Error).message)) {
						throw error;
					}
				}
			}
		}
	}

	/** Stops the dockerd of this engine (its containers stop with it; about 1-2 s with idleCmd containers). */
	async stopDaemon(): Promise<void> {
		await this.script('stop-daemon');
	}

	/** Starts the dockerd of this engine again (no-op if it answers) and waits until it answers. */
	async startDaemon(): Promise<void> {
		await this.script('start-daemon');
		if (!(await this.answers())) {
			throw new Error(`startDaemon: ${this.dockerHost} does not answer`);
		}
	}

	/** stopDaemon() then startDaemon(). */
	async restartDaemon(): Promise<void> {
		await this.stopDaemon();
		await this.startDaemon();
	}

	/** Stops this engine for good (`engine.sh down`; its data directory stays). */
	async down(): Promise<void> {
		await this.script('down');
	}
}

/**
 * An engine of the calling test's own, of engineVersion: directory `${engineDir}-NAME` (so each version, and
 * each BERTH_ENGINE_DIR, has its own: /tmp/berth-engine-NAME by default), its own bridge and /26 in
 * 172.31.100-249.x (both derived from that directory), its own copy of testImage. Start it with
 * ensure()/skip(), stop it with down() in after(). For tests that stop, restart or otherwise disturb the
 * daemon. Use a name that no other test file uses. When another interface has that subnet already (two
 * directories can hash to one, and other checkouts' engines share the machine), engine.sh takes the next
 * free one and the bridge keeps it.
 */
export function isolatedEngine(name: string): TestEngine {
	if (!/^[a-z0-9-]{1,20}$/.test(name)) {
		throw new Error(`isolatedEngine(${JSON.stringify(name)}): use 1-20 characters a-z, 0-9, -`);
	}
	const dir = `${engineDir}-${name}`;
	const hash = createHash('sha256').update(dir).digest();
	// One of the 600 /26 blocks of 172.31.100.0-172.31.249.255 (a /24 each gave 150, and two names of one
	// directory met in them); 62 addresses are plenty for one test file's containers.
	const block = hash.readUInt32BE(0) % 600;
	return new TestEngine({
		dir,
		bridge: `berthi${hash.toString('hex').slice(0, 8)}`,
		bridgeCidr: `172.31.${100 + Math.floor(block / 4)}.${(block % 4) * 64 + 1}/26`,
		searchSubnet: true,
	});
}

// ---------------------------------------------------------------------------------------------------------
// The shared default engine, and functions bound to it.

/** Directory of the shared engine of a version (BERTH_ENGINE_DIR or BERTH_ENGINE26_DIR, else its default). */
function sharedEngineDir(version: EngineVersion): string {
	return process.env[versionSettings[version].dirVariable] || versionSettings[version].defaultDir;
}

/** Directory of the shared engine of engineVersion. */
export const engineDir: string = sharedEngineDir(engineVersion);
export const defaultEngine: TestEngine = new TestEngine({
	dir: engineDir,
	...(process.env.BERTH_TEST_DOCKER_HOST ? {externalHost: process.env.BERTH_TEST_DOCKER_HOST} : {}),
});
/** The shared engine of another version than this process's (the test runner clears each before its pass). */
export function sharedEngine(version: EngineVersion): TestEngine {
	return new TestEngine({dir: sharedEngineDir(version), version});
}

/** True when BERTH_TEST_DOCKER_HOST names an engine that the script does not manage. */
export const externalEngine: boolean = defaultEngine.external;
/** DOCKER_HOST of the shared test engine. */
export const testDockerHost: string = defaultEngine.dockerHost;

/** Brings up the shared engine if needed; see TestEngine.ensure(). */
export async function ensureTestEngine(): Promise<boolean> {
	return defaultEngine.ensure();
}

/** For `test(name, {skip: await engineSkip()}, fn)`: false when the shared engine is up, else the reason. */
export async function engineSkip(): Promise<false | string> {
	return defaultEngine.skip();
}

/** `docker -H testDockerHost ...args`: trimmed stdout, or an Error with stderr. */
export async function docker(...args: string[]): Promise<string> {
	return defaultEngine.docker(...args);
}

/** docker() with a timeout in ms (default 60 s). */
export async function dockerWith(options: {timeoutMs?: number}, ...args: string[]): Promise<string> {
	return defaultEngine.dockerWith(options, ...args);
}

/** Runs or creates a labelled container of testImage on the shared engine; see TestEngine.runContainer(). */
export async function runContainer(options: RunContainerOptions): Promise<string> {
	return defaultEngine.runContainer(options);
}

/** `docker rm -f -v` the named containers (or all labelled berth.test=1) on the shared engine. */
export async function removeTestContainers(names?: readonly string[]): Promise<void> {
	return defaultEngine.removeTestContainers(names);
}

/** Stops the shared engine's dockerd. Disturbs every test file running now: prefer isolatedEngine(). */
export async function stopDaemon(): Promise<void> {
	return defaultEngine.stopDaemon();
}

/** Starts the shared engine's dockerd again and waits until it answers. */
export async function startDaemon(): Promise<void> {
	return defaultEngine.startDaemon();
}

/** Restarts the shared engine's dockerd. Disturbs every test file running now: prefer isolatedEngine(). */
export async function restartDaemon(): Promise<void> {
	return defaultEngine.restartDaemon();
}
