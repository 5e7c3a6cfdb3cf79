// End to end: compose projects from berth, through the built CLI in tmux: a project from a file goes down and up
// again with the compose CLI's output shown and the list following; a project whose files are gone is stopped,
// started and restarted through the engine's API.
import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {promisify} from 'node:util';
import {after, afterEach, test} from 'node:test';
import {type ComposeCli, findComposeCli, formatComposeCli} from '../../source/engine/compose.js';
import {BerthSessions, statusText} from '../support/berth.js';
import {docker, engineSkip, testDockerHost, testImage, uniqueName} from '../support/testEngine.js';
import type {TmuxSession} from '../support/tmux.js';

const execFileAsync = promisify(execFile);
const engineSkipped = await engineSkip();
const cli = engineSkipped ? undefined : await findComposeCli();
const skip = engineSkipped || (cli ? false : 'no compose CLI (docker compose, docker-compose)');

const projects: string[] = [];
const directories: string[] = [];
after(async () => {
	for (const directory of directories) rmSync(directory, {recursive: true, force: true});
	if (engineSkipped) return;
	for (const project of projects) {
		const ids = (await docker('ps', '-aq', '--filter', `label=com.docker.compose.project=${project}`)).split('\n').filter(Boolean);
		if (ids.length > 0) await docker('rm', '-f', '-v', ...ids).catch(() => undefined);
		await docker('network', 'rm', `${project}_default`).catch(() => undefined);
	}
});

// Generous: the machine may be loaded by other test runs.
const slow = {timeoutMs: 45_000};
const berth = new BerthSessions({ready: /NAME/, readyTimeoutMs: slow.timeoutMs});
afterEach(async () => berth.killAll());

const lines = (screen: string) => screen.replace(/\n$/, '').split('\n');
const rowOf = (screen: string, project: string) => lines(screen).find(line => new RegExp(`^(›| ) ${project}\\s`).test(line)) ?? '';

/** A project of two services of the test image, from a compose file in a directory of its own, brought up. */
async function composeProject(prefix: string): Promise<{name: string; directory: string}> {
	const name = uniqueName(prefix).replaceAll(/[^a-z\d]/g, '');
	projects.push(name);
	const directory = mkdtempSync(path.join(tmpdir(), 'berth-compose-'));
	directories.push(directory);
	const service = (what: string) => `  ${what}:\n    image: ${testImage}\n    labels:\n      berth.test: "1"\n    command: ["sh", "-c", "trap 'exit 0' TERM; while :; do echo ${what}; sleep 1; done"]\n`;
	writeFileSync(path.join(directory, 'compose.yaml'), `version: "3"\nservices:\n${service('web')}${service('worker')}`);
	await runCli(cli!, ['-p', name, 'up', '-d'], directory);
	return {name, directory};
}

async function runCli(compose: ComposeCli, args: string[], cwd: string): Promise<void> {
	await execFileAsync(compose.command, [...compose.prefix, ...args], {cwd, env: {...process.env, DOCKER_HOST: testDockerHost}, timeout: 60_000});
}

async function states(project: string): Promise<string[]> {
	const out = await docker('ps', '-a', '--filter', `label=com.docker.compose.project=${project}`, '--format', '{{.State}}');
	return out.split('\n').filter(Boolean).sort();
}

/** The projects view narrowed to one project, its row selected. */
async function showProject(session: TmuxSession, project: string) {
	await session.sendText('c');
	await session.waitFor(screen => screen.includes('PROJECT') && rowOf(screen, project) !== '', slow);
	await session.sendText('/');
	await session.sendText(project);
	await session.sendKeys('Enter');
	await session.waitFor(screen => rowOf(screen, project).startsWith('›') && !statusText(screen).startsWith('/'), slow);
}

test('a project from a file goes down and up again from berth, the CLI\'s output shown and the list following', {skip, timeout: 180_000}, async () => {
	const {name, directory} = await composeProject('down');
	const session = await berth.start();
	await showProject(session, name);
	const listed = await session.waitFor(screen => /2\/2 running/.test(rowOf(screen, name)), slow);
	assert.match(rowOf(listed, name), /web, worker\s+compose\.yaml\s+yes\s+/);
	assert.ok(rowOf(listed, name).includes(directory));

	await session.sendText('d');
	await session.waitFor(screen => statusText(screen).includes(`compose project ${name}`) && statusText(screen).includes('[ ] v: also its volumes'));
	await session.sendText('y');
	const down = await session.waitFor(screen => screen.includes(`Compose: ${name}`) && screen.includes('exited with code 0'), slow);
	assert.ok(down.includes(`${formatComposeCli(cli!)} -p ${name} -f ${path.join(directory, 'compose.yaml')}`), 'the command line');
	assert.match(down, new RegExp(`Removing ${name}_web_1`));
	assert.deepEqual(await states(name), []);
	await session.sendKeys('Escape');
	await session.waitFor(screen => /\sdown\s/.test(rowOf(screen, name)), slow);

	await session.sendText('u');
	await session.waitFor(screen => statusText(screen).includes(`Bring up compose project ${name} (compose up -d`));
	await session.sendText('y');
	const up = await session.waitFor(screen => screen.includes('exited with code 0') && screen.includes(`Creating ${name}_worker_1`), slow);
	assert.match(statusText(up), /up -d: done for/);
	await session.sendKeys('Escape');
	await session.waitFor(screen => /2\/2 running/.test(rowOf(screen, name)), slow);
	assert.deepEqual(await states(name), ['running', 'running']);
});

test('a failing compose command shows its own words and exit code', {skip, timeout: 120_000}, async () => {
	const {name, directory} = await composeProject('fail');
	// The file is now invalid: the CLI refuses it before it asks the engine anything (nothing is pulled).
	writeFileSync(path.join(directory, 'compose.yaml'), `version: "3"\nservices:\n  web:\n    image: ${testImage}\n    bogus_option: 1\n`);
	const session = await berth.start();
	await showProject(session, name);
	await session.sendText('u');
	await session.sendText('y');
	const failed = await session.waitFor(screen => /exited with code [1-9]/.test(screen), slow);
	assert.match(failed, /bogus_option/);
	assert.match(statusText(failed), new RegExp(`up -d failed for ${name} \\(exit code [1-9]\\d*\\): .*bogus_option`));
	assert.deepEqual(await states(name), ['running', 'running'], 'nothing changed');
});

test('a project whose files are gone is stopped, started and restarted through the engine\'s API', {skip, timeout: 180_000}, async () => {
	const {name, directory} = await composeProject('gone');
	rmSync(directory, {recursive: true, force: true});
	const session = await berth.start();
	await showProject(session, name);
	await session.waitFor(screen => /2\/2 running\s+web, worker\s+compose\.yaml\s+no\s/.test(rowOf(screen, name)), slow);

	await session.sendText('s');
	await session.sendText('y');
	const stopped = await session.waitFor(screen => statusText(screen).startsWith(`Stopped ${name} through the engine's API`), slow);
	assert.match(stopped, /its files are not on this machine/);
	assert.deepEqual(await states(name), ['exited', 'exited']);
	await session.sendKeys('Escape');
	await session.waitFor(screen => /0\/2 running/.test(rowOf(screen, name)), slow);

	await session.sendText('S');
	await session.sendText('y');
	await session.waitFor(screen => statusText(screen).startsWith(`Started ${name} through the engine's API`), slow);
	await session.sendKeys('Escape');
	await session.waitFor(screen => /2\/2 running/.test(rowOf(screen, name)), slow);

	const before = await docker('ps', '--filter', `label=com.docker.compose.project=${name}`, '--format', '{{.ID}} {{.RunningFor}}');
	const startedAt = async () => (await docker('inspect', '--format', '{{.State.StartedAt}}', `${name}_web_1`)).trim();
	const first = await startedAt();
	await session.sendText('r');
	await session.sendText('y');
	await session.waitFor(screen => statusText(screen).startsWith(`Restarted ${name} through the engine's API`), slow);
	assert.notEqual(await startedAt(), first, `restarted (was: ${before})`);

	// Up needs the files: berth says why.
	await session.sendKeys('Escape');
	await session.sendText('u');
	await session.sendText('y');
	await session.waitFor(screen => statusText(screen).startsWith(`Cannot up ${name}: its files are not on this machine`), slow);
});
