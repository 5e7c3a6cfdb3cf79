// `npm run demo`: source/demo/demo.sh sets up its scene on the test engine (twice, without doubles), berth shows
// it, and --scene-down removes it. Never --down: that stops the engine every other test file uses.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {promisify} from 'node:util';
import {docker, engineDir, engineSkip, externalEngine, testDockerHost} from '../support/testEngine.js';
import {berthCommand, repoRoot, TmuxSession} from '../support/tmux.js';
import {lineOf} from '../support/berth.js';

const execFileAsync = promisify(execFile);
const skip = await engineSkip();
const demoScript = join(repoRoot, 'source', 'demo', 'demo.sh');
const label = 'berth.demo=1';
const standalone = ['demo-db', 'demo-cache', 'demo-migrate', 'demo-backup', 'demo-mailer'];
const services = ['web', 'worker', 'logger'];
/** Compose 1.29 names containers PROJECT_SERVICE_N. */
const composeNames = services.map(service => `demo_${service}_1`);

/** Runs demo.sh with one option against the test engine; resolves with its stderr (where it reports). */
async function runDemo(option: string): Promise<{stderr: string; ms: number}> {
	const env: NodeJS.ProcessEnv = {...process.env, BERTH_ENGINE_DIR: engineDir};
	if (externalEngine) {
		env.BERTH_DEMO_HOST = testDockerHost;
	}
	const started = Date.now();
	try {
		// A fresh machine installs docker-compose with apt here.
		const {stderr} = await execFileAsync('bash', [demoScript, option], {env, timeout: 10 * 60_000, encoding: 'utf8'});
		return {stderr, ms: Date.now() - started};
	} catch (error) {
		const e = error as Error & {stderr?: string; code?: number};
		throw new Error(`bash source/demo/demo.sh ${option} failed (exit ${String(e.code)}): ${(e.stderr ?? '').trim() || e.message}`);
	}
}

const sleep = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));

/** `NAME STATUS` of every container labelled berth.demo=1, as a map. */
async function demoStatuses(): Promise<Map<string, string>> {
	const out = await docker('ps', '-a', '--filter', `label=${label}`, '--format', '{{.Names}} {{.Status}}');
	const statuses = new Map<string, string>();
	for (const line of out.split('\n').filter(Boolean)) {
		const space = line.indexOf(' ');
		const name = line.slice(0, space);
		assert.equal(statuses.has(name), false, `container ${name} listed twice`);
		statuses.set(name, line.slice(space + 1));
	}
	return statuses;
}

/** Polls until `check` returns true for the statuses; fails with the last statuses after timeoutMs. */
async function waitForStatuses(check: (statuses: Map<string, string>) => boolean, timeoutMs: number): Promise<Map<string, string>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const statuses = await demoStatuses();
		if (check(statuses)) {
			return statuses;
		}
		if (Date.now() > deadline) {
			assert.fail(`statuses not reached within ${timeoutMs} ms:\n${[...statuses].map(([n, s]) => `  ${n} ${s}`).join('\n')}`);
		}
		await sleep(250);
	}
}

/** Every state the list must show, as docker ps words it. */
const expectedStatus: Record<string, RegExp> = {
	'demo-db': /^Up .*\(healthy\)$/,
	'demo-cache': /^Up .*\(Paused\)$/,
	'demo-migrate': /^Exited \(3\) /,
	'demo-backup': /^Created$/,
	'demo-mailer': /^Restarting \(1\) /,
};

async function getPage(url: string, timeoutMs: number): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		try {
			const response = await fetch(url, {signal: AbortSignal.timeout(5000)});
			if (response.ok) {
				return await response.text();
			}
		} catch (error) {
			if (Date.now() > deadline) {
				throw error;
			}
		}
		if (Date.now() > deadline) {
			assert.fail(`GET ${url}: no 200 within ${timeoutMs} ms`);
		}
		await sleep(250);
	}
}

const sessions: TmuxSession[] = [];
afterEach(async () => {
	for (const session of sessions.splice(0)) await session.kill();
});
after(async () => {
	if (!skip) await runDemo('--scene-down');
});

describe('npm run demo', {skip}, () => {
	test('--scene-only sets up the scene, and a second run leaves the same scene', async () => {
		const first = await runDemo('--scene-only');
		assert.match(first.stderr, /npm run demo -- --down/, 'says how to remove the scene');
		const idsAfterFirst = await docker('ps', '-aq', '--no-trunc', '--filter', `label=${label}`);
		const second = await runDemo('--scene-only');
		process.stderr.write(`# demo.sh --scene-only: first run ${first.ms} ms, second run ${second.ms} ms\n`);
		const idsAfterSecond = await docker('ps', '-aq', '--no-trunc', '--filter', `label=${label}`);
		assert.deepEqual(idsAfterSecond.split('\n').sort(), idsAfterFirst.split('\n').sort(), 'the second run made or replaced containers');

		// The compose project: three services running, with compose's own labels.
		const project = await docker(
			'ps', '--filter', 'label=com.docker.compose.project=demo', '--format', '{{.Label "com.docker.compose.service"}} {{.State}} {{.Label "berth.demo"}}',
		);
		assert.deepEqual(project.split('\n').sort(), services.map(service => `${service} running 1`).sort());
		const webPorts = await docker('ps', '--filter', 'label=com.docker.compose.project=demo', '--filter', 'label=com.docker.compose.service=web', '--format', '{{.Ports}}');
		assert.equal(webPorts, '127.0.0.1:8080->80/tcp', 'web publishes on loopback only');
		// Loopback only (the network rule): never the container's own address.
		const page = await getPage('http://127.0.0.1:8080/', 20_000);
		assert.match(page, /Hello from the berth demo/);

		// Standalone containers, one in every state; the health check and the restart back-off take a while.
		const statuses = await waitForStatuses(
			current => Object.entries(expectedStatus).every(([name, pattern]) => pattern.test(current.get(name) ?? '')),
			90_000,
		);
		assert.deepEqual([...statuses.keys()].sort(), [...standalone, ...composeNames].sort(), 'exactly the scene, no doubles');

		// The volume and the network exist, are labelled, and are in use.
		assert.equal(await docker('volume', 'ls', '-q', '--filter', `label=${label}`), 'demo-data');
		assert.equal(await docker('network', 'ls', '--filter', `label=${label}`, '--format', '{{.Name}}'), 'demo-net');
		const onVolume = (await docker('ps', '-a', '--filter', 'volume=demo-data', '--format', '{{.Names}}')).split('\n');
		assert.ok(onVolume.includes('demo-db') && onVolume.includes('demo_worker_1'), `demo-data users: ${onVolume.join(', ')}`);
		const onNetwork = (await docker('ps', '--filter', 'network=demo-net', '--format', '{{.Names}}')).split('\n');
		assert.ok(composeNames.every(name => onNetwork.includes(name)) && onNetwork.includes('demo-db'), `demo-net users: ${onNetwork.join(', ')}`);

		const env = (await docker('inspect', '--format', '{{range .Config.Env}}{{println .}}{{end}}', 'demo-db')).split('\n');
		assert.ok(env.some(line => /^DB_PASSWORD=.+/.test(line)), 'demo-db has DB_PASSWORD');
	});

	test('berth shows the scene: every state, the published port, the project and CPU', async () => {
		await runDemo('--scene-only');
		const session = new TmuxSession();
		sessions.push(session);
		await session.start({command: berthCommand(['--host', testDockerHost]), width: 160, height: 48});

		const cpuOf = (line: string) => Number(/\s(\d+\.\d\d)%\s/.exec(line)?.[1] ?? 'NaN');
		const rows: Record<string, RegExp> = {
			'demo-db': /\sUp .*\(healthy\)/,
			'demo-cache': /\sUp .*\(Paused\)/,
			'demo-migrate': /\sExited \(3\) /,
			'demo-backup': /\sCreated(\s|$)/,
			'demo-mailer': /\sRestarting \(/,
			demo_web_1: /\sUp .*127\.0\.0\.1:8080->80\/tcp.*\sdemo$/,
			demo_worker_1: /\sUp .*\sdemo$/,
			demo_logger_1: /\sUp .*\sdemo$/,
		};
		const started = Date.now();
		const screen = await session.waitFor(
			function sceneShown(current) {
				return Object.entries(rows).every(([name, pattern]) => pattern.test(lineOf(current, name))) && cpuOf(lineOf(current, 'demo_worker_1')) > 0;
			},
			{timeoutMs: 90_000},
		);
		process.stderr.write(`# berth showed the whole demo scene after ${Date.now() - started} ms\n`);
		assert.match(screen, /NAME\s+IMAGE\s+STATUS\s+(RESTARTS\s+)?PORTS\s+CPU %\s+MEM USAGE\s+PROJECT/);
		assert.equal(lineOf(screen, 'demo-db').endsWith(' demo'), false, 'standalone containers have no project');
	});

	test('--scene-down removes everything labelled berth.demo=1 and leaves the engine up', async () => {
		await runDemo('--scene-only');
		await runDemo('--scene-down');
		assert.equal(await docker('ps', '-aq', '--filter', `label=${label}`), '');
		assert.equal(await docker('ps', '-aq', '--filter', 'label=com.docker.compose.project=demo'), '');
		assert.equal(await docker('volume', 'ls', '-q', '--filter', `label=${label}`), '');
		assert.equal(await docker('network', 'ls', '-q', '--filter', `label=${label}`), '');
		assert.match(await docker('version', '--format', '{{.Server.Version}}'), /\d/, 'the engine still answers');
		// Twice is fine too.
		await runDemo('--scene-down');
	});
});
