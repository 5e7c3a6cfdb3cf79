/**
 * `npm test`'s runner: the tests that need no particular Docker once, and the engine-layer and end-to-end
 * suites (test/engine, test/e2e, and the engine self-test) once per Docker version berth is tested against.
 *
 *   node --import tsx test/support/suites.ts              every pass: once, then 20.10, then 26.1
 *   node --import tsx test/support/suites.ts 26.1         only the engine suites on Docker 26.1
 *   node --import tsx test/support/suites.ts once 20.10   the passes named, in that order
 *
 * Each pass is one `node --test --test-concurrency=1` over its files, with BERTH_ENGINE_VERSION set for the
 * engine passes (see testEngine.ts; each version has its own engine directory and bridge). The passes run one
 * after the other, never side by side: the end-to-end suites measure reaction times on a shared machine.
 * Every pass runs even when an earlier one failed; the exit status is 1 if any failed. With
 * BERTH_TEST_DOCKER_HOST (an engine that runs already) the engine suites run once, against that engine.
 */
import {spawn} from 'node:child_process';
import {glob} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {type EngineVersion, engineVersions, sharedEngine, type TestEngine, testImage} from './testEngine.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The files that run once per Docker version: they test berth against the engine itself. */
export function runsPerEngine(file: string): boolean {
	const relative = file.split(path.sep).join('/');
	return relative.startsWith('test/engine/') || relative.startsWith('test/e2e/') || relative === 'test/support/engine.test.ts';
}

interface Pass {
	name: string;
	files: string[];
	env: NodeJS.ProcessEnv;
}

async function testFiles(): Promise<string[]> {
	const files: string[] = [];
	for await (const file of glob(['test/**/*.test.ts', 'test/**/*.test.tsx'], {cwd: repoRoot})) files.push(file);
	return files.sort();
}

function plan(files: string[], wanted: readonly string[]): Pass[] {
	const once = files.filter(file => !runsPerEngine(file));
	const perEngine = files.filter(file => runsPerEngine(file));
	const external = process.env.BERTH_TEST_DOCKER_HOST;
	// The files that run once use the 20.10 engine, whatever BERTH_ENGINE_VERSION the shell has.
	const passes: Pass[] = [{name: 'once', files: once, env: {...process.env, BERTH_ENGINE_VERSION: '20.10'}}];
	if (external) {
		passes.push({name: `external engine ${external}`, files: perEngine, env: process.env});
	} else {
		for (const version of engineVersions) {
			passes.push({name: version, files: perEngine, env: {...process.env, BERTH_ENGINE_VERSION: version}});
		}
	}

	if (wanted.length === 0) return passes;
	return wanted.map(name => {
		const pass = passes.find(candidate => candidate.name === name || (name !== 'once' && external && candidate.name.startsWith('external')));
		if (!pass) throw new Error(`no test pass ${JSON.stringify(name)}: use once, ${engineVersions.join(', ')}`);
		return pass;
	});
}

/**
 * Whether the engine creates (and removes) a container within 20 s each. Docker 20.10's libnetwork can
 * deadlock when containers exit at once (its store's watch and a container's leave each wait for the
 * other's lock; seen once at the end of an e2e pass): the engine goes on listing and inspecting, and every
 * create waits for ever, so every engine test of the next pass would time out.
 */
async function creates(engine: TestEngine): Promise<boolean> {
	const name = `berth-probe-${process.pid}`;
	try {
		await engine.dockerWith({timeoutMs: 20_000}, 'create', '--name', name, testImage, 'true');
		await engine.dockerWith({timeoutMs: 20_000}, 'rm', '-f', name);
		return true;
	} catch {
		return false;
	}
}

/**
 * The engine's data-root outlives a run (and a machine image can carry it into the next): containers an earlier
 * run left (a test that failed before its clean-up, a killed run) would be rows in every list of this one, and
 * a long name widens the NAME column that the containers suite measures. Each pass starts without them, on
 * an engine that creates containers.
 */
async function clearLeftovers(pass: Pass): Promise<void> {
	const version = pass.env.BERTH_ENGINE_VERSION as EngineVersion;
	if (process.env.BERTH_TEST_DOCKER_HOST || !engineVersions.includes(version)) return;
	const engine = sharedEngine(version);
	try {
		if (!(await engine.ensure())) return;
		if (!(await creates(engine))) {
			process.stdout.write(`# ${pass.name}: Docker ${version} answers but creates no container within 20 s: restarting it\n`);
			await engine.restartDaemon();
		}

		// Every container: the shared engines are the tests' own (engine.sh), and not all of an earlier session's
		// were made through runContainer().
		const leftovers = (await engine.docker('ps', '-aq')).split(/\s+/).filter(Boolean);
		if (leftovers.length === 0) return;
		// One at a time: Docker 20.10's libnetwork can deadlock when many containers leave their networks at once.
		for (const id of leftovers) await engine.removeTestContainers([id]);
		process.stdout.write(`# ${pass.name}: removed ${leftovers.length} containers an earlier run left on Docker ${version}\n`);
	} catch (error) {
		// The pass's own tests say what is wrong with the engine.
		process.stdout.write(`# ${pass.name}: could not clear Docker ${version}'s earlier containers: ${(error as Error).message.split('\n')[0]}\n`);
	}
}

async function runPass(pass: Pass): Promise<number> {
	const args = ['--import', 'tsx', '--test', '--test-concurrency=1', ...pass.files];
	return new Promise(resolve => {
		const child = spawn(process.execPath, args, {cwd: repoRoot, env: pass.env, stdio: 'inherit'});
		child.on('error', error => {
			process.stderr.write(`# ${pass.name}: ${error.message}\n`);
			resolve(1);
		});
		child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
	});
}

async function main(): Promise<number> {
	const passes = plan(await testFiles(), process.argv.slice(2));
	const results: string[] = [];
	let failed = false;
	for (const pass of passes) {
		const label = pass.name === 'once' ? 'tests that need no particular engine' : `engine and end-to-end suites on Docker ${pass.name}`;
		process.stdout.write(`\n# berth tests: ${label} (${pass.files.length} files)\n`);
		const started = Date.now();
		await clearLeftovers(pass);
		const status = await runPass(pass);
		failed ||= status !== 0;
		results.push(`# ${pass.name}: ${status === 0 ? 'passed' : `FAILED (exit ${status})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
	}

	process.stdout.write(`\n${results.join('\n')}\n`);
	return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	process.exitCode = await main();
}
