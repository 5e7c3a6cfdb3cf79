// The single executable (npm run build:exe) and the container image made of it (npm run build:image), run
// against the real test engine: the executable with no node on PATH, the image with the engine's socket
// mounted, both showing the engine's containers in tmux. The ssh engine test of test/e2e/engines.test.ts
// runs again with the executable as berth.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {promisify} from 'node:util';
import {BerthSessions, lineOf, until, waitForRow} from '../support/berth.js';
import {docker, engineSkip, idleCmd, removeTestContainers, runContainer, testDockerHost, uniqueName} from '../support/testEngine.js';
import {pathWithoutNode, repoRoot, TmuxSession} from '../support/tmux.js';

const execFileAsync = promisify(execFile);
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {version: string};
const executable = join(repoRoot, 'dist', `berth-${process.platform}-${process.arch}`);
const dockerCli = process.env.BERTH_DOCKER_CLI || 'docker';
const nodeless = {...process.env, PATH: pathWithoutNode()};

const skip = await engineSkip();
const linuxSkip = process.platform === 'linux' ? false : 'the image and these tests are for Linux';
const created: string[] = [];
let built = false;

/** The environment of a test run started from this one: NODE_TEST_CONTEXT would make it report to us. */
function childTestEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, ...extra};
	delete env.NODE_TEST_CONTEXT;
	return env;
}

/** The failed tests of a TAP report, each with its error (the screen berth showed, for a waitFor). */
function failures(tap: string): string {
	const lines = tap.split('\n');
	const kept: string[] = [];
	for (const [index, line] of lines.entries()) {
		if (!/^\s*not ok/.test(line)) continue;
		const indent = line.search(/\S/);
		const block = [line];
		for (const next of lines.slice(index + 1)) {
			if (next.trim() !== '' && next.search(/\S/) <= indent) break;
			block.push(next);
		}

		kept.push(block.slice(0, 40).join('\n'));
	}

	return kept.join('\n') || tap.slice(-2000);
}

async function runExecutable(args: string[], env: NodeJS.ProcessEnv = nodeless) {
	return execFileAsync(executable, args, {env, timeout: 30_000}).then(
		({stdout, stderr}) => ({status: 0, stdout, stderr}),
		(error: {code?: number; stdout?: string; stderr?: string}) => ({status: error.code ?? -1, stdout: error.stdout ?? '', stderr: error.stderr ?? ''}),
	);
}

before(async () => {
	if (linuxSkip) return;
	// The npm scripts' node (26) builds it, as npm run build:exe does.
	await execFileAsync(join(repoRoot, 'node_modules', '.bin', 'node'), ['esbuild.config.mjs', 'exe'], {cwd: repoRoot, timeout: 300_000});
	built = existsSync(executable);
});
after(async () => {
	if (!skip) await removeTestContainers(created);
});

describe('the single executable', {skip: linuxSkip}, () => {
	test('is one file that runs with no node on PATH: --version, --help, an unknown flag', async () => {
		assert.ok(built, `${executable} was built`);
		assert.ok(!nodeless.PATH.split(':').some(folder => existsSync(join(folder, 'node'))), 'no node on the PATH given');
		const version = await runExecutable(['--version']);
		assert.deepEqual(version, {status: 0, stdout: `${manifest.version}\n`, stderr: ''});
		const help = await runExecutable(['--help']);
		assert.equal(help.status, 0);
		assert.match(help.stdout, /Usage\s+\$ berth \[options\]/);
		assert.match(help.stdout, /--read-only/);
		const unknown = await runExecutable(['--bogus']);
		assert.equal(unknown.status, 2);
		assert.match(unknown.stderr, /^berth: Unknown option '--bogus'/);
	});

	test('without an engine: the one-line error and exit status 1, as the bundle on Node', async () => {
		const result = await runExecutable(['--host', 'unix:///nonexistent/docker.sock']);
		assert.equal(result.status, 1);
		assert.equal(result.stdout, '');
		assert.match(result.stderr, /^berth: cannot reach the Docker engine at unix:\/\/\/nonexistent\/docker\.sock/);
		assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
	});

	test('shows the test engine\'s containers in a terminal, with no node on PATH', {skip}, async t => {
		const berth = new BerthSessions();
		t.after(() => berth.killAll());
		const name = uniqueName('exe');
		created.push(name);
		await runContainer({name, cmd: [...idleCmd]});
		const term = berth.track(new TmuxSession());
		await term.start({command: ['env', `PATH=${nodeless.PATH}`, executable, '--host', testDockerHost]});
		const {screen} = await waitForRow(term, name, /\sUp /, {timeoutMs: 15_000});
		assert.match(lineOf(screen, name), /berth-test\/busybox/);
		assert.match(screen.split('\n')[0] ?? '', /connected/);
		await term.sendKeys('q');
		await until(async () => !(await term.isAlive()), 'berth quits on q', {timeoutMs: 5000});
		assert.equal(await term.exitStatus(), 0);
	});

	test('the ssh engine tests pass with the executable as berth (BERTH_TEST_EXE)', {skip, timeout: 300_000}, async t => {
		const node = join(repoRoot, 'node_modules', '.bin', 'node');
		const result = await execFileAsync(
			node,
			['--import', 'tsx', '--test', '--test-reporter', 'tap', '--test-name-pattern', 'engine over ssh', 'test/e2e/engines.test.ts'],
			{cwd: repoRoot, env: childTestEnv({BERTH_TEST_EXE: executable}), timeout: 280_000, maxBuffer: 64 * 2 ** 20},
		).then(
			({stdout}) => ({status: 0, stdout}),
			(error: {code?: number; stdout?: string}) => ({status: error.code ?? -1, stdout: error.stdout ?? ''}),
		);
		const passed = Number(/^# pass (\d+)/m.exec(result.stdout)?.[1] ?? 0);
		const skipped = Number(/^# skipped (\d+)/m.exec(result.stdout)?.[1] ?? 0);
		t.diagnostic(`ssh tests with the executable: ${passed} passed, ${skipped} skipped`);
		assert.equal(result.status, 0, failures(result.stdout));
		if (skipped > 0 && passed <= 1) t.skip('the ssh engine tests were skipped here (no sshd)');
		else assert.ok(passed >= 2, result.stdout.slice(-2000));
	});
});

describe('the container image', {skip: linuxSkip || skip}, () => {
	const tags = [`berth:${manifest.version}`, 'berth:latest'];
	const socket = testDockerHost.replace(/^unix:\/\//, '');
	const engineEnv = {...process.env, DOCKER_HOST: testDockerHost};
	after(async () => {
		await docker('image', 'rm', ...tags).catch(() => undefined);
	});

	test('npm run build:image builds berth:VERSION and berth:latest on the current engine, pulling nothing', async () => {
		assert.ok(built, `${executable} was built`);
		const {stdout} = await execFileAsync('bash', [join(repoRoot, 'source', 'image', 'build.sh')], {cwd: repoRoot, env: engineEnv, timeout: 300_000});
		for (const tag of tags) assert.match(stdout, new RegExp(`^${tag.replace('.', '\\.')} `, 'm'));
		const ids = await Promise.all(tags.map(async tag => docker('image', 'inspect', '--format', '{{.Id}}', tag)));
		assert.equal(ids[0], ids[1]);
		// From scratch: one layer, the executable and its libraries; no registry was asked (none is reachable).
		const layers = await docker('image', 'inspect', '--format', '{{len .RootFS.Layers}}', 'berth:latest');
		assert.equal(layers.trim(), '1');
		const run = await execFileAsync(dockerCli, ['run', '--rm', 'berth', '--version'], {env: engineEnv, timeout: 60_000});
		assert.equal(run.stdout, `${manifest.version}\n`);
	});

	test('docker run -it with the engine\'s socket mounted shows the containers', async t => {
		const name = uniqueName('image');
		created.push(name);
		await runContainer({name, cmd: [...idleCmd]});
		const term = new TmuxSession();
		t.after(() => term.kill());
		const container = uniqueName('image-berth');
		t.after(() => docker('rm', '-f', container).catch(() => undefined));
		await term.start({
			command: [dockerCli, 'run', '--rm', '-it', '--name', container, '-v', `${socket}:/var/run/docker.sock`, 'berth'],
			env: {DOCKER_HOST: testDockerHost},
		});
		const {screen} = await waitForRow(term, name, /\sUp /, {timeoutMs: 30_000});
		assert.match(lineOf(screen, name), /berth-test\/busybox/);
		assert.match(screen.split('\n')[0] ?? '', /unix:\/\/\/var\/run\/docker\.sock/);
		await term.sendKeys('q');
	});
});
