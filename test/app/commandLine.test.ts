// The plain reading of the command line (no meow) reads the common forms exactly as meow's reading does, and
// leaves every other form to meow.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {describeUnsupportedNode, readPlainCommandLine} from '../../source/app/commandLine.js';
import {parseCommandLine} from '../../source/app/flags.js';

test('the common forms are read without meow, to the command meow reads', () => {
	const table: string[][] = [
		[],
		['--host', 'unix:///tmp/berth-engine/docker.sock'],
		['-H', 'unix:///a.sock', '--host', 'ssh://ops@server', '--context', 'one', '--context', 'two'],
		['--all-contexts', '--no-color', '--ascii', '--read-only', '--kiosk', '--bell', '--notify'],
		['--refresh', '1', '--resync', '60', '--tail', '0', '--log-lines', '200', '--crash-restarts', '5', '--crash-minutes', '2'],
		['--on-alert', 'echo "$BERTH_ALERT_KIND" >> /tmp/x', '--config', '/tmp/berth.yaml'],
		['--refresh', 'soon'],
		['--refresh', ''],
		['--refresh', ' '],
		['--tail', '1e3'],
		['--crash-restarts', '0'],
		['--crash-minutes', '0.5', '--crash-restarts', '2.7'],
		['--host', 'config'],
		['--host', ''],
		['--config', ''],
		['--on-alert', ''],
		['--refresh', '0x10'],
	];
	for (const argv of table) {
		const plain = readPlainCommandLine(argv);
		assert.ok(plain, `read plainly: ${argv.join(' ')}`);
		assert.deepEqual(plain, parseCommandLine(argv), argv.join(' '));
	}
});

test('every other form is left to meow', () => {
	const table: string[][] = [
		['--help'],
		['--version'],
		['-h'],
		['--host', 'x', '--help'],
		['config'],
		['config', '--check', 'a.yaml'],
		['--host=unix:///a.sock'],
		['--refresh=2'],
		['--color'],
		['--no-ascii'],
		['--read-only', '--read-only'],
		['--refresh', '1', '--refresh', '2'],
		['--host'],
		['--host', '--read-only'],
		['--refresh', '-1'],
		['--bogus'],
		['stray'],
		['--'],
		['--readOnly'],
		['--check'],
	];
	for (const argv of table) assert.equal(readPlainCommandLine(argv), undefined, argv.join(' '));
});

test('on a Node older than 22 berth says so in one line instead of drawing a broken screen', () => {
	assert.equal(describeUnsupportedNode('v20.20.2'), 'needs Node 22 or later to draw its screen; this is Node 20.20.2');
	assert.equal(describeUnsupportedNode('v18.0.0')?.includes('Node 18.0.0'), true);
	assert.equal(describeUnsupportedNode('v22.0.0'), undefined);
	assert.equal(describeUnsupportedNode(process.version), undefined, 'the project\'s own Node');
	assert.equal(describeUnsupportedNode('v26.10.0'), undefined);
});
