// The `?` overlay lists the keymap table, grouped by scope and scrolled through when it does not fit.
import './forceColor.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {formatKeyLabel, keymap, scopeTitles} from '../../source/commands/keymap.js';
import {selectHelpRows} from '../../source/commands/keymap.js';
import {HelpOverlay, selectHelpLines} from '../../source/ui/HelpOverlay.js';
import type {Theme} from '../../source/ui/theme.js';
import {escapeCode, frameWidth, nonAscii, themes} from './rows.js';

afterEach(cleanup);

const lineCount = selectHelpLines(keymap).length;
/** Tall enough for every line and the title. */
const tall = lineCount + 1;

function frameOf(theme: Theme, {height = tall, width = frameWidth, scroll = 0} = {}): string {
	const {lastFrame} = render(<HelpOverlay bindings={keymap} height={height} width={width} scroll={scroll} theme={theme} />);
	return lastFrame() ?? '';
}

const stripStyle = (frame: string) => frame.replaceAll(/\u001B\[[\d;]*m/g, '');

function assertEveryBinding(frame: string) {
	const lines = stripStyle(frame).split('\n');
	for (const binding of keymap) {
		assert.ok(
			lines.some(line => line.includes(formatKeyLabel(binding.keys)) && line.includes(binding.help)),
			`${binding.scope} ${binding.action}: "${formatKeyLabel(binding.keys)}" with "${binding.help}"`,
		);
	}
}

describe('HelpOverlay', () => {
	for (const [name, theme] of Object.entries(themes)) {
		test(`${name}: every keymap entry's label and help, under its scope's title`, () => {
			const frame = frameOf(theme);
			assertEveryBinding(frame);
			const lines = stripStyle(frame).split('\n');
			for (const {title} of scopeTitles) assert.ok(lines.includes(title), title);
			// Each binding comes after the title of its own scope.
			const titles = new Set<string>(scopeTitles.map(entry => entry.title));
			const titleOf = (scope: string) => scopeTitles.find(entry => entry.scope === scope)?.title ?? '';
			for (const binding of keymap) {
				const titleAt = lines.indexOf(titleOf(binding.scope));
				const nextTitle = lines.findIndex((line, index) => index > titleAt && titles.has(line));
				const end = nextTitle === -1 ? lines.length : nextTitle;
				const at = lines.findIndex((line, index) => index > titleAt && index < end && line.includes(formatKeyLabel(binding.keys)) && line.includes(binding.help));
				assert.ok(titleAt !== -1 && at !== -1, `${binding.action} under ${titleOf(binding.scope)}`);
			}
		});
	}

	test('a short screen shows a page at a time, and scrolling reaches every entry', () => {
		const height = 10;
		const seen: string[] = [];
		for (let scroll = 0; scroll < lineCount; scroll += height - 1) {
			const frame = frameOf(themes.plain, {height, scroll});
			assert.ok(frame.split('\n').length <= height, `no taller than ${height}`);
			seen.push(...frame.split('\n').slice(1));
		}

		assertEveryBinding(seen.join('\n'));
	});

	test('at 80 columns a long help text goes on in the rows below, under itself: every word is there, no row is cut', () => {
		const lines = selectHelpLines(keymap);
		const rows = selectHelpRows(keymap, undefined, 80);
		assert.ok(rows.length > lines.length, 'some help texts take two rows');
		const keyWidth = Math.max(...lines.map(line => (line.kind === 'binding' ? line.label.length : 0)));
		let at = 0;
		for (const line of lines) {
			const first = rows[at++]!;
			if (line.kind === 'heading') {
				assert.deepEqual(first, line);
				continue;
			}

			assert.ok(first.kind === 'binding' && first.label === line.label, `${line.label}: its first row`);
			const parts = [first.help];
			while (at < rows.length && rows[at]!.kind === 'binding' && (rows[at] as {label: string}).label === '') parts.push((rows[at++] as {help: string}).help);
			assert.equal(parts.join(' '), line.help);
			for (const part of parts) assert.ok(2 + keyWidth + 2 + part.length <= 80, `fits 80 columns: ${part}`);
		}

		assert.equal(at, rows.length);
		const frame = stripStyle(frameOf(themes.plain, {width: 80, height: rows.length + 1}));
		assert.doesNotMatch(frame, /…/, 'nothing cut');
	});

	test('the title says where the page is when it does not all fit', () => {
		assert.match(frameOf(themes.plain, {height: 10}), new RegExp(`\\(1-9 of ${lineCount}, j/k scroll\\)`));
		assert.doesNotMatch(frameOf(themes.plain), /of \d+, j\/k scroll/);
	});

	test('scrolling past the end shows the last page', () => {
		const last = frameOf(themes.plain, {height: 10, scroll: lineCount - 9});
		assert.equal(frameOf(themes.plain, {height: 10, scroll: 10_000}), last);
		assert.ok(last.includes(keymap.at(-1)!.help));
	});

	test('without colour: no escape codes; with colour: some', () => {
		assert.doesNotMatch(frameOf(themes.plain), escapeCode);
		assert.doesNotMatch(frameOf(themes.ascii), escapeCode);
		assert.match(frameOf(themes.full), escapeCode);
	});

	test('without Unicode: ASCII only, even when lines are cut', () => {
		assert.doesNotMatch(frameOf(themes.ascii), nonAscii);
		const narrow = frameOf(themes.ascii, {width: 40, height: 10});
		assert.doesNotMatch(narrow, nonAscii);
		assert.ok(narrow.includes('~'));
	});

	test('a narrow screen cuts lines to its width', () => {
		for (const line of frameOf(themes.plain, {width: 50}).split('\n')) assert.ok([...line].length <= 50, line);
	});
});

describe('the help opened somewhere shows its keys first', () => {
	const headings = (first?: Parameters<typeof selectHelpLines>[1]) =>
		selectHelpLines(keymap, first)
			.filter(line => line.kind === 'heading')
			.map(line => (line.kind === 'heading' ? line.text : ''));

	test('the images view\'s keys before every list\'s; each section once, the same lines in all', () => {
		const images = headings('images');
		assert.deepEqual(images.slice(0, 2), ['Images', 'Every list']);
		assert.deepEqual([...images].sort(), [...headings()].sort());
		assert.equal(selectHelpLines(keymap, 'images').length, lineCount);
	});

	test('the logs\' and a pane\'s keys first when opened there; a scope with no keys of its own leaves the order', () => {
		assert.equal(headings('logs')[0], 'Logs');
		assert.equal(headings('files')[0], 'Files (inside a container or volume)');
		assert.deepEqual(headings('pulse'), headings());
		assert.equal(headings('events')[0], 'Events');
	});

	test('drawn first on the overlay\'s first page', () => {
		const {lastFrame} = render(<HelpOverlay bindings={keymap} height={12} width={frameWidth} scroll={0} theme={themes.plain} first="images" />);
		const lines = stripStyle(lastFrame() ?? '').split('\n');
		assert.equal(lines[1], 'Images');
		assert.ok(lines.some(line => /^\s+p\s+Pull an image/.test(line)), lines.join('\n'));
	});
});
