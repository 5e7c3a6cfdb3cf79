// V8's memory settings: set once after the first frame; the memory saver while a logs pane is open and a while after.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';
import {tuneMemoryAfterStart} from '../../source/app/memory.js';

const wait = async (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

test('efficiency mode and the heap growth are set once, after the delay, and not at all when stopped first', async () => {
	const set: string[] = [];
	tuneMemoryAfterStart({delayMs: 10, setFlags: flags => set.push(flags)});
	assert.deepEqual(set, [], 'nothing before the delay');
	await wait(40);
	assert.deepEqual(set, ['--efficiency-mode', '--heap-growing-percent=20']);

	const stopped: string[] = [];
	const tuning = tuneMemoryAfterStart({delayMs: 10, setFlags: flags => stopped.push(flags)});
	tuning.stop();
	await wait(40);
	assert.deepEqual(stopped, []);
});

test('the memory saver is on while a logs pane is open, and off a while after it closes', async () => {
	const set: string[] = [];
	const tuning = tuneMemoryAfterStart({delayMs: 10, afterLogsMs: 60, setFlags: flags => set.push(flags)});
	tuning.logsOpen(true);
	assert.deepEqual(set, [], 'a pane opened before the first frame waits for it');
	await wait(30);
	assert.deepEqual(set, ['--efficiency-mode', '--heap-growing-percent=20', '--memory-saver-mode']);

	tuning.logsOpen(true);
	tuning.logsOpen(false);
	await wait(20);
	assert.equal(set.at(-1), '--memory-saver-mode', 'still on just after the pane closed');
	tuning.logsOpen(true);
	tuning.logsOpen(false);
	await wait(40);
	assert.equal(set.at(-1), '--memory-saver-mode', 'a pane opened again starts the wait over');
	await wait(60);
	assert.deepEqual(set.slice(2), ['--memory-saver-mode', '--no-memory-saver-mode'], 'each change set once');

	tuning.logsOpen(true);
	tuning.stop();
	assert.deepEqual(set.slice(2), ['--memory-saver-mode', '--no-memory-saver-mode', '--memory-saver-mode']);
});

test('the flags are ones this Node knows (V8 ignores a flag it does not know, saying nothing)', async () => {
	const flags: string[] = [];
	const tuning = tuneMemoryAfterStart({delayMs: 0, afterLogsMs: 0, setFlags: value => flags.push(value)});
	await wait(10);
	tuning.logsOpen(true);
	tuning.logsOpen(false);
	await wait(10);
	const options = execFileSync(process.execPath, ['--v8-options'], {encoding: 'utf8'});
	assert.equal(flags.length, 4);
	for (const flag of flags) {
		const name = flag.replace(/^--no-/, '--').replace(/=.*$/, '');
		assert.ok(options.includes(`  ${name} (`), `${name} is one of this Node's V8 options`);
	}
});
