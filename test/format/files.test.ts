// A directory's entries as lines, modes as ls shows them, and a file's text made safe (binary and large files said so).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatFileEntry, formatFileMode, formatFileText, isBinary, sortFileEntries} from '../../source/format/files.js';

// Modified times are written below in UTC: the local time of a machine in UTC.
process.env.TZ = 'UTC';

describe('formatFileMode', () => {
	const cases: Array<[Parameters<typeof formatFileMode>[0], number, string]> = [
		['directory', 0o755, 'drwxr-xr-x'],
		['file', 0o644, '-rw-r--r--'],
		['symlink', 0o777, 'lrwxrwxrwx'],
		['directory', 0o1777, 'drwxrwxrwt'],
		['file', 0o4755, '-rwsr-xr-x'],
		['file', 0o2644, '-rw-r-Sr--'],
		['fifo', 0o600, 'prw-------'],
	];
	for (const [type, mode, expected] of cases) test(expected, () => assert.equal(formatFileMode(type, mode), expected));
});

describe('entries', () => {
	const entry = {type: 'file' as const, size: 1250, mode: 0o644, modified: Date.parse('2026-11-30T13:10:00Z'), linkTarget: ''};
	test('a line: mode, size, modified (local time), name, link target', () => {
		assert.equal(formatFileEntry({...entry, name: 'hosts'}), '-rw-r--r--     1.25kB  2026-11-30 13:10  hosts');
		assert.equal(formatFileEntry({...entry, name: 'mtab', type: 'symlink', mode: 0o777, size: 0, linkTarget: '/proc/mounts'}), 'lrwxrwxrwx         0B  2026-11-30 13:10  mtab -> /proc/mounts');
		assert.equal(formatFileEntry({...entry, name: 'etc', type: 'directory', mode: 0o755}), 'drwxr-xr-x          -  2026-11-30 13:10  etc/');
	});

	test('a name with escape sequences cannot move the cursor or set the title', () => {
		const line = formatFileEntry({...entry, name: 'evil\u001B]0;pwned\u0007\u001B[2Jname\u001B[31m'});
		assert.doesNotMatch(line, /\u001B/);
		assert.match(line, /evilname$/);
	});

	test('directories first, then natural order', () => {
		const sorted = sortFileEntries([
			{...entry, name: 'file10'},
			{...entry, name: 'file2'},
			{...entry, name: 'zdir', type: 'directory'},
			{...entry, name: 'adir', type: 'directory'},
		]);
		assert.deepEqual(sorted.map(each => each.name), ['adir', 'zdir', 'file2', 'file10']);
	});
});

describe('formatFileText', () => {
	test('lines, with escape sequences and colour dropped and control characters shown', () => {
		assert.deepEqual(formatFileText(Buffer.from('a\r\n\u001B[31mred\u001B[0m\nbell\u0007\n'), 22, false), ['a', 'red', 'bell^G']);
	});

	test('binary is said, not shown', () => {
		assert.equal(isBinary(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01])), true);
		assert.equal(isBinary(Buffer.from('café ☕')), false);
		assert.deepEqual(formatFileText(Buffer.from([1, 0, 2]), 1_000_000, true), ['(a binary file of 1MB: not shown)']);
	});

	test('a large file is shown in part, and says so', () => {
		const lines = formatFileText(Buffer.from('x\n'.repeat(10)), 2_000_000, true);
		assert.equal(lines.length, 11);
		assert.equal(lines.at(-1), '-- the first 20B of 2MB shown --');
	});
});
