// Custom commands carried out: each run under /bin/sh with its row's engine in the environment, its output
// and exit status kept for the pane.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {runCustomRequest, selectEngineEnvironment} from '../../source/app/customRun.js';
import type {Engine, EngineAddress} from '../../source/engine/types.js';

const environments: Array<[EngineAddress, Record<string, string>]> = [
	[{kind: 'unix', socketPath: '/run/docker.sock'}, {DOCKER_HOST: 'unix:///run/docker.sock'}],
	[{kind: 'tcp', host: '10.0.0.2', port: 2375, tls: false}, {DOCKER_HOST: 'tcp://10.0.0.2:2375'}],
	[
		{kind: 'tcp', host: 'far', port: 2376, tls: {verify: true, certPath: '/certs'}},
		{DOCKER_HOST: 'tcp://far:2376', DOCKER_TLS: '1', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/certs'},
	],
	[{kind: 'tcp', host: '::1', port: 2376, tls: {verify: false, certPath: ''}}, {DOCKER_HOST: 'tcp://[::1]:2376', DOCKER_TLS: '1'}],
	[{kind: 'ssh', host: 'prod', port: 22, username: 'ops'}, {DOCKER_HOST: 'ssh://ops@prod:22'}],
];

for (const [address, expected] of environments) {
	test(`the environment of ${JSON.stringify(address)}`, () => {
		const environment = selectEngineEnvironment(address);
		// A context or TLS of berth's own environment must not win over the row's engine: they are emptied.
		assert.deepEqual(Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== '')), expected);
		assert.equal(environment.DOCKER_CONTEXT, '');
	});
}

test('each run under /bin/sh with its engine\'s DOCKER_HOST; output and exit status kept', async () => {
	const engines = new Map([
		['one', {name: 'one', address: {kind: 'unix', socketPath: '/one.sock'}} as unknown as Engine],
		['two', {name: 'two', address: {kind: 'tcp', host: 'two', port: 2375, tls: false}} as unknown as Engine],
	]);
	const result = await runCustomRequest(
		{
			id: 1,
			kind: 'custom',
			name: 'Where',
			terminal: false,
			runs: [
				{engine: 'one', target: 'a', command: 'echo "$DOCKER_HOST [$DOCKER_CONTEXT] ${DOCKER_TLS_VERIFY-unset}"'},
				{engine: 'two', target: 'b', command: 'echo $DOCKER_HOST >&2; exit 4'},
			],
		},
		engines,
		async () => undefined,
		{PATH: process.env.PATH, DOCKER_CONTEXT: 'elsewhere', DOCKER_TLS_VERIFY: '1'},
	);
	assert.deepEqual(result, {
		kind: 'custom',
		failed: 1,
		lines: [
			'$ echo "$DOCKER_HOST [$DOCKER_CONTEXT] ${DOCKER_TLS_VERIFY-unset}"    (a on one)',
			'unix:///one.sock [] unset',
			'[exit status 0]',
			'',
			'$ echo $DOCKER_HOST >&2; exit 4    (b on two)',
			'tcp://two:2375',
			'[exit status 4]',
			'',
		],
	});
});
