// V8's efficiency mode and memory saver: set once, after the first frame.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';
import {saveMemoryAfterStart} from '../../source/app/memory.js';

test('efficiency mode and the memory saver are set once, after the delay, and not at all when stopped first', async () => {
	const set: string[] = [];
	saveMemoryAfterStart({delayMs: 10, setFlags: flags => set.push(flags)});
	assert.deepEqual(set, [], 'nothing before the delay');
	await new Promise(resolve => setTimeout(resolve, 40));
	assert.deepEqual(set, ['--efficiency-mode', '--memory-saver-mode']);

	const stopped: string[] = [];
	const stop = saveMemoryAfterStart({delayMs: 10, setFlags: flags => stopped.push(flags)});
	stop();
	await new Promise(resolve => setTimeout(resolve, 40));
	assert.deepEqual(stopped, []);
});

test('the flags are ones this Node knows (V8 ignores a flag it does not know, saying nothing)', async () => {
	const flags: string[] = [];
	saveMemoryAfterStart({delayMs: 0, setFlags: value => flags.push(value)});
	await new Promise(resolve => setTimeout(resolve, 10));
	const options = execFileSync(process.execPath, ['--v8-options'], {encoding: 'utf8'});
	assert.equal(flags.length, 2);
	for (const flag of flags) assert.ok(options.includes(`  ${flag} (`), `${flag} is one of this Node's V8 options`);
});
