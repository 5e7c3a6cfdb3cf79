// Frames made row by row show the same cells as Ink's own Output, for berth's real screens and for the
// cases it leaves to Ink.
import './forceColor.js';
import assert from 'node:assert/strict';
import {after, afterEach, describe, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
// Ink's Output is not exported; the build puts frameByRows in front of its get() (esbuild.config.mjs).
import InkOutput from '../../node_modules/ink/build/output.js';
import {keymap} from '../../source/commands/keymap.js';
import {frameByRows, type FrameOperation, leavesStyleOn} from '../../source/ui/frameRows.js';
import {narrowText} from '../../source/format/table.js';
import {Screen, type ScreenProps} from '../../source/ui/Screen.js';
// @ts-expect-error: the build configuration is plain JavaScript, without types.
import {narrowTextPattern} from '../../esbuild.config.mjs';
import {containerFigures} from '../state/records.js';
import {cells, containerRow, frameWidth, tableLayout, themes} from './rows.js';

afterEach(cleanup);

type Operations = {operations: FrameOperation[]; width: number; height: number};

function inkFrame(operations: readonly FrameOperation[], width: number, height: number): string {
	const output = new InkOutput({width, height});
	for (const operation of operations) {
		if (operation.type === 'write') output.write(operation.x, operation.y, operation.text, {transformers: [...operation.transformers]});
		else if (operation.type === 'clip') output.clip(operation.clip as Parameters<InkOutput['clip']>[0]);
		else output.unclip();
	}

	return output.get().output;
}

const write = (x: number, y: number, text: string, ...transformers: Array<(line: string) => string>): FrameOperation => ({
	type: 'write',
	x,
	y,
	text,
	transformers,
});
const green = (line: string) => `\u001B[32m${line}\u001B[39m`;
const inverse = (line: string) => `\u001B[7m${line}\u001B[27m`;

describe('frameByRows', () => {
	test('the narrow characters are the build\'s, which a test checks against string-width', () => {
		assert.equal(narrowText.source, (narrowTextPattern as RegExp).source);
	});

	const handled: Record<string, FrameOperation[]> = {
		'texts side by side, with gaps and trailing spaces': [write(0, 0, 'berth · connected  '), write(2, 1, 'NAME'), write(20, 1, 'IMAGE   ')],
		'colours from transformers, nested colours, inverse': [
			write(0, 0, `› web \u001B[32mUp 3 minutes\u001B[39m   1.5%`, inverse),
			write(0, 1, '  db', green),
			write(0, 2, '\u001B[1mberth\u001B[22m · \u001B[31mnot answering\u001B[39m'),
		],
		'a styled text that leaves its style on ends it where the text ends': [write(0, 0, '\u001B[31mred'), write(6, 0, 'plain')],
		'styled trailing spaces are kept, plain ones trimmed': [write(0, 0, 'sel   ', inverse), write(0, 1, 'row   ')],
		'256 and true colours': [write(0, 0, '\u001B[38;5;208morange\u001B[39m \u001B[48;2;1;2;3mbg\u001B[49m')],
		'rows above and below the frame are left out': [write(0, -1, 'above'), write(0, 1, 'in'), write(0, 5, 'below')],
		'empty rows in between': [write(0, 0, 'top'), write(0, 3, 'bottom')],
	};
	for (const [name, operations] of Object.entries(handled)) {
		test(`${name}: the same cells as Ink's`, () => {
			const rows = frameByRows(operations, 40, 4);
			assert.ok(rows, 'handled row by row');
			assert.equal(rows.height, 4);
			assert.deepEqual(cells(rows.output), cells(inkFrame(operations, 40, 4)));
		});
	}

	const leftToInk: Record<string, FrameOperation[]> = {
		'a clipped box': [{type: 'clip', clip: {x1: 0, x2: 10, y1: 0, y2: 2}}, write(0, 0, 'clipped'), {type: 'unclip'}],
		'two lines in one text': [write(0, 0, 'one\ntwo')],
		'wide characters': [write(0, 0, '日本')],
		'texts that overlap': [write(0, 0, 'background  '), write(4, 0, 'text')],
		'a text past the right edge': [write(35, 0, 'too long for it')],
		'an escape that is not a colour': [write(0, 0, '\u001B]8;;http://x\u0007link\u001B]8;;\u0007')],
		'a colour code it does not know': [write(0, 0, '\u001B[73mx')],
	};
	for (const [name, operations] of Object.entries(leftToInk)) {
		test(`${name}: left to Ink`, () => {
			assert.equal(frameByRows(operations, 40, 4), undefined);
		});
	}

	test('texts read in the frames before (kept for the next frame) make the same frame; a text Ink must draw stays Ink\'s', () => {
		const frame = [write(0, 0, `› web \u001B[32mUp 3 minutes\u001B[39m`, inverse), write(0, 1, '\u001B[31mred'), write(6, 1, 'plain')];
		const first = frameByRows(frame, 40, 2);
		assert.ok(first);
		assert.deepEqual(frameByRows(frame, 40, 2), first);
		// A frame left to Ink in between, then the same rows again: read from what the frames before kept.
		assert.equal(frameByRows([write(0, 0, '日本')], 40, 2), undefined);
		assert.deepEqual(frameByRows(frame, 40, 2), first);
		assert.equal(frameByRows([write(0, 0, '日本')], 40, 2), undefined, 'a text left to Ink is kept as one');
		assert.deepEqual(cells(first.output), cells(inkFrame(frame, 40, 2)));
	});

	test('leavesStyleOn follows what each code starts and ends', () => {
		assert.equal(leavesStyleOn('plain'), false);
		assert.equal(leavesStyleOn('\u001B[32mx\u001B[39m'), false);
		assert.equal(leavesStyleOn('\u001B[1;32mx\u001B[39m'), true);
		assert.equal(leavesStyleOn('\u001B[1;32mx\u001B[0m'), false);
		assert.equal(leavesStyleOn('\u001B[1;32mx\u001B[m'), false);
		assert.equal(leavesStyleOn('\u001B[38;2;1;2;3mx\u001B[39m'), false);
		assert.equal(leavesStyleOn('\u001B[96mx'), true);
		assert.equal(leavesStyleOn('\u001B[73mx'), undefined);
	});
});

describe("berth's screens made row by row", () => {
	// Every frame Ink makes in this describe is also made by frameByRows and compared, cell by cell.
	const compared = {handled: 0, left: 0};
	const prototype = InkOutput.prototype as unknown as {get(): {output: string; height: number}} & Operations;
	const inkGet = prototype.get;
	prototype.get = function (this: Operations) {
		const ink = inkGet.call(this);
		const rows = frameByRows(this.operations, this.width, this.height);
		if (rows) {
			compared.handled++;
			assert.equal(rows.height, ink.height);
			assert.deepEqual(cells(rows.output), cells(ink.output));
		} else {
			compared.left++;
		}

		return ink;
	};

	after(() => {
		prototype.get = inkGet;
	});

	const MiB = 1024 * 1024;
	const rows = [
		containerRow({
			id: 'web',
			name: 'shop-web-1',
			ports: '0.0.0.0:8080->80/tcp',
			figures: containerFigures({cpuPercent: 1.5, memoryUsage: 12 * MiB, memoryLimit: 512 * MiB, memoryPercent: 2.34, pids: 4}),
		}),
		containerRow({id: 'db', name: 'shop-db-1', state: 'exited', status: 'Exited (0) 1 hour ago', tone: 'muted'}),
		containerRow({id: 'cache', name: 'shop-cache-1', status: 'Up 2 hours (unhealthy)', tone: 'bad', alerted: true}),
	];

	function screen(theme: ScreenProps['theme'], overrides: Partial<ScreenProps> = {}): ScreenProps {
		const width = frameWidth;
		const height = 12;
		return {
			width,
			height,
			minimum: {width: 50, height: 8},
			theme,
			header: {
				address: 'ssh://box',
				connection: {status: 'connected', version: '27.1.1'},
				counts: {total: 3, running: 2, paused: 0, stopped: 1},
				shown: 3,
				filter: '',
				theme,
				width,
			},
			table: {rows, layout: tableLayout(rows, width), selectedKey: rows[0]!.key, marks: new Set([rows[1]!.key]), height: height - 3, theme, emptyText: 'No containers'},
			status: {mode: 'list', draft: '', message: undefined, hints: '? help  / filter  q quit', theme, width},
			bindings: keymap,
			helpScroll: 0,
			...overrides,
		};
	}

	for (const [name, theme] of Object.entries(themes)) {
		test(`the containers list (${name}): every frame the same cells, and made row by row`, () => {
			const before = compared.handled;
			const {rerender} = render(<Screen {...screen(theme)} />);
			rerender(<Screen {...screen(theme, {table: {...screen(theme).table, selectedKey: rows[2]!.key}})} />);
			assert.ok(compared.handled >= before + 2, `made row by row: ${compared.handled - before}`);
		});
	}

	test('the help overlay (a clipped box) is left to Ink', () => {
		const before = compared.left;
		render(<Screen {...screen(themes.full, {status: {...screen(themes.full).status, mode: 'help'}})} />);
		assert.ok(compared.left > before);
	});
});
