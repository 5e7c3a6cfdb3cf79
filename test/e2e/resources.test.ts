// End to end: the images, volumes, networks and events views, pulls from a loopback registry, and the run
// form, driven through the built CLI in tmux (160x48) and checked against the docker CLI.
import assert from 'node:assert/strict';
import {connect} from 'node:net';
import {after, afterEach, describe, test} from 'node:test';
import {formatHumanSize} from '../../source/format/diskUsage.js';
import {BerthSessions, statusText, waitUntil} from '../support/berth.js';
import {type EngineProxy, startEngineProxy} from '../support/engineProxy.js';
import {deleteTestImage, makeLayeredImage, type PushedImage, pushTestImage, registryHost, registrySkip, startThrottledProxy, type ThrottledProxy} from '../support/registry.js';
import {docker, dockerWith, engineSkip, freePort, idleCmd, isolatedEngine, removeTestContainers, runContainer, testDockerHost, testImage, uniqueName} from '../support/testEngine.js';
import type {TmuxSession} from '../support/tmux.js';

const skip = await engineSkip();
const pullSkip = skip || (await registrySkip());
// Prunes act on the whole engine: they run on an engine of this file's own, never on the shared one.
const pruneEngine = isolatedEngine('resources');
const pruneSkip = skip || (await pruneEngine.skip());

const created: string[] = [];
const images: string[] = [];
const volumes: string[] = [];
const networks: string[] = [];
const pushed: PushedImage[] = [];
const proxies: Array<EngineProxy | ThrottledProxy> = [];
after(async () => {
	if (!skip) {
		await removeTestContainers(created);
		for (const image of images) await docker('rmi', '-f', image).catch(() => undefined);
		for (const volume of volumes) await docker('volume', 'rm', '-f', volume).catch(() => undefined);
		for (const network of networks) await docker('network', 'rm', network).catch(() => undefined);
	}

	for (const image of pushed) await deleteTestImage(image);
	if (!pruneSkip) await pruneEngine.down();
});

/** Engine work and pulls take a while on slow machines. */
const slow = {timeoutMs: 20_000};
const testTimeout = {timeout: 180_000};
/** Polls of the engine or a port: every 100 ms, for as long as `slow` unless said. */
const enginePoll = {...slow, intervalMs: 100};

/** berth on the test engine (or the host given to start()), ready once its table shows NAME. */
const berth = new BerthSessions({ready: /NAME/, readyTimeoutMs: slow.timeoutMs});
afterEach(async () => {
	await berth.killAll();
	for (const proxy of proxies.splice(0)) await proxy.close();
});

function lines(screen: string): string[] {
	return screen.replace(/\n$/, '').split('\n');
}

/** A row of a list (gutter `› ` or two spaces) that holds `text` as a whole word. */
function rowOf(screen: string, text: string): string {
	const word = new RegExp(`(^|\\s)${escapeRegExp(text)}(\\s|,|$)`);
	return lines(screen).find(line => /^(›| ) /.test(line) && word.test(line)) ?? '';
}

function escapeRegExp(text: string): string {
	return text.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

async function waitForBottom(session: TmuxSession, pattern: RegExp | string, timeoutMs = slow.timeoutMs) {
	return session.waitFor(
		current => (typeof pattern === 'string' ? statusText(current).includes(pattern) : pattern.test(statusText(current))),
		{timeoutMs},
	);
}

async function waitForRow(session: TmuxSession, text: string, pattern: RegExp = /./) {
	return session.waitFor(current => pattern.test(rowOf(current, text)), slow);
}

/** `/TEXT` Enter: narrows the list to the matches and selects the row that shows `row` (default TEXT). */
async function select(session: TmuxSession, text: string, row = text) {
	await waitForRow(session, row);
	await session.sendText('/');
	await session.waitFor(current => statusText(current).startsWith('/'));
	await session.sendText(text);
	await session.sendKeys('Enter');
	await session.waitFor(current => rowOf(current, row).startsWith('›') && !statusText(current).startsWith('/'), slow);
}

async function imageExists(reference: string, engine = docker): Promise<boolean> {
	return engine('image', 'inspect', '--format', '{{.Id}}', reference).then(
		() => true,
		() => false,
	);
}

/** `docker images` as REPOSITORY:TAG lines. */
async function listedTags(): Promise<string[]> {
	return (await docker('images', '--format', '{{.Repository}}:{{.Tag}}')).split('\n');
}

async function createUser(prefix: string, image = testImage, args: string[] = []): Promise<string> {
	const name = uniqueName(prefix);
	created.push(name);
	await runContainer({name, image, args, cmd: [...idleCmd], create: true});
	return name;
}

async function runIdle(prefix: string, args: string[] = []): Promise<string> {
	const name = uniqueName(prefix);
	created.push(name);
	await runContainer({name, args, cmd: [...idleCmd]});
	return name;
}

/** An image of the test's own (testImage plus one layer), tagged `berth-t-img/NAME:1`. */
async function ownImage(prefix: string): Promise<{reference: string; id: string}> {
	const reference = `berth-t-img/${uniqueName(prefix)}:1`;
	const id = await makeLayeredImage(reference, {layers: 1, layerBytes: 100_000});
	images.push(id);
	return {reference, id};
}

const shortId = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const sizePattern = /^\d+(\.\d+)?(B|kB|MB|GB)$/;

describe('images view', {skip}, () => {
	test('2 lists images as docker images does, with the containers that use each; Enter shows the layers, i the inspect document', testTimeout, async () => {
		const busyboxUser = await createUser('imguse');
		const own = await ownImage('imgown');
		const ownUser = await createUser('imgownuse', own.reference);
		const [busyboxLine] = (await docker('images', '--format', '{{.ID}}|{{.Size}}', testImage)).split('\n');
		const [busyboxId, busyboxSize] = busyboxLine!.split('|');
		const [ownLine] = (await docker('images', '--format', '{{.ID}}|{{.Size}}', own.reference)).split('\n');
		const [ownId, ownSize] = ownLine!.split('|');

		const session = await berth.start();
		await session.sendKeys('2');
		let screen = await session.waitFor(current => /REPOSITORY\s+TAG\s+IMAGE ID\s+CREATED\s+SIZE\s+CONTAINERS/.test(current) && rowOf(current, 'berth-test/busybox') !== '', slow);
		assert.match(
			rowOf(screen, 'berth-test/busybox'),
			new RegExp(`^. berth-test/busybox\\s+latest\\s+${busyboxId}\\s+(\\S+ )+ago\\s+${escapeRegExp(busyboxSize!)}\\s`),
		);
		assert.match(busyboxSize!, sizePattern);
		screen = await waitForRow(session, own.reference.split(':')[0]!, new RegExp(`\\s${ownUser}$`));
		assert.match(
			rowOf(screen, own.reference.split(':')[0]!),
			new RegExp(`^. ${escapeRegExp(own.reference.split(':')[0]!)}\\s+1\\s+${ownId}\\s+(\\S+ )+ago\\s+${escapeRegExp(ownSize!)}\\s+${ownUser}$`),
			'one row per tag: REPOSITORY, TAG, IMAGE ID, CREATED, SIZE, and the container that uses it',
		);

		// Many test containers use testImage, so its CONTAINERS cell may be cut: the filter reads whole cells.
		await select(session, busyboxUser, 'berth-test/busybox');
		screen = await session.capture();
		assert.equal(rowOf(screen, own.reference.split(':')[0]!), '', `only the image that ${busyboxUser} uses is left`);
		await session.sendKeys('Escape');

		await select(session, own.reference.split(':')[0]!);
		await session.sendKeys('Enter');
		screen = await session.waitFor(current => /IMAGE\s+CREATED\s+SIZE\s+CREATED BY/.test(current) && current.includes('/layer-1'), slow);
		assert.match(screen, new RegExp(`Layers: ${escapeRegExp(own.reference)}`));
		const history = (await docker('history', '--format', '{{.ID}}|{{.Size}}|{{.CreatedBy}}', own.reference)).split('\n');
		assert.equal(history.length, 2, 'testImage\'s layer and ours');
		const paneLines = lines(screen);
		for (const entry of history) {
			const [id, size, createdBy] = entry.split('|');
			const line = paneLines.find(candidate => candidate.startsWith(id === '<missing>' ? '<missing>' : id!) && candidate.includes(` ${size!}  `));
			assert.ok(line, `a layer line for ${entry}:\n${screen}`);
			assert.match(line, /\sago\s/);
			if (createdBy) assert.ok(line.includes(createdBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, '')), `CREATED BY of ${entry}: ${line}`);
		}

		await session.sendKeys('Escape');
		await waitForRow(session, own.reference.split(':')[0]!);

		// i: its inspect document, as docker image inspect gives it.
		const fullId = (await docker('image', 'inspect', '--format', '{{.Id}}', own.reference)).trim();
		await session.sendKeys('i');
		screen = await session.waitFor(current => current.includes(`"Id": "${fullId}"`), slow);
		assert.match(screen, new RegExp(`Image inspect: ${escapeRegExp(own.reference)}`));
		assert.match(screen, /"RepoTags": \[/);
		await session.sendKeys('Escape');
		await waitForRow(session, own.reference.split(':')[0]!);
	});

	test('a dangling image shows as <none> <none> (dangling); D y prunes it and says what it reclaimed', {...testTimeout, skip: pruneSkip}, async () => {
		const reference = `berth-t-img/${uniqueName('dangle')}:1`;
		const first = await makeLayeredImage(reference, {layers: 1, layerBytes: 200_000, engine: pruneEngine});
		// The same name again: the first image keeps no name, and nothing builds on it.
		const second = await makeLayeredImage(reference, {layers: 1, layerBytes: 200_000, engine: pruneEngine});
		assert.notEqual(first, second);
		const dangling = (await pruneEngine.docker('images', '--filter', 'dangling=true', '--format', '{{.ID}}')).split('\n');
		assert.ok(dangling.includes(shortId(first)), `docker images lists ${first} as dangling`);

		const session = await berth.start({host: pruneEngine.dockerHost});
		await session.sendKeys('2');
		let screen = await waitForRow(session, shortId(first));
		assert.match(rowOf(screen, shortId(first)), new RegExp(`^. <none>\\s+<none>\\s+${shortId(first)}\\s+(\\S+ )+ago\\s+\\S+\\s+\\(dangling\\)$`));
		assert.match(rowOf(screen, shortId(second)), new RegExp(`^. ${escapeRegExp(reference.split(':')[0]!)}\\s+1\\s+${shortId(second)}\\s`));

		await session.sendKeys('D');
		screen = await waitForBottom(session, /^Prune \d+ dangling images? \(docker image prune\)\? y \/ N$/);
		await session.sendKeys('y');
		screen = await waitForBottom(session, /^Pruned \d+ dangling images?, reclaimed /);
		const summary = /^Pruned (\d+) dangling images?, reclaimed (\S+)\.$/.exec(statusText(screen));
		assert.ok(summary, statusText(screen));
		assert.ok(Number(summary[1]) >= 1, 'at least our dangling image');
		assert.match(summary[2]!, sizePattern);
		assert.notEqual(summary[2], '0B', 'its 200 kB layer was reclaimed');
		assert.equal(await imageExists(first, pruneEngine.docker.bind(pruneEngine)), false, 'the dangling image is gone');
		assert.equal(await imageExists(reference, pruneEngine.docker.bind(pruneEngine)), true, 'the named one stays');
		await session.waitFor(current => rowOf(current, shortId(first)) === '', slow);
	});

	test('d on an image in use: the engine refuses, berth offers force-removal, y force-removes the tag', testTimeout, async () => {
		const own = await ownImage('rmi');
		const user = await createUser('rmiuse', own.reference);
		const repository = own.reference.split(':')[0]!;
		const session = await berth.start();
		await session.sendKeys('2');
		await select(session, repository);

		await session.sendKeys('d');
		let screen = await waitForBottom(session, `Remove image ${own.reference}?`);
		assert.equal(statusText(screen), `Remove image ${own.reference}? It is used by ${user}. y / N`);
		await session.sendKeys('y');
		screen = await waitForBottom(session, /^Force-remove /);
		const question = statusText(screen);
		assert.match(question, /conflict|in use|being used/i, 'the engine\'s own words');
		assert.equal(await imageExists(own.reference), true, 'a refused removal leaves the image');
		await session.sendKeys('y');
		assert.ok(await waitUntil(async () => !(await listedTags()).includes(own.reference), enginePoll), `docker images no longer lists ${own.reference}`);
		await session.waitFor(current => rowOf(current, repository) === '', slow);
	});

	test(
		'the force-removal question puts the offer and y / N first, then the engine\'s words',
		testTimeout,
		async () => {
			const own = await ownImage('rmiq');
			await createUser('rmiquse', own.reference);
			const session = await berth.start();
			await session.sendKeys('2');
			await select(session, own.reference.split(':')[0]!);
			await session.sendKeys('d');
			await waitForBottom(session, `Remove image ${own.reference}?`);
			await session.sendKeys('y');
			const screen = await waitForBottom(session, /^Force-remove /);
			assert.match(statusText(screen), new RegExp(`^Force-remove ${escapeRegExp(own.reference)} \\(docker rmi -f\\)\\? y / N\\. The engine refused plain removal: `));
			assert.match(statusText(screen), /conflict|in use|being used/i);
			await session.sendKeys('n');
			await waitForBottom(session, 'Cancelled: nothing was changed.');
			assert.equal(await imageExists(own.reference), true, 'No keeps the image');
		},
	);

	test('d y on an image nothing uses removes it at once', testTimeout, async () => {
		const own = await ownImage('rmfree');
		const repository = own.reference.split(':')[0]!;
		const session = await berth.start();
		await session.sendKeys('2');
		await select(session, repository);
		await session.sendKeys('d');
		const screen = await waitForBottom(session, `Remove image ${own.reference}?`);
		assert.equal(statusText(screen), `Remove image ${own.reference}? y / N`);
		await session.sendKeys('y');
		await waitForBottom(session, `Untagged: ${own.reference}`);
		assert.ok(await waitUntil(async () => !(await imageExists(own.id)), enginePoll), 'the image is gone');
		assert.ok(!(await listedTags()).includes(own.reference));
		await session.waitFor(current => rowOf(current, repository) === '', slow);
	});
});

describe('pull', {skip: pullSkip}, () => {
	/** `p`, the name, Enter. */
	async function pull(session: TmuxSession, reference: string) {
		await session.sendKeys('p');
		await waitForBottom(session, /^pull \(repository\/name:tag\):/);
		await session.sendText(reference);
		await session.sendKeys('Enter');
	}

	test('p pulls by name: each layer\'s progress, then done, Pulled, and the image in the list', testTimeout, async () => {
		// Layers of 3 MB through a loopback proxy that sends 1.5 MB/s: the download lasts long enough to watch.
		const image = await pushTestImage(uniqueName('pull'), '1', {layers: 2, layerBytes: 3_000_000});
		pushed.push(image);
		const throttled = await startThrottledProxy(1_500_000);
		proxies.push(throttled);
		const reference = `${throttled.host}/${image.name}:${image.tag}`;
		images.push(reference);
		assert.equal(await imageExists(reference), false, 'not on the engine before the pull');

		const session = await berth.start();
		await session.sendKeys('2');
		await waitForRow(session, 'berth-test/busybox');
		await pull(session, reference);
		// While it runs: per layer how far it got, and overall how much is downloaded.
		let screen = await session.waitFor(
			current =>
				current.includes(`${reference}: pulling…`) &&
				/^[0-9a-f]{12}\s+Downloading \d+(\.\d+)?[kM]?B \/ \d+(\.\d+)?MB$/m.test(current) &&
				/^\d+ of 3 layers done, \S+ of \S+ downloaded$/m.test(current),
			{timeoutMs: 30_000, intervalMs: 20},
		);
		assert.match(screen, /^[0-9a-f]{12}\s+Already exists$/m, 'testImage\'s layer is on the engine already');

		screen = await session.waitFor(current => current.includes(`${reference}: done`), {timeoutMs: 60_000});
		assert.match(screen, new RegExp(`^Pull: ${escapeRegExp(reference)}`, 'm'));
		assert.match(screen, /^3 of 3 layers done/m);
		const layerLines = lines(screen).filter(line => /^[0-9a-f]{12}\s+\S/.test(line));
		assert.equal(layerLines.length, 3, `one line per layer:\n${screen}`);
		assert.equal(layerLines.filter(line => /\sPull complete$/.test(line)).length, 2, 'our two layers were downloaded');
		assert.match(screen, /^Status: Downloaded newer image for /m);
		await waitForBottom(session, `Pulled ${reference}.`, 60_000);
		assert.equal(await imageExists(reference), true, 'docker images has it');

		await session.sendKeys('Escape');
		screen = await waitForRow(session, `${throttled.host}/${image.name}`);
		const id = await docker('image', 'inspect', '--format', '{{.Id}}', reference);
		assert.match(rowOf(screen, `${throttled.host}/${image.name}`), new RegExp(`^. ${escapeRegExp(`${throttled.host}/${image.name}`)}\\s+1\\s+${shortId(id)}\\s`));
	});

	test('an image pulled by digest only shows its repository and the tag <none>, as docker images shows it', testTimeout, async () => {
		const image = await pushTestImage(uniqueName('bydigest'), '1', {layers: 1, layerBytes: 50_000});
		pushed.push(image);
		const manifest = await fetch(`http://${registryHost}/v2/${image.name}/manifests/${image.tag}`, {
			method: 'HEAD',
			headers: {Accept: 'application/vnd.docker.distribution.manifest.v2+json'},
			signal: AbortSignal.timeout(5000),
		});
		const digest = manifest.headers.get('docker-content-digest') ?? '';
		assert.match(digest, /^sha256:[a-f0-9]{64}$/);
		const repository = `${registryHost}/${image.name}`;
		images.push(`${repository}@${digest}`);
		await dockerWith({timeoutMs: 60_000}, 'pull', `${repository}@${digest}`);
		const listed = (await docker('images', '--format', '{{.Repository}} {{.Tag}}')).split('\n');
		assert.ok(listed.includes(`${repository} <none>`), `docker images: ${listed.join(', ')}`);

		const session = await berth.start();
		await session.sendKeys('2');
		const screen = await waitForRow(session, repository);
		const id = await docker('image', 'inspect', '--format', '{{.Id}}', `${repository}@${digest}`);
		assert.match(rowOf(screen, repository), new RegExp(`^. ${escapeRegExp(repository)}\\s+<none>\\s+${shortId(id)}\\s`));
	});

	test('a pull of an image the registry does not have shows the engine\'s error plainly', testTimeout, async () => {
		const reference = `${registryHost}/does-not-exist:1`;
		const session = await berth.start();
		await session.sendKeys('2');
		await waitForRow(session, 'berth-test/busybox');
		await pull(session, reference);
		const screen = await waitForBottom(session, `Pull of ${reference} failed: `);
		assert.match(statusText(screen), /not found|manifest unknown/);
		assert.match(screen, new RegExp(`^${escapeRegExp(reference)}: failed: .*(not found|manifest unknown)`, 'm'));
		assert.equal(await imageExists(reference), false);
	});

	test('a pull from a registry that does not answer shows the error plainly', testTimeout, async () => {
		const port = (await portIsClosed(5999)) ? 5999 : await freePort();
		const reference = `127.0.0.1:${port}/x:1`;
		const session = await berth.start();
		await session.sendKeys('2');
		await waitForRow(session, 'berth-test/busybox');
		await pull(session, reference);
		const screen = await waitForBottom(session, `Pull of ${reference} failed: `);
		assert.match(statusText(screen), /connection refused/);
		assert.match(screen, new RegExp(`^${escapeRegExp(reference)}: failed: .*connection refused`, 'm'));
	});

	test(
		'an invalid name is refused before any request',
		testTimeout,
		async () => {
			const proxy = await startEngineProxy(testDockerHost);
			proxies.push(proxy);
			const session = await berth.start({host: proxy.dockerHost});
			await session.sendKeys('2');
			await waitForRow(session, 'berth-test/busybox');
			proxy.clear();
			await pull(session, 'Bad/Name');
			const screen = await waitForBottom(session, /^Cannot pull: /, 5000);
			assert.match(statusText(screen), /lowercase/);
			await new Promise(resolve => setTimeout(resolve, 500));
			assert.deepEqual(proxy.mutating(), [], 'no request went to the engine');
		},
	);

	test('an invalid name sends no request to the engine', testTimeout, async () => {
		const proxy = await startEngineProxy(testDockerHost);
		proxies.push(proxy);
		const session = await berth.start({host: proxy.dockerHost});
		await session.sendKeys('2');
		await waitForRow(session, 'berth-test/busybox');
		proxy.clear();
		await pull(session, 'Bad/Name');
		await new Promise(resolve => setTimeout(resolve, 1000));
		assert.deepEqual(proxy.mutating(), [], 'no request went to the engine');
		assert.ok(!(await session.capture()).includes('Pull: '), 'no pull pane opened');
	});
});

async function portIsClosed(port: number): Promise<boolean> {
	return new Promise(resolve => {
		const socket = connect({host: '127.0.0.1', port});
		socket.once('connect', () => {
			socket.destroy();
			resolve(false);
		});
		socket.once('error', () => resolve(true));
	});
}

describe('volumes view', {skip}, () => {
	test('3 lists volumes with size and users; Enter details, i the inspect document; d refused while in use; d y removes an unused one', testTimeout, async () => {
		const used = uniqueName('vol');
		const unused = uniqueName('volfree');
		volumes.push(used, unused);
		await docker('volume', 'create', used);
		await docker('volume', 'create', unused);
		const user = await runIdle('voluse', ['-v', `${used}:/data`]);
		// 12345 bytes: docker system df -v says 12.35kB (four digits), where three would say 12.3kB.
		await docker('exec', user, 'sh', '-c', 'head -c 12345 /dev/urandom > /data/payload');
		const mountpoint = await docker('volume', 'inspect', '--format', '{{.Mountpoint}}', used);

		const session = await berth.start();
		await session.sendKeys('3');
		let screen = await session.waitFor(
			current => /DRIVER\s+VOLUME NAME\s+SIZE\s+CONTAINERS\s+MOUNTPOINT/.test(current) && /\s\d+(\.\d+)?(B|kB|MB)\s/.test(rowOf(current, used)),
			slow,
		);
		const row = rowOf(screen, used);
		const cells = new RegExp(`^. local\\s+${used}\\s+(\\S+)\\s+${user}\\s+${escapeRegExp(mountpoint)}$`).exec(row);
		assert.ok(cells, row);
		assert.match(cells[1]!, sizePattern);
		// docker system df -v agrees (both measure the volume's files).
		const df = await docker('system', 'df', '-v');
		const dfLine = df.split('\n').find(line => line.startsWith(`${used} `)) ?? '';
		assert.equal(dfLine.trim().split(/\s+/).at(-1), cells[1], `docker system df -v: ${dfLine}`);
		assert.equal(cells[1], '12.35kB');
		assert.match(rowOf(screen, unused), new RegExp(`^. local\\s+${unused}\\s+\\S+\\s+/`), 'an unused volume has no containers');

		await select(session, used);
		await session.sendKeys('Enter');
		screen = await session.waitFor(current => current.includes(`${user} -> /data (running)`), slow);
		assert.match(screen, new RegExp(`^Name\\s+${used}$`, 'm'));
		assert.match(screen, /^Driver\s+local$/m);
		assert.match(screen, new RegExp(`^Mountpoint\\s+${escapeRegExp(mountpoint)}$`, 'm'));
		assert.match(screen, /^Size\s+\d+(\.\d+)?(B|kB|MB)$/m);
		await session.sendKeys('Escape');

		// i: its inspect document, as docker volume inspect gives it.
		await waitForRow(session, used);
		await session.sendKeys('i');
		screen = await session.waitFor(current => current.includes(`"Mountpoint": "${mountpoint}"`), slow);
		assert.match(screen, new RegExp(`Volume inspect: ${used}`));
		assert.match(screen, new RegExp(`"Name": "${used}"`));
		await session.sendKeys('Escape');

		await waitForRow(session, used);
		await session.sendKeys('d');
		screen = await waitForBottom(session, `Remove volume ${used}?`);
		assert.equal(statusText(screen), `Remove volume ${used}? It is used by ${user}: the engine will refuse. y / N`);
		await session.sendKeys('y');
		screen = await waitForBottom(session, /volume is in use/);
		assert.match(statusText(screen), new RegExp(`^${used}: .*volume is in use`));
		assert.equal(await docker('volume', 'inspect', '--format', '{{.Name}}', used), used, 'the volume in use stays');

		await session.sendKeys('Escape');
		await select(session, unused);
		await session.sendKeys('d');
		screen = await waitForBottom(session, `Remove volume ${unused}?`);
		assert.equal(statusText(screen), `Remove volume ${unused}? y / N`);
		await session.sendKeys('y');
		await waitForBottom(session, `Removed volume ${unused}.`);
		assert.ok(!(await docker('volume', 'ls', '-q')).split('\n').includes(unused), 'docker volume ls no longer has it');
		await session.waitFor(current => rowOf(current, unused) === '', slow);
	});

	test('D y prunes the volumes no container uses', {...testTimeout, skip: pruneSkip}, async () => {
		const used = uniqueName('pvol');
		const unused = uniqueName('pvolfree');
		const user = uniqueName('pvoluse');
		await pruneEngine.docker('volume', 'create', used);
		await pruneEngine.docker('volume', 'create', unused);
		await pruneEngine.runContainer({name: user, args: ['-v', `${used}:/data`], cmd: [...idleCmd], create: true});
		try {
			const session = await berth.start({host: pruneEngine.dockerHost});
			await session.sendKeys('3');
			await waitForRow(session, unused);
			await waitForRow(session, used, new RegExp(`\\s${user}\\s`));
			await session.sendKeys('D');
			await waitForBottom(session, 'Prune every volume no container uses (docker volume prune)? y / N');
			await session.sendKeys('y');
			const screen = await waitForBottom(session, /^Pruned \d+ volumes?, reclaimed /);
			assert.match(statusText(screen), /^Pruned [1-9]\d* volumes?, reclaimed \d+(\.\d+)?(B|kB|MB|GB)\.$/);
			const left = (await pruneEngine.docker('volume', 'ls', '-q')).split('\n');
			assert.ok(!left.includes(unused), 'the unused volume is gone');
			assert.ok(left.includes(used), 'the volume in use stays');
			await session.waitFor(current => rowOf(current, unused) === '' && rowOf(current, used) !== '', slow);
		} finally {
			await pruneEngine.removeTestContainers([user]);
			await pruneEngine.docker('volume', 'rm', '-f', used, unused).catch(() => undefined);
		}
	});
});

describe('container prune', {skip: pruneSkip}, () => {
	test('D y in the containers view removes every stopped container, as docker container prune, and says what came back', testTimeout, async () => {
		const running = uniqueName('prunerun');
		const exited = uniqueName('pruneexit');
		const created = uniqueName('prunenew');
		await pruneEngine.runContainer({name: running, cmd: [...idleCmd]});
		await pruneEngine.runContainer({name: exited, cmd: ['sh', '-c', 'echo bytes > /written; exit 3']});
		await pruneEngine.runContainer({name: created, cmd: [...idleCmd], create: true});
		try {
			await pruneEngine.docker('wait', exited);
			const stopped = (await pruneEngine.docker('ps', '-a', '--filter', 'status=exited', '--filter', 'status=created', '-q')).split('\n').filter(Boolean).length;
			const session = await berth.start({host: pruneEngine.dockerHost});
			await waitForRow(session, exited, /Exited \(3\)/);
			await waitForRow(session, created, /Created/);
			await session.sendKeys('D');
			const question = await waitForBottom(session, /^Remove \d+ stopped containers? \(docker container prune\)\? y \/ N$/);
			assert.equal(/^Remove (\d+) /.exec(statusText(question))?.[1], String(stopped), 'the question counts what docker ps -a counts as stopped');
			await session.sendKeys('y');
			const screen = await waitForBottom(session, /^Pruned \d+ stopped containers?, reclaimed /);
			assert.match(statusText(screen), new RegExp(`^Pruned ${stopped} stopped containers?, reclaimed \\d+(\\.\\d+)?(B|kB|MB)\\.$`));
			const left = (await pruneEngine.docker('ps', '-a', '--format', '{{.Names}}')).split('\n');
			assert.ok(left.includes(running), 'the running container stays');
			assert.ok(!left.includes(exited) && !left.includes(created), 'the exited and the created containers are gone');
			await session.waitFor(current => rowOf(current, exited) === '' && rowOf(current, created) === '' && rowOf(current, running) !== '', slow);
		} finally {
			await pruneEngine.removeTestContainers([running, exited, created]);
		}
	});

	test('--read-only: D answers with a message and nothing is pruned', testTimeout, async () => {
		const exited = uniqueName('prunero');
		await pruneEngine.runContainer({name: exited, cmd: ['sh', '-c', 'exit 0']});
		try {
			await pruneEngine.docker('wait', exited);
			const session = await berth.start({host: pruneEngine.dockerHost, args: ['--read-only']});
			await waitForRow(session, exited, /Exited \(0\)/);
			await session.sendKeys('D');
			await waitForBottom(session, /^Read-only mode: "D" would change what the engine holds, so it is off\.$/);
			assert.ok((await pruneEngine.docker('ps', '-a', '--format', '{{.Names}}')).split('\n').includes(exited), 'the container is still there');
		} finally {
			await pruneEngine.removeTestContainers([exited]);
		}
	});
});

describe('networks view', {skip}, () => {
	test('4 lists networks with subnet, gateway and the attached containers\' addresses; Enter inspects', testTimeout, async () => {
		const network = uniqueName('net');
		networks.push(network);
		await docker('network', 'create', '--driver', 'bridge', network);
		const user = await runIdle('netuse', ['--network', network]);
		const subnet = await docker('network', 'inspect', '--format', '{{range .IPAM.Config}}{{.Subnet}}{{end}}', network);
		const gateway = await docker('network', 'inspect', '--format', '{{range .IPAM.Config}}{{.Gateway}}{{end}}', network);
		// Read only: the address is compared, never connected to.
		const address = await docker('inspect', '--format', `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`, user);
		const id = await docker('network', 'inspect', '--format', '{{.Id}}', network);
		assert.match(address, /^\d+\.\d+\.\d+\.\d+$/);

		const session = await berth.start();
		await session.sendKeys('4');
		const screen = await waitForRow(session, network, new RegExp(`\\s${user} `));
		assert.match(screen, /NETWORK ID\s+NAME\s+DRIVER\s+SCOPE\s+SUBNET\s+GATEWAY\s+CONTAINERS/);
		assert.match(
			rowOf(screen, network),
			new RegExp(`^. ${shortId(id)}\\s+${network}\\s+bridge\\s+local\\s+${escapeRegExp(subnet)}\\s+${escapeRegExp(gateway)}\\s+${user} ${escapeRegExp(address)}$`),
		);

		await select(session, network);
		await session.sendKeys('Enter');
		let pane = await session.waitFor(current => current.includes(`"Name": "${network}"`), slow);
		assert.match(pane, new RegExp(`"Id": "${id}"`));
		assert.match(pane, /"Driver": "bridge"/);
		// The attached container is further down: / searches the document.
		await session.sendText('/');
		await session.sendText(user);
		await session.sendKeys('Enter');
		pane = await session.waitFor(current => current.includes(`"IPv4Address": "${address}/`), slow);
		assert.match(pane, new RegExp(`"Name": "${user}"`));
		await session.sendKeys('Escape');
		await waitForRow(session, network);
	});

	test('d on a network in use: the engine refuses, in its words; d y on an unused one removes it', testTimeout, async () => {
		const used = uniqueName('netused');
		const unused = uniqueName('netfree');
		networks.push(used, unused);
		await docker('network', 'create', used);
		await docker('network', 'create', unused);
		const user = await runIdle('netuser', ['--network', used]);
		const session = await berth.start();
		await session.sendKeys('4');
		await waitForRow(session, used, new RegExp(`\\s${user} `));
		await select(session, used);
		await session.sendKeys('d');
		let screen = await waitForBottom(session, `Remove network ${used}?`);
		assert.match(statusText(screen), new RegExp(`^Remove network ${used}\\? It connects ${user} [\\d.]+\\. y / N$`));
		await session.sendKeys('y');
		screen = await waitForBottom(session, /active endpoints/);
		assert.match(statusText(screen), new RegExp(`^${used}: .*active endpoints`));
		assert.equal(await docker('network', 'inspect', '--format', '{{.Name}}', used), used, 'the network in use stays');

		await session.sendKeys('Escape');
		await select(session, unused);
		await session.sendKeys('d');
		screen = await waitForBottom(session, `Remove network ${unused}? y / N`);
		await session.sendKeys('y');
		await waitForBottom(session, `Removed network ${unused}.`);
		assert.ok(!(await docker('network', 'ls', '--format', '{{.Name}}')).split('\n').includes(unused), 'docker network ls no longer has it');
		await session.waitFor(current => rowOf(current, unused) === '', slow);
	});

	test('D y prunes the networks no container uses, and names them', {...testTimeout, skip: pruneSkip}, async () => {
		const used = uniqueName('pnet');
		const unused = uniqueName('pnetfree');
		const user = uniqueName('pnetuse');
		await pruneEngine.docker('network', 'create', used);
		await pruneEngine.docker('network', 'create', unused);
		await pruneEngine.runContainer({name: user, args: ['--network', used], cmd: [...idleCmd]});
		try {
			const session = await berth.start({host: pruneEngine.dockerHost});
			await session.sendKeys('4');
			await waitForRow(session, unused);
			await waitForRow(session, used, new RegExp(`\\s${user} `));
			await session.sendKeys('D');
			await waitForBottom(session, 'Prune every network no container uses (docker network prune)? y / N');
			await session.sendKeys('y');
			const screen = await waitForBottom(session, /^Pruned \d+ networks?/);
			assert.equal(statusText(screen), `Pruned 1 network: ${unused}.`);
			const left = (await pruneEngine.docker('network', 'ls', '--format', '{{.Name}}')).split('\n');
			assert.ok(!left.includes(unused), 'the unused network is gone');
			assert.ok(left.includes(used) && left.includes('bridge'), 'the network in use and the engine\'s own stay');
			await session.waitFor(current => rowOf(current, unused) === '' && rowOf(current, used) !== '', slow);
		} finally {
			await pruneEngine.removeTestContainers([user]);
			await pruneEngine.docker('network', 'rm', used, unused).catch(() => undefined);
		}
	});
});

describe('run form', {skip}, () => {
	/** R, then the fields in order (Tab between them); undefined leaves a field as it is. */
	async function fillForm(session: TmuxSession, fields: Array<string | undefined>) {
		await session.sendKeys('R');
		await session.waitFor(current => current.includes('Run a new container on'), slow);
		for (const [index, value] of fields.entries()) {
			if (index > 0) await session.sendKeys('Tab');
			if (value) await session.sendText(value);
		}
	}

	test('R: the form shows the docker run line; Enter starts the container, which is listed at once', testTimeout, async () => {
		const name = uniqueName('run');
		const volume = uniqueName('runvol');
		created.push(name);
		volumes.push(volume);
		const port = await freePort();
		const session = await berth.start();
		await fillForm(session, [testImage, name, 'httpd -f -p 80', `127.0.0.1:${port}:80`, 'GREETING=hello', `${volume}:/data`]);
		const line = `docker run -d --name ${name} -p 127.0.0.1:${port}:80 -e GREETING=hello -v ${volume}:/data ${testImage} httpd -f -p 80`;
		let screen = await session.waitFor(current => current.includes(line), slow);
		assert.match(screen, new RegExp(`^\\s+Image\\s+${escapeRegExp(testImage)}`, 'm'));

		await session.sendKeys('Enter');
		screen = await waitForBottom(session, `Started ${name}`);
		const started = Date.now();
		assert.ok(!screen.includes('Run a new container on'), 'the form closed');
		await session.sendKeys('1');
		screen = await session.waitFor(current => /\sUp /.test(rowOf(current, name)) && rowOf(current, name).includes(`127.0.0.1:${port}->80/tcp`), {timeoutMs: 5000});
		assert.ok(Date.now() - started < 5000, 'listed at once');

		assert.equal(await docker('inspect', '--format', '{{.State.Status}}', name), 'running');
		const env = (await docker('inspect', '--format', '{{range .Config.Env}}{{println .}}{{end}}', name)).split('\n');
		assert.ok(env.includes('GREETING=hello'), env.join(' '));
		assert.equal(await docker('inspect', '--format', '{{range .Mounts}}{{.Type}} {{.Name}} {{.Destination}}{{end}}', name), `volume ${volume} /data`);
		assert.equal(
			await docker('inspect', '--format', '{{range $p, $b := .HostConfig.PortBindings}}{{$p}} {{range $b}}{{.HostIp}}:{{.HostPort}}{{end}}{{end}}', name),
			`80/tcp 127.0.0.1:${port}`,
		);
		// Loopback only: the published port answers HTTP.
		let status = 0;
		assert.ok(
			await waitUntil(async () => {
				status = await fetch(`http://127.0.0.1:${port}/`, {signal: AbortSignal.timeout(2000)}).then(
					response => response.status,
					() => 0,
				);
				return status > 0;
			}, {...enginePoll, timeoutMs: 10_000}),
			'httpd answers on 127.0.0.1',
		);
		assert.ok(status >= 200 && status < 600);
	});

	test('an image given by its short or full ID runs, as docker run takes it', testTimeout, async () => {
		const id = await docker('image', 'inspect', '--format', '{{.Id}}', testImage);
		const session = await berth.start();
		for (const given of [shortId(id), id]) {
			const name = uniqueName('runid');
			created.push(name);
			await fillForm(session, [given, name, 'sleep 60']);
			await session.waitFor(current => current.includes(`docker run -d --name ${name} ${given} sleep 60`), slow);
			await session.sendKeys('Enter');
			await waitForBottom(session, `Started ${name}`);
			assert.equal(await docker('inspect', '--format', '{{.Image}}', name), id, `${given}: the container runs the test image`);
		}
	});

	test('bad input gets a precise message in the form, and nothing is created', testTimeout, async () => {
		const taken = await createUser('taken');
		const proxy = await startEngineProxy(testDockerHost);
		proxies.push(proxy);
		const session = await berth.start({host: proxy.dockerHost});
		await session.sendKeys('2');
		await waitForRow(session, 'berth-test/busybox');
		await session.sendKeys('1');
		const before = new Set((await docker('ps', '-aq', '--no-trunc')).split('\n'));
		const names: string[] = [];
		const cases: Array<{what: string; fields: Array<string | undefined>; message: RegExp}> = [
			{what: 'a port that is not a number', fields: [testImage, undefined, undefined, '80a:80'], message: /"80a:80": the host port "80a" is not a number/},
			{what: 'a name already taken', fields: [testImage, taken], message: new RegExp(`the name "${taken}" is already taken`)},
			{what: 'an image that is not there', fields: ['nosuch/image:1'], message: /no image nosuch\/image:1 on this engine/},
			{what: 'a malformed volume', fields: [testImage, undefined, undefined, undefined, undefined, 'data'], message: /"data" is not source:\/path\[:ro\]/},
		];
		for (const {what, fields, message} of cases) {
			if (fields[1] === undefined) {
				const name = uniqueName('bad');
				names.push(name);
				fields[1] = name;
			}

			proxy.clear();
			await fillForm(session, fields);
			await session.sendKeys('Enter');
			const screen = await session.waitFor(current => message.test(current), {timeoutMs: 5000}).catch(async (error: Error) => {
				throw new Error(`${what}: ${error.message}`);
			});
			assert.ok(screen.includes('Run a new container on'), `${what}: the form stays open`);
			await new Promise(resolve => setTimeout(resolve, 300));
			assert.deepEqual(
				proxy.mutating().map(request => `${request.method} ${request.route}`),
				[],
				`${what}: nothing was asked of the engine`,
			);
			await session.sendKeys('Escape');
			await waitForBottom(session, 'Run cancelled: nothing was created.');
		}

		const after = (await docker('ps', '-aq', '--no-trunc')).split('\n').filter(id => !before.has(id));
		for (const id of after) {
			const [name, image] = (await docker('inspect', '--format', '{{.Name}} {{.Config.Image}}', id).catch(() => '/gone -')).split(' ');
			assert.ok(!names.includes(name!.slice(1)) && image !== 'nosuch/image:1', `${name} was created from the form`);
		}

		for (const name of names) assert.equal(await docker('ps', '-aq', '--filter', `name=^/${name}$`), '', `no container ${name}`);
	});
});

describe('events view', {skip}, () => {
	test('5 lists the engine\'s recent events, newest first', testTimeout, async () => {
		const session = await berth.start();
		await session.sendKeys('5');
		await session.waitFor(/TIME\s+TYPE\s+ACTION\s+NAME\s+DETAILS/, slow);
		const name = await runIdle('events');
		await docker('rm', '-f', name);
		const screen = await session.waitFor(current => /\scontainer\s+destroy\s/.test(eventLines(current, name).join('\n')), slow);
		const actions = eventLines(screen, name).map(line => /\scontainer\s+(\S+)\s/.exec(line)?.[1] ?? '');
		const at = (action: string) => actions.indexOf(action);
		assert.ok(at('destroy') !== -1 && at('start') !== -1 && at('create') !== -1, `create, start and destroy of ${name}: ${actions.join(', ')}`);
		assert.ok(at('destroy') < at('start') && at('start') < at('create'), `newest first: ${actions.join(', ')}`);
		const createLine = eventLines(screen, name)[at('create')]!;
		assert.match(createLine, /^. \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+container\s+create\s/);
		assert.match(createLine, new RegExp(`image=${escapeRegExp(testImage)}`));
	});
});

function eventLines(screen: string, name: string): string[] {
	return lines(screen).filter(line => /^(›| ) /.test(line) && /\scontainer\s/.test(line) && new RegExp(`\\s${name}(\\s|$)`).test(line));
}

/** The engine's own `/system/df` answer (the API, not a CLI's arithmetic), from the test engine's socket. */
async function engineDiskUsage(): Promise<{
	LayersSize: number;
	Images: Array<{Size: number; SharedSize: number; Containers: number}>;
}> {
	const {request} = await import('node:http');
	const socketPath = testDockerHost.replace(/^unix:\/\//, '');
	return new Promise((resolve, reject) => {
		const call = request({socketPath, path: '/system/df', method: 'GET'}, response => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => {
				body += chunk;
			});
			response.on('end', () => {
				try {
					resolve(JSON.parse(body));
				} catch (error) {
					reject(error instanceof Error ? error : new Error(String(error)));
				}
			});
		});
		call.on('error', reject);
		call.end();
	});
}

/** The cells of a `docker system df` table row: the CLI's apart by two spaces or more, berth's in boxes (`│`). */
function dfCells(text: string, type: string): string[] {
	const line = lines(text).find(candidate => candidate.replace(/^[\s│]+/, '').startsWith(`${type} `)) ?? '';
	const cells = line.includes('│') ? line.split('│').map(cell => cell.trim()) : line.trim().split(/\s{2,}/);
	return cells.filter(Boolean).slice(1);
}

describe('disk usage', {skip: skip || !testDockerHost.startsWith('unix://')}, () => {
	test('U shows docker system df: paused containers are active, images reclaim Size - SharedSize of the unused ones', testTimeout, async () => {
		// An image no container uses that shares its base layer with the test image, and containers in each state.
		await ownImage('dfshared');
		const paused = await runIdle('dfpaused');
		await docker('pause', paused);
		await runIdle('dfrunning');
		const exited = await runIdle('dfexited');
		await docker('stop', '-t', '0', exited);
		await createUser('dfcreated');

		const session = await berth.start();
		await session.sendKeys('U');
		const screen = await session.waitFor(current => dfCells(current, 'Build Cache').length === 4 && /TYPE\W+TOTAL\W+ACTIVE\W+SIZE\W+RECLAIMABLE/.test(current), slow);
		const cli = await docker('system', 'df');
		// The docker CLI here (28) words containers, volumes and build cache as docker 29 does.
		for (const type of ['Containers', 'Local Volumes', 'Build Cache']) {
			assert.deepEqual(dfCells(screen, type), dfCells(cli, type), `${type}: berth\n${screen}\ndocker system df\n${cli}`);
		}

		const states = (await docker('ps', '-a', '--format', '{{.State}}')).split('\n');
		const active = states.filter(state => ['running', 'paused', 'restarting'].includes(state)).length;
		assert.ok(states.includes('paused'));
		assert.equal(dfCells(screen, 'Containers')[1], String(active), 'paused and running containers are ACTIVE');

		// Images: TOTAL, ACTIVE and SIZE as the CLI; RECLAIMABLE as docker 29 adds it up from the engine's answer.
		const images = dfCells(screen, 'Images');
		assert.deepEqual(images.slice(0, 3), dfCells(cli, 'Images').slice(0, 3), `Images:\n${screen}\n${cli}`);
		const usage = await engineDiskUsage();
		const reclaimable = usage.Images.filter(image => image.Containers === 0 && image.Size !== -1 && image.SharedSize !== -1).reduce(
			(sum, image) => sum + image.Size - image.SharedSize,
			0,
		);
		assert.ok(usage.Images.some(image => image.Containers === 0 && image.SharedSize > 0), 'an unused image shares layers');
		assert.equal(images[3], `${formatHumanSize(reclaimable)} (${Math.trunc((reclaimable * 100) / usage.LayersSize)}%)`);
	});
});

describe('natural order', {skip}, () => {
	test('containers and volumes named NAME-2 and NAME-10 are listed 2 before 10, as docker volume ls lists them', testTimeout, async () => {
		const prefix = uniqueName('nat');
		const names = [`${prefix}-10`, `${prefix}-2`, `${prefix}-1`];
		for (const name of names) {
			created.push(name);
			await runContainer({name, cmd: [...idleCmd], create: true});
			volumes.push(name);
			await docker('volume', 'create', name);
		}

		const expected = [`${prefix}-1`, `${prefix}-2`, `${prefix}-10`];
		const cliVolumes = (await docker('volume', 'ls', '--format', '{{.Name}}')).split('\n').filter(name => name.startsWith(prefix));
		assert.deepEqual(cliVolumes, expected, 'docker volume ls: natural order');

		const session = await berth.start();
		const order = (screen: string) =>
			lines(screen)
				.filter(line => /^(›| ) /.test(line))
				.map(line => line.slice(2).split(/\s+/).find(word => word.startsWith(prefix)) ?? '')
				.filter(Boolean);
		await session.sendText('/');
		await session.sendText(prefix);
		await session.sendKeys('Enter');
		// Sorted by name (o: project, then name), and by project (the default): standalone containers by name.
		let screen = await session.waitFor(current => order(current).length === 3, slow);
		assert.deepEqual(order(screen), expected, screen);
		await session.sendKeys('o');
		screen = await session.waitFor(current => /sort: name/.test(current) && order(current).length === 3, slow);
		assert.deepEqual(order(screen), expected, screen);

		await session.sendKeys('3');
		await session.sendText('/');
		await session.sendText(prefix);
		await session.sendKeys('Enter');
		screen = await session.waitFor(current => /VOLUME NAME/.test(current) && order(current).length === 3, slow);
		assert.deepEqual(order(screen), expected, screen);
	});
});
