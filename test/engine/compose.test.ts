// The compose CLI as berth runs it: found on this machine, given the project's name, files and directory, its
// output handed on line by line and its exit code kept.
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, test} from 'node:test';
import {composeArguments, findComposeCli, runCompose} from '../../source/engine/compose.js';

const cli = await findComposeCli();
const skip = cli ? false : 'no compose CLI (docker compose, docker-compose)';
const directory = mkdtempSync(path.join(tmpdir(), 'berth-compose-cli-'));
after(() => rmSync(directory, {recursive: true, force: true}));

test('the arguments: project, each file, the project directory, then the subcommand', () => {
	assert.deepEqual(composeArguments({host: 'unix:///x.sock', project: 'shop', files: ['/srv/a.yaml', '/srv/b.yaml'], workingDir: '/srv', args: ['down', '-v']}), [
		'-p',
		'shop',
		'-f',
		'/srv/a.yaml',
		'-f',
		'/srv/b.yaml',
		'--project-directory',
		'/srv',
		'down',
		'-v',
	]);
	assert.deepEqual(composeArguments({host: 'h', project: 'p', files: [], workingDir: '', args: ['stop']}), ['-p', 'p', 'stop']);
});

test('runs in the project\'s directory with its files; its lines come as they are written, with the exit code', {skip}, async () => {
	const file = path.join(directory, 'compose.yaml');
	writeFileSync(file, 'version: "3"\nservices:\n  web:\n    image: berth-test/busybox:latest\n  worker:\n    image: berth-test/busybox:latest\n');
	const lines: string[] = [];
	const code = await runCompose(cli!, {host: 'unix:///nowhere.sock', project: 'cli', files: [file], workingDir: directory, args: ['config', '--services']}, line => lines.push(line));
	assert.equal(code, 0);
	assert.deepEqual(lines.sort(), ['web', 'worker']);

	const failed: string[] = [];
	const missing = await runCompose(cli!, {host: 'unix:///nowhere.sock', project: 'cli', files: [path.join(directory, 'absent.yaml')], workingDir: directory, args: ['config']}, line => failed.push(line));
	assert.notEqual(missing, 0);
	assert.match(failed.join('\n'), /absent\.yaml/);
});
