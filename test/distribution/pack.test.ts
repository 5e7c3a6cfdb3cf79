// The npm package as a user gets it: `npm pack`, then `npm install -g` of the tarball into a temporary prefix,
// on the floor Node version (22, fetched as the `node` package from the npm registry) and on the project's
// own (26); the installed `berth` answers --version and gives the no-engine error.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {builtinModules} from 'node:module';
import {tmpdir} from 'node:os';
import {delimiter, dirname, join} from 'node:path';
import {after, before, test} from 'node:test';
import {promisify} from 'node:util';
import {repoRoot} from '../support/tmux.js';

const execFileAsync = promisify(execFile);
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
	version: string;
	engines: {node: string};
	dependencies?: Record<string, string>;
	files: string[];
};
const floorMajor = /^>=(\d+)/.exec(manifest.engines.node)?.[1] ?? '22';
const projectNode = join(repoRoot, 'node_modules', '.bin', 'node');
const work = mkdtempSync(join(tmpdir(), 'berth-pack-'));
let tarball = '';
let files: string[] = [];

async function run(file: string, args: string[], options: {env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number} = {}) {
	return execFileAsync(file, args, {env: options.env ?? process.env, cwd: options.cwd ?? work, timeout: options.timeoutMs ?? 120_000, maxBuffer: 16 * 2 ** 20}).then(
		({stdout, stderr}) => ({status: 0, stdout, stderr}),
		(error: {code?: number; stdout?: string; stderr?: string}) => ({status: error.code ?? -1, stdout: error.stdout ?? '', stderr: error.stderr ?? ''}),
	);
}

/** PATH with the given node's folder first, so npm and `#!/usr/bin/env node` run on that node. */
const pathWith = (node: string) => [dirname(node), process.env.PATH ?? ''].join(delimiter);

before(async () => {
	// npm pack runs the prepare script (the build), as publishing does.
	const pack = await run('npm', ['pack', '--json', '--pack-destination', work], {cwd: repoRoot, env: {...process.env, PATH: pathWith(projectNode)}, timeoutMs: 300_000});
	assert.equal(pack.status, 0, pack.stderr);
	const [report] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{filename: string; files: Array<{path: string}>}>;
	tarball = join(work, report!.filename);
	files = report!.files.map(file => file.path).sort();
});
after(() => rmSync(work, {recursive: true, force: true}));

test('the tarball holds the built CLI, the readme and the licence, nothing else', () => {
	assert.ok(existsSync(tarball), tarball);
	assert.ok(files.includes('dist/cli.js') && files.includes('dist/berth.js') && files.includes('LICENSE') && files.includes('package.json'), files.join(' '));
	const unexpected = files.filter(file => !/^(dist\/(cli|berth)\.js|dist\/chunks\/[\w-]+\.js|LICENSE|readme\.md|package\.json)$/.test(file));
	assert.deepEqual(unexpected, [], 'no executable, sources or tests in the package');
});

test('the run-time dependencies are exactly what the built CLI imports: none beyond Node itself', () => {
	const imported = new Set<string>();
	for (const file of files.filter(name => name.endsWith('.js'))) {
		const code = readFileSync(join(repoRoot, file), 'utf8');
		for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)["']([^"'./][^"']*)["']/g)) {
			const name = match[1]!.replace(/^node:/, '');
			// Only what reads as a package name: minified code has `import "` inside strings too.
			if (!/^(@[\w.-]+\/)?[\w.-]+(\/[\w.@-]+)*$/.test(name)) continue;
			if (!builtinModules.includes(name) && !builtinModules.includes(name.split('/')[0]!)) imported.add(name);
		}
	}
	// ssh2 looks for its optional native add-on in a try and runs without it.
	imported.delete('cpu-features');
	assert.deepEqual([...imported].sort(), Object.keys(manifest.dependencies ?? {}).sort());
});

for (const which of ['floor', 'project'] as const) {
	test(`npm install -g of the tarball on Node ${which === 'floor' ? floorMajor : 'of the project'}: berth --version, and the no-engine error`, {timeout: 600_000}, async t => {
		let node = projectNode;
		if (which === 'floor') {
			const nodeDir = join(work, `node${floorMajor}`);
			writeFileSync(join(work, 'package.json'), '{"private": true}\n');
			const install = await run('npm', ['install', '--no-audit', '--no-fund', '--prefix', nodeDir, `node@${floorMajor}`], {timeoutMs: 540_000});
			assert.equal(install.status, 0, install.stderr);
			node = join(nodeDir, 'node_modules', '.bin', 'node');
		}
		const version = await run(node, ['--version']);
		t.diagnostic(`node ${version.stdout.trim()}`);
		if (which === 'floor') assert.match(version.stdout, new RegExp(`^v${floorMajor}\\.`));
		const prefix = join(work, `prefix-${which}`);
		const env = {...process.env, PATH: pathWith(node)};
		const install = await run('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {env, timeoutMs: 300_000});
		assert.equal(install.status, 0, install.stderr);
		assert.doesNotMatch(install.stderr, /EBADENGINE/);
		const berth = join(prefix, 'bin', 'berth');
		const answer = await run(berth, ['--version'], {env});
		assert.deepEqual(answer, {status: 0, stdout: `${manifest.version}\n`, stderr: ''});
		const help = await run(berth, ['--help'], {env});
		assert.match(help.stdout, /Usage\s+\$ berth/);
		const noEngine = await run(berth, ['--host', 'unix:///nonexistent/docker.sock'], {env: {...env, CI: ''}});
		assert.equal(noEngine.status, 1);
		assert.match(noEngine.stderr, /^berth: cannot reach the Docker engine at unix:\/\/\/nonexistent\/docker\.sock/);
		assert.equal(noEngine.stderr.trim().split('\n').length, 1, noEngine.stderr);
	});
}
