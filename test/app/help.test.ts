// `berth --help` and `berth --version` alone are answered before the flag parser is loaded.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseCommandLine} from '../../source/app/flags.js';
import {helpText, quickAnswer} from '../../source/app/help.js';

test('only --help, -h or --version alone are answered early; anything else goes to the parser', () => {
	const table: Array<[string[], 'help' | 'version' | undefined]> = [
		[['--help'], 'help'],
		[['-h'], 'help'],
		[['--version'], 'version'],
		[[], undefined],
		[['--help', '--host', 'x'], undefined],
		[['--versions'], undefined],
		[['--read-only'], undefined],
	];
	for (const [argv, answer] of table) assert.equal(quickAnswer(argv), answer, argv.join(' '));
});

test('the early answer and the parser agree', () => {
	assert.deepEqual(parseCommandLine(['--help']), {kind: 'help'});
	assert.deepEqual(parseCommandLine(['--version']), {kind: 'version'});
});

test('the help names every flag the parser knows', () => {
	for (const flag of ['--host', '-H', '--context', '--all-contexts', '--no-color', '--ascii', '--refresh', '--resync', '--read-only', '--tail', '--log-lines', '--config', '--version', '--help']) {
		assert.ok(helpText.includes(flag), flag);
	}
});
