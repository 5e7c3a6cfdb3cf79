// End to end: the logs pane of the built CLI in tmux against the real test engine: following, keys, floods,
// hostile output, removed containers, and no stream left open after switching.
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {createConnection, createServer, type Server, type Socket} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, afterEach, describe, test} from 'node:test';
import {formatHints} from '../../source/commands/keymap.js';
import {BerthSessions, lineOf, statusRows, statusText, until} from '../support/berth.js';
import {startEngineProxy} from '../support/engineProxy.js';
import {docker, engineSkip, idleCmd, removeTestContainers, runContainer, testDockerHost, uniqueName} from '../support/testEngine.js';
import {TmuxSession} from '../support/tmux.js';

const skip = await engineSkip();
const created: string[] = [];
after(async () => {
	if (!skip) await removeTestContainers(created);
});

const width = 160;
const height = 48;
const berth = new BerthSessions({width, height});
afterEach(() => berth.killAll());
const slow = {timeoutMs: 15_000};
/** What the idle command does, as a shell snippet that ends a script. */
const idleTail = 'trap "exit 0" TERM INT; while :; do sleep 3600 & wait $!; done';

const linesOf = (screen: string) => screen.replace(/\n$/, '').split('\n');
/** The pane's title row: the second row, under berth's header. */
const titleLine = (screen: string) => linesOf(screen)[1] ?? '';
/** The log rows: between the title row and the status line, blank ones left out. */
const logRows = (screen: string) => linesOf(screen).slice(2, -statusRows(screen).length).filter(line => line !== '');

/** `/TEXT` Enter: the list narrowed to TEXT, the first match selected. */
async function narrowTo(session: TmuxSession, text: string, first: string) {
	await session.waitFor(current => lineOf(current, first) !== '', slow);
	await session.sendText(`/${text}`);
	await session.sendKeys('Enter');
	await session.waitFor(current => lineOf(current, first).startsWith('›') && !current.includes('Logs: '), slow);
}

/** Selects the container and opens its logs; resolves with the first screen that shows some of its lines. */
async function openLogs(session: TmuxSession, name: string, firstLine: RegExp = /\S/) {
	await narrowTo(session, name, name);
	await session.sendText('l');
	return session.waitFor(current => titleLine(current).startsWith(`Logs: ${name}: following`) && logRows(current).some(row => firstLine.test(row)), slow);
}

const numbersOf = (rows: readonly string[], pattern: RegExp) =>
	rows.flatMap(row => {
		const match = pattern.exec(row);
		return match ? [Number(match[1])] : [];
	});

const padded = (number: number) => String(number).padStart(4, '0');
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Numbered lines: `out 0001` on stdout every 50 ms, and `err 0005` on stderr for every fifth. */
const numberedScript = 'i=1; while :; do printf "out %04d\\n" $i; if [ $((i % 5)) -eq 0 ]; then printf "err %04d\\n" $i >&2; fi; i=$((i+1)); sleep 0.05; done';

describe('logs pane', {skip}, () => {
	test('follows stdout and stderr in order, stderr marked with "! ", and keeps following', async () => {
		const name = uniqueName('logs');
		created.push(name);
		await runContainer({name, cmd: ['sh', '-c', numberedScript]});
		const session = await berth.start();
		await openLogs(session, name, /^! err \d{4}$/);
		let screen = await session.waitFor(current => logRows(current).length >= 20, slow);
		let rows = logRows(screen);
		const outs = numbersOf(rows, /^ {2}out (\d{4})$/);
		const errs = numbersOf(rows, /^! err (\d{4})$/);
		assert.ok(outs.length >= 15, `stdout rows shown:\n${screen}`);
		assert.deepEqual(
			outs,
			Array.from({length: outs.length}, (_, index) => outs[0]! + index),
			'stdout lines come in order, none missing',
		);
		assert.ok(errs.length >= 2 && errs.every(number => number % 5 === 0), `stderr rows:\n${screen}`);
		assert.deepEqual(errs, [...errs].sort((a, b) => a - b));
		assert.ok(
			rows.every(row => /^ {2}out \d{4}$/.test(row) || /^! err \d{4}$/.test(row)),
			`every row is a stdout row or a marked stderr row:\n${screen}`,
		);
		// Both streams are merged as the engine logged them, not one after the other: stderr rows sit among stdout rows.
		// (The engine reads the two from separate pipes, so a stderr line may come a little before or after its neighbour.)
		const firstOut = rows.findIndex(row => row.startsWith('  out'));
		const lastOut = rows.findLastIndex(row => row.startsWith('  out'));
		assert.ok(
			rows.some((row, index) => row.startsWith('! err') && index > firstOut && index < lastOut),
			`stderr rows among the stdout rows:\n${screen}`,
		);

		// New lines keep coming, at the bottom.
		const newest = Math.max(...outs);
		screen = await session.waitFor(current => Math.max(...numbersOf(logRows(current), /^ {2}out (\d{4})$/)) >= newest + 20, slow);
		rows = logRows(screen);
		assert.match(rows.at(-1)!, /^(  out|! err) \d{4}$/);
		assert.match(titleLine(screen), new RegExp(`^Logs: ${name}: following, \\d+ lines kept of 5000$`));
		assert.equal(linesOf(screen)[0]!.startsWith('berth'), true);
	});

	test('search highlights and jumps, n and N move; f filters; T timestamps; s saves; k pauses and G follows', async () => {
		const name = uniqueName('keys');
		created.push(name);
		await runContainer({name, cmd: ['sh', '-c', numberedScript]});
		const directory = mkdtempSync(join(tmpdir(), 'berth-logs-'));
		try {
			const session = await berth.start({cwd: directory});
			await openLogs(session, name);
			await session.waitFor(current => numbersOf(logRows(current), /^! err (\d{4})$/).length >= 4, slow);

			// T: the engine's RFC 3339 timestamps before each line; T again hides them.
			await session.sendText('T');
			let screen = await session.waitFor(current => logRows(current).some(row => /^ {2}\d{4}-\d\d-\d\dT/.test(row)), slow);
			const stamped = logRows(screen);
			for (const row of stamped) {
				const match = /^(?: {2}|! )(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z) +(?:out|err) \d{4}$/.exec(row);
				assert.ok(match, `a timestamped row: ${JSON.stringify(row)}`);
				assert.ok(Math.abs(Date.parse(match[1]!) - Date.now()) < 5 * 60_000, `a time of today: ${match[1]}`);
			}

			await session.sendText('T');
			await session.waitFor(current => logRows(current).every(row => /^(?: {2}out|! err) \d{4}$/.test(row)), slow);

			// / search: Enter jumps to a match (it becomes the top row), the matches are shown inverse; n and N move.
			await session.sendText('/err');
			await session.sendKeys('Enter');
			screen = await session.waitFor(current => statusText(current).includes('Matches of "err" highlighted: n next, N previous.'), slow);
			assert.match(titleLine(screen), /: paused \(G follows\)/);
			const first = numbersOf([logRows(screen)[0]!], /^! err (\d{4})$/)[0];
			assert.ok(first !== undefined, `the top row is a match:\n${screen}`);
			const colored = await session.capture({escapes: true});
			assert.match(colored, /^\S*! \u001B\[(?:\d+;)*7m(?:\u001B\[[\d;]*m)*err\u001B\[0m(?:\u001B\[[\d;]*m)* \d{4}$/m, 'the match, and only it, is drawn inverse');
			await session.sendText('n');
			screen = await session.waitFor(current => logRows(current)[0] !== `! err ${padded(first)}`, slow);
			assert.equal(logRows(screen)[0], `! err ${padded(first + 5)}`, 'n: the next stderr line');
			await session.sendText('N');
			screen = await session.waitFor(current => logRows(current)[0] === `! err ${padded(first)}`, slow);
			await session.sendText('G');
			screen = await session.waitFor(current => /: following,/.test(titleLine(current)), slow);

			// f: only the lines that hold the text; Esc in the prompt shows every line again.
			await session.sendText('f');
			await session.sendText('err');
			await session.sendKeys('Enter');
			screen = await session.waitFor(current => statusText(current).includes('Showing only lines with "err".'), slow);
			assert.match(titleLine(screen), /, filter "err"$/);
			let rows = logRows(screen);
			assert.ok(rows.length >= 4, screen);
			assert.ok(
				rows.every(row => /^! err \d{4}$/.test(row)),
				`only matching lines:\n${screen}`,
			);
			await sleep(500);
			assert.ok(logRows(await session.capture()).every(row => /^! err \d{4}$/.test(row)), 'new lines are filtered too');
			await session.sendText('f');
			await session.sendKeys('Escape');
			screen = await session.waitFor(current => logRows(current).some(row => row.startsWith('  out')), slow);
			assert.doesNotMatch(titleLine(screen), /filter/);

			// k stops following, G starts again.
			await session.sendText('k');
			screen = await session.waitFor(current => /: paused \(G follows\),/.test(titleLine(current)), slow);
			const held = logRows(screen)[0];
			await sleep(600);
			assert.equal(logRows(await session.capture())[0], held, 'paused: the rows stay where they are');
			await session.sendText('G');
			await session.waitFor(current => /: following,/.test(titleLine(current)), slow);

			// s saves the lines kept to a file and says where.
			await session.sendText('s');
			screen = await session.waitFor(current => /^Saved \d+ lines to \S+$/.test(statusText(current)), slow);
			const [, count, file] = /^Saved (\d+) lines to (\S+)$/.exec(statusText(screen))!;
			assert.ok(file!.startsWith(directory), `saved in the working directory: ${file}`);
			assert.deepEqual(readdirSync(directory), [file!.slice(directory.length + 1)]);
			const saved = readFileSync(file!, 'utf8').split('\n');
			assert.equal(saved.pop(), '', 'ends with a newline');
			assert.equal(saved.length, Number(count));
			assert.match(saved[0]!, /^\d{4}-\d\d-\d\dT[\d:.]+Z out 0001$/, 'the first line, with its time');
			assert.ok(saved.some(line => /^\d{4}-\d\d-\d\dT[\d:.]+Z \[stderr\] err 0005$/.test(line)), 'stderr lines are marked');
			const savedOuts = numbersOf(saved, /Z out (\d{4})$/);
			assert.deepEqual(
				savedOuts,
				Array.from({length: savedOuts.length}, (_, index) => index + 1),
			);
			assert.doesNotMatch(saved.join('\n'), /\u001B/);
		} finally {
			rmSync(directory, {recursive: true, force: true});
		}
	});

	test('--tail N, + and -: the backlog the pane starts with', async () => {
		const name = uniqueName('tail');
		created.push(name);
		await runContainer({name, cmd: ['sh', '-c', `i=1; while [ $i -le 300 ]; do printf "tail %04d\\n" $i; i=$((i+1)); done; ${idleTail}`]});
		await until(async () => (await docker('logs', '--tail', '1', name)) === 'tail 0300', 'the container printed its lines');

		const session = await berth.start({args: ['--tail', '50']});
		let screen = await openLogs(session, name, /^ {2}tail 0300$/);
		assert.match(titleLine(screen), /: following, 50 lines kept of 5000$/);
		await session.sendText('g');
		screen = await session.waitFor(current => logRows(current)[0] === '  tail 0251', slow);
		await session.sendText('+');
		screen = await session.waitFor(current => /: following, 100 lines kept of 5000$/.test(titleLine(current)), slow);
		assert.match(statusText(screen), /Reloading with the last 100 lines\./);
		await session.sendText('g');
		await session.waitFor(current => logRows(current)[0] === '  tail 0201', slow);
		await session.sendText('--');
		screen = await session.waitFor(current => /: following, 25 lines kept of 5000$/.test(titleLine(current)), slow);
		assert.equal(logRows(screen)[0], '  tail 0276');
		assert.equal(logRows(screen).at(-1), '  tail 0300');

		// Without the flag: the last 1000 lines, here all 300.
		const plain = await berth.start();
		screen = await openLogs(plain, name, /^ {2}tail 0300$/);
		assert.match(titleLine(screen), /: following, 300 lines kept of 5000$/);
	});

	test('marked containers: one merged pane, each line prefixed by its container\'s name', async () => {
		const prefix = uniqueName('merged');
		const [first, second] = [`${prefix}-a`, `${prefix}-b`];
		created.push(first, second);
		await runContainer({name: first, cmd: ['sh', '-c', `i=1; while :; do printf "alpha %04d\\n" $i; i=$((i+1)); sleep 0.2; done`]});
		await runContainer({name: second, cmd: ['sh', '-c', `i=1; while :; do printf "beta %04d\\n" $i >&2; i=$((i+1)); sleep 0.2; done`]});
		const session = await berth.start();
		await session.waitFor(current => lineOf(current, second) !== '', slow);
		await narrowTo(session, prefix, first);
		await session.sendKeys('Space');
		await session.waitFor(current => lineOf(current, first).charAt(1) === '*', slow);
		await session.sendText('j');
		await session.waitFor(current => lineOf(current, second).startsWith('›'), slow);
		await session.sendKeys('Space');
		await session.waitFor(current => lineOf(current, second).charAt(1) === '*', slow);
		await session.sendText('l');
		const screen = await session.waitFor(
			current => logRows(current).some(row => row.includes('alpha')) && logRows(current).some(row => row.includes('beta')),
			slow,
		);
		assert.equal(titleLine(screen).startsWith(`Logs: 2 containers (${first}, ${second}): following,`), true, titleLine(screen));
		for (const row of logRows(screen)) {
			assert.match(row, new RegExp(`^(?:  ${first} \\| alpha|! ${second} \\| beta) \\d{4}$`), 'NAME | line, stderr still marked');
		}

		// In the engines' time order from the top, the two backlogs among each other, not one after the other.
		await session.sendText('T');
		await session.sendText('g');
		const timed = await session.waitFor(current => /: paused \(G follows\),/.test(titleLine(current)) && logRows(current).every(row => /\| \d{4}-\d\d-\d\dT[\d:.]+Z /.test(row)), slow);
		const times = logRows(timed).map(row => {
			const [, whole = '', fraction = ''] = /\| (\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z /.exec(row) ?? [];
			return `${whole}.${fraction.padEnd(9, '0')}`;
		});
		assert.ok(times.length > 4 && times.every((time, index) => index === 0 || times[index - 1]! <= time), `rows in time order:\n${logRows(timed).join('\n')}`);
		assert.ok(logRows(timed).slice(0, 6).some(row => row.includes('alpha')) && logRows(timed).slice(0, 6).some(row => row.includes('beta')), 'both backlogs start at the top');

		// Esc leaves; the marks went into the pane.
		await session.sendKeys('Escape');
		const list = await session.waitFor(current => !current.includes('Logs: ') && lineOf(current, first) !== '', slow);
		assert.equal(lineOf(list, first).charAt(1), ' ');
		assert.equal(lineOf(list, second).charAt(1), ' ');
	});

	test('a flood: memory stays bounded and keys are answered quickly', {timeout: 120_000}, async t => {
		const name = uniqueName('flood');
		created.push(name);
		// The engine's own log file is kept small: the flood writes many megabytes a second.
		await runContainer({name, args: ['--log-opt', 'max-size=20m', '--log-opt', 'max-file=2'], cmd: ['yes', 'flood-line-0123456789']});
		const directory = mkdtempSync(join(tmpdir(), 'berth-flood-'));
		try {
			const session = await berth.start();
			const pid = Number((await session.tmux('display-message', '-p', '-t', session.target, '#{pane_pid}')).trim());
			assert.ok(pid > 0);
			await openLogs(session, name, /^ {2}flood-line-0123456789$/);
			const output = join(directory, 'output.bytes');
			await session.startByteCount(output);
			const started = Date.now();
			const samples: Array<{at: number; rss: number; dropped: number}> = [];
			const sample = async () => {
				const title = titleLine(await session.capture());
				samples.push({at: Date.now() - started, rss: treeRss(pid), dropped: Number(/, (\d+) older dropped/.exec(title)?.[1] ?? 0)});
			};

			while (Date.now() - started < 25_000) {
				await sleep(1000);
				await sample();
			}

			const bytes = session.byteCount();
			// Ink draws each frame as one synchronized update (ESC [?2026h ... ESC [?2026l).
			const frames = readFileSync(output, 'latin1').split('\u001B[?2026h').length - 1;
			// The first seconds are the heap settling under the flood; from 10 s on it must stay put.
			const settled = samples.filter(entry => entry.at >= 10_000);
			const growth = Math.max(...settled.map(entry => entry.rss)) - settled[0]!.rss;
			const peak = Math.max(...samples.map(entry => entry.rss));
			const moved = samples.at(-1)!.dropped - settled[0]!.dropped;
			t.diagnostic(`RSS MB by second: ${samples.map(entry => (entry.rss / 2 ** 20).toFixed(0)).join(' ')}`);
			t.diagnostic(`growth after 10 s ${(growth / 2 ** 20).toFixed(1)} MB, peak ${(peak / 2 ** 20).toFixed(0)} MB, ${moved} lines dropped from the ring after 10 s, ${bytes} bytes drawn in 25 s`);
			assert.ok(samples.at(-1)!.dropped > 50_000, `a flood went through: ${samples.at(-1)!.dropped} lines dropped`);
			assert.ok(growth < 60 * 2 ** 20, `RSS grew ${(growth / 2 ** 20).toFixed(1)} MB between 10 s and 25 s`);
			assert.ok(peak < 600 * 2 ** 20, `RSS peaked at ${(peak / 2 ** 20).toFixed(0)} MB`);
			// Drawing is batched (lines are handed over every 100 ms): a bounded number of frames a second.
			t.diagnostic(`${frames} frames drawn in 25 s`);
			assert.ok(frames >= 25, `the screen kept changing under the flood: ${frames} frames`);
			assert.ok(frames <= 25 * 20, `${frames} frames in 25 s`);
			assert.ok(bytes < 25 * 2 ** 20, `${bytes} bytes drawn in 25 s`);

			// A key under the flood is answered within 2 s.
			const pressed = Date.now();
			await session.sendText('k');
			await session.waitFor(current => /: paused \(G follows\)/.test(titleLine(current)), {timeoutMs: 10_000});
			const answered = Date.now() - pressed;
			t.diagnostic(`k answered in ${answered} ms`);
			assert.ok(answered < 2000, `k answered in ${answered} ms`);
			const resumed = Date.now();
			await session.sendText('G');
			await session.waitFor(current => /: following,/.test(titleLine(current)), {timeoutMs: 10_000});
			assert.ok(Date.now() - resumed < 2000, `G answered in ${Date.now() - resumed} ms`);
			assert.equal(await session.isAlive(), true);
		} finally {
			await removeTestContainers([name]);
			rmSync(directory, {recursive: true, force: true});
		}
	});

	test(
		'a burst larger than the ring: the newest lines kept, every other one counted as dropped',
		async () => {
			const name = uniqueName('burst');
			created.push(name);
			await runContainer({name, cmd: ['sh', '-c', 'trap "seq 1 200000" USR1; while :; do sleep 1 & wait $!; done']});
			const session = await berth.start({args: ['--log-lines', '100']});
			await narrowTo(session, name, name);
			await session.sendText('l');
			await session.waitFor(current => titleLine(current).startsWith(`Logs: ${name}: following, 0 lines kept of 100`), slow);
			await sleep(1000);
			await docker('kill', '-s', 'USR1', name);
			const screen = await session.waitFor(current => logRows(current).at(-1) === '  200000', {timeoutMs: 60_000});
			assert.equal(logRows(screen)[0], `  ${200_001 - logRows(screen).length}`);
			assert.match(titleLine(screen), /: following, 100 lines kept of 100, 199900 older dropped$/);
		},
	);

	test('hostile output: titles, clears, clipboard, links, cursor moves, NUL and bad UTF-8 do nothing to the terminal', async () => {
		// A control first: this tmux takes a title and a clipboard write from a program, so the test can fail.
		const control = berth.track(new TmuxSession());
		await control.start({command: ['sh', '-c', String.raw`sleep 1; printf '\033]0;PWNED\007\033]52;c;cHduZWQ=\007'; sleep 60`], width, height});
		await control.tmux('set', '-g', 'set-clipboard', 'on');
		await until(async () => (await control.title()) === 'PWNED' && (await control.tmux('list-buffers', '-F', '#{buffer_sample}')).includes('pwned'), 'the control session took the title and the clipboard write');

		const name = uniqueName('hostile');
		created.push(name);
		const script = [
			String.raw`printf 'before-title\033]0;PWNED\007after-title\n'`,
			String.raw`printf 'before-title2\033]2;PWNED2\033\\after-title2\n'`,
			String.raw`printf 'before-clear\033[2J\033[Hafter-clear\n'`,
			String.raw`printf 'clip\033]52;c;cHduZWQ=\007board\n'`,
			String.raw`printf 'a \033]8;;http://example.invalid\033\\link\033]8;;\033\\ here\n'`,
			String.raw`printf 'cursor\033[10;10Hmoved\033[1A\033[?1049h\n'`,
			String.raw`printf 'a\000b\377c\n'`,
			String.raw`printf 'tab\there\n'`,
			String.raw`printf 'car\rriage\n'`,
			String.raw`printf 'bell\007 and \033c reset\n'`,
			String.raw`printf 'stderr\033[2J line\n' >&2`,
			String.raw`printf '\033[31mREDTEXT\033[0m plain\n'`,
			String.raw`head -c 1048576 /dev/zero | tr '\0' x; echo`,
			String.raw`printf 'WRAPSTART%0400dWRAPEND\n' 0`,
			'echo done-marker',
			idleTail,
		].join('; ');
		await runContainer({name, cmd: ['sh', '-c', script]});
		await until(async () => (await docker('logs', '--tail', '1', name)) === 'done-marker', 'the container printed everything');

		const session = await berth.start();
		await session.tmux('set', '-g', 'set-clipboard', 'on');
		await session.waitFor(current => lineOf(current, name) !== '', slow);
		const titleBefore = await session.title();
		assert.doesNotMatch(titleBefore, /PWNED/);
		let screen = await openLogs(session, name, /^ {2}done-marker$/);
		await sleep(1000);
		screen = await session.capture();

		assert.equal(await session.title(), titleBefore, 'the pane title is unchanged');
		assert.doesNotMatch(await session.tmux('list-buffers', '-F', '#{buffer_sample}'), /pwned/i, 'no clipboard write reached tmux');
		const lines = linesOf(screen);
		assert.equal(lines.length, height);
		assert.match(lines[0]!, /^berth \S connected \S /, 'berth\'s header is still on the first line');
		assert.match(lines[1]!, new RegExp(`^Logs: ${name}: following, 15 lines kept of 5000$`));
		assert.equal(statusText(screen).trimEnd(), formatHints(['logs', 'global'], {readOnly: false}));
		const xs = `${'x'.repeat(width - 3)}\u2026`;
		// The engine logs stdout and stderr from two pipes: the stderr line may come anywhere among the others.
		assert.equal(logRows(screen).filter(row => row === '! stderr line').length, 1);
		assert.deepEqual(logRows(screen).filter(row => row !== '! stderr line'), [
			'  before-titleafter-title',
			'  before-title2after-title2',
			'  before-clearafter-clear',
			'  clipboard',
			'  a link here',
			'  cursormoved',
			'  a^@b\uFFFDc',
			'  tab     here',
			'  riage',
			'  bell^G and  reset',
			'  REDTEXT plain',
			`  ${xs}`,
			`  WRAPSTART${'0'.repeat(width - 12)}\u2026`,
			'  done-marker',
		]);
		for (const line of lines) assert.ok([...line].length <= width, `no row wider than the screen: ${JSON.stringify(line.slice(0, 40))}`);

		// Colour is the only sequence kept, and c turns it off.
		const colored = await session.capture({escapes: true});
		assert.doesNotMatch(colored, /example\.invalid|PWNED|cHduZWQ/);
		assert.match(colored, /\u001B\[31mREDTEXT/, 'the container\'s red is shown');
		await session.sendText('c');
		await session.waitFor(current => statusText(current).includes('Log colours off.'), slow);
		assert.doesNotMatch(await session.capture({escapes: true}), /\u001B\[31mREDTEXT/);
		await session.sendText('c');
		await session.waitFor(current => statusText(current).includes('Log colours on.'), slow);

		// w wraps: the long line's end comes into view, no row wider than the screen, the header stays.
		await session.sendText('w');
		screen = await session.waitFor(current => current.includes('0WRAPEND'), slow);
		const wrapped = linesOf(screen);
		assert.equal(wrapped.length, height);
		assert.match(wrapped[0]!, /^berth \S connected \S /);
		assert.match(wrapped[1]!, new RegExp(`^Logs: ${name}: following`));
		for (const line of wrapped) assert.ok([...line].length <= width);
		// The long line in rows of the text width (160 less the gutter), its end on the row before the last.
		assert.deepEqual(logRows(screen).slice(-4), [
			`  WRAPSTART${'0'.repeat(width - 2 - 9)}`,
			`  ${'0'.repeat(width - 2)}`,
			`  ${'0'.repeat(400 - (width - 2 - 9) - (width - 2))}WRAPEND`,
			'  done-marker',
		]);
		assert.equal(await session.title(), titleBefore);
		assert.equal(await session.isAlive(), true);
	});

	test('a container that stops and starts again is followed again from its new start, as docker compose logs -f does', {timeout: 90_000}, async () => {
		const name = uniqueName('again');
		created.push(name);
		// Each run says which it is (the runs are counted in a file of its own) and exits 3; its policy restarts it.
		await runContainer({name, args: ['--restart', 'on-failure:2'], cmd: ['sh', '-c', 'echo x >> /tmp/runs; echo "run $(wc -l < /tmp/runs)"; sleep 1; exit 3']});
		const session = await berth.start();
		await openLogs(session, name, /^ {2}run \d$/);
		// Three runs in all (the first, then two restarts), each followed as it comes.
		const screen = await session.waitFor(current => logRows(current).some(row => row === '  run 3'), {timeoutMs: 40_000});
		const rows = logRows(screen);
		const runs = rows.filter(row => /^ {2}run \d$/.test(row));
		assert.deepEqual(runs, ['  run 1', '  run 2', '  run 3'], rows.join('\n'));
		assert.ok(rows.includes(`- -- ${name} started again: its new log follows --`), rows.join('\n'));
		// Between two runs of its policy, its log does not read as ended.
		assert.ok(rows.includes(`- -- ${name} exited and is restarting: its next log follows --`), rows.join('\n'));
		assert.ok(!rows.slice(0, rows.indexOf('  run 3')).includes(`- -- ${name} stopped: its log ends here --`), rows.join('\n'));
		// The docker CLI's own start of a stopped one: followed again too.
		await session.waitFor(current => logRows(current).at(-1) === `- -- ${name} stopped: its log ends here --`, {timeoutMs: 20_000});
		await docker('start', name);
		const after = await session.waitFor(current => logRows(current).includes('  run 4'), {timeoutMs: 20_000});
		assert.equal(logRows(after).filter(row => /^ {2}run \d$/.test(row)).length, 4, 'no run shown twice');
	});

	test('a container removed in its restart policy\'s back-off: the pane says so, not that its next log follows', {timeout: 90_000}, async () => {
		const name = uniqueName('backoff');
		created.push(name);
		// It exits at once: Docker waits longer before each restart (0.1, 0.2, 0.4 ... s).
		await runContainer({name, args: ['--restart', 'always'], cmd: ['sh', '-c', 'echo up; exit 3']});
		const session = await berth.start();
		await openLogs(session, name, /^ {2}up$/);
		const restarting = `- -- ${name} exited and is restarting: its next log follows --`;
		// Removed while the pane says it is restarting and the engine is between two runs, in a back-off of 3.2 s
		// or more (after 5 restarts): long enough that it cannot start again between the check and the removal.
		await until(
			async () => {
				if (logRows(await session.capture()).at(-1) !== restarting) return false;
				const [state, count] = (await docker('inspect', '--format', '{{.State.Restarting}} {{.RestartCount}}', name).catch(() => '')).trim().split(' ');
				return state === 'true' && Number(count) >= 5;
			},
			'a long back-off with the pane saying restarting',
			{timeoutMs: 60_000, intervalMs: 100},
		);
		await docker('rm', '-f', name);
		const ended = / its log ends here --$/;
		const screen = await session.waitFor(current => ended.test(logRows(current).at(-1) ?? ''), slow);
		assert.equal(logRows(screen).at(-1), `- -- ${name} was removed: its log ends here --`, logRows(screen).join('\n'));
	});

	test('a container removed while its logs are shown: the pane says its log ended, berth carries on', async () => {
		const name = uniqueName('doomed');
		created.push(name);
		await runContainer({name, cmd: ['sh', '-c', `echo last words; ${idleTail}`]});
		const session = await berth.start();
		await openLogs(session, name, /^ {2}last words$/);
		await docker('rm', '-f', name);
		const ended = new RegExp(`^- -- ${name} (?:was removed|stopped): its log ends here --$`);
		const screen = await session.waitFor(current => logRows(current).some(row => ended.test(row)), slow);
		assert.equal(logRows(screen).length, 2);
		assert.equal(logRows(screen)[0], '  last words');
		assert.equal(await session.isAlive(), true);
		await session.sendKeys('Escape');
		await session.waitFor(current => !current.includes('Logs: ') && /^berth \S connected/.test(current), slow);
		await session.waitFor(current => lineOf(current, name) === '' && /No container matches/.test(current), slow);
		assert.equal(await session.isAlive(), true);
	});

	test(
		'a container removed while its logs are shown: the pane says it was removed',
		async () => {
			const name = uniqueName('removed');
			created.push(name);
			await runContainer({name, cmd: ['sh', '-c', `echo last words; ${idleTail}`]});
			const session = await berth.start();
			await openLogs(session, name, /^ {2}last words$/);
			await docker('rm', '-f', name);
			const screen = await session.waitFor(current => logRows(current).length === 2, slow);
			assert.deepEqual(logRows(screen), ['  last words', `- -- ${name} was removed: its log ends here --`]);
		},
	);

	test('switching between two containers 100 times leaves no log stream open', {timeout: 240_000}, async t => {
		const prefix = uniqueName('switch');
		const names = [`${prefix}-a`, `${prefix}-b`];
		created.push(...names);
		for (const name of names) await runContainer({name, cmd: ['sh', '-c', `i=0; while :; do echo "${name} $i"; i=$((i+1)); sleep 0.5; done`]});
		const proxy = await startEngineProxy(testDockerHost);
		// The proxy logs requests but cannot tell which connections are still open: a relay in front of it does.
		const relay = await startRelay(proxy.socketPath);
		try {
			const session = await berth.start({host: relay.dockerHost});
			await narrowTo(session, prefix, names[0]!);
			await session.sendText('l');
			await session.waitFor(current => titleLine(current).startsWith(`Logs: ${names[0]}:`), slow);
			await until(() => relay.openLogStreams() === 1, 'the log stream is open (the relay sees it)');

			const started = Date.now();
			let current = 0;
			for (let round = 0; round < 100; round++) {
				await session.sendKeys('Escape');
				await session.waitFor(screen => !screen.includes('Logs: ') && lineOf(screen, names[current]!).startsWith('›'), slow);
				const next = 1 - current;
				await session.sendText(next === 1 ? 'jl' : 'kl');
				await session.waitFor(screen => titleLine(screen).startsWith(`Logs: ${names[next]}:`), slow);
				current = next;
			}

			t.diagnostic(`100 switches in ${Date.now() - started} ms`);
			await session.waitFor(screen => logRows(screen).some(row => row.startsWith(`  ${names[current]} `)), slow);
			await until(() => relay.openLogStreams() === 1, 'one log stream open while a logs pane is shown');
			await session.sendKeys('Escape');
			await session.waitFor(screen => !screen.includes('Logs: ') && lineOf(screen, names[current]!) !== '', slow);
			// Let streams still being opened arrive and be closed.
			await sleep(2000);
			await until(() => relay.openLogStreams() === 0, 'every log stream closed', {timeoutMs: 5000}).catch(() => undefined);
			const logRequests = proxy.requests().filter(request => request.method === 'GET' && /^\/containers\/[^/]+\/logs$/.test(request.route));
			t.diagnostic(`${logRequests.length} log requests on ${new Set(logRequests.map(request => request.connection)).size} connections; ${relay.openConnections()} connections open now`);
			assert.ok(logRequests.length >= 101, `every l opened a stream: ${logRequests.length}`);
			assert.equal(relay.openLogStreams(), 0, 'no log stream left open');
			assert.equal(await session.isAlive(), true);
		} finally {
			await relay.close();
			await proxy.close();
		}
	});
});

/** RSS in bytes of a process and all its descendants, from /proc. */
function treeRss(root: number): number {
	const children = new Map<number, number[]>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
		} catch {
			// Gone meanwhile.
		}
	}

	let total = 0;
	const queue = [root];
	while (queue.length > 0) {
		const pid = queue.pop()!;
		try {
			total += Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
		} catch {
			// Gone meanwhile.
		}

		queue.push(...(children.get(pid) ?? []));
	}

	return total;
}

/**
 * A unix socket relay to `target` that remembers, per connection, whether it is still open and the last
 * request line the client sent on it: a connection that is open and last asked for /containers/ID/logs is
 * a log stream the engine still serves.
 */
async function startRelay(target: string) {
	const directory = await mkdtemp(join(tmpdir(), 'berth-relay-'));
	const socketPath = join(directory, 'relay.sock');
	const connections: Array<{open: boolean; last: string}> = [];
	const sockets = new Set<Socket>();
	const server: Server = createServer(client => {
		const entry = {open: true, last: ''};
		connections.push(entry);
		const upstream = createConnection({path: target});
		sockets.add(client);
		sockets.add(upstream);
		client.on('data', (chunk: Buffer) => {
			const heads = chunk.toString('latin1').match(/^[A-Z]+ \S+ HTTP\/1\.[01]\r$/gm);
			if (heads) entry.last = heads.at(-1)!;
		});
		client.pipe(upstream);
		upstream.pipe(client);
		const close = () => {
			entry.open = false;
			sockets.delete(client);
			sockets.delete(upstream);
			client.destroy();
			upstream.destroy();
		};

		client.on('close', close);
		upstream.on('close', close);
		client.on('error', close);
		upstream.on('error', close);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(socketPath, resolve);
	});
	return {
		dockerHost: `unix://${socketPath}`,
		openConnections: () => connections.filter(entry => entry.open).length,
		openLogStreams: () => connections.filter(entry => entry.open && /^GET \S*\/containers\/[^/]+\/logs[?\s]/.test(entry.last)).length,
		async close() {
			await new Promise<void>(resolve => {
				server.close(() => resolve());
				for (const socket of sockets) socket.destroy();
			});
			await rm(directory, {recursive: true, force: true});
		},
	};
}

describe('wrapped log lines', {skip}, () => {
	test('w wraps a long coloured line over several rows, and every row keeps the line\'s colour', async () => {
		const name = uniqueName('wrapcolor');
		created.push(name);
		// One red line of 400 letters: three rows of the 158-column pane.
		const script = `printf '\\033[31m%s\\033[0m\\n' "$(head -c 400 /dev/zero | tr '\\0' r)"; ${idleTail}`;
		await runContainer({name, cmd: ['sh', '-c', script]});
		const session = await berth.start();
		await openLogs(session, name, /rrrr/);
		await session.sendText('w');
		let coloured: string[] = [];
		await until(async () => {
			// tmux writes the cells' colour as SGR sequences with -e; a row drawn red starts red.
			const rows = linesOf(await session.capture({escapes: true})).filter(line => line.includes('rrrr'));
			coloured = rows;
			return rows.length >= 3;
		}, 'the line wrapped over three rows', slow);
		for (const row of coloured) assert.match(row, /\u001B\[31m\s*r{4}/, `row ${JSON.stringify(row)} is red`);
		const letters = coloured.map(row => row.replaceAll(/\u001B\[[0-9;]*m/g, '').replaceAll(/[^r]/g, '')).join('');
		assert.equal(letters.length, 400, 'all of the line is shown');
	});
});
