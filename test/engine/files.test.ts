// The archive calls against the real test engine: listing, reading, copying out and in, a volume's files.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {describeEngineError} from '../../source/engine/errors.js';
import type {Readable} from 'node:stream';
import tarStream from 'tar-stream';
import {extractArchive, helperLabel, readArchive, relativeToRoot, resolveLink} from '../../source/engine/files.js';
import {connectTestEngine} from '../support/berth.js';
import {docker, engineSkip, idleCmd, removeTestContainers, runContainer, uniqueName} from '../support/testEngine.js';

const skip = await engineSkip();
const created: string[] = [];
const volumes: string[] = [];
const scratch = mkdtempSync(path.join(tmpdir(), 'berth-files-'));
after(async () => {
	rmSync(scratch, {recursive: true, force: true});
	if (skip) return;
	await removeTestContainers(created);
	for (const volume of volumes) await docker('volume', 'rm', '-f', volume).catch(() => undefined);
});

test('names inside an archive are taken relative to its root entry', () => {
	assert.equal(relativeToRoot('etc', 'etc/'), '');
	assert.equal(relativeToRoot('etc', 'etc/hostname'), 'hostname');
	assert.equal(relativeToRoot('', '/bin/'), 'bin');
	assert.equal(relativeToRoot('etc', 'etcetera/x'), undefined);
	assert.equal(resolveLink('/bin/sh', 'busybox'), '/bin/busybox');
	assert.equal(resolveLink('/var/run', '/run'), '/run');
});

test('an archive cannot write outside its target, nor through a link it wrote; links are kept as they are', async () => {
	const outside = path.join(scratch, 'outside');
	mkdirSync(outside);
	const pack = tarStream.pack();
	pack.entry({name: 'data/', type: 'directory', mode: 0o755});
	pack.entry({name: 'data/mtab', type: 'symlink', linkname: '/proc/mounts'});
	pack.entry({name: 'data/escape', type: 'symlink', linkname: outside});
	pack.entry({name: 'data/escape/owned', mode: 0o644}, 'no');
	pack.finalize();
	const target = path.join(scratch, 'extracted');
	await assert.rejects(extractArchive(pack as unknown as Readable, target), /outside/);
	assert.equal(readlinkSync(path.join(target, 'mtab')), '/proc/mounts');
	assert.equal(existsSync(path.join(outside, 'owned')), false);
});

test('only what is needed of an archive is read: a file\'s first bytes, a directory up to a limit', async () => {
	const archive = (entries: Array<[string, string | undefined]>) => {
		const pack = tarStream.pack();
		for (const [name, body] of entries) pack.entry(body === undefined ? {name, type: 'directory'} : {name}, body);
		pack.finalize();
		return pack as unknown as Readable;
	};

	const big = 'x'.repeat(100_000);
	const file = await readArchive(archive([['log', big]]), 10);
	assert.deepEqual(file.kind === 'file' && [file.size, file.bytes.toString(), file.partial], [100_000, 'xxxxxxxxxx', true]);
	const small = await readArchive(archive([['note', 'hi\n']]), 10);
	assert.deepEqual(small.kind === 'file' && [small.bytes.toString(), small.partial], ['hi\n', false]);
	const whole = await readArchive(archive([['d/', undefined], ['d/a', big], ['d/b', big], ['d/c', big]]), 10);
	assert.deepEqual(whole.kind === 'directory' && [whole.entries.map(entry => entry.name), whole.cut], [['a', 'b', 'c'], false]);
	const cut = await readArchive(archive([['d/', undefined], ['d/a', big], ['d/b', big], ['d/c', big]]), 10, 150_000);
	assert.deepEqual(cut.kind === 'directory' && [cut.entries.map(entry => entry.name), cut.cut], [['a', 'b'], true]);
});

test('lists /etc and reads /etc/hostname of a running and a stopped container', {skip}, async () => {
	const engine = connectTestEngine();
	const name = uniqueName('files');
	created.push(name);
	await runContainer({name, cmd: [...idleCmd]});
	const listing = await engine.files.read({container: name}, '/etc', 4096);
	assert.equal(listing.kind, 'directory');
	const names = listing.kind === 'directory' ? listing.entries.map(entry => entry.name) : [];
	assert.ok(names.includes('hostname'), names.join(' '));
	const hostname = await engine.files.read({container: name}, '/etc/hostname', 4096);
	assert.equal(hostname.kind, 'file');
	const id = (await docker('inspect', '--format', '{{.Config.Hostname}}', name)).trim();
	assert.equal(hostname.kind === 'file' ? hostname.bytes.toString('utf8').trim() : '', id);

	const root = await engine.files.read({container: name}, '/', 4096);
	assert.ok(root.kind === 'directory' && root.entries.some(entry => entry.name === 'bin' && entry.type === 'directory'));
	// A link to a file is followed: /bin/sh is busybox, read in part.
	const shell = await engine.files.read({container: name}, '/bin/sh', 16);
	assert.ok(shell.kind === 'file' && shell.path === '/bin/busybox' && shell.partial && shell.bytes.length === 16);

	await docker('stop', name);
	const stopped = await engine.files.read({container: name}, '/etc', 4096);
	assert.ok(stopped.kind === 'directory' && stopped.entries.some(entry => entry.name === 'hostname'));
	await assert.rejects(engine.files.read({container: name}, '/no/such/path', 10), error => {
		assert.match(describeEngineError(error), /Could not find the file \/no\/such\/path/);
		return true;
	});
});

test('copies a directory out as docker cp does, and a file in', {skip}, async () => {
	const engine = connectTestEngine();
	const name = uniqueName('copy');
	created.push(name);
	await runContainer({name, cmd: ['sh', '-c', 'mkdir -p /data/sub && echo one > /data/a && echo two > /data/sub/b && ln -s a /data/link && ln -s /proc/mounts /data/mtab && ln /data/a /data/hard && trap "exit 0" TERM; while :; do sleep 1; done']});
	await new Promise(resolve => setTimeout(resolve, 500));
	const mine = path.join(scratch, 'mine');
	await engine.files.copyOut({container: name}, '/data', mine, {overwrite: false});
	const theirs = path.join(scratch, 'theirs');
	await docker('cp', `${name}:/data`, theirs);
	execFileSync('diff', ['-r', '--no-dereference', mine, theirs]);
	await assert.rejects(engine.files.copyOut({container: name}, '/data', mine, {overwrite: false}), /exists/);
	await engine.files.copyOut({container: name}, '/data/a', path.join(scratch, 'single'), {overwrite: false});
	assert.equal(readFileSync(path.join(scratch, 'single'), 'utf8'), 'one\n');

	const local = path.join(scratch, 'upload');
	mkdirSync(local);
	writeFileSync(path.join(local, 'note.txt'), 'hello from berth\n');
	await engine.files.copyIn(name, local, '/tmp');
	assert.equal((await docker('exec', name, 'cat', '/tmp/upload/note.txt')).trim(), 'hello from berth');
	await assert.rejects(engine.files.copyIn(name, local, '/no/such/dir'), error => {
		assert.match(describeEngineError(error), /no such|not found|Could not find/i);
		return true;
	});
});

test('lists a volume through a helper container that is gone afterwards', {skip}, async () => {
	const engine = connectTestEngine();
	const volume = uniqueName('vol');
	volumes.push(volume);
	await docker('volume', 'create', volume);
	const writer = uniqueName('writer');
	created.push(writer);
	await runContainer({name: writer, args: ['-v', `${volume}:/v`], cmd: ['sh', '-c', 'echo hi > /v/a.txt && mkdir /v/d'], detach: false});
	const listing = await engine.files.read({volume}, '/', 4096);
	assert.deepEqual(listing.kind === 'directory' ? listing.entries.map(entry => `${entry.name}:${entry.type}`).sort() : [], ['a.txt:file', 'd:directory']);
	const text = await engine.files.read({volume}, '/a.txt', 4096);
	assert.equal(text.kind === 'file' ? text.bytes.toString() : '', 'hi\n');
	assert.equal((await docker('ps', '-aq', '--filter', `label=${helperLabel}`)).trim(), '');
	// While one exists, it is not listed among the containers.
	const leftover = (await docker('create', '--label', `${helperLabel}=test`, '--label', 'berth.test=1', '--name', `${writer}-helper`, 'berth-test/busybox:latest', 'true')).trim();
	created.push(`${writer}-helper`);
	assert.equal((await engine.containers.list()).some(record => record.id === leftover), false);
});
