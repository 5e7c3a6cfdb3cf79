// A hung engine among two others (issue #21): its dockerd frozen with SIGSTOP (its own pid, nothing else),
// berth says it is not answering, marks what it cannot confirm as stale, says a pending stop waits for it,
// and keeps the other two engines live and its keys answered; after SIGCONT it resyncs and says nothing stale.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {after, afterEach, test} from 'node:test';
import {selectEngines} from '../../source/engine/contexts.js';
import {BerthSessions, statusText} from '../support/berth.js';
import {engineSkip, idleCmd, isolatedEngine, removeTestContainers, runContainer, type TestEngine, testDockerHost, uniqueName} from '../support/testEngine.js';
import type {TmuxSession} from '../support/tmux.js';

const live = isolatedEngine('trust-live');
const hung = isolatedEngine('trust-hung');
const skip = (await engineSkip()) || (await live.skip()) || (await hung.skip());
const berth = new BerthSessions();
const created: string[] = [];
let frozen: number | undefined;

/** The dockerd of that engine, by its own pidfile, checked against its command line: never another process. */
function daemonPid(engine: TestEngine): number {
	const pid = Number(fs.readFileSync(`${engine.dir}/docker.pid`, 'utf8').trim());
	const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
	assert.ok(cmdline.includes('dockerd') && cmdline.includes(engine.dir), `pid ${pid} is the dockerd of ${engine.dir}: ${cmdline}`);
	return pid;
}

function wake(): void {
	if (frozen !== undefined) process.kill(frozen, 'SIGCONT');
	frozen = undefined;
}

afterEach(async () => {
	wake();
	await berth.killAll();
});
after(async () => {
	wake();
	if (skip) return;
	await removeTestContainers(created);
	await live.removeTestContainers();
	await hung.removeTestContainers();
	await live.down();
	await hung.down();
});

const slow = {timeoutMs: 20_000};
const linesOf = (screen: string) => screen.replace(/\n$/, '').split('\n');
const headerLine = (screen: string) => linesOf(screen)[0] ?? '';
const rowOf = (screen: string, name: string) => linesOf(screen).find(line => /^.[ *]\S/.test(line) && line.includes(` ${name} `)) ?? '';
const pointed = (screen: string) => linesOf(screen).find(line => line.startsWith('›')) ?? '';

/** Time from sending a key to the screen showing its effect (polled every 10 ms). */
async function timeKey(session: TmuxSession, key: string, changed: (screen: string) => boolean): Promise<number> {
	const started = Date.now();
	await session.sendText(key);
	await session.waitFor(changed, {timeoutMs: 5000, intervalMs: 10});
	return Date.now() - started;
}

test('a frozen engine is shown as not answering and stale, the others stay live, and it recovers', {skip, timeout: 180_000}, async () => {
	const prefix = uniqueName('hung');
	const onA = `${prefix}-a`;
	const onLive = `${prefix}-live`;
	const onHung = `${prefix}-hung`;
	created.push(onA);
	await runContainer({name: onA, cmd: [...idleCmd]});
	await live.runContainer({name: onLive, cmd: [...idleCmd]});
	await hung.runContainer({name: onHung, cmd: [...idleCmd]});
	const hosts = [testDockerHost, live.dockerHost, hung.dockerHost];
	const chosen = selectEngines({hosts, contexts: [], allContexts: false}, {});
	assert.ok(chosen.ok);
	const [, liveName, hungName] = chosen.engines.map(engine => engine.name) as [string, string, string];

	const session = await berth.start({host: hosts, width: 200, height: 40});
	const first = await session.waitFor(current => [onA, onLive, onHung].every(name => /\sUp /.test(rowOf(current, name))), slow);
	// Every engine up before the freeze (a loaded machine can be slow to connect).
	const ready = await session.waitFor(current => [liveName, hungName].every(name => headerLine(current).includes(`${name}: up`)) && !current.includes('unreachable') && /\d%/.test(rowOf(current, onHung)), slow).catch(() => undefined);
	assert.ok(ready, `every engine up before the freeze: ${headerLine(first)}`);
	await session.sendText('/');
	await session.sendText(prefix);
	await session.sendKeys('Enter');
	await session.waitFor(current => pointed(current) !== '' && !statusText(current).startsWith('/'), slow);

	frozen = daemonPid(hung);
	process.kill(frozen, 'SIGSTOP');
	const froze = Date.now();
	let screen = await session.waitFor(current => headerLine(current).includes(`${hungName}: not answering for`), slow);
	const noticed = Date.now() - froze;
	assert.match(rowOf(screen, onHung), /\(stale: engine not answering\)/, 'its row cannot be confirmed');
	assert.doesNotMatch(rowOf(screen, onLive), /stale/, 'the other engines\' rows are live');
	assert.ok(headerLine(screen).includes(`${liveName}: up`), headerLine(screen));

	// The other engines go on: a pause from outside shows, and keys are answered at once.
	await live.docker('pause', onLive);
	screen = await session.waitFor(current => /\(Paused\)/.test(rowOf(current, onLive)), slow);
	const keyTimes: number[] = [];
	const top = (current: string) => linesOf(current)[2]?.startsWith('›') === true;
	await session.sendText('g');
	await session.waitFor(top, slow);
	for (let round = 0; round < 4; round++) {
		const before = pointed(await session.capture());
		// eslint-disable-next-line no-await-in-loop -- one key after the other
		keyTimes.push(await timeKey(session, round % 2 === 0 ? 'j' : 'k', current => pointed(current) !== before && pointed(current) !== ''));
	}

	// A stop sent to the frozen engine says it is waiting for it.
	await session.sendText('g');
	await session.waitFor(top, slow);
	for (let step = 0; step < 3 && !pointed(await session.capture()).includes(` ${onHung} `); step++) {
		const before = pointed(await session.capture());
		// eslint-disable-next-line no-await-in-loop -- one row at a time
		await timeKey(session, 'j', current => pointed(current) !== before);
	}

	await session.waitFor(current => pointed(current).includes(` ${onHung} `), slow);
	await session.sendText('s');
	screen = await session.waitFor(current => statusText(current).includes('waiting for the engine'), slow);
	assert.match(statusText(screen), new RegExp(`${hungName} not answering for \\d+ s`));
	const counted = Number(/not answering for (\d+) s/.exec(headerLine(screen))?.[1]);
	screen = await session.waitFor(current => Number(/not answering for (\d+) s/.exec(headerLine(current))?.[1]) >= Math.max(counted + 2, 17), slow);
	const silentFor = Date.now() - froze;
	assert.match(rowOf(screen, onHung), /%\?/, 'its last figures stay, marked stale, past the requests\' deadline');
	process.stderr.write(`# while frozen:\n# ${[headerLine(screen), rowOf(screen, onHung), rowOf(screen, onLive), statusText(screen)].join('\n# ')}\n`);

	wake();
	const woke = Date.now();
	screen = await session.waitFor(current => !headerLine(current).includes('not answering') && !/stale/.test(current), slow);
	const recovered = Date.now() - woke;
	assert.ok(headerLine(screen).includes(`${hungName}: up`), headerLine(screen));
	// The stop it waited for goes through, and the list says so.
	screen = await session.waitFor(current => /Exited/.test(rowOf(current, onHung)), {timeoutMs: 30_000});
	process.stderr.write(
		`# frozen: said not answering after ${noticed} ms; keys on the live engines ${keyTimes.join(', ')} ms; frozen for ${silentFor} ms; after SIGCONT nothing stale after ${recovered} ms\n`,
	);
	assert.ok(Math.max(...keyTimes) < 1000, `keys answered while an engine is frozen: ${keyTimes.join(', ')} ms`);
});

test('started while an engine is frozen: berth takes keys at once and shows the others live; the frozen one joins when it wakes', {skip, timeout: 120_000}, async () => {
	const onLive = `${uniqueName('hungstart')}-live`;
	const onHung = `${uniqueName('hungstart')}-hung`;
	await live.runContainer({name: onLive, cmd: [...idleCmd]});
	await hung.runContainer({name: onHung, cmd: [...idleCmd]});
	const hosts = [live.dockerHost, hung.dockerHost];
	const chosen = selectEngines({hosts, contexts: [], allContexts: false}, {});
	assert.ok(chosen.ok);
	const [liveName, hungName] = chosen.engines.map(engine => engine.name) as [string, string];
	frozen = daemonPid(hung);
	process.kill(frozen, 'SIGSTOP');
	const started = Date.now();
	const session = await berth.start({host: hosts, width: 200, height: 40, ready: current => rowOf(current, onLive) !== ''});
	// Before the frozen engine's 10 s deadline: the images view on a key, and back.
	await session.sendText('2');
	await session.waitFor(current => /REPOSITORY\s+TAG/.test(current), {timeoutMs: 4000});
	const keyed = Date.now() - started;
	await session.sendText('1');
	let screen = await session.waitFor(current => /\d+\.\d\d%/.test(rowOf(current, onLive)), slow);
	assert.ok(keyed < 6000, `keys taken ${keyed} ms after the start, a frozen engine beside`);
	assert.match(headerLine(screen), new RegExp(`${liveName}: up`));
	assert.doesNotMatch(headerLine(screen), new RegExp(`${hungName}: up`));
	wake();
	screen = await session.waitFor(current => headerLine(current).includes(`${hungName}: up`) && /\sUp /.test(rowOf(current, onHung)), {timeoutMs: 40_000});
	process.stderr.write(`# started beside a frozen engine: keys taken after ${keyed} ms\n`);
});
