// End to end: the files pane of a busybox container (running and stopped) and of a volume, driven through the
// built CLI in tmux and checked against docker cp, docker exec cat and docker ps.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, afterEach, test} from 'node:test';
import {helperLabel} from '../../source/engine/files.js';
import {BerthSessions, statusText} from '../support/berth.js';
import {docker, engineSkip, idleCmd, removeTestContainers, runContainer, uniqueName} from '../support/testEngine.js';
import type {TmuxSession} from '../support/tmux.js';

const skip = await engineSkip();
const created: string[] = [];
const volumes: string[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'berth-e2e-files-'));
after(async () => {
	rmSync(scratch, {recursive: true, force: true});
	if (skip) return;
	await removeTestContainers(created);
	for (const volume of volumes) await docker('volume', 'rm', '-f', volume).catch(() => undefined);
});

// Generous: the machine may be loaded by other test runs.
const slow = {timeoutMs: 45_000};
const berth = new BerthSessions({ready: /NAME/, readyTimeoutMs: slow.timeoutMs});
afterEach(async () => berth.killAll());

const lines = (screen: string) => screen.replace(/\n$/, '').split('\n');
const selectedLine = (screen: string) => lines(screen).find(line => line.startsWith('› ')) ?? '';

/** `/TEXT` Enter in a list: the row of TEXT is selected. */
async function filterTo(session: TmuxSession, text: string) {
	await session.waitFor(text, slow);
	await session.sendText('/');
	await session.sendText(text);
	await session.sendKeys('Enter');
	await session.waitFor(screen => selectedLine(screen).includes(text) && !statusText(screen).startsWith('/'), slow);
}

/** Moves the files pane's selection down to the entry NAME (a directory shows as NAME/). */
async function selectEntry(session: TmuxSession, name: string) {
	const wanted = new RegExp(`\\s${name.replaceAll('.', '\\.')}/?$`);
	for (let step = 0; step < 40; step++) {
		const screen = await session.capture();
		if (wanted.test(selectedLine(screen))) return;
		await session.sendKeys('j');
		await session.waitFor(current => current !== screen, {timeoutMs: 5000}).catch(() => undefined);
	}

	throw new Error(`no entry ${name} in the files pane:\n${await session.capture()}`);
}

test('a busybox container: /etc listed, /etc/hostname shown, a directory copied out as docker cp does, a file copied in', {skip, timeout: 120_000}, async () => {
	const name = uniqueName('files');
	created.push(name);
	await runContainer({name, cmd: [...idleCmd]});
	const hostname = (await docker('inspect', '--format', '{{.Config.Hostname}}', name)).trim();
	const session = await berth.start();
	await filterTo(session, name);
	await session.sendText('f');
	await session.waitFor(screen => screen.includes(`Files: ${name}`) && /^\/ {2}\(\d+ entries\)/m.test(screen), slow);

	await selectEntry(session, 'etc');
	await session.sendKeys('Enter');
	const etc = await session.waitFor(screen => /^\/etc {2}\(\d+ entries\)/m.test(screen) && screen.includes('hostname'), slow);
	assert.match(etc, /-rw-r--r--\s+\d+B\s+\d{4}-\d\d-\d\d \d\d:\d\d {2}hostname$/m);
	await selectEntry(session, 'hostname');
	await session.sendKeys('Enter');
	const file = await session.waitFor(screen => screen.includes('/etc/hostname') && screen.includes(hostname), slow);
	assert.ok(lines(file).includes(hostname), 'the file\'s own line');

	// Back to /, then /etc copied out next to docker cp's copy.
	await session.sendKeys('Escape');
	await session.waitFor(screen => /^\/etc {2}\(/m.test(screen));
	await session.sendKeys('BSpace');
	await session.waitFor(screen => /^\/ {2}\(/m.test(screen) && /etc\/$/.test(selectedLine(screen)), slow);
	const mine = path.join(scratch, 'etc-berth');
	await session.sendText('c');
	await session.waitFor(screen => statusText(screen).includes('copy /etc out to (a path here): ./etc'));
	await session.sendKeys('C-u');
	await session.sendText(mine);
	await session.sendKeys('Enter');
	await session.waitFor(`Copied ${name}:/etc to ${mine}.`, slow);
	const theirs = path.join(scratch, 'etc-docker');
	await docker('cp', `${name}:/etc`, theirs);
	execFileSync('diff', ['-r', '--no-dereference', mine, theirs]);

	// Copying out again over it is asked about first.
	await session.sendText('c');
	await session.sendKeys('C-u');
	await session.sendText(mine);
	await session.sendKeys('Enter');
	await session.waitFor(`${mine} exists: copy over it`, slow);
	await session.sendText('n');
	await session.waitFor(screen => statusText(screen).includes('Cancelled') && screen.includes(`Files: ${name}`));

	// A file of this machine into /tmp, read back with docker exec cat.
	const local = path.join(scratch, 'note.txt');
	writeFileSync(local, 'copied in by berth\n');
	await selectEntry(session, 'tmp');
	await session.sendKeys('Enter');
	await session.waitFor(screen => /^\/tmp {2}\(/m.test(screen), slow);
	await session.sendText('C');
	await session.waitFor(screen => statusText(screen).includes('copy into /tmp from (a path here):'));
	await session.sendText(local);
	await session.sendKeys('Enter');
	await session.waitFor(screen => screen.includes(`Copied ${local} into ${name}:/tmp.`) && /note\.txt$/m.test(screen), slow);
	assert.equal((await docker('exec', name, 'cat', '/tmp/note.txt')).trim(), 'copied in by berth');

	// A stopped container is read the same way.
	await docker('stop', name);
	await session.sendKeys('Escape');
	await session.waitFor(screen => /Exited/.test(selectedLine(screen)), slow);
	await session.sendText('f');
	await session.waitFor(screen => /^\/ {2}\(\d+ entries\)/m.test(screen) && screen.includes('etc/'), slow);
	await session.sendKeys('C-c');
});

test('a volume\'s files are listed through a helper container that is gone afterwards', {skip, timeout: 120_000}, async () => {
	const volume = uniqueName('vol');
	volumes.push(volume);
	await docker('volume', 'create', volume);
	const writer = uniqueName('writer');
	created.push(writer);
	await runContainer({name: writer, args: ['-v', `${volume}:/v`], cmd: ['sh', '-c', 'echo kept > /v/kept.txt && mkdir /v/sub'], detach: false});
	const session = await berth.start();
	await session.sendText('3');
	await filterTo(session, volume);
	await session.sendText('f');
	const screen = await session.waitFor(current => current.includes(`Files: ${volume}`) && /kept\.txt$/m.test(current), slow);
	assert.match(screen, /sub\/$/m);
	await selectEntry(session, 'kept.txt');
	await session.sendKeys('Enter');
	await session.waitFor(current => lines(current).includes('kept'), slow);
	assert.equal((await docker('ps', '-aq', '--filter', `label=${helperLabel}`)).trim(), '', 'no helper container is left');
	await session.sendText('C');
	await session.waitFor(current => statusText(current).includes('read-only'));
});
