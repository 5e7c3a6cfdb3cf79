// u: docker update of the selected container (or the marked ones): the flags read as the docker CLI reads them.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {toUpdateBody} from '../../source/engine/containerUpdate.js';
import {describeUpdate, parseMemorySize, parseUpdateFlags} from '../../source/state/containerUpdate.js';
import {containerKey} from '../../source/state/containers.js';
import {reduceApp} from '../../source/state/app.js';
import {finish, press, readOnly, requests, withContainers} from '../commands/press.js';
import {containerRecord} from '../state/records.js';

const MiB = 1024 ** 2;
const target = (name: string) => ({key: containerKey('local', `id-${name}`), engine: 'local', id: `id-${name}`, name});

describe('the flags', () => {
	const cases: Array<[text: string, expected: ReturnType<typeof parseUpdateFlags>]> = [
		['--restart unless-stopped', {ok: true, update: {restart: {name: 'unless-stopped'}}}],
		['--restart=on-failure:3', {ok: true, update: {restart: {name: 'on-failure', maximumRetryCount: 3}}}],
		['--restart no', {ok: true, update: {restart: {name: 'no'}}}],
		['-m 512m --memory-swap 1g', {ok: true, update: {memory: 512 * MiB, memorySwap: 1024 * MiB}}],
		['--memory=1.5g --memory-swap -1', {ok: true, update: {memory: 1536 * MiB, memorySwap: -1}}],
		['--cpus 1.5 --pids-limit 100', {ok: true, update: {nanoCpus: 1.5e9, pidsLimit: 100}}],
		['--pids-limit -1', {ok: true, update: {pidsLimit: -1}}],
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
		assert.deepEqual(['1024', '64k', '64K', '64kb', '64MiB', '1.5g', '2 g', '1t'].map(parseMemorySize), [1024, 64 * 1024, 64 * 1024, 64 * 1024, 64 * MiB, 1536 * MiB, 2048 * MiB, 1024 ** 4]);
		assert.deepEqual(['', 'm', '-1', '1x', '1gg'].map(parseMemorySize), [undefined, undefined, undefined, undefined, undefined]);
	});

	test('the body sent is only what was given; no policy is the engine\'s empty name', () => {
		assert.deepEqual(toUpdateBody({restart: {name: 'no'}}), {RestartPolicy: {Name: '', MaximumRetryCount: 0}});
		assert.deepEqual(toUpdateBody({memory: MiB, nanoCpus: 5e8}), {Memory: MiB, NanoCpus: 5e8});
		assert.equal(describeUpdate({restart: {name: 'on-failure', maximumRetryCount: 3}, memory: 64 * MiB, memorySwap: -1, nanoCpus: 5e8, pidsLimit: 0}), 'restart on-failure:3, memory 64MiB, memory and swap unlimited, CPUs 0.5, processes unlimited');
	});
});

describe('u: the prompt', () => {
	test('Enter sends the update for the selected container, and the answer is said', () => {
		const prompt = press(withContainers(['api', 'web']), 'j', 'u');
		assert.equal(prompt.ui.mode, 'update');
		assert.equal(prompt.ui.draft, '');
		const sent = press(prompt, '--restart always -m 64m', {key: 'return'});
		assert.deepEqual(requests(sent), [{kind: 'container-update', targets: [target('web')], update: {restart: {name: 'always'}, memory: 64 * MiB}}]);
		assert.equal(sent.ui.message?.text, 'Updating web: restart always, memory 64MiB…');
		assert.equal(sent.ui.mode, 'list');
		assert.equal(finish(sent, 'container-update', {kind: 'done', text: 'Updated web: restart always.'}).ui.message?.text, 'Updated web: restart always.');
		assert.equal(finish(sent, 'container-update', {kind: 'failed', error: 'Could not update web: Memory limit should be smaller than already set memoryswap limit'}).ui.message?.tone, 'error');
	});

	test('flags it cannot read keep the prompt open with what was typed, and say why; typing clears that', () => {
		const wrong = press(withContainers(['api']), 'u', '--restart sometimes', {key: 'return'});
		assert.equal(wrong.ui.mode, 'update');
		assert.equal(wrong.ui.draft, '--restart sometimes');
		assert.match(wrong.ui.promptError ?? '', /^Cannot update: --restart takes no, always/);
		assert.deepEqual(requests(wrong), []);
		assert.equal(press(wrong, 'x').ui.promptError, undefined, 'typing clears it');
		assert.equal(press(wrong, {key: 'escape'}).ui.promptError, undefined, 'Esc too');
		// Empty, or Esc: nothing.
		assert.deepEqual(requests(press(withContainers(['api']), 'u', {key: 'return'})), []);
		const left = press(withContainers(['api']), 'u', '--cpus 1', {key: 'escape'});
		assert.equal(left.ui.mode, 'list');
		assert.deepEqual(requests(left), []);
	});

	test('the marked containers, all of them; one gone while typing is left out', () => {
		const marked = press(withContainers(['api', 'db', 'web']), ' ', 'j', 'j', ' ', 'u');
		const gone = reduceApp(marked, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'id-api', names: ['/api']}), containerRecord({id: 'id-db', names: ['/db']})]});
		const sent = press(gone, '--pids-limit 100', {key: 'return'});
		assert.deepEqual(requests(sent), [{kind: 'container-update', targets: [target('api')], update: {pidsLimit: 100}}]);
	});

	test('read-only: refused, nothing asked', () => {
		const refused = press(readOnly(withContainers(['api'])), 'u');
		assert.equal(refused.ui.mode, 'list');
		assert.match(refused.ui.message?.text ?? '', /^Read-only mode: "u" would change/);
	});
});
