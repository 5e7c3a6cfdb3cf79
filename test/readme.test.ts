// The readme stays true: every key of the keymap, every flag, and the commands it promises.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {formatKeyLabel, keymap} from '../source/commands/keymap.js';

const readme = readFileSync(new URL('../readme.md', import.meta.url), 'utf8');
/** The help text lists every flag (a test of source/app/help.ts checks it against the parser). */
const cli = readFileSync(new URL('../source/app/help.ts', import.meta.url), 'utf8');
const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {scripts: Record<string, string>};

test('the readme lists every key binding as the keymap has it', () => {
	for (const binding of keymap) {
		assert.ok(readme.includes(`| \`${formatKeyLabel(binding.keys)}\` | ${binding.help} |`), `readme row for ${formatKeyLabel(binding.keys)}`);
	}
});

test('the readme names every flag of the CLI', () => {
	const flags = [...cli.matchAll(/^\s+(--[a-z-]+)/gm)].map(match => match[1]!);
	assert.ok(flags.length >= 4);
	for (const flag of flags) assert.ok(readme.includes(flag), `readme mentions ${flag}`);
});

test('the readme\'s commands exist as npm scripts', () => {
	for (const command of ['npm install', 'npm start', 'npm test']) assert.ok(readme.includes(command));
	for (const script of readme.matchAll(/npm run ([a-z]+)/g)) {
		assert.ok(manifest.scripts[script[1]!], `npm run ${script[1]} exists`);
	}
});

test('the readme\'s configuration section names every action keys: can remap, with its default keys', () => {
	for (const binding of keymap) {
		assert.ok(readme.includes(`| \`${binding.action}\` | \`${formatKeyLabel(binding.keys)}\` |`), `readme action row for ${binding.action}`);
	}
});
