// End to end: the built CLI in a real terminal (tmux) against the real test engine.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {after, afterEach, describe, test} from 'node:test';
import {formatKeyLabel, keymap} from '../../source/commands/keymap.js';
import {BerthSessions, lineOf, selectByFilter, waitForRow, waitUntil} from '../support/berth.js';
import {docker, engineSkip, freePort, idleCmd, removeTestContainers, isolatedEngine, runContainer, uniqueName} from '../support/testEngine.js';
import {berthCommand} from '../support/tmux.js';

const skip = await engineSkip();
const created: string[] = [];
const berth = new BerthSessions();
after(async () => {
	if (!skip) await removeTestContainers(created);
});
afterEach(() => berth.killAll());

describe('containers pane', {skip}, () => {
	test('shows running, paused, exited and created containers with docker\'s status and ports', async () => {
		const port = await freePort();
		const web = uniqueName('web');
		const paused = uniqueName('paused');
		const exited = uniqueName('exited');
		const fresh = uniqueName('created');
		created.push(web, paused, exited, fresh);
		await runContainer({name: web, args: ['-p', `127.0.0.1:${port}:80`], cmd: ['httpd', '-f', '-p', '80']});
		await runContainer({name: paused, cmd: [...idleCmd]});
		await docker('pause', paused);
		await runContainer({name: exited, cmd: ['sh', '-c', 'exit 3'], detach: false}).catch(() => undefined);
		await runContainer({name: fresh, create: true, cmd: ['true']});

		const session = await berth.start();
		const screen = await session.waitFor(current => [web, paused, exited, fresh].every(name => lineOf(current, name) !== ''));
		assert.match(lineOf(screen, web), new RegExp(`Up (Less than a second|\\d+ seconds?)\\s+127\\.0\\.0\\.1:${port}->80/tcp`));
		assert.match(lineOf(screen, paused), /Up (Less than a second|\d+ seconds?) \(Paused\)/);
		assert.match(lineOf(screen, exited), /Exited \(3\) (Less than a second|\d+ seconds?) ago/);
		assert.match(lineOf(screen, fresh), /\sCreated(\s|$)/);
		assert.match(screen, /NAME\s+IMAGE\s+STATUS\s+(RESTARTS\s+)?PORTS\s+CPU %\s+MEM USAGE\s+PROJECT/);
		assert.match(lineOf(screen, web), /berth-test\/busybox/);
		// CPU and memory arrive from the stats stream for the running container.
		const withStats = await session.waitFor(current => /\d+\.\d\d%\s+[\d.]+[KMG]?i?B \/ [\d.]+[KMG]iB/.test(lineOf(current, web)));
		assert.equal(lineOf(withStats, exited).includes('%'), false, 'no CPU figure for a stopped container');
	});

	test('changes made from outside show up through the event stream', async () => {
		const name = uniqueName('live');
		const later = uniqueName('later');
		created.push(name, later);
		await runContainer({name, cmd: [...idleCmd]});
		const session = await berth.start();
		await waitForRow(session, name, /Up /);

		// The full resync runs every 30 s: anything faster than that came through the events.
		await docker('pause', name);
		assert.ok((await waitForRow(session, name, /\(Paused\)/, {timeoutMs: 5000})).elapsed < 5000);
		await docker('unpause', name);
		await waitForRow(session, name, /Up [^(]*$/, {timeoutMs: 5000});
		await docker('stop', '-t', '1', name);
		await waitForRow(session, name, /Exited \(\d+\)/, {timeoutMs: 5000});
		const since = Math.floor(Date.now() / 1000) - 1;
		await runContainer({name: later, cmd: [...idleCmd]});
		// Seen once in CI: this row did not show within 5 s. Should it again, say what the engine said.
		await waitForRow(session, later, /Up /, {timeoutMs: 5000}).catch(async (error: Error) => {
			const events = await docker('events', '--since', String(since), '--until', String(Math.ceil(Date.now() / 1000)), '--filter', `container=${later}`).catch(
				(failure: Error) => failure.message,
			);
			const listed = await docker('ps', '-a', '--filter', `name=${later}`, '--format', '{{.ID}} {{.Names}} {{.Status}}').catch((failure: Error) => failure.message);
			throw new Error(`${error.message}\n--- docker events for ${later}:\n${events}\n--- docker ps -a:\n${listed}`);
		});
		await docker('rm', '-f', later);
		await session.waitFor(current => lineOf(current, later) === '', {timeoutMs: 5000});
		const renamed = uniqueName('renamed');
		await docker('rename', name, renamed);
		created.push(renamed);
		await waitForRow(session, renamed, /Exited/, {timeoutMs: 5000});
	});

	test('keys: move, filter, help, command line and quit', async () => {
		const prefix = uniqueName('keys');
		const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
		created.push(...names);
		for (const name of names) await runContainer({name, create: true, cmd: ['true']});
		const session = await berth.start();
		await session.waitFor(current => names.every(name => lineOf(current, name) !== ''));

		await session.sendText('/');
		await session.sendText(`${prefix}-b`);
		let screen = await session.waitFor(current => lineOf(current, names[0]!) === '' && lineOf(current, names[1]!) !== '');
		assert.match(screen, new RegExp(`^/${prefix}-b`, 'm'), 'the prompt shows what is typed');
		await session.sendKeys('Enter');
		screen = await session.waitFor(current => lineOf(current, names[1]!).startsWith('›'));
		assert.match(screen, /filter "berth-t-keys-[0-9a-f]+-b": 1 shown/);
		await session.sendKeys('Escape');
		screen = await session.waitFor(current => names.every(name => lineOf(current, name) !== ''));

		await session.sendText('/');
		await session.sendText(prefix);
		await session.sendKeys('Enter');
		await session.waitFor(current => lineOf(current, names[0]!).startsWith('›'));
		await session.sendKeys('j');
		await session.waitFor(current => lineOf(current, names[1]!).startsWith('›'));
		await session.sendKeys('G');
		await session.waitFor(current => lineOf(current, names[2]!).startsWith('›'));
		await session.sendKeys('k');
		await session.waitFor(current => lineOf(current, names[1]!).startsWith('›'));
		await session.sendKeys('g');
		await session.waitFor(current => lineOf(current, names[0]!).startsWith('›'));

		await session.sendText('?');
		screen = await session.waitFor('Esc or ? closes this help');
		// The overlay scrolls with j when it is longer than the screen: gather every page.
		const pages = [screen];
		for (let page = 0; page < 10 && !/\bq \/ Ctrl-C\b/.test(pages.join('\n')); page++) {
			await session.sendKeys('PageDown');
			const previous = pages.at(-1)!;
			pages.push(await session.waitFor(current => current !== previous));
		}

		const help = pages.join('\n');
		for (const binding of keymap) {
			assert.ok(help.includes(formatKeyLabel(binding.keys)), `help shows ${formatKeyLabel(binding.keys)}`);
			assert.ok(help.includes(binding.help.slice(0, 40)), `help explains ${formatKeyLabel(binding.keys)}: ${binding.help}`);
		}

		await session.sendKeys('Escape');
		await session.waitFor(current => lineOf(current, names[0]!) !== '');
		await session.sendText(':im');
		await session.sendKeys('Tab');
		await session.waitFor(/^:images/m);
		await session.sendKeys('Enter');
		await session.waitFor(/REPOSITORY\s+TAG\s+IMAGE ID/);
		await session.sendText(':containers');
		await session.sendKeys('Enter');
		await session.waitFor(current => lineOf(current, names[0]!) !== '');

		await session.sendText('q');
		const exited = await waitUntil(async () => !(await session.isAlive()), {timeoutMs: 5000});
		assert.ok(exited, 'q quits');
		assert.equal(await session.exitStatus(), 0);
		// Leaving the alternate screen gives the shell its screen back: no berth rows stay on it.
		assert.equal(lineOf(await session.capture(), names[0]!), '');
	});

	test("a key's frame rewrites the rows it changes and passes each run of unchanged rows in one cursor move", async () => {
		const prefix = uniqueName('moves');
		const names = [`${prefix}-a`, `${prefix}-b`];
		created.push(...names);
		for (const name of names) await runContainer({name, create: true, cmd: ['true']});
		const session = await berth.start();
		await session.waitFor(current => names.every(name => lineOf(current, name) !== ''));
		// The two rows alone (no container of another test, whose status counts seconds), the first selected, and
		// the header whole (the engine's image count comes a moment after the list).
		await session.sendText('/');
		await session.sendText(prefix);
		await session.sendKeys('Enter');
		const before = await session.waitFor(current => lineOf(current, names[0]!).startsWith('›') && /2 shown .* \d+ images? ·/.test(current));

		const folder = mkdtempSync(join(tmpdir(), 'berth-moves-'));
		try {
			const bytes = join(folder, 'moves.bytes');
			await session.startByteCount(bytes);
			await session.sendText('j');
			await session.waitFor(current => lineOf(current, names[1]!).startsWith('›'));
			await session.sendText('k');
			// Back where it was: the moves landed on the right rows, the rest of the screen as it was.
			await session.waitFor(current => current === before);
			assert.ok(await waitUntil(() => (readFileSync(bytes, 'latin1').match(/\u001B\[\?2026l/g) ?? []).length >= 2), 'two frames written');
			const written = readFileSync(bytes, 'latin1');
			assert.ok(!written.includes('\u001B[E\u001B[E'), `unchanged rows passed one code each: ${JSON.stringify(written.slice(0, 400))}`);
			// Each frame: up to the top, down past the header and column titles, the two rows, then down past the
			// unchanged rows below them to the bottom line, each run in one move.
			const frames = written.split('\u001B[?2026l').filter(frame => frame.includes(names[0]!));
			assert.ok(frames.length >= 2, `${frames.length} frames`);
			for (const frame of frames) assert.match(frame, /\u001B\[\d+A\u001B\[2E\u001B\[1G\u001B\[K.*\r?\n\u001B\[1G\u001B\[K.*\r?\n\u001B\[\d+E$/s);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});

	test('keys typed before berth takes the terminal (echoed by it) leave the frame where it belongs', async () => {
		// --kiosk paints nothing before Ink, as an engine slower than 300 ms does (ssh, tcp).
		const session = await berth.start({args: ['--kiosk']});
		await session.sendText('xy');
		const screen = await session.waitFor(/PULSE/);
		assert.match(screen.split('\n')[0] ?? '', /^berth \S connected/, 'the header from the first column');
		assert.match(screen, /^ {2}PULSE/m);
	});

	test('NO_COLOR, an 80x24 TERM=linux console, and a terminal too small', async () => {
		const name = uniqueName('plain');
		created.push(name);
		await runContainer({name, cmd: [...idleCmd]});

		const colored = await berth.start();
		await colored.waitFor(current => lineOf(current, name) !== '');
		assert.match(await colored.capture({escapes: true}), /\u001B\[3\dm/, 'colours by default');

		const plain = await berth.start({env: {NO_COLOR: '1'}});
		await plain.waitFor(current => lineOf(current, name) !== '');
		assert.doesNotMatch(await plain.capture({escapes: true}), /\u001B\[(\d+;)*(3\d|9\d|4\d|7)m/, 'no colour or inverse');
		const flagged = await berth.start({args: ['--no-color']});
		await flagged.waitFor(current => lineOf(current, name) !== '');
		assert.doesNotMatch(await flagged.capture({escapes: true}), /\u001B\[(\d+;)*(3\d|9\d|4\d|7)m/);

		const console80 = await berth.start({width: 80, height: 24, term: 'linux'});
		const screen = await console80.waitFor(current => lineOf(current, name) !== '' || /^> /m.test(current));
		const lines = screen.split('\n');
		assert.ok(lines.every(line => line.length <= 80));
		assert.match(screen, /NAME\s+IMAGE\s+STATUS/);
		assert.doesNotMatch(screen, /[^\u0000-\u007E]/, 'ASCII only on TERM=linux');

		await console80.resize(40, 6);
		await console80.waitFor(/Terminal too small: 40x6/);
		await console80.resize(80, 24);
		await console80.waitFor(/NAME\s+IMAGE\s+STATUS/);
	});

	test('hostile labels, environment and command are drawn as text: no title, clear or clipboard write reaches the terminal', async () => {
		const name = uniqueName('hostilemeta');
		created.push(name);
		const escape = '\u001B';
		const title = (text: string) => `${escape}]0;${text}\u0007`;
		const project = `ev${escape}[2J${title('PWNED')}il`;
		await runContainer({
			name,
			args: ['--label', `com.docker.compose.project=${project}`, '--label', `note=clip${escape}]52;c;cHduZWQ=\u0007board`, '--env', `X=${title('PWNED2')}value`],
			cmd: ['sh', '-c', `sleep 100000 # ${title('PWNED3')}`],
		});
		const session = await berth.start();
		await session.tmux('set', '-g', 'set-clipboard', 'on');
		const titleBefore = await session.title();
		// The list: PROJECT is the label's text, made safe.
		const listed = await waitForRow(session, name, /\sevil$/);
		assert.doesNotMatch(await session.capture({escapes: true}), /\u001B\]|\u001B\[2J/, 'no OSC or clear in what tmux holds');
		// Details: the labels and the environment as text.
		await session.sendText('/');
		await session.sendText(name);
		await session.sendKeys('Enter');
		await session.waitFor(current => lineOf(current, name).startsWith('›'));
		await session.sendKeys('Enter');
		const details = await session.waitFor(current => /\scom\.docker\.compose\.project=evil$/m.test(current) && /\snote=clipboard$/m.test(current));
		assert.match(details, /X=value$/m);
		assert.ok(listed.screen.includes(name));
		// The compose projects view lists the label as a project.
		await session.sendKeys('Escape');
		await session.sendText('c');
		await session.waitFor(current => /^. evil\s/m.test(current));
		assert.equal(await session.title(), titleBefore, 'the pane title is unchanged');
		assert.doesNotMatch(await session.tmux('list-buffers', '-F', '#{buffer_sample}'), /pwned/i, 'no clipboard write reached tmux');
	});

	test('y and Y put the selected container\'s name and full ID on the clipboard through the terminal (a tmux buffer); not on the Linux console', async () => {
		const name = uniqueName('copied');
		created.push(name);
		await runContainer({name, cmd: [...idleCmd]});
		const id = (await docker('inspect', '--format', '{{.Id}}', name)).trim();
		const session = await berth.start();
		await session.tmux('set', '-g', 'set-clipboard', 'on');
		await waitForRow(session, name, /Up /);
		await selectByFilter(session, name);
		await session.sendText('y');
		await session.waitFor(`Sent the name ${name} to the terminal's clipboard (OSC 52).`);
		assert.ok(await waitUntil(async () => (await session.tmux('show-buffer').catch(() => '')) === name), `the buffer: ${await session.tmux('show-buffer').catch(() => '')}`);
		await session.sendText('Y');
		await session.waitFor(`Sent the ID of ${name}`);
		assert.ok(await waitUntil(async () => (await session.tmux('show-buffer').catch(() => '')) === id), 'the full ID');

		const linuxConsole = await berth.start({term: 'linux'});
		await linuxConsole.tmux('set', '-g', 'set-clipboard', 'on');
		await waitForRow(linuxConsole, name, /Up /);
		await selectByFilter(linuxConsole, name);
		await linuxConsole.sendText('y');
		await linuxConsole.waitFor('the Linux console has no clipboard');
		assert.equal(await linuxConsole.tmux('list-buffers', '-F', '#{buffer_sample}'), '', 'nothing written');
	});

	test('a container that comes and goes widens the columns at once and does not move the others\' back at once', async () => {
		const stays = uniqueName('stays');
		// Longer than the other tests' names, and short enough to be shown whole beside their columns.
		const passing = uniqueName('passing-long-name');
		created.push(stays, passing);
		await runContainer({name: stays, cmd: [...idleCmd]});
		const session = await berth.start();
		const before = await waitForRow(session, stays, /Up /);
		const imageAt = (screen: string) => lineOf(screen, stays).indexOf('berth-test/busybox');
		await runContainer({name: passing, cmd: [...idleCmd]});
		const shown = await session.waitFor(current => lineOf(current, passing).includes(passing));
		assert.ok(imageAt(shown) > imageAt(before.screen), 'the long name is shown whole: NAME widened');
		await docker('rm', '-f', passing);
		await session.waitFor(current => lineOf(current, passing) === '', {timeoutMs: 5000});
		// Two ticks of the clock and the frames of the removal: the columns stay where they were (30 s).
		await new Promise(resolve => setTimeout(resolve, 2500));
		assert.equal(imageAt(await session.capture()), imageAt(shown), 'IMAGE stays where it was: the other rows are not drawn again');
	});
});

// An engine of its own: stopping it must not disturb the shared test engine.
const lonely = isolatedEngine('e2e-lost');
const lonelySkip = skip || (await lonely.skip());
after(async () => {
	if (!lonelySkip) await lonely.down();
});

describe('engine lost and found', {skip: lonelySkip}, () => {
	test('stopping dockerd shows the disconnected state; starting it again recovers the list', async () => {
		const name = uniqueName('survivor');
		await lonely.runContainer({name, cmd: [...idleCmd]});
		const session = await berth.start({host: lonely.dockerHost});
		await waitForRow(session, name, /Up /);
		await lonely.stopDaemon();
		try {
			await session.waitFor(/disconnected, retrying/, {timeoutMs: 15_000});
			assert.ok(await session.isAlive(), 'berth keeps running without its engine');
		} finally {
			await lonely.startDaemon();
		}

		// dockerd stopped the container on its way down: the recovered list must say so.
		await session.waitFor(current => /berth \S connected/.test(current) && /Exited \(\d+\)/.test(lineOf(current, name)), {
			timeoutMs: 20_000,
		});
		await lonely.docker('start', name);
		await waitForRow(session, name, /Up /, {timeoutMs: 5000});
		await lonely.removeTestContainers([name]);
	});
});

test('no engine at the address: one line naming it, exit status 1', async () => {
	const run = promisify(execFile);
	const [node, cli] = berthCommand();
	const result = await run(node!, [cli!, '--host', 'unix:///tmp/berth-nothing-here.sock'], {env: {...process.env, CI: ''}}).then(
		() => ({code: 0, stderr: ''}),
		(error: {code: number; stderr: string}) => ({code: error.code, stderr: error.stderr}),
	);
	assert.equal(result.code, 1);
	assert.equal(result.stderr.trim().split('\n').length, 1);
	assert.match(result.stderr, /cannot reach the Docker engine at unix:\/\/\/tmp\/berth-nothing-here\.sock: is the engine running\?/);
	assert.doesNotMatch(result.stderr, /at .*\.js:\d+/, 'no stack trace');
});
