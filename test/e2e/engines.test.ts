// End to end: several engines in one berth (--host repeated, docker contexts), an engine over ssh, and
// Podman's Docker API, through the built CLI in tmux. Loopback only: sshd listens on 127.0.0.1, engines on
// unix sockets, and no container's address is ever contacted.
import assert from 'node:assert/strict';
import {type ChildProcess, execFile, spawn} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import fs from 'node:fs';
import {createConnection} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {promisify} from 'node:util';
import {selectEngines} from '../../source/engine/contexts.js';
import {createDockerEngine} from '../../source/engine/docker.js';
import {BerthSessions, lineOf, statusText, until, waitUntil} from '../support/berth.js';
import {docker, engineSkip, freePort, idleCmd, isolatedEngine, removeTestContainers, runContainer, testDockerHost, testImage, uniqueName} from '../support/testEngine.js';
import {berthCommand, type TmuxSession} from '../support/tmux.js';

const run = promisify(execFile);
const dockerCli = process.env.BERTH_DOCKER_CLI || 'docker';
const slow = {timeoutMs: 20_000};

function isCi(): boolean {
	const ci = process.env.CI;
	return Boolean(ci) && ci !== '0' && ci !== 'false';
}

/** The reason to skip a part; under CI what a part needs must be there, so this throws instead. */
function unavailable(reason: string): string {
	if (isCi()) throw new Error(`${reason} (CI is set, so this is an error)`);
	process.stderr.write(`# skipping: ${reason}\n`);
	return reason;
}

async function command(file: string, args: string[], options: {env?: NodeJS.ProcessEnv; timeoutMs?: number} = {}): Promise<string> {
	try {
		const {stdout} = await run(file, args, {
			env: options.env ?? process.env,
			timeout: options.timeoutMs ?? 60_000,
			maxBuffer: 64 * 1024 * 1024,
			encoding: 'utf8',
		});
		return stdout.trim();
	} catch (error) {
		const failure = error as Error & {stderr?: string};
		throw new Error(`${file} ${args.join(' ')} failed: ${(failure.stderr ?? '').trim() || failure.message}`);
	}
}

const isRoot = process.getuid?.() === 0;
const hasCommand = (name: string) => ['/usr/sbin', '/usr/bin', '/sbin', '/bin', '/usr/local/bin'].some(folder => fs.existsSync(path.join(folder, name)));

/** Installs Debian packages quietly (as root, with apt-get); resolves with the reason when it cannot. */
async function aptInstall(packages: string[]): Promise<string | undefined> {
	if (!isRoot || !hasCommand('apt-get')) return `${packages.join(' ')} missing and cannot be installed here (needs root and apt-get)`;
	const log = path.join(os.tmpdir(), 'berth-engines-apt.log');
	try {
		await run('bash', ['-c', `{ apt-get update -qq && apt-get install -y -qq ${packages.join(' ')}; } >${log} 2>&1`], {
			env: {...process.env, DEBIAN_FRONTEND: 'noninteractive'},
			timeout: 15 * 60_000,
		});
		return undefined;
	} catch {
		return `apt-get install ${packages.join(' ')} failed (see ${log})`;
	}
}

/** The docker CLI without this process's docker environment. */
function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env = {...process.env};
	for (const name of ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_CONFIG', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) delete env[name];
	return {...env, ...extra};
}

// ---------------------------------------------------------------------------------------------------------
// The terminal

const berth = new BerthSessions();
afterEach(() => berth.killAll());

const linesOf = (screen: string) => screen.replace(/\n$/, '').split('\n');
const headerLine = (screen: string) => linesOf(screen)[0] ?? '';
const escape = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The row of a container when an ENGINE column comes first: the name as a whole word after it. */
function rowOf(screen: string, name: string): string {
	return linesOf(screen).find(line => /^.[ *!]\S/.test(line) && new RegExp(`\\s${escape(name)}(\\s|$)`).test(line)) ?? '';
}

/** The ENGINE cell of a row (the text before the container's name). */
function engineCell(row: string, name: string): string {
	const at = row.search(new RegExp(`\\s${escape(name)}(\\s|$)`));
	return at === -1 ? '' : row.slice(2, at).trim();
}

/** The cell names the engine: in full, or cut with an ellipsis where the column is narrower. */
function cellNames(cell: string, engine: string): boolean {
	return cell === engine || ((cell.endsWith('…') || cell.endsWith('...')) && engine.startsWith(cell.replace(/(…|\.\.\.)$/, '')) && cell.length > 3);
}

/** `/TEXT` Enter: the list narrowed to TEXT, its first row selected. */
async function narrowTo(session: TmuxSession, text: string, selected: (screen: string) => string) {
	await session.sendText('/');
	await session.waitFor(current => statusText(current).startsWith('/'));
	await session.sendText(text);
	await session.sendKeys('Enter');
	await session.waitFor(current => selected(current).startsWith('›') && !statusText(current).startsWith('/'), slow);
}

/** SIGTERM, then SIGKILL after 10 s; resolves when the process is gone. */
async function stopChild(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise(resolve => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
	await exited;
	clearTimeout(timer);
}

/** A container that prints WORD every second and stops at once on SIGTERM. */
const chatty = (word: string) => ['sh', '-c', `trap "exit 0" TERM INT; while :; do echo ${word}; sleep 1 & wait $!; done`];

// ---------------------------------------------------------------------------------------------------------
// Engines: the shared test engine (A) and one of this file's own (B)

const second = isolatedEngine('e2e-second');
const createdOnA: string[] = [];
const createdOnB: string[] = [];

/** The names berth gives the two engines when both are given with --host. */
function hostEngineNames(): [string, string] {
	const chosen = selectEngines({hosts: [testDockerHost, second.dockerHost], contexts: [], allContexts: false}, {});
	assert.ok(chosen.ok);
	return [chosen.engines[0]!.name, chosen.engines[1]!.name];
}


// ---------------------------------------------------------------------------------------------------------
// Docker contexts pointing at the two engines

const contextDirectories: string[] = [];

async function makeContexts(): Promise<{config: string; env: Record<string, string>}> {
	const config = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-contexts-e2e-'));
	contextDirectories.push(config);
	await command(dockerCli, ['context', 'create', 'berth-a', '--description', 'the shared test engine', '--docker', `host=${testDockerHost}`], {env: cliEnv({DOCKER_CONFIG: config})});
	await command(dockerCli, ['context', 'create', 'berth-b', '--description', 'the second engine', '--docker', `host=${second.dockerHost}`], {env: cliEnv({DOCKER_CONFIG: config})});
	// The default context points at no engine, so that only the two contexts answer.
	return {config, env: {DOCKER_CONFIG: config, DOCKER_HOST: `unix://${config}/no-engine.sock`, DOCKER_CONTEXT: ''}};
}

/** The contexts view's row of a context: its name (with " *" when shown) from column 2. */
function contextRow(screen: string, name: string): string {
	return linesOf(screen).find(line => new RegExp(`^.[ ]${escape(name)}( \\*)?\\s`).test(line)) ?? '';
}


// ---------------------------------------------------------------------------------------------------------
// An engine over ssh: a private sshd on 127.0.0.1 whose `docker` reaches the shared test engine

type SshSetup = {
	port: number;
	directory: string;
	home: string;
	agentSocket: string;
	clientKey: string;
	knownHosts: string;
	log: string;
	processes: ChildProcess[];
};

async function waitForPort(port: number, timeoutMs = 10_000): Promise<boolean> {
	const open = () =>
		new Promise<boolean>(resolve => {
			const socket = createConnection({host: '127.0.0.1', port});
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
	return waitUntil(open, {timeoutMs, intervalMs: 100});
}

let ssh: SshSetup | undefined;

async function prepareSsh(skip: false | string): Promise<false | string> {
	if (skip) return skip;
	if (!isRoot) return unavailable('the ssh engine test runs a private sshd and logs in as root: run the tests as root');
	const needed = ['sshd', 'ssh', 'ssh-keygen', 'ssh-agent', 'ssh-add'];
	if (!needed.every(hasCommand)) {
		const failure = await aptInstall(['openssh-server', 'openssh-client']);
		if (failure) return unavailable(`no sshd: ${failure}`);
		if (!needed.every(hasCommand)) return unavailable(`openssh-server installed but ${needed.filter(name => !hasCommand(name)).join(', ')} still missing`);
	}

	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ssh-'));
	const setup: SshSetup = {
		port: await freePort(),
		directory,
		home: path.join(directory, 'home'),
		agentSocket: path.join(directory, 'agent.sock'),
		clientKey: path.join(directory, 'client_key'),
		knownHosts: path.join(directory, 'home', '.ssh', 'known_hosts'),
		log: path.join(directory, 'sshd.log'),
		processes: [],
	};
	ssh = setup;
	try {
		fs.mkdirSync(path.join(setup.home, '.ssh'), {recursive: true, mode: 0o700});
		await command('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'berth-test-host', '-f', path.join(directory, 'host_key')]);
		await command('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'berth-test-client', '-f', setup.clientKey]);
		// The remote side's `docker system dial-stdio` must reach the test engine: sshd hands it DOCKER_HOST.
		// And a HOME of its own: sshd runs each channel's command through root's shell, which reads ~/.bashrc,
		// and this machine's runs `pyenv init` (a lock that parallel shells wait on for up to a minute).
		const clientPublic = fs.readFileSync(`${setup.clientKey}.pub`, 'utf8').trim();
		const remoteHome = path.join(directory, 'remote-home');
		fs.mkdirSync(remoteHome, {mode: 0o700});
		fs.writeFileSync(
			path.join(directory, 'authorized_keys'),
			`environment="DOCKER_HOST=${testDockerHost}",environment="HOME=${remoteHome}" ${clientPublic}\n`,
			{mode: 0o600},
		);
		const hostPublic = fs.readFileSync(path.join(directory, 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
		fs.writeFileSync(setup.knownHosts, `[127.0.0.1]:${setup.port} ${hostPublic}\n`);
		const config = path.join(directory, 'sshd_config');
		fs.writeFileSync(
			config,
			[
				`Port ${setup.port}`,
				'ListenAddress 127.0.0.1',
				`HostKey ${path.join(directory, 'host_key')}`,
				`PidFile ${path.join(directory, 'sshd.pid')}`,
				`AuthorizedKeysFile ${path.join(directory, 'authorized_keys')}`,
				'PermitRootLogin prohibit-password',
				'PasswordAuthentication no',
				'KbdInteractiveAuthentication no',
				'UsePAM no',
				'StrictModes no',
				'PermitUserEnvironment yes',
				'LogLevel INFO',
				'',
			].join('\n'),
		);
		// sshd refuses to start without its privilege separation directory.
		fs.mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
		await command('/usr/sbin/sshd', ['-t', '-f', config]);
		const sshd = spawn('/usr/sbin/sshd', ['-f', config, '-D', '-E', setup.log], {stdio: 'ignore'});
		setup.processes.push(sshd);
		sshd.on('error', () => undefined);
		if (!(await waitForPort(setup.port))) throw new Error(`sshd did not listen on 127.0.0.1:${setup.port} (see ${setup.log})`);

		const agent = spawn('ssh-agent', ['-D', '-a', setup.agentSocket], {stdio: 'ignore'});
		agent.on('error', () => undefined);
		setup.processes.push(agent);
		await until(() => fs.existsSync(setup.agentSocket), 'ssh-agent listens', {timeoutMs: 10_000, intervalMs: 100});
		await command('ssh-add', ['-q', setup.clientKey], {env: {...process.env, SSH_AUTH_SOCK: setup.agentSocket}});

		// The whole chain with OpenSSH itself (as the docker CLI would use it): key, host key, remote docker.
		const version = await command('ssh', [
			'-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${setup.knownHosts}`,
			'-o', 'IdentitiesOnly=yes', '-i', setup.clientKey, '-p', String(setup.port), 'root@127.0.0.1',
			'docker', 'version', '--format', '{{.Server.Version}}',
		]);
		if (!/^\d/.test(version)) throw new Error(`docker over ssh answered "${version}"`);
		return false;
	} catch (error) {
		await stopSsh();
		return unavailable(`the ssh engine could not be set up: ${(error as Error).message.split('\n')[0]}`);
	}
}

/** Stops sshd and the agent, waits until they are gone (they remove files of their own), then the folder. */
async function stopSsh(): Promise<void> {
	if (!ssh) return;
	const setup = ssh;
	ssh = undefined;
	await Promise.all(setup.processes.map(async child => stopChild(child)));
	fs.rmSync(setup.directory, {recursive: true, force: true});
}

/** `docker system dial-stdio` processes running on this machine: an ssh channel of berth's each. */
const remoteProcesses = () =>
	fs
		.readdirSync('/proc')
		.filter(entry => /^\d+$/.test(entry))
		.filter(pid => {
			try {
				return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() === 'docker system dial-stdio';
			} catch {
				return false;
			}
		}).length;

const acceptedLogins = () => (ssh && fs.existsSync(ssh.log) ? fs.readFileSync(ssh.log, 'utf8').match(/Accepted publickey/g)?.length ?? 0 : 0);

// ---------------------------------------------------------------------------------------------------------
// Podman's Docker-compatible API: `podman system service` on a socket of its own, with its own storage

const podmanDirectory = '/tmp/berth-podman';
const podmanSocket = `${podmanDirectory}/podman.sock`;
const podmanHost = `unix://${podmanSocket}`;
const podmanStorage = ['--root', `${podmanDirectory}/root`, '--runroot', `${podmanDirectory}/runroot`];
const podmanImage = `localhost/${testImage}`;
let podmanService: ChildProcess | undefined;
let podmanPrepared = false;
const podmanContainers: string[] = [];

async function podman(...args: string[]): Promise<string> {
	return command('podman', [...podmanStorage, ...args], {timeoutMs: 120_000});
}

async function podmanAnswers(): Promise<boolean> {
	return command(dockerCli, ['-H', podmanHost, 'version', '--format', '{{.Server.Version}}'], {env: cliEnv(), timeoutMs: 10_000}).then(
		() => true,
		() => false,
	);
}

/** Removes what an earlier run left: its service (by its pidfile), its containers and storage. */
async function clearPodman(): Promise<void> {
	const pidFile = `${podmanDirectory}/service.pid`;
	if (fs.existsSync(pidFile)) {
		const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
		try {
			if (pid > 0 && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(podmanSocket)) process.kill(pid, 'SIGTERM');
		} catch {
			// Gone already.
		}
	}

	if (fs.existsSync(`${podmanDirectory}/root`)) {
		await podman('rm', '--all', '--force', '--time', '0').catch(() => undefined);
		await podman('system', 'reset', '--force').catch(() => undefined);
	}

	fs.rmSync(podmanDirectory, {recursive: true, force: true});
}

async function preparePodman(skip: false | string): Promise<false | string> {
	if (skip) return skip;
	if (!isRoot) return unavailable('the podman test runs a rootful podman service: run the tests as root');
	if (!hasCommand('podman')) {
		const failure = await aptInstall(['podman']);
		if (failure) return unavailable(`no podman: ${failure}`);
		if (!hasCommand('podman')) return unavailable('podman installed but not found');
	}

	podmanPrepared = true;
	try {
		await clearPodman();
		fs.mkdirSync(podmanDirectory, {recursive: true});
		const log = fs.openSync(`${podmanDirectory}/service.log`, 'a');
		podmanService = spawn('podman', [...podmanStorage, 'system', 'service', '--time=0', podmanHost], {stdio: ['ignore', log, log]});
		fs.closeSync(log);
		podmanService.on('error', () => undefined);
		fs.writeFileSync(`${podmanDirectory}/service.pid`, String(podmanService.pid));
		await until(podmanAnswers, `podman answers on ${podmanHost}`, {timeoutMs: 30_000, intervalMs: 100}).catch(() => undefined);
		if (!(await podmanAnswers())) throw new Error(`podman system service did not answer on ${podmanHost} (see ${podmanDirectory}/service.log)`);
		await command('bash', ['-c', `set -o pipefail; ${dockerCli} -H '${testDockerHost}' save '${testImage}' | podman ${podmanStorage.join(' ')} load -q`], {
			env: cliEnv(),
			timeoutMs: 120_000,
		});
		// Docker 26 saves an OCI layout whose image podman names docker.io/NAME (20.10's: localhost/NAME).
		if (!(await podman('image', 'exists', podmanImage).then(() => true, () => false))) {
			await podman('tag', `docker.io/${testImage}`, podmanImage);
			await podman('untag', `docker.io/${testImage}`, `docker.io/${testImage}`);
		}
		await podman('image', 'inspect', '--format', '{{.Id}}', podmanImage);
		return false;
	} catch (error) {
		await stopPodman();
		return unavailable(`podman could not be set up: ${(error as Error).message.split('\n')[0]}`);
	}
}


/** Removes the containers, stops the service, and clears its storage and folder (when this run made them). */
async function stopPodman(): Promise<void> {
	if (!podmanPrepared) return;
	if (podmanService && podmanContainers.length > 0) await podman('rm', '--force', '--time', '0', ...podmanContainers).catch(() => undefined);
	if (podmanService) await stopChild(podmanService);
	podmanService = undefined;
	if (fs.existsSync(`${podmanDirectory}/root`)) await podman('system', 'reset', '--force').catch(() => undefined);
	fs.rmSync(podmanDirectory, {recursive: true, force: true});
}

// ---------------------------------------------------------------------------------------------------------
// What the parts need is made ready before the first test is registered: node:test starts a test as soon as
// it is registered and runs the file's after hooks when the registered ones are done, even while a later
// top-level await is still pending.

// Should the file end without its after hook, sshd, the agent and the podman service do not outlive it.
process.on('exit', () => {
	for (const child of [...(ssh?.processes ?? []), ...(podmanService ? [podmanService] : [])]) if (child.exitCode === null) child.kill('SIGKILL');
});

let skip: false | string = 'not ready';
let secondSkip: false | string = 'not ready';
/** Everything this file started or made, whichever part got how far. */
async function cleanUp(): Promise<void> {
	await stopPodman();
	await stopSsh();
	for (const directory of contextDirectories) fs.rmSync(directory, {recursive: true, force: true});
	if (!skip) await removeTestContainers(createdOnA);
	if (!secondSkip) {
		await second.removeTestContainers(createdOnB).catch(() => undefined);
		await second.down();
	}
}

let cliSkip: false | string;
let sshSkip: false | string;
let podmanSkip: false | string;
try {
	skip = await engineSkip();
	secondSkip = skip || (await second.skip());
	// The second engine is this file's own and keeps its data between runs: a run that failed leaves its
	// containers there, and an older row sorted first would stand where the test looks for its own.
	if (!secondSkip) await second.removeTestContainers();
	cliSkip = await command(dockerCli, ['--version']).then(
		() => false as const,
		(error: Error) => unavailable(`the docker CLI is needed to make contexts: ${error.message}`),
	);
	sshSkip = await prepareSsh(skip);
	podmanSkip = await preparePodman(skip);
} catch (error) {
	// Under CI a part that cannot run is an error: what the others started must not stay behind.
	await cleanUp();
	throw error;
}

after(cleanUp);

// ---------------------------------------------------------------------------------------------------------
// The parts

describe('two engines at once (--host A --host B)', {skip: secondSkip}, () => {
	/** The row of an exited container of the second engine while that engine was away (from the first test). */
	let exitedRowWhileLost = '';

	test('rows of both with the ENGINE column; actions, logs and a lost engine stay with their own engine', {timeout: 240_000}, async t => {
		const prefix = uniqueName('multi');
		const onA = `${prefix}-a`;
		const onB = `${prefix}-b`;
		// Sorts after onB, so that filtering by the engine's name selects onB. Created, never started, it stays
		// "Created" when its engine goes (dockerd stops the running ones on its way down, and berth sees it).
		const createdB = `${prefix}-b-created`;
		const later = `${prefix}-later`;
		createdOnA.push(onA, later);
		createdOnB.push(onB, createdB);
		await runContainer({name: onA, cmd: chatty('line-from-a')});
		await second.runContainer({name: onB, cmd: chatty('line-from-b')});
		await second.runContainer({name: createdB, create: true, cmd: ['true']});
		const [engineA, engineB] = hostEngineNames();
		assert.notEqual(engineA, engineB, 'two engines, two names');

		const session = await berth.start({host: [testDockerHost, second.dockerHost]});
		// Other test files' containers may fill the screen: narrow the list to this test's.
		await session.waitFor(/ENGINE\s+NAME\s+IMAGE/, slow);
		await narrowTo(session, prefix, current => rowOf(current, onA));
		let screen = await session.waitFor(current => [onA, onB, createdB].every(name => rowOf(current, name) !== ''), slow);
		assert.match(linesOf(screen)[1] ?? '', /^ {2}ENGINE\s+NAME\s+IMAGE\s+STATUS/, 'ENGINE is the first column');
		assert.ok(cellNames(engineCell(rowOf(screen, onA), onA), engineA), `${onA} on ${engineA}: ${rowOf(screen, onA)}`);
		assert.ok(cellNames(engineCell(rowOf(screen, onB), onB), engineB), `${onB} on ${engineB}: ${rowOf(screen, onB)}`);
		assert.notEqual(engineCell(rowOf(screen, onA), onA), engineCell(rowOf(screen, onB), onB), 'the two rows tell their engines apart');
		assert.ok(headerLine(screen).includes(`${engineA}: up`) && headerLine(screen).includes(`${engineB}: up`), headerLine(screen));

		// The second engine's rows only: the filter matches the engine's name.
		await session.sendKeys('Escape');
		await narrowTo(session, engineB, current => rowOf(current, onB));
		screen = await session.capture();
		assert.equal(rowOf(screen, onA), '', 'filtering by the engine name leaves the first engine out');
		assert.notEqual(rowOf(screen, createdB), '');

		await session.sendText('l');
		screen = await session.waitFor(current => (linesOf(current)[1] ?? '').startsWith(`Logs: ${onB}: following`) && /^\s*line-from-b$/m.test(current), slow);
		assert.doesNotMatch(screen, /line-from-a/, 'the logs are the second engine\'s container\'s');
		await session.sendKeys('Escape');
		await session.waitFor(current => rowOf(current, onB).startsWith('›'), slow);

		await session.sendText('s');
		await session.waitFor(current => statusText(current).includes(`Stopped ${onB}.`), slow);
		assert.equal(await second.docker('inspect', '--format', '{{.State.Status}}', onB), 'exited');
		await assert.rejects(docker('inspect', '--format', '{{.State.Status}}', onB), /no such (container|object)/i, 'nothing of that name on the first engine');
		assert.equal(await docker('inspect', '--format', '{{.State.Status}}', onA), 'running', 'the first engine\'s container runs on');
		await session.waitFor(current => /Exited \(0\)/.test(rowOf(current, onB)), slow);

		// The second engine goes away: only its rows are marked, the first engine's list goes on.
		await session.sendKeys('Escape');
		await narrowTo(session, prefix, current => rowOf(current, onA));
		await second.stopDaemon();
		try {
			screen = await session.waitFor(
				current => rowOf(current, createdB).includes('(engine unreachable)') && headerLine(current).includes(`${engineB}: disconnected`),
				{timeoutMs: 20_000},
			);
			exitedRowWhileLost = rowOf(screen, onB);
			assert.match(rowOf(screen, createdB), /\sCreated \(engine unreachable\)/, 'as last seen, marked');
			// An exited row's status is longer: the STATUS column cuts its mark after "(e" at least (the todo below).
			assert.match(rowOf(screen, onB), /\sExited \(0\) .+ ago \(e(ngine unreachable\)|[a-z ]*…)$/);
			assert.doesNotMatch(rowOf(screen, onA), /unrea/);
			assert.ok(headerLine(screen).includes(`${engineA}: up`), headerLine(screen));
			const started = Date.now();
			await runContainer({name: later, cmd: [...idleCmd]});
			await session.waitFor(current => /\sUp /.test(rowOf(current, later)), {timeoutMs: 5000});
			t.diagnostic(`a container run on ${engineA} while ${engineB} was down showed after ${Date.now() - started} ms`);
			assert.doesNotMatch(rowOf(await session.capture(), later), /unrea/);
		} finally {
			await second.startDaemon();
		}

		// Back: the rows are the engine's again, unmarked.
		screen = await session.waitFor(
			current =>
				headerLine(current).includes(`${engineB}: up`) &&
				/\sExited \(0\)/.test(rowOf(current, onB)) &&
				/\sCreated(\s|$)/.test(rowOf(current, createdB)) &&
				!current.includes('unrea'),
			{timeoutMs: 30_000},
		);
		assert.ok(rowOf(screen, onA) !== '' && rowOf(screen, later) !== '');
	});

	test(
		'the mark of an exited row on a lost engine is shown whole',
		() => {
			assert.notEqual(exitedRowWhileLost, '', 'the test before saw the row');
			assert.match(exitedRowWhileLost, /\(engine unreachable\)/);
		},
	);

	test(
		'the ENGINE column shows a whole engine name when the line has room for it',
		async () => {
			const name = `bw-${randomBytes(3).toString('hex')}`;
			createdOnB.push(name);
			await second.runContainer({name, cmd: [...idleCmd]});
			const [, engineB] = hostEngineNames();
			const session = await berth.start({host: [testDockerHost, second.dockerHost]});
			await session.waitFor(/ENGINE\s+NAME\s+IMAGE/, slow);
			await narrowTo(session, name, current => rowOf(current, name));
			const screen = await session.capture();
			const cell = engineCell(rowOf(screen, name), name);
			const titles = linesOf(screen)[1] ?? '';
			assert.ok(160 - titles.length >= engineB.length - cell.length, `blank room at the end of the line: ${JSON.stringify(titles)}`);
			assert.equal(cell, engineB);
		},
	);
});

describe('docker contexts (--all-contexts, --context, the contexts view)', {skip: secondSkip || cliSkip}, () => {
	test('every context at once, one context, and switching from the contexts view', {timeout: 180_000}, async () => {
		const prefix = uniqueName('ctx');
		const onA = `${prefix}-a`;
		const onB = `${prefix}-b`;
		createdOnA.push(onA);
		createdOnB.push(onB);
		await runContainer({name: onA, cmd: [...idleCmd]});
		await second.runContainer({name: onB, cmd: [...idleCmd]});
		const {env} = await makeContexts();

		const all = await berth.start({host: [], args: ['--all-contexts'], env});
		await all.waitFor(/ENGINE\s+NAME\s+IMAGE/, slow);
		await narrowTo(all, prefix, current => rowOf(current, onA));
		let screen = await all.waitFor(current => rowOf(current, onA) !== '' && rowOf(current, onB) !== '', slow);
		assert.equal(engineCell(rowOf(screen, onA), onA), 'berth-a');
		assert.equal(engineCell(rowOf(screen, onB), onB), 'berth-b');
		assert.match(headerLine(screen), /berth-a: up/);
		assert.match(headerLine(screen), /berth-b: up/);
		await all.kill();

		const one = await berth.start({host: [], args: ['--context', 'berth-b'], env});
		screen = await one.waitFor(current => lineOf(current, onB) !== '', slow);
		assert.equal(lineOf(screen, onA), '', 'only the engine of berth-b');
		assert.ok(headerLine(screen).includes(second.dockerHost) || headerLine(screen).includes('berth-b'), headerLine(screen));

		await one.sendText('9');
		screen = await one.waitFor(current => contextRow(current, 'berth-a') !== '' && contextRow(current, 'berth-b') !== '', slow);
		assert.match(contextRow(screen, 'berth-b'), /^. berth-b \*\s.*\sshown$/, 'the shown context is marked');
		assert.doesNotMatch(contextRow(screen, 'berth-a'), /\*|shown/);
		assert.ok(contextRow(screen, 'berth-a').includes(testDockerHost) && contextRow(screen, 'berth-b').includes(second.dockerHost));
		assert.notEqual(contextRow(screen, 'default'), '', 'the default context is listed too');

		await narrowTo(one, 'berth-a', current => contextRow(current, 'berth-a'));
		await one.sendKeys('Enter');
		await one.waitFor(current => /^ {2}NAME\s+IMAGE\s+STATUS/m.test(current) && headerLine(current).includes(testDockerHost), slow);
		await one.sendKeys('Escape');
		await narrowTo(one, prefix, current => lineOf(current, onA));
		screen = await one.waitFor(current => lineOf(current, onA) !== '' && lineOf(current, onB) === '', slow);
		await one.sendKeys('Escape');
		await one.sendText('9');
		screen = await one.waitFor(current => /^. berth-a \*\s.*\sshown$/.test(contextRow(current, 'berth-a')), slow);
		assert.doesNotMatch(contextRow(screen, 'berth-b'), /\*|shown/, 'berth-b is no longer shown');
	});

	test('an unknown --context: one line naming the known contexts, exit status 1', async () => {
		const {env} = await makeContexts();
		const [file, ...args] = berthCommand(['--context', 'nope']);
		const result = await run(file!, args, {env: {...process.env, ...env, CI: ''}}).then(
			() => ({code: 0, stderr: ''}),
			(error: {code: number; stderr: string}) => ({code: error.code, stderr: error.stderr}),
		);
		assert.equal(result.code, 1);
		assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
		assert.match(result.stderr, /^berth: no context named "nope" \(known: default, .*berth-a.*; see docker context ls\)$/m);
		assert.match(result.stderr, /berth-b/);
	});

	test(
		'the contexts view with --host: the default context is the --host engine',
		async () => {
			const {env} = await makeContexts();
			const session = await berth.start({host: second.dockerHost, env});
			await session.waitFor(/NAME\s+IMAGE\s+STATUS/, slow);
			await session.sendText('9');
			const screen = await session.waitFor(current => contextRow(current, 'default') !== '', slow);
			assert.match(contextRow(screen, 'default'), /shown$/);
			assert.ok(contextRow(screen, 'default').includes(second.dockerHost), contextRow(screen, 'default'));
		},
	);
});

describe('an engine over ssh (ssh://root@127.0.0.1:PORT, the key in an ssh-agent)', {skip: sshSkip}, () => {
	test('lists the engine\'s containers; e runs a shell in one, through ssh', {timeout: 180_000}, async t => {
		const setup = ssh!;
		const name = uniqueName('ssh');
		createdOnA.push(name);
		await runContainer({name, cmd: [...idleCmd]});
		const before = acceptedLogins();
		const address = `ssh://root@127.0.0.1:${setup.port}`;
		const session = await berth.start({host: address, env: {SSH_AUTH_SOCK: setup.agentSocket, HOME: setup.home}});
		let screen = await session.waitFor(/^ {2}NAME\s+IMAGE\s+STATUS/m, {timeoutMs: 30_000});
		assert.match(headerLine(screen), /^berth \S connected/);
		await narrowTo(session, name, current => lineOf(current, name));
		assert.match(lineOf(await session.capture(), name), /\sUp /);
		await session.sendText('e');
		await session.waitFor(current => current.includes(`berth: shell in ${name}`) && /^\/ #/m.test(current), {timeoutMs: 60_000});
		await session.sendText('echo $((6*7))');
		await session.sendKeys('Enter');
		await session.waitFor(/^42$/m, slow);
		await session.sendText('exit');
		await session.sendKeys('Enter');
		screen = await session.waitFor(current => lineOf(current, name) !== '' && /NAME\s+IMAGE\s+STATUS/.test(current), {timeoutMs: 30_000});
		assert.doesNotMatch(screen, /^\/ #/m);
		const logins = acceptedLogins() - before;
		t.diagnostic(`sshd accepted ${logins} logins for this berth session, a shell included`);
		assert.ok(logins <= 3, `requests share ssh connections, a channel each: ${logins} logins`);
	});

	test('twenty running containers: every row measured, 10 requests at once at most (a remote process each), over a few ssh connections', {timeout: 120_000}, async t => {
		const setup = ssh!;
		const prefix = uniqueName('sshmany');
		const names = Array.from({length: 20}, (_, index) => `${prefix}-${index}`);
		createdOnA.push(...names);
		await Promise.all(names.map(async name => runContainer({name, cmd: [...idleCmd]})));
		// Each channel runs `docker system dial-stdio` on the remote host (here, this one): those of the tests
		// before have ended once their ssh connections closed.
		await until(async () => remoteProcesses() === 0, 'no dial-stdio left from earlier tests', {timeoutMs: 15_000});
		const before = acceptedLogins();
		const session = await berth.start({host: `ssh://root@127.0.0.1:${setup.port}`, env: {SSH_AUTH_SOCK: setup.agentSocket, HOME: setup.home}});
		await session.waitFor(/^ {2}NAME\s+IMAGE\s+STATUS/m, {timeoutMs: 30_000});
		await narrowTo(session, prefix, current => lineOf(current, names[0]!));
		const measured = /\d+\.\d\d%\s+[\d.]+[KMG]?i?B \/ [\d.]+[KMG]iB/;
		let most = 0;
		const screen = await session.waitFor(
			current => {
				most = Math.max(most, remoteProcesses());
				return names.every(name => measured.test(lineOf(current, name)));
			},
			{timeoutMs: 60_000},
		);
		assert.match(headerLine(screen), /^berth \S connected/);
		const logins = acceptedLogins() - before;
		t.diagnostic(`${names.length} rows measured over ${logins} ssh logins, ${most} remote processes at most`);
		// At most 10 stats requests, 4 inspects for the rows' ages, 4 reads after events, the events and a
		// listing at once; streamed, as before, it was one a row besides (21 and more here).
		assert.ok(most > 0 && most <= 20, `${most} dial-stdio processes at once`);
		// A connection carries 8 channels (sshd allows 10, MaxSessions).
		assert.ok(logins >= 1 && logins <= 3, `${logins} logins`);
		assert.doesNotMatch(fs.readFileSync(setup.log, 'utf8'), /MaxStartups/);
	});

	test('its ssh connections reset: berth connects again and goes on (no request waits on a channel of the lost connection)', {timeout: 120_000}, async () => {
		const setup = ssh!;
		// One prefix for both, narrowed to at once: the engine's other containers (many, late in a pass) would push
		// them off the screen.
		const prefix = uniqueName('sshreset');
		const [before, after] = [`${prefix}-before`, `${prefix}-after`];
		createdOnA.push(before, after);
		await runContainer({name: before, cmd: [...idleCmd]});
		const session = await berth.start({host: `ssh://root@127.0.0.1:${setup.port}`, env: {SSH_AUTH_SOCK: setup.agentSocket, HOME: setup.home}});
		await narrowTo(session, prefix, current => lineOf(current, before));
		// Measured: its stats request's channel is back in the http agent's pool, idle, when the connections go.
		await session.waitFor(current => /\sUp .*\d+\.\d\d%/.test(lineOf(current, before)), {timeoutMs: 30_000});
		await new Promise(resolve => setTimeout(resolve, 1000));
		// Every connection's sshd process goes (the listener stays): as a remote host that dropped them.
		const listener = setup.processes[0]!.pid!;
		await command('pkill', ['-KILL', '-P', String(listener)]).catch(() => undefined);
		await session.waitFor(current => /^berth \S disconnected/.test(headerLine(current)), {timeoutMs: 30_000});
		await session.waitFor(current => /^berth \S connected/.test(headerLine(current)), {timeoutMs: 60_000});
		// Live again: a container started now shows.
		await runContainer({name: after, cmd: [...idleCmd]});
		await session.waitFor(current => /\sUp /.test(lineOf(current, after)), {timeoutMs: 30_000});
	});

	test('ssh://127.0.0.1:PORT without a user logs in as the local user, as ssh does', {timeout: 60_000}, async () => {
		const setup = ssh!;
		const name = uniqueName('sshuser');
		createdOnA.push(name);
		await runContainer({name, create: true, cmd: ['true']});
		const session = await berth.start({host: `ssh://127.0.0.1:${setup.port}`, env: {SSH_AUTH_SOCK: setup.agentSocket, HOME: setup.home, USER: 'root'}});
		await session.waitFor(/^ {2}NAME\s+IMAGE\s+STATUS/m, {timeoutMs: 30_000});
		await narrowTo(session, name, current => lineOf(current, name));
		assert.match(lineOf(await session.capture(), name), /\sCreated(\s|$)/);
	});

	test('without an ssh agent the key comes from ~/.ssh/id_ed25519, as ssh takes it', {timeout: 60_000}, async () => {
		const setup = ssh!;
		const home = path.join(setup.directory, 'key-home');
		fs.mkdirSync(path.join(home, '.ssh'), {recursive: true});
		fs.copyFileSync(path.join(setup.home, '.ssh', 'known_hosts'), path.join(home, '.ssh', 'known_hosts'));
		fs.copyFileSync(setup.clientKey, path.join(home, '.ssh', 'id_ed25519'));
		const name = uniqueName('sshkey');
		createdOnA.push(name);
		await runContainer({name, create: true, cmd: ['true']});
		const session = await berth.start({host: `ssh://root@127.0.0.1:${setup.port}`, env: {SSH_AUTH_SOCK: '', HOME: home}});
		await session.waitFor(/^ {2}NAME\s+IMAGE\s+STATUS/m, {timeoutMs: 30_000});
		await narrowTo(session, name, current => lineOf(current, name));
		assert.match(lineOf(await session.capture(), name), /\sCreated(\s|$)/);
	});

	test(
		'refuses an engine whose host key is not the one known_hosts names (as the docker CLI\'s ssh does)',
		async () => {
			const setup = ssh!;
			const home = path.join(setup.directory, 'wrong-home');
			fs.mkdirSync(path.join(home, '.ssh'), {recursive: true});
			await command('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(setup.directory, 'other_host_key')]);
			const other = fs.readFileSync(path.join(setup.directory, 'other_host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
			fs.writeFileSync(path.join(home, '.ssh', 'known_hosts'), `[127.0.0.1]:${setup.port} ${other}\n`);
			// OpenSSH, which the docker CLI runs, refuses this host.
			await assert.rejects(
				command('ssh', [
					'-o', 'BatchMode=yes', '-o', 'StrictHostKeyChecking=yes', '-o', `UserKnownHostsFile=${path.join(home, '.ssh', 'known_hosts')}`,
					'-i', setup.clientKey, '-p', String(setup.port), 'root@127.0.0.1', 'true',
				]),
				/host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED/i,
			);
			// berth without a terminal stops after it has reached the engine ("needs an interactive terminal"), or
			// before, when it refuses the host.
			const [file, ...args] = berthCommand(['--host', `ssh://root@127.0.0.1:${setup.port}`]);
			const result = await run(file!, args, {
				env: {...process.env, HOME: home, SSH_AUTH_SOCK: setup.agentSocket, CI: ''},
				timeout: 60_000,
			}).then(
				() => ({code: 0, stderr: ''}),
				(error: {code: number; stderr: string}) => ({code: error.code, stderr: error.stderr}),
			);
			assert.equal(result.code, 1);
			assert.doesNotMatch(result.stderr, /needs an interactive terminal/, 'berth must not have reached the engine');
			assert.match(result.stderr, /host key/i);
		},
	);

	test(
		'an ssh engine that refuses the login: one line on stderr naming the address, exit status 1',
		async () => {
			const setup = ssh!;
			const [file, ...args] = berthCommand(['--host', `ssh://root@127.0.0.1:${setup.port}`]);
			const result = await run(file!, args, {
				env: {...process.env, HOME: setup.home, SSH_AUTH_SOCK: '', CI: ''},
				timeout: 60_000,
			}).then(
				() => ({code: 0, stderr: ''}),
				(error: {code: number; stderr: string}) => ({code: error.code, stderr: error.stderr}),
			);
			assert.equal(result.code, 1);
			assert.match(result.stderr, new RegExp(`ssh://root@127\\.0\\.0\\.1:${setup.port}.*authentication`, 'i'));
			assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
		},
	);
});

describe('Podman (podman system service, the Docker API)', {skip: podmanSkip}, () => {
	test('lists podman\'s containers with whole names; s stops one; l follows another\'s logs', {timeout: 180_000}, async t => {
		const suffix = randomBytes(3).toString('hex');
		const [first, other] = [`pm1-${suffix}`, `pm2-${suffix}`];
		for (const name of [first, other]) {
			podmanContainers.push(name);
			// No network: netavark would add a bridge and iptables chains that outlive the test.
			await podman(
				'run', '-d', '--network', 'none', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024', '--name', name,
				podmanImage, 'sh', '-c', 'while :; do echo podtick; sleep 1; done',
			);
		}

		const session = await berth.start({host: podmanHost});
		let screen = await session.waitFor(current => /\sUp /.test(lineOf(current, first)) && /\sUp /.test(lineOf(current, other)), slow);
		// Podman lists names without Docker's leading slash: they must stay whole.
		for (const name of [first, other]) {
			assert.doesNotMatch(screen, new RegExp(`(^|\\s)${escape(name.slice(1))}(\\s|$)`, 'm'), `${name} is not shown cut`);
			assert.match(lineOf(screen, name), new RegExp(`^.[ *!]${escape(name)}\\s+${escape(podmanImage)}`), 'name, then the image podman named');
		}

		t.diagnostic(`header against podman: ${headerLine(screen)}`);

		await narrowTo(session, first, current => lineOf(current, first));
		await session.sendText('s');
		// The loop ignores SIGTERM: podman kills it after the 10 s stop timeout.
		await session.waitFor(current => statusText(current).includes(`Stopped ${first}.`), {timeoutMs: 40_000});
		assert.equal(await podman('inspect', '--format', '{{.State.Status}}', first), 'exited');
		screen = await session.waitFor(current => /Exited \(\d+\)/.test(lineOf(current, first)), slow);
		assert.equal(await podman('inspect', '--format', '{{.State.Status}}', other), 'running', 'only the selected one stopped');
		// Podman has no docker update: said as a request it does not offer, not as a missing container.
		await session.sendText('u');
		await session.waitFor(current => statusText(current).startsWith(`update ${first} (`), slow);
		await session.sendText('--restart always');
		await session.sendKeys('Enter');
		await session.waitFor(current => statusText(current).includes(`${first}: the engine does not offer this request (404 Not Found): Podman and older engines lack some of Docker's requests`), slow);

		await session.sendKeys('Escape');
		await narrowTo(session, other, current => lineOf(current, other));
		await session.sendText('l');
		screen = await session.waitFor(current => (linesOf(current)[1] ?? '').startsWith(`Logs: ${other}: following`) && /^\s*podtick$/m.test(current), slow);
		const kept = (current: string) => Number(/(\d+) lines? kept/.exec(linesOf(current)[1] ?? '')?.[1] ?? 0);
		const before = kept(screen);
		await session.waitFor(current => kept(current) >= before + 2, slow);
	});

	test('a crash loop\'s logs: every run once, and no restart lines where the stream went on into the next run', {timeout: 120_000}, async () => {
		const name = `pmloop-${randomBytes(3).toString('hex')}`;
		podmanContainers.push(name);
		// Podman restarts at once: each run says which it is (counted in a file of its own) and exits 3.
		await podman(
			'run', '-d', '--network', 'none', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024', '--restart', 'on-failure:3', '--name', name,
			podmanImage, 'sh', '-c', 'echo x >> /tmp/runs; echo "run $(wc -l < /tmp/runs)"; sleep 2; exit 3',
		);
		const session = await berth.start({host: podmanHost});
		await narrowTo(session, name, current => lineOf(current, name));
		await session.sendText('l');
		const ended = `- -- ${name} stopped: its log ends here --`;
		const screen = await session.waitFor(current => linesOf(current).some(line => line.trimEnd() === ended), {timeoutMs: 60_000});
		const rows = linesOf(screen).map(line => line.trimEnd());
		const runs = rows.filter(row => /^ {2}run \d$/.test(row));
		assert.deepEqual(runs, ['  run 1', '  run 2', '  run 3', '  run 4'], rows.join('\n'));
		// A restart's lines, when said, have the new run's line after them: never an empty run before the end.
		const startedAgain = `- -- ${name} started again: its new log follows --`;
		for (const [index, row] of rows.entries()) {
			if (row === startedAgain) assert.match(rows[index + 1] ?? '', /^ {2}run \d$/, rows.join('\n'));
		}
	});

	test("CPU % as docker stats means it: a busy loop is at most one CPU (Podman's system counter counts busy time only)", {timeout: 120_000}, async t => {
		const busy = `pmbusy-${randomBytes(3).toString('hex')}`;
		podmanContainers.push(busy);
		await podman(
			'run', '-d', '--network', 'none', '--ulimit', 'nofile=1024:1024', '--ulimit', 'nproc=1024:1024', '--name', busy,
			podmanImage, 'sh', '-c', 'while :; do :; done',
		);
		const session = await berth.start({host: podmanHost, args: ['--refresh', '1']});
		const cpuOf = (current: string) => Number(/\s(\d+\.\d+)%\s/.exec(lineOf(current, busy))?.[1] ?? Number.NaN);
		await session.waitFor(current => cpuOf(current) > 0, slow);
		// Read as Docker's counter, the loop's share of the host's busy time came out near 200% on two CPUs.
		const readings: number[] = [];
		for (let sample = 0; sample < 5; sample++) {
			await new Promise(resolve => setTimeout(resolve, 1100));
			readings.push(cpuOf(await session.capture()));
		}

		t.diagnostic(`busy loop on podman: ${readings.join('%, ')}%`);
		for (const reading of readings) assert.ok(reading > 20 && reading <= 115, `one busy loop read ${reading}% (${readings.join(', ')})`);
		await session.kill();

		// Followed, a sample a second (the details pane, --refresh 1): Podman's own stream sends one every 5 seconds.
		const engine = createDockerEngine('podman', {kind: 'unix', socketPath: podmanSocket});
		const reads: string[] = [];
		const following = engine.streams.stats(busy, sample => reads.push(sample.read), () => undefined);
		await new Promise(resolve => setTimeout(resolve, 4500));
		following.close();
		assert.ok(reads.length >= 4, `${reads.length} samples in 4.5 s: ${reads.join(', ')}`);
		await podman('rm', '--force', '--time', '0', busy);
	});
});
