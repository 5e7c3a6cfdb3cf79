// Every value a custom command substitutes reaches /bin/sh as one inert word.
import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {test} from 'node:test';
import {fillShellTemplate, quoteShellWord} from '../../source/format/shell.js';

const cases: Array<[string, string]> = [
	['web', "'web'"],
	['my-app_1.2', "'my-app_1.2'"],
	['registry:5000/app:v1', "'registry:5000/app:v1'"],
	['', "''"],
	['two words', "'two words'"],
	['$(rm -rf ~)', "'$(rm -rf ~)'"],
	['`reboot`', "'`reboot`'"],
	["it's", "'it'\\''s'"],
	['a;b&&c|d>e', "'a;b&&c|d>e'"],
	['$HOME', "'$HOME'"],
	['*', "'*'"],
	['line\nbreak', "'line\nbreak'"],
	['-rf', "'-rf'"],
	['"quoted"', `'"quoted"'`],
	['back\\slash', "'back\\slash'"],
];

for (const [value, quoted] of cases) {
	test(`quoteShellWord(${JSON.stringify(value)})`, () => {
		assert.equal(quoteShellWord(value), quoted);
		// And /bin/sh reads it back as exactly that one word, running nothing.
		const echoed = execFileSync('/bin/sh', ['-c', `printf '%s\\0' ${quoteShellWord(value)}`], {encoding: 'utf8'});
		assert.equal(echoed, `${value}\0`);
	});
}

// The same values inside double and single quotes of a command line: still only text.
const templates: Array<[string, (value: string) => string]> = [
	["printf '%s\\0' {{v}}", value => value],
	['printf \'%s\\0\' "[{{v}}]"', value => `[${value}]`],
	["printf '%s\\0' '[{{ v }}]'", value => `[${value}]`],
	['printf \'%s\\0\' \\"{{v}}', value => `"${value}`],
	["printf '%s\\0' \"it's {{v}}\"", value => `it's ${value}`],
];

for (const [template, expected] of templates) {
	for (const [value] of cases) {
		test(`fillShellTemplate(${JSON.stringify(template)}) with ${JSON.stringify(value)}`, () => {
			const command = fillShellTemplate(template, name => (name === 'v' ? value : undefined));
			const echoed = execFileSync('/bin/sh', ['-c', command], {encoding: 'utf8'});
			assert.equal(echoed, `${expected(value)}\0`, command);
		});
	}
}

test('fillShellTemplate leaves braces it does not know, such as docker\'s {{.Names}}', () => {
	assert.equal(fillShellTemplate("docker ps --format '{{.Names}}' {{id}} {{other}}", name => (name === 'id' ? 'abc' : undefined)), "docker ps --format '{{.Names}}' 'abc' {{other}}");
});
