// Docker contexts as berth reads them, checked against the docker CLI's own reading of the same config directory.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type {AddressInfo} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {after, before, describe, test} from 'node:test';
import {inspect, promisify} from 'node:util';
import {
	type ContextEnvironment,
	contextDirectoryName,
	readContexts,
	readCurrentContext,
	selectConfigDirectory,
	selectEngines,
} from '../../source/engine/contexts.js';
import {dockerOptions} from '../../source/engine/connection.js';
import {createDockerEngine} from '../../source/engine/docker.js';

const run = promisify(execFile);
const dockerCli = process.env.BERTH_DOCKER_CLI || 'docker';

function isCi(): boolean {
	const ci = process.env.CI;
	return Boolean(ci) && ci !== '0' && ci !== 'false';
}

/** false when the tool runs, else the reason to skip; under CI a missing tool is an error. */
async function toolSkip(command: string, args: string[], what: string): Promise<false | string> {
	try {
		await run(command, args, {timeout: 30_000});
		return false;
	} catch (error) {
		const reason = `${what} is not available (${command} ${args.join(' ')}: ${(error as Error).message.split('\n')[0]})`;
		if (isCi()) throw new Error(`${reason}; CI is set, so this is an error`);
		return reason;
	}
}

const cliSkip = await toolSkip(dockerCli, ['--version'], 'the docker CLI');
const opensslSkip = cliSkip || (await toolSkip('openssl', ['version'], 'openssl (for TLS material the docker CLI accepts)'));

/** The docker CLI with nothing of this process's docker environment: only what a case gives it. */
async function cli(config: string, args: string[], environment: Record<string, string> = {}): Promise<string> {
	const env: NodeJS.ProcessEnv = {...process.env};
	for (const name of ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_TLS', 'DOCKER_CERT_PATH']) delete env[name];
	const {stdout} = await run(dockerCli, args, {env: {...env, DOCKER_CONFIG: config, ...environment}, timeout: 30_000});
	return stdout.trim();
}

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-contexts-'));
after(() => {
	fs.rmSync(temporary, {recursive: true, force: true});
});

/** A config directory with contexts made by the docker CLI itself; `current` is chosen with `docker context use`. */
async function makeConfig(name: string, current?: string): Promise<string> {
	const config = path.join(temporary, name);
	await cli(config, ['context', 'create', 'alpha', '--description', 'first engine', '--docker', 'host=unix:///tmp/berth-alpha/docker.sock']);
	await cli(config, ['context', 'create', 'beta', '--docker', 'host=tcp://127.0.0.1:2999']);
	await cli(config, ['context', 'create', 'remote', '--docker', 'host=ssh://ops@127.0.0.1:2222']);
	if (current) await cli(config, ['context', 'use', current]);
	return config;
}

describe('contexts from a config directory made by the docker CLI', {skip: cliSkip}, () => {
	let bare = '';
	let chosen = '';
	before(async () => {
		bare = await makeConfig('bare');
		chosen = await makeConfig('chosen', 'beta');
	});

	test('readContexts lists what docker context ls lists: names, endpoints, descriptions', async () => {
		const environments: Array<Record<string, string>> = [{}, {DOCKER_HOST: 'unix:///tmp/berth-elsewhere.sock'}];
		for (const environment of environments) {
			const listed = (await cli(bare, ['context', 'ls', '--format', '{{json .}}'], environment))
				.split('\n')
				.map(line => JSON.parse(line) as {Name: string; DockerEndpoint: string; Description: string});
			const expected = listed
				.map(entry => ({name: entry.Name, host: entry.DockerEndpoint, description: entry.Description}))
				.sort((a, b) => a.name.localeCompare(b.name));
			const actual = readContexts(bare, environment)
				.map(context => ({name: context.name, host: context.host, description: context.description}))
				.sort((a, b) => a.name.localeCompare(b.name));
			assert.deepEqual(actual, expected, `with ${JSON.stringify(environment)}`);
		}
	});

	test('a context is stored under the SHA-256 of its name, as berth looks for it', () => {
		const folders = fs.readdirSync(path.join(bare, 'contexts', 'meta')).sort();
		const names = ['alpha', 'beta', 'remote'];
		assert.deepEqual(folders, names.map(name => createHash('sha256').update(name).digest('hex')).sort());
		for (const name of names) assert.ok(folders.includes(contextDirectoryName(name)));
	});

	test('readCurrentContext agrees with docker context show (DOCKER_CONTEXT, then currentContext, then default)', async () => {
		const cases: Array<{config: () => string; environment: Record<string, string>}> = [
			{config: () => bare, environment: {}},
			{config: () => chosen, environment: {}},
			{config: () => bare, environment: {DOCKER_CONTEXT: 'alpha'}},
			{config: () => chosen, environment: {DOCKER_CONTEXT: 'alpha'}},
			{config: () => chosen, environment: {DOCKER_CONTEXT: 'default'}},
			{config: () => path.join(temporary, 'missing'), environment: {}},
		];
		for (const {config, environment} of cases) {
			const expected = await cli(config(), ['context', 'show'], environment);
			assert.equal(readCurrentContext(config(), environment), expected, `${config()} with ${JSON.stringify(environment)}`);
		}

		assert.equal(readCurrentContext(bare, {}), 'default');
		assert.equal(readCurrentContext(chosen, {}), 'beta');
	});

	test('DOCKER_CONFIG chooses the config directory, else ~/.docker', () => {
		assert.equal(selectConfigDirectory({DOCKER_CONFIG: bare, HOME: '/home/someone'}), bare);
		assert.equal(selectConfigDirectory({HOME: '/home/someone'}), '/home/someone/.docker');
	});

	test('selectEngines picks the engine the docker CLI would use: DOCKER_HOST > DOCKER_CONTEXT > currentContext > default', async () => {
		const elsewhere = 'unix:///tmp/berth-elsewhere.sock';
		const cases: Array<{name: string; config: () => string; environment: Record<string, string>; context?: string}> = [
			{name: 'nothing set', config: () => bare, environment: {}},
			{name: 'currentContext', config: () => chosen, environment: {}},
			{name: 'DOCKER_CONTEXT over currentContext', config: () => chosen, environment: {DOCKER_CONTEXT: 'alpha'}},
			{name: 'DOCKER_HOST over currentContext', config: () => chosen, environment: {DOCKER_HOST: elsewhere}},
			{name: 'DOCKER_HOST over DOCKER_CONTEXT', config: () => chosen, environment: {DOCKER_HOST: elsewhere, DOCKER_CONTEXT: 'alpha'}},
			{name: '--context over DOCKER_HOST', config: () => chosen, environment: {DOCKER_HOST: elsewhere}, context: 'remote'},
			{name: '--context over DOCKER_CONTEXT', config: () => bare, environment: {DOCKER_CONTEXT: 'alpha'}, context: 'beta'},
		];
		for (const {name, config, environment, context} of cases) {
			const flags = context ? ['--context', context] : [];
			const expectedName = await cli(config(), [...flags, 'context', 'show'], environment);
			// `context show` ignores --context: ask the CLI which endpoint a command would reach.
			const shownName = context ?? expectedName;
			const expectedHost = await cli(config(), ['context', 'inspect', shownName, '--format', '{{.Endpoints.docker.Host}}'], environment);
			const chosenEngines = selectEngines(
				{hosts: [], contexts: context ? [context] : [], allContexts: false},
				{...environment, DOCKER_CONFIG: config()} satisfies ContextEnvironment,
			);
			assert.ok(chosenEngines.ok, `${name}: ${chosenEngines.ok ? '' : chosenEngines.error}`);
			assert.deepEqual(
				chosenEngines.engines.map(engine => ({name: engine.name, host: engine.addressText})),
				[{name: shownName, host: expectedHost}],
				name,
			);
		}
	});

	test('--host wins over --context, DOCKER_HOST and DOCKER_CONTEXT', () => {
		const chosenEngines = selectEngines(
			{hosts: ['unix:///tmp/berth-flag/docker.sock'], contexts: ['alpha'], allContexts: false},
			{DOCKER_CONFIG: chosen, DOCKER_HOST: 'tcp://127.0.0.1:2375', DOCKER_CONTEXT: 'beta'},
		);
		assert.ok(chosenEngines.ok);
		assert.deepEqual(
			chosenEngines.engines.map(engine => engine.address),
			[{kind: 'unix', socketPath: '/tmp/berth-flag/docker.sock'}],
		);
	});

	test('--all-contexts gives every context, named as docker context ls names them', () => {
		const chosenEngines = selectEngines({hosts: [], contexts: [], allContexts: true}, {DOCKER_CONFIG: bare});
		assert.ok(chosenEngines.ok);
		assert.deepEqual(
			chosenEngines.engines.map(engine => [engine.name, engine.address.kind]).sort(),
			[
				['alpha', 'unix'],
				['beta', 'tcp'],
				['default', 'unix'],
				['remote', 'ssh'],
			],
		);
		const remote = chosenEngines.engines.find(engine => engine.name === 'remote');
		assert.deepEqual(remote?.address, {kind: 'ssh', host: '127.0.0.1', port: 2222, username: 'ops'});
	});

	test('--context repeated: one engine per context, the same context named twice is shown once', () => {
		const chosenEngines = selectEngines({hosts: [], contexts: ['beta', 'alpha', 'beta'], allContexts: false}, {DOCKER_CONFIG: bare});
		assert.ok(chosenEngines.ok);
		assert.deepEqual(
			chosenEngines.engines.map(engine => engine.name),
			['beta', 'alpha'],
		);
	});

	test('an unknown context: one line that names it and the known ones (--context, DOCKER_CONTEXT, currentContext)', async () => {
		const broken = path.join(temporary, 'broken');
		fs.cpSync(bare, broken, {recursive: true});
		fs.writeFileSync(path.join(broken, 'config.json'), JSON.stringify({currentContext: 'gone'}));
		const cases: Array<{name: string; missing: string; result: ReturnType<typeof selectEngines>}> = [
			{
				name: '--context',
				missing: 'nope',
				result: selectEngines({hosts: [], contexts: ['alpha', 'nope'], allContexts: false}, {DOCKER_CONFIG: bare}),
			},
			{
				name: 'DOCKER_CONTEXT',
				missing: 'nope',
				result: selectEngines({hosts: [], contexts: [], allContexts: false}, {DOCKER_CONFIG: bare, DOCKER_CONTEXT: 'nope'}),
			},
			{
				name: 'currentContext',
				missing: 'gone',
				result: selectEngines({hosts: [], contexts: [], allContexts: false}, {DOCKER_CONFIG: broken}),
			},
		];
		for (const {name, missing, result} of cases) {
			assert.equal(result.ok, false, name);
			const error = result.ok ? '' : result.error;
			assert.equal(error.split('\n').length, 1, `${name}: one line`);
			assert.ok(error.includes(`"${missing}"`), `${name}: names the missing context: ${error}`);
			for (const known of ['default', 'alpha', 'beta', 'remote']) assert.ok(error.includes(known), `${name}: names ${known}: ${error}`);
		}

		// The docker CLI refuses such a context too, with the name in its message.
		await assert.rejects(cli(bare, ['version'], {DOCKER_CONTEXT: 'nope'}), /nope/);
	});

	test('a context file that cannot be read is left out; the others stay', () => {
		const damaged = path.join(temporary, 'damaged');
		fs.cpSync(bare, damaged, {recursive: true});
		fs.writeFileSync(path.join(damaged, 'contexts', 'meta', contextDirectoryName('beta'), 'meta.json'), '{not json');
		assert.deepEqual(readContexts(damaged, {}).map(context => context.name).sort(), ['alpha', 'default', 'remote']);
	});
});

describe('TLS material of a context (contexts/tls/<sha256>/docker)', {skip: opensslSkip}, () => {
	let config = '';
	let material = '';
	let certificate: Buffer;
	let key: Buffer;
	before(async () => {
		material = path.join(temporary, 'material');
		fs.mkdirSync(material);
		// One self-signed certificate for 127.0.0.1 serves as CA, server and client certificate.
		await run(
			'openssl',
			[
				'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
				'-addext', 'subjectAltName=IP:127.0.0.1',
				'-keyout', path.join(material, 'key.pem'), '-out', path.join(material, 'cert.pem'),
			],
			{timeout: 60_000},
		);
		fs.copyFileSync(path.join(material, 'cert.pem'), path.join(material, 'ca.pem'));
		certificate = fs.readFileSync(path.join(material, 'cert.pem'));
		key = fs.readFileSync(path.join(material, 'key.pem'));
		config = path.join(temporary, 'tls');
		const files = `ca=${material}/ca.pem,cert=${material}/cert.pem,key=${material}/key.pem`;
		await cli(config, ['context', 'create', 'secure', '--docker', `host=tcp://127.0.0.1:2376,${files}`]);
		await cli(config, ['context', 'create', 'trusting', '--docker', `host=tcp://127.0.0.1:2377,${files},skip-tls-verify=true`]);
		await cli(config, ['context', 'create', 'bare-skip', '--docker', 'host=tcp://127.0.0.1:2378,skip-tls-verify=true']);
	});

	test('the CLI keeps the files under contexts/tls/<sha256 of the name>/docker; berth finds them there', () => {
		const folder = path.join(config, 'contexts', 'tls', createHash('sha256').update('secure').digest('hex'), 'docker');
		assert.deepEqual(fs.readdirSync(folder).sort(), ['ca.pem', 'cert.pem', 'key.pem']);
		const contexts = readContexts(config, {});
		assert.equal(contexts.find(context => context.name === 'secure')?.tlsPath, folder);
		assert.equal(contexts.find(context => context.name === 'bare-skip')?.tlsPath, undefined);
	});

	test('a context with TLS material: https with its CA, certificate and key, whatever the environment says', () => {
		const chosenEngines = selectEngines(
			{hosts: [], contexts: ['secure', 'trusting'], allContexts: false},
			{DOCKER_CONFIG: config, DOCKER_CERT_PATH: '/nonexistent', HOME: '/nonexistent'},
		);
		assert.ok(chosenEngines.ok);
		const [secure, trusting] = chosenEngines.engines;
		const folder = (name: string) => path.join(config, 'contexts', 'tls', contextDirectoryName(name), 'docker');
		assert.deepEqual(secure?.address, {kind: 'tcp', host: '127.0.0.1', port: 2376, tls: {verify: true, certPath: folder('secure')}});
		assert.deepEqual(trusting?.address, {kind: 'tcp', host: '127.0.0.1', port: 2377, tls: {verify: false, certPath: folder('trusting')}});

		const options = dockerOptions(secure!.address);
		assert.equal(options.protocol, 'https');
		assert.deepEqual(options.ca, certificate);
		assert.deepEqual(options.cert, certificate);
		assert.deepEqual(options.key, key);
		const trustingOptions = dockerOptions(trusting!.address);
		assert.equal(trustingOptions.protocol, 'https');
		assert.equal(trustingOptions.ca, undefined, 'skip-tls-verify: no CA to check the engine against');
		assert.deepEqual(trustingOptions.cert, certificate, 'the client certificate is still sent');
		// docker-modem writes every request's options with util.inspect, the agent and its sockets included.
		assert.equal(inspect((trustingOptions as {agent?: unknown}).agent), 'https agent');
	});

	test('berth reaches a TLS engine through the context: the CA checks the engine, the client certificate is sent', async t => {
		const server = await versionServer(certificate, key, true);
		t.after(() => server.close());
		await cli(config, ['context', 'create', 'live', '--docker', `host=tcp://127.0.0.1:${server.port},ca=${material}/ca.pem,cert=${material}/cert.pem,key=${material}/key.pem`]);
		const chosenEngines = selectEngines({hosts: [], contexts: ['live'], allContexts: false}, {DOCKER_CONFIG: config});
		assert.ok(chosenEngines.ok);
		const engine = createDockerEngine('live', chosenEngines.engines[0]!.address);
		assert.equal((await engine.system.version()).version, '99.0-stub');
		assert.ok(server.clientCertificates() > 0, 'the engine saw the context\'s client certificate');
		// The docker CLI reaches the same stub with the same context.
		assert.equal(await cli(config, ['--context', 'live', 'version', '--format', '{{.Server.Version}}']), '99.0-stub');
	});

	test(
		'skip-tls-verify without TLS material: TLS all the same, as the docker CLI speaks it',
		() => {
			const chosenEngines = selectEngines({hosts: [], contexts: ['bare-skip'], allContexts: false}, {DOCKER_CONFIG: config});
			assert.ok(chosenEngines.ok);
			const address = chosenEngines.engines[0]!.address;
			assert.equal(address.kind, 'tcp');
			const tls = address.kind === 'tcp' ? address.tls : false;
			assert.notEqual(tls, false, 'TLS on');
			assert.equal(tls !== false && tls.verify, false, 'without checking the engine\'s certificate');
		},
	);

	test(
		'skip-tls-verify reaches an engine whose certificate no CA vouches for',
		async t => {
			const server = await versionServer(certificate, key, false);
			t.after(() => server.close());
			const files = `ca=${material}/ca.pem,cert=${material}/cert.pem,key=${material}/key.pem`;
			await cli(config, ['context', 'create', 'live-skip', '--docker', `host=tcp://127.0.0.1:${server.port},${files},skip-tls-verify=true`]);
			assert.equal(await cli(config, ['--context', 'live-skip', 'version', '--format', '{{.Server.Version}}']), '99.0-stub');
			const chosenEngines = selectEngines({hosts: [], contexts: ['live-skip'], allContexts: false}, {DOCKER_CONFIG: config});
			assert.ok(chosenEngines.ok);
			const engine = createDockerEngine('live-skip', chosenEngines.engines[0]!.address);
			assert.equal((await engine.system.version()).version, '99.0-stub');
		},
	);
});

describe('engine names for --host', () => {
	const names = (hosts: string[]) => {
		const chosenEngines = selectEngines({hosts, contexts: [], allContexts: false}, {});
		assert.ok(chosenEngines.ok, chosenEngines.ok ? '' : chosenEngines.error);
		return chosenEngines.engines.map(engine => engine.name);
	};

	test('one --host is the default engine', () => {
		assert.deepEqual(names(['unix:///tmp/berth-engine/docker.sock']), ['default']);
	});

	test('several: short, readable names from the address', () => {
		const cases: Array<{hosts: string[]; expected: string[]}> = [
			{hosts: ['unix:///tmp/berth-engine/docker.sock', 'unix:///tmp/berth-engine-two/docker.sock'], expected: ['berth-engine', 'berth-engine-two']},
			{hosts: ['unix:///var/run/docker.sock', 'unix:///tmp/berth-podman/podman.sock'], expected: ['local', 'podman']},
			{hosts: ['tcp://127.0.0.1:2375', '127.0.0.1:2376'], expected: ['127.0.0.1:2375', '127.0.0.1:2376']},
			{hosts: ['ssh://ops@127.0.0.1:2222', 'ssh://127.0.0.1'], expected: ['ops@127.0.0.1', '127.0.0.1']},
		];
		for (const {hosts, expected} of cases) assert.deepEqual(names(hosts), expected, hosts.join(' '));
	});

	test('several that read alike: still unique', () => {
		const cases: string[][] = [
			['unix:///tmp/lab/docker.sock', 'unix:///tmp/lab/docker.sock'],
			['unix:///tmp/lab/docker.sock', 'unix:///srv/lab/docker.sock', 'unix:///opt/lab/docker.sock'],
			['ssh://ops@127.0.0.1:2222', 'ssh://ops@127.0.0.1:2223'],
			// A generated name must not take one that a later address reads as.
			['unix:///tmp/lab/docker.sock', 'unix:///srv/lab/docker.sock', 'unix:///tmp/lab#2/docker.sock'],
		];
		for (const hosts of cases) {
			const result = names(hosts);
			assert.equal(new Set(result).size, hosts.length, `${hosts.join(' ')} -> ${result.join(', ')}`);
			assert.ok(result.every(name => name.startsWith('lab') || name.startsWith('ops@127.0.0.1')), result.join(', '));
		}

		assert.deepEqual(names(['unix:///tmp/lab/docker.sock', 'unix:///srv/lab/docker.sock']), ['lab', 'lab#2']);
	});

	test('a --host that cannot be read: one line naming it', () => {
		const chosenEngines = selectEngines({hosts: ['unix:///tmp/a/docker.sock', 'ftp://127.0.0.1'], contexts: [], allContexts: false}, {});
		assert.equal(chosenEngines.ok, false);
		assert.match(chosenEngines.ok ? '' : chosenEngines.error, /^"ftp:\/\/127\.0\.0\.1": unsupported protocol "ftp"/);
	});
});

/** A stub engine on 127.0.0.1 that answers /version over TLS (and whether the client showed a certificate). */
async function versionServer(
	certificate: Buffer,
	key: Buffer,
	requireClientCertificate: boolean,
): Promise<{port: number; close: () => Promise<void>; clientCertificates: () => number}> {
	let seen = 0;
	const server = https.createServer(
		{cert: certificate, key, ca: certificate, requestCert: requireClientCertificate, rejectUnauthorized: requireClientCertificate},
		(request, response) => {
			const socket = request.socket as import('node:tls').TLSSocket;
			if (socket.getPeerCertificate && Object.keys(socket.getPeerCertificate()).length > 0) seen++;
			const body = request.url?.includes('version')
				? JSON.stringify({Version: '99.0-stub', ApiVersion: '1.41', MinAPIVersion: '1.12', Os: 'linux', Arch: 'amd64', Components: []})
				: 'OK';
			response.writeHead(200, {'Content-Type': request.url?.includes('version') ? 'application/json' : 'text/plain', 'Api-Version': '1.41'});
			response.end(body);
		},
	);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		port: (server.address() as AddressInfo).port,
		clientCertificates: () => seen,
		close: async () =>
			new Promise<void>(resolve => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
