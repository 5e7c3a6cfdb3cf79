// End to end: container actions, marks, shells, panes and --read-only, driven through the built CLI in tmux.
import assert from 'node:assert/strict';
import {after, afterEach, describe, test} from 'node:test';
import {BerthSessions, lineOf, selectByFilter, statusText, waitForRow, waitUntil} from '../support/berth.js';
import {type EngineProxy, startEngineProxy} from '../support/engineProxy.js';
import {docker, engineSkip, freePort, idleCmd, removeTestContainers, runContainer, testDockerHost, uniqueName} from '../support/testEngine.js';
import type {TmuxSession} from '../support/tmux.js';

const skip = await engineSkip();
const created: string[] = [];
const volumes: string[] = [];
const berth = new BerthSessions();
const proxies: EngineProxy[] = [];
after(async () => {
	if (skip) return;
	await removeTestContainers(created);
	for (const volume of volumes) await docker('volume', 'rm', '-f', volume).catch(() => undefined);
});
afterEach(async () => {
	await berth.killAll();
	for (const proxy of proxies.splice(0)) await proxy.close();
});

/** Actions wait for the engine, and CI machines can be slow. */
const slow = {timeoutMs: 20_000};
const testTimeout = {timeout: 120_000};
/** Polls of the engine (docker inspect, volume ls): every 100 ms, for as long as `slow`. */
const enginePoll = {...slow, intervalMs: 100};

function isMarked(screen: string, name: string): boolean {
	return lineOf(screen, name).charAt(1) === '*';
}

async function waitForBottom(session: TmuxSession, pattern: RegExp | string) {
	return session.waitFor(
		current => (typeof pattern === 'string' ? statusText(current).includes(pattern) : pattern.test(statusText(current))),
		slow,
	);
}

/**
 * Selects a container: `/TEXT` Enter narrows the list and selects the first match, `first` (by default the
 * container named TEXT).
 */
async function select(session: TmuxSession, text: string, first = text) {
	await selectByFilter(session, first, {text, ...slow});
}

async function inspectField(name: string, format: string): Promise<string> {
	return docker('inspect', '--format', format, name);
}

/** Polls `docker inspect` until the field has the value; fails with the last value seen. */
async function waitForField(name: string, format: string, expected: string, timeoutMs = 20_000): Promise<void> {
	const started = Date.now();
	let last = '';
	while (Date.now() - started < timeoutMs) {
		last = await inspectField(name, format).catch((error: Error) => `error: ${error.message}`);
		if (last === expected) return;
		await new Promise(resolve => setTimeout(resolve, 100));
	}

	assert.equal(last, expected, `docker inspect --format '${format}' ${name}`);
}

async function exists(name: string): Promise<boolean> {
	return inspectField(name, '{{.Id}}').then(
		() => true,
		() => false,
	);
}

async function runIdle(prefix: string, args: string[] = []): Promise<string> {
	const name = uniqueName(prefix);
	created.push(name);
	await runContainer({name, args, cmd: [...idleCmd]});
	return name;
}

async function createExited(prefix: string): Promise<string> {
	const name = uniqueName(prefix);
	created.push(name);
	await runContainer({name, cmd: ['true'], detach: false});
	return name;
}

describe('container actions', {skip}, () => {
	test('s stops, S starts, r restarts (StartedAt changes), p pauses', testTimeout, async () => {
		const name = await runIdle('act');
		const session = await berth.start();
		await select(session, name);

		await session.sendKeys('s');
		await waitForBottom(session, `Stopped ${name}.`);
		await waitForField(name, '{{.State.Status}}', 'exited');
		await waitForRow(session, name, /Exited \(0\)/, slow);

		await session.sendKeys('S');
		await waitForBottom(session, `Started ${name}.`);
		await waitForField(name, '{{.State.Status}}', 'running');
		await waitForRow(session, name, /\sUp /, slow);

		const startedBefore = await inspectField(name, '{{.State.StartedAt}}');
		await session.sendKeys('r');
		await waitForBottom(session, `Restarted ${name}.`);
		await waitForField(name, '{{.State.Status}}', 'running');
		assert.notEqual(await inspectField(name, '{{.State.StartedAt}}'), startedBefore, 'restart starts the container again');
		await waitForRow(session, name, /\sUp /, slow);

		// The row's "(Paused)" and p again (unpause) are in the next test.
		await session.sendKeys('p');
		await waitForBottom(session, `Paused ${name}.`);
		await waitForField(name, '{{.State.Paused}}', 'true');
	});

	test(
		'p pauses (the row says Paused), p again unpauses',
		{
			...testTimeout,
		},
		async () => {
			const name = await runIdle('unpause');
			const session = await berth.start();
			await select(session, name);
			await session.sendKeys('p');
			await waitForBottom(session, `Paused ${name}.`);
			await waitForField(name, '{{.State.Paused}}', 'true');
			await waitForRow(session, name, /\(Paused\)/, slow);

			await session.sendKeys('p');
			const screen = await waitForBottom(session, new RegExp(`^(Unpaused ${name}\\.|Could not)`));
			assert.equal(statusText(screen), `Unpaused ${name}.`);
			await waitForField(name, '{{.State.Paused}}', 'false');
			await waitForField(name, '{{.State.Status}}', 'running');
			await waitForRow(session, name, /\sUp [^(]*$/, slow);
		},
	);

	test('K asks first: n leaves the container running, y kills it', testTimeout, async () => {
		const name = await runIdle('kill');
		const session = await berth.start();
		await select(session, name);

		await session.sendKeys('K');
		await waitForBottom(session, `Kill ${name}? y / N`);
		await session.sendKeys('n');
		await waitForBottom(session, 'Cancelled: nothing was changed.');
		// Give a wrongly issued kill the time to land before looking.
		await new Promise(resolve => setTimeout(resolve, 500));
		assert.equal(await inspectField(name, '{{.State.Status}}'), 'running');
		assert.match(lineOf(await session.capture(), name), /\sUp /);

		await session.sendKeys('K');
		await waitForBottom(session, `Kill ${name}? y / N`);
		await session.sendKeys('y');
		await waitForBottom(session, `Killed ${name}.`);
		await waitForField(name, '{{.State.Status}}', 'exited');
		await waitForRow(session, name, /Exited \(137\)/, slow);
	});

	test('d asks first: Enter (No) keeps the container, y removes it', testTimeout, async () => {
		const name = await createExited('rm');
		const session = await berth.start();
		await select(session, name);

		await session.sendKeys('d');
		let screen = await waitForBottom(session, `Remove ${name}?`);
		assert.match(statusText(screen), /y \/ N$/);
		assert.doesNotMatch(statusText(screen), /force/, 'an exited container is not force-removed');
		await session.sendKeys('Enter');
		await waitForBottom(session, 'Cancelled: nothing was changed.');
		await new Promise(resolve => setTimeout(resolve, 500));
		assert.ok(await exists(name), 'Enter answers No');
		assert.notEqual(lineOf(await session.capture(), name), '');

		await session.sendKeys('d');
		await waitForBottom(session, `Remove ${name}?`);
		await session.sendKeys('y');
		await waitForBottom(session, `Removed ${name}.`);
		assert.ok(await waitUntil(async () => !(await exists(name)), enginePoll), 'the container is gone');
		screen = await session.waitFor(current => lineOf(current, name) === '', slow);
		assert.equal(lineOf(screen, name), '');
	});

	test('d on a running container says it will be force-removed; y removes it', testTimeout, async () => {
		const name = await runIdle('rmf');
		const session = await berth.start();
		await select(session, name);

		await session.sendKeys('d');
		const screen = await waitForBottom(session, `Remove ${name}?`);
		assert.match(statusText(screen), /force-removed/);
		await session.sendKeys('y');
		await waitForBottom(session, `Removed ${name}.`);
		assert.ok(await waitUntil(async () => !(await exists(name)), enginePoll), 'the running container is gone');
		await session.waitFor(current => lineOf(current, name) === '', slow);
	});

	test('d, v, y removes the container with its anonymous volume', testTimeout, async () => {
		const name = uniqueName('rmv');
		created.push(name);
		await runContainer({name, args: ['-v', '/data'], cmd: ['true'], detach: false});
		const volume = await inspectField(name, '{{range .Mounts}}{{.Name}}{{end}}');
		assert.match(volume, /^[0-9a-f]{64}$/, 'an anonymous volume');
		volumes.push(volume);
		assert.ok((await docker('volume', 'ls', '-q')).split('\n').includes(volume));

		const session = await berth.start();
		await select(session, name);
		await session.sendKeys('d');
		let screen = await waitForBottom(session, `Remove ${name}?`);
		assert.match(statusText(screen), /\[ \] v: also its anonymous volumes/);
		await session.sendKeys('v');
		screen = await waitForBottom(session, /\[x\] v: also its anonymous volumes/);
		assert.match(statusText(screen), new RegExp(`^Remove ${name}\\?`), 'still asking');
		await session.sendKeys('y');
		await waitForBottom(session, `Removed ${name}.`);
		assert.ok(await waitUntil(async () => !(await exists(name)), enginePoll), 'the container is gone');
		assert.ok(
			await waitUntil(async () => !(await docker('volume', 'ls', '-q')).split('\n').includes(volume), enginePoll),
			`its volume ${volume} is gone`,
		);
	});

	test('n renames the selected container as docker rename does; a name in use gets the engine\'s refusal', testTimeout, async () => {
		const name = await runIdle('ren');
		const other = await runIdle('ren-other');
		const renamed = `${name}-new`;
		created.push(renamed);
		const session = await berth.start();
		await select(session, name);
		await session.sendKeys('n');
		await waitForBottom(session, `rename ${name} to: ${name}`);
		await session.sendText('-new');
		await session.sendKeys('Enter');
		await waitForBottom(session, `Renamed ${name} to ${renamed}.`);
		assert.equal(await inspectField(renamed, '{{.Name}}'), `/${renamed}`);
		// The row takes the new name from the engine's rename event (the filter on the old name still shows it).
		await session.waitFor(current => lineOf(current, renamed) !== '', slow);
		// A name another container has: the engine says no, and both keep their names.
		await session.sendKeys('n', 'C-u');
		await session.sendText(other);
		await session.sendKeys('Enter');
		const refused = await waitForBottom(session, /already in use/);
		assert.match(statusText(refused), new RegExp(`${other}.*already in use`));
		assert.equal(await inspectField(renamed, '{{.Name}}'), `/${renamed}`);
		assert.equal(await inspectField(other, '{{.Name}}'), `/${other}`);
		assert.ok(await session.isAlive());
	});

	test('u updates the restart policy and limits as docker update does; flags it cannot read, and the engine\'s refusal, are said', testTimeout, async () => {
		const name = await runIdle('upd');
		const session = await berth.start();
		await select(session, name);
		await session.sendKeys('u');
		await waitForBottom(session, `update ${name} (--restart --memory --cpus --pids-limit):`);
		// A policy docker does not have: the prompt stays, with what was typed, and says why.
		await session.sendText('--restart sometimes');
		await session.sendKeys('Enter');
		await waitForBottom(session, new RegExp(`^Cannot update: --restart takes no, always, .*  update ${name}: --restart sometimes$`));
		await session.sendKeys('C-u');
		await session.sendText('--restart on-failure:3 -m 64m --memory-swap 128m --cpus 0.5 --pids-limit 50');
		await session.sendKeys('Enter');
		// The engine may add warnings after it (a host without swap accounting).
		await waitForBottom(session, new RegExp(`^Updated ${name}: restart on-failure:3, memory 64MiB, memory and swap 128MiB, CPUs 0\\.5, processes 50\\.`));
		const fields = '{{.HostConfig.RestartPolicy.Name}}:{{.HostConfig.RestartPolicy.MaximumRetryCount}} {{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} {{.HostConfig.PidsLimit}}';
		assert.equal(await inspectField(name, fields), `on-failure:3 ${64 * 1024 ** 2} ${128 * 1024 ** 2} 500000000 50`);
		// Memory above the memory-and-swap limit: the engine refuses, in its words, and nothing changes.
		await session.sendKeys('u');
		await session.sendText('-m 256m');
		await session.sendKeys('Enter');
		await waitForBottom(session, new RegExp(`^Could not update ${name}: .*[Mm]emory`));
		assert.equal(await inspectField(name, '{{.HostConfig.Memory}}'), String(64 * 1024 ** 2));
		// Back to no policy: said as no, which the engine takes (an empty name would change nothing).
		await session.sendKeys('u');
		await session.sendText('--restart no');
		await session.sendKeys('Enter');
		await waitForBottom(session, `Updated ${name}: restart no.`);
		assert.equal(await inspectField(name, '{{.HostConfig.RestartPolicy.Name}}'), 'no');
		await session.sendKeys('u');
		await session.sendText('--restart on-failure:3');
		await session.sendKeys('Enter');
		await waitForBottom(session, `Updated ${name}: restart on-failure:3.`);
		// The details pane shows what changed.
		await session.sendKeys('Enter');
		const details = await session.waitFor(current => /^Restart policy\s+on-failure/m.test(current) && /^Memory\s+\S+ \/ 64MiB/m.test(current), slow);
		assert.match(details, /^Restart policy\s+on-failure:3 \(restarted 0 times\)$/m);
	});

	test('a failing action shows the engine\'s message', testTimeout, async () => {
		const name = await createExited('fail');
		const session = await berth.start();
		await select(session, name);
		await session.sendKeys('p');
		const screen = await waitForBottom(session, 'Could not pause');
		assert.match(statusText(screen), new RegExp(`Could not pause ${name}: .*is not running`));
		assert.equal(await inspectField(name, '{{.State.Status}}'), 'exited');
		assert.ok(await session.isAlive());
	});
});

describe('marks', {skip}, () => {
	test('three marked with Space and j, s asks once, y stops all three', testTimeout, async () => {
		const prefix = uniqueName('bulk');
		const names = [`${prefix}-a`, `${prefix}-b`, `${prefix}-c`];
		created.push(...names);
		for (const name of names) await runContainer({name, cmd: [...idleCmd]});
		const session = await berth.start();
		await session.waitFor(current => names.every(name => lineOf(current, name) !== ''), slow);
		await select(session, prefix, names[0]);
		assert.ok(lineOf(await session.capture(), names[0]!).startsWith('›'));

		await session.sendKeys('Space');
		await session.waitFor(current => isMarked(current, names[0]!));
		await session.sendKeys('j');
		await session.waitFor(current => lineOf(current, names[1]!).startsWith('›'));
		await session.sendKeys('Space');
		await session.waitFor(current => isMarked(current, names[1]!));
		await session.sendKeys('j');
		await session.waitFor(current => lineOf(current, names[2]!).startsWith('›'));
		await session.sendKeys('Space');
		const screen = await session.waitFor(current => names.every(name => isMarked(current, name)));
		assert.match(statusText(screen), /3 marked\./);

		await session.sendKeys('s');
		await waitForBottom(session, 'Stop 3 containers? y / N');
		await session.sendKeys('y');
		await waitForBottom(session, 'Stopped 3 containers.');
		for (const name of names) await waitForField(name, '{{.State.Status}}', 'exited');
		await session.waitFor(current => names.every(name => /Exited \(0\)/.test(lineOf(current, name)) && !isMarked(current, name)), slow);
	});

	test('* after a filter marks only the shown containers', testTimeout, async () => {
		const prefix = uniqueName('star');
		const shown = [`${prefix}-keep-1`, `${prefix}-keep-2`];
		const hidden = `${prefix}-other`;
		created.push(...shown, hidden);
		for (const name of [...shown, hidden]) await runContainer({name, cmd: [...idleCmd]});
		const session = await berth.start();
		await session.waitFor(current => [...shown, hidden].every(name => lineOf(current, name) !== ''), slow);
		await select(session, `${prefix}-keep`, shown[0]);
		await session.waitFor(current => lineOf(current, hidden) === '' && shown.every(name => lineOf(current, name) !== ''));

		await session.sendText('*');
		let screen = await session.waitFor(current => shown.every(name => isMarked(current, name)));
		assert.match(statusText(screen), /^2 marked\./);

		// Widen the filter again (the prompt starts from the kept filter): the hidden one was not marked.
		await session.sendText('/');
		await session.waitFor(current => statusText(current).startsWith(`/${prefix}-keep`));
		await session.sendKeys('BSpace', 'BSpace', 'BSpace', 'BSpace', 'BSpace');
		screen = await session.waitFor(current => lineOf(current, hidden) !== '');
		await session.sendKeys('Enter');
		screen = await session.waitFor(current => lineOf(current, hidden) !== '' && !statusText(current).startsWith('/'));
		assert.ok(shown.every(name => isMarked(screen, name)), 'the shown ones stay marked');
		assert.equal(isMarked(screen, hidden), false, 'the one the filter hid is not marked');

		await session.sendKeys('s');
		await waitForBottom(session, 'Stop 2 containers? y / N');
		await session.sendKeys('y');
		await waitForBottom(session, 'Stopped 2 containers.');
		for (const name of shown) await waitForField(name, '{{.State.Status}}', 'exited');
		assert.equal(await inspectField(hidden, '{{.State.Status}}'), 'running');
	});

	test('P marks the compose project; s and y stop both of its containers', testTimeout, async () => {
		const project = uniqueName('proj');
		const members = [`${project}-x-1`, `${project}-x-2`];
		const outsider = await runIdle('notproj');
		created.push(...members);
		for (const name of members) {
			await runContainer({
				name,
				args: ['--label', `com.docker.compose.project=${project}`, '--label', 'com.docker.compose.service=x'],
				cmd: [...idleCmd],
			});
		}

		const session = await berth.start();
		await session.waitFor(current => [...members, outsider].every(name => lineOf(current, name) !== ''), slow);
		await select(session, members[1]!);
		await session.sendText('P');
		await waitForBottom(session, `Marked the 2 containers of compose project ${project}.`);

		// Without the filter both members show as marked, the outsider not.
		await session.sendText('/');
		await session.waitFor(current => statusText(current).startsWith('/'));
		for (let index = 0; index < members[1]!.length; index++) await session.sendKeys('BSpace');
		await session.sendKeys('Enter');
		const screen = await session.waitFor(current => [...members, outsider].every(name => lineOf(current, name) !== ''), slow);
		assert.ok(members.every(name => isMarked(screen, name)), 'both members are marked');
		assert.equal(isMarked(screen, outsider), false);

		await session.sendKeys('s');
		await waitForBottom(session, 'Stop 2 containers? y / N');
		await session.sendKeys('y');
		await waitForBottom(session, 'Stopped 2 containers.');
		for (const name of members) await waitForField(name, '{{.State.Status}}', 'exited');
		assert.equal(await inspectField(outsider, '{{.State.Status}}'), 'running');
	});
});

describe('shell and attach', {skip}, () => {
	test('e opens a shell; exit returns to the list, and keys work again', testTimeout, async () => {
		const name = await runIdle('shell');
		const session = await berth.start();
		await select(session, name);

		await session.sendKeys('e');
		await session.waitFor(current => current.includes(`berth: shell in ${name}`) && /^\/ #/m.test(current), slow);
		await session.sendText('echo $((6*7))');
		await session.sendKeys('Enter');
		await session.waitFor(/^42$/m, slow);
		await session.sendText('exit');
		await session.sendKeys('Enter');

		let screen = await session.waitFor(current => lineOf(current, name) !== '' && /NAME\s+IMAGE\s+STATUS/.test(current), slow);
		screen = await waitForBottom(session, `Shell in ${name} closed.`);
		assert.ok(lineOf(screen, name).startsWith('›'), 'the same row is selected');
		assert.doesNotMatch(screen, /^\/ #/m, 'the shell is no longer on the screen');

		await session.sendText('/');
		await session.waitFor(current => statusText(current).startsWith('/'));
		await session.sendKeys('Escape');
		await session.waitFor(current => !statusText(current).startsWith('/') && lineOf(current, name) !== '');
		assert.equal(await inspectField(name, '{{.State.Status}}'), 'running');
	});

	test('e on an exited container says it is not running, and berth goes on', testTimeout, async () => {
		const name = await createExited('noshell');
		const session = await berth.start();
		await select(session, name);
		await session.sendKeys('e');
		const screen = await waitForBottom(session, 'not running');
		assert.match(statusText(screen), new RegExp(`${name} is not running`));
		assert.ok(lineOf(screen, name).startsWith('›'));
		await session.sendText('/');
		await session.waitFor(current => statusText(current).startsWith('/'));
		await session.sendKeys('Escape');
		await session.waitFor(current => lineOf(current, name) !== '' && !statusText(current).startsWith('/'));
	});

	test('a attaches; Ctrl-P Ctrl-Q detaches and the container keeps running', testTimeout, async () => {
		const name = uniqueName('attach');
		created.push(name);
		await runContainer({name, args: ['-i', '-t'], cmd: ['sh']});
		const session = await berth.start();
		await select(session, name);

		await session.sendKeys('a');
		await session.waitFor(`berth: attached to ${name}`, slow);
		await session.sendText('echo attached-$((6*7))');
		await session.sendKeys('Enter');
		await session.waitFor(/^attached-42$/m, slow);
		await session.sendKeys('C-p');
		await session.sendKeys('C-q');

		await session.waitFor(current => lineOf(current, name) !== '' && /NAME\s+IMAGE\s+STATUS/.test(current), slow);
		await waitForBottom(session, `Detached from ${name}.`);
		await new Promise(resolve => setTimeout(resolve, 500));
		assert.equal(await inspectField(name, '{{.State.Status}}'), 'running');
		assert.match(lineOf(await session.capture(), name), /\sUp /);
	});
});

describe('details, inspect and top panes', {skip}, () => {
	test('Enter, i and t show the container; secrets are masked until x; / searches; Esc goes back', testTimeout, async () => {
		const port = await freePort();
		const secret = `s3cr3t-${Date.now()}`;
		const name = await runIdle('pane', ['-p', `127.0.0.1:${port}:80`, '-e', `DB_PASSWORD=${secret}`, '-e', 'PLAIN_SETTING=visible']);
		const session = await berth.start();
		await select(session, name);

		// Details.
		await session.sendKeys('Enter');
		let screen = await session.waitFor(current => current.includes(`Details: ${name}`) && /^Environment\s/m.test(current), slow);
		assert.match(screen, /^Image\s+berth-test\/busybox:latest \([0-9a-f]{12}\)/m);
		assert.match(screen, /^Command\s+sh -c "trap /m);
		assert.match(screen, new RegExp(`^Ports\\s+127\\.0\\.0\\.1:${port}->80/tcp`, 'm'));
		assert.match(screen, /^\s+DB_PASSWORD=\*{6}$|^Environment\s+DB_PASSWORD=\*{6}$/m);
		assert.match(screen, /PLAIN_SETTING=visible/);
		assert.ok(!screen.includes(secret), 'the secret is masked');
		await session.sendKeys('x');
		screen = await session.waitFor(current => current.includes(`DB_PASSWORD=${secret}`));
		assert.match(statusText(screen), /Secret-looking values shown/);
		await session.sendKeys('x');
		screen = await session.waitFor(current => !current.includes(secret) && /DB_PASSWORD=\*{6}/.test(current));
		await session.sendKeys('Escape');
		screen = await session.waitFor(current => lineOf(current, name).startsWith('›') && !current.includes(`Details: ${name}`));

		// Inspect.
		await session.sendKeys('i');
		screen = await session.waitFor(current => current.includes(`Inspect: ${name}`) && current.includes('"Id":'), slow);
		await session.sendText('/');
		await session.waitFor(current => statusText(current).startsWith('/'));
		await session.sendText('DB_PASSWORD');
		await session.sendKeys('Enter');
		screen = await waitForBottom(session, /^Match 1 of 1 for "DB_PASSWORD" \(line \d+\)\./);
		assert.match(screen, /"DB_PASSWORD=\*{6}"/);
		assert.ok(!screen.includes(secret), 'inspect masks the secret too');
		await session.sendKeys('x');
		await session.waitFor(current => current.includes(`"DB_PASSWORD=${secret}"`));

		// A search with several matches, from the top: n moves on to the next, N back.
		await session.sendKeys('g');
		await session.waitFor(current => current.includes(`Inspect: ${name} (lines 1-`));
		await session.sendText('/');
		await session.waitFor(current => statusText(current).startsWith('/'));
		// The prompt starts from the kept search: clear it.
		for (let index = 0; index < 'DB_PASSWORD'.length; index++) await session.sendKeys('BSpace');
		await session.sendText(String(port));
		await session.sendKeys('Enter');
		screen = await waitForBottom(session, new RegExp(`^Match 1 of (\\d+) for "${port}"`));
		const total = Number(/Match 1 of (\d+)/.exec(statusText(screen))![1]);
		assert.ok(total >= 2, `the port is in PortBindings and NetworkSettings (${total} matches)`);
		await session.sendKeys('n');
		await waitForBottom(session, new RegExp(`^Match 2 of ${total} for "${port}"`));
		await session.sendKeys('N');
		await waitForBottom(session, new RegExp(`^Match 1 of ${total} for "${port}"`));
		await session.sendKeys('Escape');
		await session.waitFor(current => lineOf(current, name).startsWith('›') && !current.includes(`Inspect: ${name}`));

		// Top.
		await session.sendKeys('t');
		screen = await session.waitFor(current => current.includes(`Processes: ${name}`) && /sleep 3600/.test(current), slow);
		assert.match(screen, /PID/);
		await session.sendKeys('Escape');
		await session.waitFor(current => lineOf(current, name).startsWith('›') && !current.includes(`Processes: ${name}`));
		assert.equal(await inspectField(name, '{{.State.Status}}'), 'running');
	});
});

test(
	'a new search in a scrolled inspect pane jumps to its first match',
	{
		skip,
		...testTimeout,
	},
	async () => {
		const port = await freePort();
		const name = await runIdle('search', ['-p', `127.0.0.1:${port}:80`, '-e', 'DB_PASSWORD=x']);
		const session = await berth.start();
		await select(session, name);
		await session.sendKeys('i');
		await session.waitFor(current => current.includes(`Inspect: ${name}`) && current.includes('"Id":'), slow);
		// Config.Env comes after HostConfig.PortBindings (the first place the port is) and before NetworkSettings.
		await session.sendText('/DB_PASSWORD');
		await session.sendKeys('Enter');
		await waitForBottom(session, /^Match 1 of 1 for "DB_PASSWORD"/);
		await session.sendText('/');
		await session.waitFor(current => statusText(current).startsWith('/'));
		for (let index = 0; index < 'DB_PASSWORD'.length; index++) await session.sendKeys('BSpace');
		await session.sendText(String(port));
		await session.sendKeys('Enter');
		const screen = await waitForBottom(session, new RegExp(`^Match \\d+ of \\d+ for "${port}"`));
		assert.match(statusText(screen), new RegExp(`^Match 1 of 2 for "${port}"`));
	},
);

describe('--read-only', {skip}, () => {
	test('every mutating key answers with a message and no mutating request reaches the engine', testTimeout, async () => {
		const name = await runIdle('ro');
		const stopped = await createExited('ro-exited');
		const startedAt = await inspectField(name, '{{.State.StartedAt}}');
		const proxy = await startEngineProxy(testDockerHost);
		proxies.push(proxy);
		const session = await berth.start({host: proxy.dockerHost, args: ['--read-only']});
		await session.waitFor(current => lineOf(current, stopped) !== '', slow);
		await select(session, name);

		for (const key of ['s', 'S', 'r', 'p', 'K', 'd', 'e', 'a']) {
			await session.sendText(key);
			await waitForBottom(session, `Read-only mode: "${key}" would change what the engine holds, so it is off.`);
			await session.sendText('y');
		}

		// The reads still work.
		await session.sendKeys('Enter');
		await session.waitFor(current => current.includes(`Details: ${name}`) && /^Image\s/m.test(current), slow);
		await session.sendKeys('Escape');
		await session.waitFor(current => lineOf(current, name).startsWith('›'));
		await session.sendKeys('i');
		await session.waitFor(current => current.includes(`Inspect: ${name}`) && current.includes('"Id":'), slow);
		await session.sendKeys('Escape');
		await session.waitFor(current => lineOf(current, name).startsWith('›'));
		await session.sendKeys('t');
		await session.waitFor(current => current.includes(`Processes: ${name}`) && /sleep 3600/.test(current), slow);
		await session.sendKeys('Escape');
		await session.waitFor(current => lineOf(current, name).startsWith('›'));

		// An exited container too: S would start it.
		await session.sendKeys('Escape');
		await select(session, stopped);
		await session.sendText('S');
		await waitForBottom(session, 'Read-only mode: "S" would change what the engine holds, so it is off.');
		await session.sendText('y');
		await new Promise(resolve => setTimeout(resolve, 1000));

		assert.deepEqual(proxy.mutating(), [], 'no request but GET and HEAD');
		const requests = proxy.requests();
		assert.ok(requests.length > 0, 'berth talked to the engine through the proxy');
		assert.ok(requests.some(request => /^\/containers\/[^/]+\/json$/.test(request.route)), 'inspect was read');
		assert.ok(requests.some(request => /^\/containers\/[^/]+\/top$/.test(request.route)), 'top was read');
		assert.equal(await inspectField(name, '{{.State.Status}}'), 'running');
		assert.equal(await inspectField(name, '{{.State.StartedAt}}'), startedAt, 'not restarted');
		assert.equal(await inspectField(stopped, '{{.State.Status}}'), 'exited');
	});

	test('without --read-only the same proxy logs the POST that s sends', testTimeout, async () => {
		const name = await runIdle('rw');
		const id = await inspectField(name, '{{.Id}}');
		const proxy = await startEngineProxy(testDockerHost);
		proxies.push(proxy);
		const session = await berth.start({host: proxy.dockerHost});
		await select(session, name);
		assert.deepEqual(proxy.mutating(), [], 'nothing mutating before a key');
		await session.sendKeys('s');
		await waitForBottom(session, `Stopped ${name}.`);
		await waitForField(name, '{{.State.Status}}', 'exited');
		const mutating = proxy.mutating();
		assert.deepEqual(
			mutating.map(request => `${request.method} ${request.route}`),
			[`POST /containers/${id}/stop`],
		);
	});
});
