// Proves the test layer: the private engine, its image, containers on it, and the tmux terminal driver.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {after, before, describe, test} from 'node:test';
import {
	assertLoopbackPorts,
	defaultEngine,
	docker,
	engineDir,
	engineSkip,
	engineVersion,
	freePort,
	idleCmd,
	isolatedEngine,
	removeTestContainers,
	runContainer,
	testDockerHost,
	testImage,
	testLabel,
	uniqueName,
} from './testEngine.js';
import {TmuxSession, berthCommand, repoRoot} from './tmux.js';

const skip = await engineSkip();
const created: string[] = [];
after(async () => {
	if (!skip) {
		await removeTestContainers(created);
	}
});

describe('test engine', () => {
	test('answers on its own socket, not the system one', {skip}, async () => {
		assert.match(testDockerHost, /^unix:\/\//);
		assert.notEqual(testDockerHost, 'unix:///var/run/docker.sock');
		const version = await docker('version', '--format', '{{.Server.APIVersion}}');
		assert.match(version, /^1\.\d+$/);
		await docker('ps');
	});

	test('is the Docker version asked for (BERTH_ENGINE_VERSION)', {skip}, async () => {
		const [version, api] = (await docker('version', '--format', '{{.Server.Version}} {{.Server.APIVersion}}')).split(' ');
		assert.ok(version!.startsWith(`${engineVersion}.`), `Docker ${version} is ${engineVersion}`);
		assert.equal(api, {'20.10': '1.41', '26.1': '1.45'}[engineVersion]);
	});

	test('has the local busybox image', {skip}, async () => {
		const cmd = await docker('image', 'inspect', '--format', '{{json .Config.Cmd}}', testImage);
		assert.equal(cmd, '["/bin/sh"]');
	});

	test('runs a container of the test image', {skip}, async () => {
		const out = await docker('run', '--rm', '--label', testLabel, testImage, 'sh', '-c', 'echo $((6*7))');
		assert.equal(out, '42');
	});

	test('publishes a port on 127.0.0.1 and shows it in docker ps', {skip}, async () => {
		const name = uniqueName('port');
		created.push(name);
		const port = await freePort();
		const id = await runContainer({name, args: ['-p', `127.0.0.1:${port}:80`], cmd: ['httpd', '-f', '-p', '80', '-h', '/var/www']});
		assert.match(id, /^[0-9a-f]{64}$/);
		const ports = await docker('ps', '--filter', `name=^${name}$`, '--filter', `label=${testLabel}`, '--format', '{{.Ports}}');
		assert.equal(ports, `127.0.0.1:${port}->80/tcp`);
		// The published port answers on loopback.
		const body = await (await fetch(`http://127.0.0.1:${port}/`)).text();
		assert.equal(body.trim(), 'berth test container');
	});

	test('creates a container without starting it, and cleans up by label', {skip}, async () => {
		const name = uniqueName('create');
		created.push(name);
		await runContainer({name, create: true, cmd: ['true']});
		assert.equal(await docker('inspect', '--format', '{{.State.Status}}', name), 'created');
		await removeTestContainers([name]);
		await removeTestContainers([name]); // Already gone: not an error.
		assert.equal(await docker('ps', '-aq', '--filter', `name=^${name}$`), '');
	});

	test('runs one docker command per name from xargs, a few at a time, and reports a failure', {skip}, async () => {
		const names = [uniqueName('each'), uniqueName('each'), uniqueName('each')];
		created.push(...names);
		for (const name of names) await runContainer({name, create: true, cmd: [...idleCmd]});
		await defaultEngine.dockerEach(['start'], names, 2);
		for (const name of names) assert.equal(await docker('inspect', '--format', '{{.State.Status}}', name), 'running');
		const missing = uniqueName('each-missing');
		await assert.rejects(defaultEngine.dockerEach(['stop', '-t', '0'], [names[0]!, missing], 2), new RegExp(`docker stop -t 0 \\(2 names through xargs\\) failed.*${missing}`, 's'));
		assert.equal(await docker('inspect', '--format', '{{.State.Status}}', names[0]!), 'exited');
	});

	test('foreground run resolves with the output', {skip}, async () => {
		const name = uniqueName('fg');
		created.push(name);
		assert.equal(await runContainer({name, detach: false, cmd: ['echo', 'hi']}), 'hi');
	});
});

describe('isolated engine', () => {
	const engine = isolatedEngine('selftest');
	let skip: false | string = 'not started';
	before(async () => {
		skip = await engine.skip();
	});
	after(async () => {
		if (!skip) {
			await engine.down();
		}
	});

	test('has its own socket, survives a daemon restart, and stops', async t => {
		if (skip) {
			t.skip(skip);
			return;
		}
		assert.equal(engine.dockerHost, `unix://${engineDir}-selftest/docker.sock`);
		assert.notEqual(engine.dockerHost, testDockerHost);
		assert.ok((await engine.serverVersion()).startsWith(`${engineVersion}.`), 'an isolated engine runs the chosen version');
		const name = uniqueName('iso');
		await engine.runContainer({name, cmd: [...idleCmd]});
		assert.equal(await engine.docker('inspect', '--format', '{{.State.Running}}', name), 'true');
		const started = Date.now();
		await engine.restartDaemon();
		assert.ok(Date.now() - started < 10_000, 'idleCmd containers stop quickly');
		// Without live-restore the daemon stopped the container; it is still listed.
		assert.equal(await engine.docker('inspect', '--format', '{{.State.Running}}', name), 'false');
		await engine.removeTestContainers([name]);
		assert.equal(await docker('ps', '-aq', '--filter', `name=^${name}$`), '', 'not on the shared engine');
	});
});

test('refuses ports that are not on 127.0.0.1', () => {
	assert.throws(() => assertLoopbackPorts(['-p', '8080:80']), /127\.0\.0\.1/);
	assert.throws(() => assertLoopbackPorts(['--publish=0.0.0.0:8080:80']), /127\.0\.0\.1/);
	assert.throws(() => assertLoopbackPorts(['-P']), /127\.0\.0\.1/);
	assert.doesNotThrow(() => assertLoopbackPorts(['-p', '127.0.0.1:8080:80', '-e', 'P=1']));
	assert.doesNotThrow(() => assertLoopbackPorts(['--publish', '127.0.0.1::80']));
});

const noTmux = (() => {
	try {
		execFileSync('tmux', ['-V'], {stdio: 'ignore'});
		return false;
	} catch {
		return 'tmux is not installed';
	}
})();

describe('tmux driver', {skip: noTmux}, () => {
	test('runs a command in a terminal, reads the screen, sends keys', async t => {
		const term = new TmuxSession();
		t.after(() => term.kill());
		await term.start({
			command: ['sh', '-c', 'echo hello; echo "term=$TERM ci=${CI-unset} x=$X"; read line; echo "got:$line"; sleep 30'],
			env: {X: 'a b', CI: 'true'},
			width: 100,
			height: 30,
		});
		const screen = await term.waitFor('hello');
		assert.match(screen, /^hello$/m);
		await term.waitFor(/term=xterm-256color ci=unset x=a b/);
		assert.deepEqual(await term.size(), [100, 30]);
		assert.equal((await term.capture()).split('\n').filter(Boolean).length >= 2, true);

		await term.startByteCount();
		await term.sendText('abc');
		await term.sendKeys('Enter');
		await term.waitFor('got:abc');
		await term.waitFor(() => term.byteCount() > 0);
		assert.equal(await term.isAlive(), true);

		await term.resize(120, 40);
		assert.deepEqual(await term.size(), [120, 40]);

		await term.sendKeys('C-c');
		const deadline = Date.now() + 10_000;
		while ((await term.isAlive()) && Date.now() < deadline) {
			await new Promise(resolve => setTimeout(resolve, 50));
		}
		assert.equal(await term.isAlive(), false);
		assert.equal(await term.exitStatus(), 130);

		await term.kill();
		await term.kill(); // Safe twice.
		assert.equal(await term.isAlive(), false);
	});

	test('the pane title is readable and follows OSC 2', async t => {
		const term = new TmuxSession();
		t.after(() => term.kill());
		await term.start({command: ['sh', '-c', String.raw`printf '\033]2;berth-title\007'; echo set; sleep 30`]});
		await term.waitFor('set');
		assert.equal(await term.title(), 'berth-title');
	});

	test('waitFor times out with the last screen in the error', async t => {
		const term = new TmuxSession();
		t.after(() => term.kill());
		await term.start({command: ['sh', '-c', 'echo visible-text; sleep 30']});
		await term.waitFor('visible-text');
		await assert.rejects(term.waitFor('never-there', {timeoutMs: 300}), /timed out after 300 ms[\s\S]*visible-text/);
	});

	test('waitFor fails early when the program exits', async t => {
		const term = new TmuxSession();
		t.after(() => term.kill());
		// tmux 3.3a can lose what a program writes if it also exits in its first milliseconds (2 to 5 runs in 40
		// here, the output gone from the history too): the program waits a moment before it writes.
		await term.start({command: ['sh', '-c', 'sleep 0.2; echo bye; exit 3']});
		const started = Date.now();
		await assert.rejects(term.waitFor('never-there', {timeoutMs: 8000}), /exited \(status 3\)[\s\S]*bye/);
		assert.ok(Date.now() - started < 5000);
	});

	test('berthCommand points at the built CLI with the project node', {skip: process.env.BERTH_TEST_EXE ? 'BERTH_TEST_EXE runs the single executable' : false}, () => {
		const [node, cli, ...rest] = berthCommand(['--host', 'unix:///x.sock']);
		assert.equal(node, `${repoRoot}node_modules/.bin/node`);
		assert.ok(existsSync(node!));
		assert.equal(cli, `${repoRoot}dist/cli.js`);
		assert.deepEqual(rest, ['--host', 'unix:///x.sock']);
	});
});
