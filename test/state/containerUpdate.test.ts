// docker update's flags, read as the docker CLI reads them, and the body the engine is sent.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {toUpdateBody} from '../../source/engine/containerUpdate.js';
import {describeUpdate, parseMemorySize, parseUpdateFlags} from '../../source/state/containerUpdate.js';

const MiB = 1024 ** 2;

describe('the flags', () => {
	const cases: Array<[text: string, expected: ReturnType<typeof parseUpdateFlags>]> = [
		['--restart unless-stopped', {ok: true, update: {restart: {name: 'unless-stopped'}}}],
		['--restart=on-failure:3', {ok: true, update: {restart: {name: 'on-failure', maximumRetryCount: 3}}}],
		['--restart no', {ok: true, update: {restart: {name: 'no'}}}],
		['-m 512m --memory-swap 1g', {ok: true, update: {memory: 512 * MiB, memorySwap: 1024 * MiB}}],
		['--memory=1.5g --memory-swap -1', {ok: true, update: {memory: 1536 * MiB, memorySwap: -1}}],
		['--cpus 1.5 --pids-limit 100', {ok: true, update: {nanoCpus: 1.5e9, pidsLimit: 100}}],
		['--pids-limit -1', {ok: true, update: {pidsLimit: -1}}],
		['--restart on-failure:', {ok: true, update: {restart: {name: 'on-failure'}}}],
		['--restart always:0', {ok: true, update: {restart: {name: 'always'}}}],
		['--restart on-failure:3:4', {ok: false, error: '--restart: the count after the colon is a whole number (on-failure:3), not "3:4"'}],
		['-m 0', {ok: false, error: '--memory 0 would change nothing: give a size'}],
		['--pids-limit 0', {ok: false, error: '--pids-limit 0 would change nothing: give a number, or -1 for no limit'}],
		['--restart sometimes', {ok: false, error: '--restart takes no, always, unless-stopped, on-failure or on-failure:N, not "sometimes"'}],
		['--restart always:3', {ok: false, error: '--restart: only on-failure takes a count of retries (on-failure:3), not "always:3"'}],
		['--memory lots', {ok: false, error: '--memory takes a size (512m, 1g), not "lots"'}],
		['--cpus 0', {ok: false, error: '--cpus takes a number of CPUs above 0 (1.5), not "0"'}],
		['--cpus', {ok: false, error: '--cpus needs a value'}],
		['--kernel-memory 1g', {ok: false, error: 'unknown flag "--kernel-memory": docker update takes --restart, --memory, --memory-swap, --cpus, --pids-limit'}],
		['unless-stopped', {ok: false, error: 'unknown flag "unless-stopped": docker update takes --restart, --memory, --memory-swap, --cpus, --pids-limit'}],
		["--restart 'always", {ok: false, error: 'a quote is not closed'}],
	];
	for (const [text, expected] of cases) {
		test(text, () => {
			const parsed = parseUpdateFlags(text);
			if (!expected.ok && expected.error === 'a quote is not closed') assert.equal(parsed.ok, false);
			else assert.deepEqual(parsed, expected);
		});
	}

	test('sizes as go-units reads them: powers of 1024, any case, an optional i and b', () => {
		assert.deepEqual(['1024', '64k', '64K', '64kb', '64MiB', '1.5g', '2 g', '1t', '.5g', '1.g', '1e3', '0.5', '10b'].map(parseMemorySize), [1024, 64 * 1024, 64 * 1024, 64 * 1024, 64 * MiB, 1536 * MiB, 2048 * MiB, 1024 ** 4, 512 * MiB, 1024 * MiB, 1000, 0, 10]);
		assert.deepEqual(['', 'm', '-1', '1x', '1gg', '64mi', '64i', '1ki', '64ib', '.'].map(parseMemorySize), Array.from({length: 10}, () => undefined));
	});

	test('the body sent is only what was given; no policy is the engine\'s empty name', () => {
		// `no` said as such: an empty name would be no change at all.
		assert.deepEqual(toUpdateBody({restart: {name: 'no'}}), {RestartPolicy: {Name: 'no', MaximumRetryCount: 0}});
		assert.deepEqual(toUpdateBody({memory: MiB, nanoCpus: 5e8}), {Memory: MiB, NanoCpus: 5e8});
		assert.equal(describeUpdate({restart: {name: 'on-failure', maximumRetryCount: 3}, memory: 64 * MiB, memorySwap: -1, nanoCpus: 5e8, pidsLimit: -1}), 'restart on-failure:3, memory 64MiB, memory and swap unlimited, CPUs 0.5, processes unlimited');
	});
});
