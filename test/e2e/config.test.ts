// End to end: the configuration file, through the built CLI in tmux against the test engine: a renamed key,
// a custom command (its output in a pane, against the row's engine, values quoted), a read-only engine that
// sends no mutating request, a default view, and a change to the file applied while berth runs.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {BerthSessions, lineOf, selectByFilter, statusText} from '../support/berth.js';
import {type EngineProxy, startEngineProxy} from '../support/engineProxy.js';
import {docker, engineSkip, idleCmd, removeTestContainers, runContainer, testDockerHost, uniqueName} from '../support/testEngine.js';
import type {TmuxSession} from '../support/tmux.js';

const skip = await engineSkip();
const created: string[] = [];
const berth = new BerthSessions();
const proxies: EngineProxy[] = [];
const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-config-e2e-'));
after(async () => {
	fs.rmSync(directory, {recursive: true, force: true});
	if (!skip) await removeTestContainers(created);
});
afterEach(async () => {
	await berth.killAll();
	for (const proxy of proxies.splice(0)) await proxy.close();
});

const slow = {timeoutMs: 30_000};
const testTimeout = {timeout: 180_000};

function writeConfig(name: string, lines: readonly string[]): string {
	const file = path.join(directory, name);
	fs.writeFileSync(file, `${lines.join('\n')}\n`);
	return file;
}

/** A running container of a compose project whose name is shell code. */
async function runIdle(prefix: string, project = 'shop'): Promise<string> {
	const name = uniqueName(prefix);
	created.push(name);
	await runContainer({name, args: ['--label', `com.docker.compose.project=${project}`, '--label', 'com.docker.compose.service=web'], cmd: [...idleCmd]});
	return name;
}

async function select(session: TmuxSession, name: string) {
	await selectByFilter(session, name, slow);
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('the configuration file', {skip}, () => {
	test('a renamed key acts and the old one does not; a custom command runs on the row\'s engine with quoted values; ? shows both', testTimeout, async () => {
		const marker = path.join(directory, 'pwned');
		const name = await runIdle('cfg-keys', `$(touch ${marker})`);
		const proxy = await startEngineProxy(testDockerHost);
		proxies.push(proxy);
		const file = writeConfig('keys.yaml', [
			'keys:',
			'  stop: x',
			'commands:',
			'  - name: Where',
			'    key: W',
			`    run: echo "project=[{{project}}] name={{name}} engine={{engine}}"; echo "host=$DOCKER_HOST"; docker ps --filter id={{id}} --format 'found {{.Names}}'`,
		]);
		const session = await berth.start({host: proxy.dockerHost, args: ['--config', file]});
		await select(session, name);
		// The status line names the new key.
		assert.match(statusText(await session.capture()), /x stop/);

		// The custom command: its output in a pane, the project's shell code one inert word.
		await session.sendText('W');
		const pane = await session.waitFor(current => /\[exit status 0\]/.test(current), slow);
		assert.ok(pane.includes(`project=[$(touch ${marker})] name=${name} engine=default`), pane);
		assert.ok(pane.includes(`host=${proxy.dockerHost}`), pane);
		assert.ok(pane.includes(`found ${name}`), pane);
		assert.equal(fs.existsSync(marker), false, 'the project label ran nothing');
		assert.ok(proxy.requests().some(request => request.route === '/containers/json' && request.path.includes('filters')), 'docker ps went to the engine berth shows');
		await session.sendKeys('Escape');
		await session.waitFor(current => lineOf(current, name).startsWith('›'), slow);

		// The old key does nothing; the new one stops.
		proxy.clear();
		await session.sendText('s');
		await sleep(1500);
		assert.deepEqual(proxy.mutating(), [], 's is no longer stop');
		await session.sendText('x');
		await session.waitFor(current => statusText(current).includes(`Stopped ${name}.`), slow);
		assert.deepEqual(proxy.mutating().map(request => `${request.method} ${request.route.replace(/[\da-f]{64}/, 'ID')}`), ['POST /containers/ID/stop']);

		// ? shows both changes: the containers' keys on its first page, the custom command further down.
		await session.sendText('?');
		const help = await session.waitFor(current => /^\s*x\s+Stop/m.test(current), slow);
		assert.doesNotMatch(help, /^\s*s\s+Stop/m);
		let page = help;
		for (let pages = 0; pages < 6 && !page.includes('Where: echo'); pages++) {
			const before = page;
			await session.sendKeys('PageDown');
			page = await session.waitFor(current => current !== before, slow);
		}

		assert.match(page, /^\s*W\s+Where: echo/m);
	});

	test('a read-only engine refuses mutating keys and sends no mutating request; berth opens on the configured view', testTimeout, async () => {
		const name = await runIdle('cfg-ro');
		const proxy = await startEngineProxy(testDockerHost);
		proxies.push(proxy);
		const file = writeConfig('ro.yaml', ['view: images', 'engines:', '  - name: guarded', `    host: ${proxy.dockerHost}`, '    readOnly: true']);
		// No --host: the engines are the file's; BERTH_CONFIG names the file.
		const session = await berth.start({host: [], env: {BERTH_CONFIG: file}});
		await session.waitFor(current => /REPOSITORY\s+TAG/.test(current), slow);
		await session.sendText('1');
		await select(session, name);
		// The status line says so, and offers no mutating key.
		const hints = statusText(await session.capture());
		assert.match(hints, /^guarded: read-only/);
		assert.doesNotMatch(hints, /s stop/);
		for (const key of ['s', 'K', 'd', 'r']) {
			await session.sendText(key);
			await session.waitFor(current => statusText(current).includes(`The engine guarded is read-only: "${key}" would change it, so it is off.`), slow);
			await session.sendText('y');
		}

		// Reads still work.
		await session.sendText('i');
		await session.waitFor(current => current.includes(`Inspect: ${name}`), slow);
		await sleep(1000);
		assert.deepEqual(proxy.mutating(), [], 'no request but GET and HEAD');
		assert.equal(await docker('inspect', '--format', '{{.State.Status}}', name), 'running');
	});

	test('terminal: true hands the terminal over, with the row\'s engine, and says how it ended', testTimeout, async () => {
		const name = await runIdle('cfg-term');
		const answers = path.join(directory, 'answers');
		const file = writeConfig('terminal.yaml', [
			'commands:',
			'  - name: Peek',
			'    key: W',
			`    run: "echo inside {{name}} on $DOCKER_HOST; printf 'type here: '; read answer; echo $answer >> ${answers}; exit 3"`,
			'    terminal: true',
		]);
		const session = await berth.start({args: ['--config', file]});
		await select(session, name);
		// Twice: berth must not read the terminal while the child has it (it would take the typed line, or
		// block in a read the child's shell made blocking), and must read it again once the child is gone.
		for (const answer of ['hello', 'again']) {
			await session.sendText('W');
			await session.waitFor(current => current.includes(`inside ${name} on ${testDockerHost}`) && current.includes('type here:'), slow);
			await session.sendText(answer);
			await session.sendKeys('Enter');
			await session.waitFor(current => statusText(current).includes(`Peek: ${name}: exit status 3.`), slow);
			assert.ok(lineOf(await session.capture(), name).startsWith('›'), 'berth is back, the row still selected');
		}

		// The child read every line typed, none went to berth.
		assert.equal(fs.readFileSync(answers, 'utf8'), 'hello\nagain\n');
		await session.sendText('?');
		await session.waitFor(current => current.includes('Keys: Esc or ? closes this help'), slow);
	});

	test('a custom command on a key berth gave an action of its own (u, update) keeps it, and berth says so', testTimeout, async () => {
		const name = await runIdle('cfg-took');
		const file = writeConfig('took.yaml', ['commands:', '  - name: Stamp', '    key: u', '    run: echo stamped {{name}}']);
		const session = await berth.start({args: ['--config', file]});
		await session.waitFor(current => statusText(current) === 'Your configuration: u in containers runs your command Stamp, not update.', slow);
		await select(session, name);
		await session.sendText('u');
		await session.waitFor(current => current.includes(`stamped ${name}`), slow);
		assert.doesNotMatch(statusText(await session.capture()), /^update /, 'not the update prompt');
	});

	test('theme: a running container\'s status in the configured colour', testTimeout, async () => {
		const name = await runIdle('cfg-theme');
		const file = writeConfig('theme.yaml', ['theme:', '  running: magenta']);
		const session = await berth.start({args: ['--config', file]});
		await select(session, name);
		// Its status in magenta (35), not green (32).
		const screen = await session.capture({escapes: true});
		const row = screen.split('\n').find(line => line.includes(name) && line.includes('Up ')) ?? '';
		assert.match(row, /\u001B\[(\d+;)*35mUp /, JSON.stringify(row));
		assert.doesNotMatch(row, /\u001B\[(\d+;)*32m/);
	});

	test('a change to the file applies without a restart; engines say they need one', testTimeout, async () => {
		const name = await runIdle('cfg-live');
		const file = writeConfig('live.yaml', ['keys:', '  stop: x']);
		const session = await berth.start({args: ['--config', file]});
		await select(session, name);
		assert.match(await session.capture(), /NAME\s+IMAGE\s+STATUS/);
		fs.writeFileSync(file, 'keys:\n  stop: z\ncolumns:\n  containers: [status, name]\n');
		await session.waitFor(current => statusText(current).includes('Configuration reloaded: keys, commands, columns and colours applied.'), slow);
		// The columns follow the file: only those named, in its order.
		const heading = await session.waitFor(current => /^\s+STATUS\s+NAME\s*$/m.test(current), slow);
		assert.doesNotMatch(heading, /IMAGE/);
		fs.writeFileSync(file, 'keys:\n  stop: z\nengines:\n  - context: default\n');
		await session.waitFor(current => statusText(current).includes('restart berth'), slow);
		fs.writeFileSync(file, 'keys:\n  stpo: z\n');
		await session.waitFor(current => statusText(current).includes('keys.stpo: no action named stpo'), slow);
		await session.sendText('z');
		await session.waitFor(current => statusText(current).includes(`Stopped ${name}.`), slow);
	});
});
