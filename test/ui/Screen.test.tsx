// The whole screen from props: TooSmall under the minimum, else header, list or help, and the status line.
import './forceColor.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {keymap} from '../../source/commands/keymap.js';
import type {Mode} from '../../source/state/ui.js';
import {Screen, type ScreenProps} from '../../source/ui/Screen.js';
import {containerRow, escapeCode, frameWidth, nonAscii, tableLayout, themes} from './rows.js';

afterEach(cleanup);

const minimum = {width: 50, height: 8};
const rows = [
	containerRow({id: 'web', name: 'shop-web-1', ports: '0.0.0.0:8080->80/tcp'}),
	containerRow({id: 'db', name: 'shop-db-1', state: 'exited', status: 'Exited (0) 1 hour ago', tone: 'muted'}),
];

function frameOf({
	width = frameWidth,
	height = 12,
	mode = 'list',
	theme = themes.plain,
}: {width?: number; height?: number; mode?: Mode; theme?: ScreenProps['theme']} = {}): string {
	const props: ScreenProps = {
		width,
		height,
		minimum,
		theme,
		header: {
			address: 'ssh://box',
			connection: {status: 'connected', version: '27.1.1'},
			counts: {total: 2, running: 1, paused: 0, stopped: 1},
			shown: 2,
			filter: '',
			theme,
			width,
		},
		table: {
			rows,
			layout: tableLayout(rows, width),
			selectedKey: rows[0]!.key,
			marks: new Set(),
			height: height - 3,
			theme,
			emptyText: 'No containers',
		},
		status: {mode, draft: '', message: undefined, hints: '? help  / filter  q quit', theme, width},
		bindings: keymap,
		helpScroll: 0,
	};
	const {lastFrame} = render(<Screen {...props} />);
	return lastFrame() ?? '';
}

describe('Screen', () => {
	test('header, the list and the status line, exactly the height given', () => {
		const lines = frameOf().split('\n');
		assert.equal(lines.length, 12);
		assert.ok(lines[0]!.startsWith('berth · connected'));
		assert.ok(lines[1]!.includes('NAME'));
		assert.ok(lines.some(line => line.includes('shop-web-1')));
		assert.equal(lines.at(-1), '? help  / filter  q quit');
	});

	test('the help replaces the list', () => {
		const frame = frameOf({mode: 'help'});
		assert.ok(!frame.includes('shop-web-1'));
		assert.ok(frame.includes(keymap[0]!.help));
	});

	const tooSmall: Array<[number, number]> = [
		[49, 12],
		[80, 7],
		[20, 3],
	];
	for (const [width, height] of tooSmall) {
		test(`${width}x${height} is under the minimum: TooSmall says so and shows nothing else`, () => {
			const frame = frameOf({width, height});
			assert.ok(frame.replaceAll('\n', ' ').includes(`Terminal too small: ${width}x${height}, berth needs at least 50x8.`));
			assert.ok(!frame.includes('shop-web-1'));
			assert.ok(!frame.includes('berth ·'));
		});
	}

	test('exactly the minimum is enough', () => {
		const frame = frameOf({width: 50, height: 8});
		assert.ok(!frame.includes('Terminal too small'));
		assert.ok(frame.includes('shop-web-1'));
		for (const line of frame.split('\n')) assert.ok([...line].length <= 50, line);
	});

	test('without colour and Unicode the whole screen is plain ASCII', () => {
		for (const mode of ['list', 'help'] satisfies Mode[]) {
			const frame = frameOf({theme: themes.ascii, mode});
			assert.doesNotMatch(frame, escapeCode);
			assert.doesNotMatch(frame, nonAscii);
		}
	});

	test('with colour there are escape codes', () => {
		assert.match(frameOf({theme: themes.full}), escapeCode);
	});
});
