// End to end: alerts as an operator meets them, against the real engine: a crash loop, an OOM kill, a failing
// healthcheck and an exit nobody asked for, each in the header count, the alerts view, the row and the hook.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {BerthSessions, lineOf, waitForRow, waitUntil} from '../support/berth.js';
import {docker, engineSkip, isolatedEngine, removeTestContainers, runContainer, uniqueName} from '../support/testEngine.js';

const skip = await engineSkip();
const created: string[] = [];
const berth = new BerthSessions({width: 200, height: 40});
const folder = mkdtempSync(path.join(tmpdir(), 'berth-alerts-'));
after(async () => {
	if (!skip) await removeTestContainers(created);
	rmSync(folder, {recursive: true, force: true});
});
afterEach(() => berth.killAll());

/** The hook writes one line per alert: kind|container|engine|text, from its environment alone. */
const hook = (file: string) => `printf '%s|%s|%s|%s\\n' "$BERTH_ALERT_KIND" "$BERTH_ALERT_CONTAINER" "$BERTH_ALERT_ENGINE" "$BERTH_ALERT_TEXT" >> ${file}`;
const hookLines = (file: string) => {
	try {
		return readFileSync(file, 'utf8').split('\n').filter(Boolean);
	} catch {
		return [];
	}
};

describe('alerts', {skip}, () => {
	test('a crash loop, an OOM kill, a failing healthcheck and an exit 3 each raise their alert within seconds', async () => {
		const file = path.join(folder, 'hook.txt');
		const loop = uniqueName('loop');
		const hog = uniqueName('hog');
		const sick = uniqueName('sick');
		const three = uniqueName('three');
		const stopped = uniqueName('stopped');
		const well = uniqueName('well');
		created.push(loop, hog, sick, three, stopped, well);
		await runContainer({name: stopped, cmd: ['sh', '-c', 'trap "exit 5" TERM; while :; do sleep 1; done']});
		// A crash loop as the flags set it: 2 restarts within 5 minutes.
		const session = await berth.start({args: ['--on-alert', hook(file), '--crash-restarts', '2', '--crash-minutes', '5'], ready: /NAME/});
		await waitForRow(session, stopped, /Up /);

		// berth stops one itself: its exit 5 is no alert.
		await session.sendKeys('/');
		await session.sendText(stopped);
		await session.sendKeys('Enter', 's');
		await waitForRow(session, stopped, /Exited \(5\)/, {timeoutMs: 20_000});
		await session.sendKeys('Escape');

		await runContainer({name: loop, args: ['--restart', 'always'], cmd: ['sh', '-c', 'sleep 1; exit 1']});
		await runContainer({name: hog, args: ['-m', '8m'], cmd: ['sh', '-c', 'x=a; while :; do x=$x$x; done']});
		await runContainer({name: sick, args: ['--health-cmd', 'echo database unreachable on port 5432; exit 1', '--health-interval', '1s', '--health-retries', '1'], cmd: ['sleep', '600']});
		await runContainer({name: three, cmd: ['sh', '-c', 'sleep 1; exit 3']});
		// A healthy one paused from outside: the engine calls it unhealthy, with no event (its checks stop with
		// the pause). That is no alert.
		await runContainer({name: well, args: ['--health-cmd', 'true', '--health-interval', '1s'], cmd: ['sleep', '600']});
		await waitForRow(session, well, /\(healthy\)/, {timeoutMs: 20_000});
		await docker('pause', well);
		assert.equal((await docker('inspect', '--format', '{{.State.Health.Status}}', well)).trim(), 'unhealthy', 'the engine calls a paused container unhealthy');

		// Other containers of the test engine may raise alerts of their own: at least these four. The pause is
		// waited for too: amid the crash loop's and the health checks' news (a storm, drawn once a second) it may
		// reach the screen after the four alerts.
		const screen = await session.waitFor(
			current =>
				[loop, hog, sick, three].every(name => /^.!/.test(lineOf(current, name))) &&
				Number(/· (\d+) alerts \(!\)/.exec(current)?.[1] ?? 0) >= 4 &&
				lineOf(current, well).includes('(Paused)'),
			{timeoutMs: 30_000},
		);
		for (const name of [loop, hog, sick, three]) assert.match(lineOf(screen, name), /^.!/, `${name} is marked`);
		assert.doesNotMatch(lineOf(screen, stopped), /^.!/);
		assert.match(lineOf(screen, well), /^ {2}.*\(Paused\)/, 'the paused one is not marked');
		assert.match(lineOf(screen, hog), /Exited \(137\) .* ago, OOM killed/);
		assert.match(screen, /STATUS\s+RESTARTS/);
		const restarts = Number(/(\d+)\s*$/.exec(lineOf(screen, loop).replace(/\s+\d+\.\d\d%.*$/, ''))?.[1]);
		assert.ok(restarts >= 2, `RESTARTS counts: ${lineOf(screen, loop)}`);
		assert.match(lineOf(screen, sick), /\(unhealthy\)/);

		// The alerts view: one line per alert, newest first, with its reason.
		await session.sendKeys('!');
		const alerts = await session.waitFor(/WHAT HAPPENED/);
		const lineAbout = (name: string, kind: string) => alerts.split('\n').find(line => line.includes(name) && line.includes(kind)) ?? '';
		assert.match(lineAbout(loop, 'crash-loop'), /NEW .*restarted 2 times within 5 minutes/);
		assert.match(lineAbout(hog, 'oom'), /killed for lack of memory \(exit code 137\)/);
		assert.match(lineAbout(sick, 'unhealthy'), /unhealthy: exit code 1, database unreachable on port 5432/);
		assert.match(lineAbout(three, 'died'), /exited with code 3, not asked to stop/);
		assert.equal(lineAbout(stopped, 'died'), '');
		assert.equal(alerts.split('\n').filter(line => line.includes(well)).join('\n'), '', 'no alert for the paused one');

		// The hook got each kind with its variables, never in its command text.
		assert.ok(await waitUntil(() => ['crash-loop', 'oom', 'unhealthy', 'died'].every(kind => hookLines(file).some(line => line.startsWith(`${kind}|`)))), hookLines(file).join('\n'));
		const lines = hookLines(file);
		const engineName = lines[0]!.split('|')[2]!;
		assert.ok(engineName !== '');
		assert.ok(lines.includes(`died|${three}|${engineName}|exited with code 3, not asked to stop`), lines.join('\n'));
		assert.ok(lines.includes(`oom|${hog}|${engineName}|killed for lack of memory (exit code 137)`), lines.join('\n'));
		assert.ok(lines.some(line => line.startsWith(`unhealthy|${sick}|${engineName}|unhealthy: exit code 1, database unreachable on port 5432`)), lines.join('\n'));
		assert.ok(lines.some(line => line.startsWith(`crash-loop|${loop}|${engineName}|restarted 2 times within 5 minutes`)), lines.join('\n'));
		assert.ok(!lines.some(line => line.includes(stopped)), 'the exit berth caused raised nothing');
		assert.ok(!lines.some(line => line.includes(well)), 'the pause raised nothing');

		// Acknowledged, the count goes; the loop goes on, so its alert comes back.
		await session.sendKeys('A');
		await session.waitFor(current => !/alerts? \(!\)/.test(current.split('\n')[0]!));
		await session.waitFor(/· \d+ alerts? \(!\)/, {timeoutMs: 30_000});
		const back = await session.waitFor(current => /NEW .*crash-loop/.test(current.split('\n').find(line => line.includes(loop)) ?? ''), {timeoutMs: 30_000});
		assert.match(back.split('\n').find(line => line.includes(loop))!, /\(2 times\)|\(\d+ times\)/);

		// The details of the sick one show its check and the failing output.
		await session.sendKeys('1', '/');
		await session.sendText(sick);
		await session.sendKeys('Enter', 'Enter');
		const details = await session.waitFor(/Healthcheck/);
		assert.match(details, /Healthcheck\s+echo database unreachable on port 5432; exit 1/);
		assert.match(details, /every 1s, timeout 30s, 1 retry/);
		assert.match(details, /exit 1 {2}database unreachable on port 5432/);
		await docker('rm', '-f', loop);
	});

	test('--bell and --notify write the bell and OSC 9 / OSC 777 to the terminal (through tmux), once per alert', async () => {
		const exits = uniqueName('notified');
		created.push(exits);
		const bytes = path.join(folder, 'notify.bytes');
		const session = await berth.start({args: ['--bell', '--notify'], ready: /NAME/});
		await session.startByteCount(bytes);
		await runContainer({name: exits, cmd: ['sh', '-c', 'sleep 1; exit 3']});
		await waitForRow(session, exits, /^.!.*Exited \(3\)/, {timeoutMs: 20_000});
		const notice = `died ${exits} on `;
		assert.ok(await waitUntil(() => readFileSync(bytes, 'latin1').includes(notice)), 'the notification was written');
		const written = readFileSync(bytes, 'latin1');
		assert.ok(written.includes('\u0007'), 'the bell');
		// berth runs inside tmux here: each sequence is wrapped for tmux to pass on.
		assert.match(written, new RegExp(`\u001BPtmux;\u001B\u001B\\]9;berth: ${notice}[^\u0007]*exited with code 3, not asked to stop\u0007\u001B\\\\`));
		assert.match(written, new RegExp(`\u001BPtmux;\u001B\u001B\\]777;notify;berth;${notice}`));
		// Once for this alert (other containers of the test engine may have alerts of their own).
		assert.equal(written.split(`\u001B]9;berth: ${notice}`).length - 1, 1, 'once');
	});

	test('--kiosk opens on pulse, which shows the counts; every mutating key is refused, view keys work', async () => {
		const idle = uniqueName('kiosk-idle');
		const failed = uniqueName('kiosk-failed');
		created.push(idle, failed);
		await runContainer({name: idle, cmd: ['sleep', '600']});
		await runContainer({name: failed, cmd: ['sh', '-c', 'exit 4'], detach: false}).catch(() => undefined);
		const running = Number(await docker('ps', '-q', '--filter', 'status=running').then(out => out.split('\n').filter(Boolean).length));
		const session = await berth.start({args: ['--kiosk'], width: 80, height: 24, term: 'linux', ready: /PULSE/});
		const pulse = await session.waitFor(new RegExp(`Containers\\s+\\d+: ${running} running`));
		assert.match(pulse, /\d+ exited non-zero/);
		assert.match(pulse, /Health\s+\d+ healthy, \d+ unhealthy/);
		assert.match(pulse, /Restarts\s+\d+ in the last hour/);
		assert.match(pulse, /Events\s+[_.\-~=+*#]{20}/, 'an ASCII chart on TERM=linux');
		assert.match(pulse, /Latest alerts: /);
		assert.match(pulse, /kiosk \(read-only\)/);
		for (const screen of pulse.split('\n')) assert.ok(screen.length <= 80);

		// On the containers list, every key that would change something is refused.
		await session.sendKeys('1', '/');
		await session.waitFor(/Kiosk mode: "\/" is off/);
		for (const key of ['s', 'S', 'r', 'p', 'K', 'd', 'D', 'e', 'a', 'R', 'U', 'x', 'Enter', 'Space', 'q', ':']) {
			await session.sendKeys(key);
			await session.waitFor(/Kiosk mode: /);
		}

		await new Promise(resolve => setTimeout(resolve, 1500));
		assert.equal((await docker('inspect', '--format', '{{.State.Status}}', idle)).trim(), 'running');
		assert.ok(await session.isAlive(), 'q did not quit the kiosk');
		await session.sendKeys('!');
		await session.waitFor(/STATE\s+TIME\s+KIND/);
		await session.sendKeys('A');
		await session.waitFor(/Kiosk mode: "A" is off/);
		await session.sendKeys('0');
		await session.waitFor(/PULSE/);
	});
});

// An engine of this file's own, stopped and started again.
const lost = isolatedEngine('alerts-lost');

describe('engine alerts', {skip}, () => {
	after(async () => {
		await lost.down();
	});

	test('an engine lost and back: in the header count, the alerts view and the hook', async t => {
		const reason = await lost.skip();
		if (reason) {
			t.skip(reason);
			return;
		}

		const file = path.join(folder, 'engine-hook.txt');
		const session = await berth.start({host: lost.dockerHost, args: ['--on-alert', hook(file)], ready: /NAME/});
		await lost.stopDaemon();
		try {
			await session.waitFor(/· disconnected, retrying .* · 1 alert \(!\) · /, {timeoutMs: 20_000});
			assert.ok(await waitUntil(() => hookLines(file).some(line => /^engine-lost\|\|[^|]+\|engine lost/.test(line))), hookLines(file).join('\n'));
		} finally {
			await lost.startDaemon();
		}

		await session.waitFor(/· connected · 2 alerts \(!\) · /, {timeoutMs: 30_000});
		assert.ok(await waitUntil(() => hookLines(file).some(line => /^engine-back\|\|[^|]+\|engine back$/.test(line))), hookLines(file).join('\n'));
		await session.sendKeys('!');
		const view = await session.waitFor(/engine-back/);
		assert.match(view, /NEW .*engine-back .*engine back/);
		assert.match(view, /NEW .*engine-lost .*engine lost/);
	});
});
