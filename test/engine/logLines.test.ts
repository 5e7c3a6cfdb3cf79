// Raw log bytes to lines: chunk boundaries, UTF-8 (valid or not), megabyte lines, CRLF, timestamps.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {LogLineSplitter, maxLogLineLength, splitTimestamp, StreamDemuxer} from '../../source/engine/logLines.js';
import type {LogRecord} from '../../source/engine/types.js';

/** Feeds the chunks to a splitter (ending it unless told not to) and returns what it emitted. */
function split(
	chunks: ReadonlyArray<string | Buffer | number[]>,
	options: {stream?: LogRecord['stream']; maxLength?: number; end?: boolean} = {},
): LogRecord[] {
	const records: LogRecord[] = [];
	const splitter = new LogLineSplitter(options.stream ?? 'stdout', record => records.push(record), options.maxLength);
	for (const chunk of chunks) splitter.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
	if (options.end ?? true) splitter.end();
	return records;
}

const texts = (records: readonly LogRecord[]) => records.map(record => record.text);

describe('LogLineSplitter', () => {
	const cases: Array<{name: string; chunks: Array<string | number[]>; expected: string[]}> = [
		{name: 'one chunk, two lines', chunks: ['one\ntwo\n'], expected: ['one', 'two']},
		{name: 'a line split between chunks', chunks: ['on', 'e\ntw', 'o\n'], expected: ['one', 'two']},
		{name: 'the newline alone in a chunk', chunks: ['one', '\n', 'two', '\n'], expected: ['one', 'two']},
		{name: 'one byte per chunk', chunks: [...'ab\ncd\n'], expected: ['ab', 'cd']},
		{name: 'empty lines are lines', chunks: ['\n\nx\n'], expected: ['', '', 'x']},
		{name: 'CRLF', chunks: ['a\r\nb\r\n'], expected: ['a', 'b']},
		{name: 'CRLF split between chunks', chunks: ['a\r', '\nb\r', '\n'], expected: ['a', 'b']},
		{name: 'a CR inside a line stays for the sanitizer', chunks: ['10%\r100%\n'], expected: ['10%\r100%']},
		{name: 'the last line without a newline, on end()', chunks: ['first\nlast'], expected: ['first', 'last']},
		{name: 'the last line without a newline ending in CR', chunks: ['last\r'], expected: ['last']},
		{name: 'nothing after the last newline: no extra line', chunks: ['only\n'], expected: ['only']},
		{name: 'no bytes: no line', chunks: [], expected: []},
		// € is E2 82 AC; 😀 is F0 9F 98 80.
		{name: 'a 3-byte character split between chunks', chunks: [[0x61, 0xe2], [0x82, 0xac, 0x0a]], expected: ['a\u20AC']},
		{name: 'a 4-byte character split over four chunks', chunks: [[0xf0], [0x9f], [0x98], [0x80, 0x0a]], expected: ['\u{1F600}']},
		{name: 'a character split just before the newline chunk', chunks: [[0xe2, 0x82], [0xac], [0x0a]], expected: ['\u20AC']},
		{name: 'an invalid byte becomes U+FFFD', chunks: [[0x61, 0xff, 0x62, 0x0a]], expected: ['a\uFFFDb']},
		{name: 'NUL bytes pass through (the sanitizer shows them)', chunks: [[0x61, 0x00, 0x62, 0x0a]], expected: ['a\u0000b']},
		{name: 'a lone continuation byte becomes U+FFFD', chunks: [[0x80, 0x78, 0x0a]], expected: ['\uFFFDx']},
		{name: 'an overlong encoding becomes U+FFFD', chunks: [[0xc0, 0xaf, 0x0a]], expected: ['\uFFFD\uFFFD']},
		{name: 'a surrogate encoded in UTF-8 becomes U+FFFD', chunks: [[0xed, 0xa0, 0x80, 0x0a]], expected: ['\uFFFD\uFFFD\uFFFD']},
		{name: 'a sequence cut by the newline: U+FFFD, and the next line intact', chunks: [[0xe2, 0x82, 0x0a, 0x6f, 0x6b, 0x0a]], expected: ['\uFFFD', 'ok']},
		{name: 'a sequence cut by the end of the stream', chunks: [[0x61, 0xe2, 0x82]], expected: ['a\uFFFD']},
	];
	for (const {name, chunks, expected} of cases) {
		test(name, () => {
			const records = split(chunks);
			assert.deepEqual(texts(records), expected);
			assert.ok(records.every(record => record.cut === 0 && record.stream === 'stdout'));
		});
	}

	test('lines come out as their newline arrives, the partial one only on end()', () => {
		const records: LogRecord[] = [];
		const splitter = new LogLineSplitter('stderr', record => records.push(record));
		splitter.push(Buffer.from('a\nb'));
		assert.deepEqual(texts(records), ['a']);
		splitter.push(Buffer.from('c'));
		assert.deepEqual(texts(records), ['a']);
		splitter.end();
		assert.deepEqual(texts(records), ['a', 'bc']);
		assert.ok(records.every(record => record.stream === 'stderr'));
	});

	test('a 1 MB line is cut to maxLogLineLength, the rest counted, and the next line is intact', () => {
		const megabyte = 1024 * 1024;
		const bytes = Buffer.from(`${'x'.repeat(megabyte)}\nnext line\n`);
		const chunks: Buffer[] = [];
		for (let at = 0; at < bytes.length; at += 65_536) chunks.push(bytes.subarray(at, at + 65_536));
		const records = split(chunks);
		assert.equal(records.length, 2);
		assert.equal(records[0]!.text.length, maxLogLineLength);
		assert.equal(records[0]!.text, 'x'.repeat(maxLogLineLength));
		assert.equal(records[0]!.cut, megabyte - maxLogLineLength);
		assert.deepEqual(records[1], {stream: 'stdout', timestamp: '', text: 'next line', cut: 0});
	});

	test('a long line in one chunk, with a limit of its own, and the cut counted in characters', () => {
		const records = split(['\u20AC'.repeat(25), '\nshort\n'], {maxLength: 10});
		assert.deepEqual(
			records.map(record => [record.text, record.cut]),
			[
				['\u20AC'.repeat(10), 15],
				['short', 0],
			],
		);
	});

	test('a long last line without a newline is cut too', () => {
		const records = split(['y'.repeat(50)], {maxLength: 20});
		assert.deepEqual(
			records.map(record => [record.text, record.cut]),
			[['y'.repeat(20), 30]],
		);
	});

	test('a megabyte line in many small chunks: nothing until its newline, then one cut line', () => {
		const records: LogRecord[] = [];
		const splitter = new LogLineSplitter('stdout', record => records.push(record));
		for (let index = 0; index < 256; index++) splitter.push(Buffer.from('z'.repeat(4096)));
		assert.equal(records.length, 0);
		splitter.push(Buffer.from('\n'));
		assert.equal(records[0]!.text.length, maxLogLineLength);
		assert.equal(records[0]!.cut, 256 * 4096 - maxLogLineLength);
	});

	test(
		'a cut never leaves half of a character',
		() => {
			const [record] = split([`${'a'.repeat(9)}\u{1F600}tail\n`], {maxLength: 10});
			assert.ok(record!.text.isWellFormed(), JSON.stringify(record!.text));
		},
	);

	test('timestamps the engine puts before each line are taken apart', () => {
		const records = split(['2024-05-01T12:00:00.123456789Z hello\n2024-05-01T12:00:01.5Z world\r\n'], {stream: 'stderr'});
		assert.deepEqual(records, [
			{stream: 'stderr', timestamp: '2024-05-01T12:00:00.123456789Z', text: 'hello', cut: 0},
			{stream: 'stderr', timestamp: '2024-05-01T12:00:01.5Z', text: 'world', cut: 0},
		]);
	});
});

describe('splitTimestamp', () => {
	const cases: Array<{name: string; line: string; timestamp: string; text: string}> = [
		{name: 'nanoseconds, UTC', line: '2024-05-01T12:00:00.123456789Z hello', timestamp: '2024-05-01T12:00:00.123456789Z', text: 'hello'},
		{name: 'no fraction', line: '2024-05-01T12:00:00Z hello', timestamp: '2024-05-01T12:00:00Z', text: 'hello'},
		{name: 'an offset', line: '2024-05-01T12:00:00.5+02:00 hello', timestamp: '2024-05-01T12:00:00.5+02:00', text: 'hello'},
		{name: 'a negative offset', line: '2024-05-01T12:00:00-07:00 x', timestamp: '2024-05-01T12:00:00-07:00', text: 'x'},
		{name: 'an empty line after the timestamp', line: '2024-05-01T12:00:00.1Z ', timestamp: '2024-05-01T12:00:00.1Z', text: ''},
		{name: 'the timestamp alone', line: '2024-05-01T12:00:00.1Z', timestamp: '2024-05-01T12:00:00.1Z', text: ''},
		{name: 'only one space is the separator', line: '2024-05-01T12:00:00Z   indented', timestamp: '2024-05-01T12:00:00Z', text: '  indented'},
		{name: 'no timestamp', line: 'plain line', timestamp: '', text: 'plain line'},
		{name: 'an empty line', line: '', timestamp: '', text: ''},
		{name: 'a date with a space is not the engine\'s', line: '2024-05-01 12:00:00 x', timestamp: '', text: '2024-05-01 12:00:00 x'},
		{name: 'a timestamp later in the line is text', line: 'at 2024-05-01T12:00:00Z x', timestamp: '', text: 'at 2024-05-01T12:00:00Z x'},
		{name: 'a timestamp without a zone is text', line: '2024-05-01T12:00:00 x', timestamp: '', text: '2024-05-01T12:00:00 x'},
	];
	for (const {name, line, timestamp, text} of cases) {
		test(name, () => {
			assert.deepEqual(splitTimestamp(line), {timestamp, text});
		});
	}
});

/** One frame of the engine's multiplexed stream. */
function frame(kind: number, payload: string | Buffer): Buffer {
	const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
	const header = Buffer.alloc(8);
	header[0] = kind;
	header.writeUInt32BE(body.length, 4);
	return Buffer.concat([header, body]);
}

/** Feeds the chunks to a demuxer; returns the frames it handed over, as [stream, text]. */
function demux(chunks: readonly Buffer[]): Array<[string, string]> {
	const frames: Array<[string, string]> = [];
	const demuxer = new StreamDemuxer((stream, payload) => frames.push([stream, payload.toString('utf8')]));
	for (const chunk of chunks) demuxer.push(chunk);
	return frames;
}

/** The stream cut at every given offset. */
function cutAt(stream: Buffer, offsets: readonly number[]): Buffer[] {
	const pieces: Buffer[] = [];
	let from = 0;
	for (const offset of [...offsets, stream.length]) {
		pieces.push(stream.subarray(from, offset));
		from = offset;
	}

	return pieces;
}

describe('StreamDemuxer', () => {
	const stream = Buffer.concat([frame(1, 'out one\n'), frame(2, 'err one\n'), frame(1, ''), frame(1, 'out two\n'), frame(0, 'in\n')]);
	const expected: Array<[string, string]> = [
		['stdout', 'out one\n'],
		['stderr', 'err one\n'],
		['stdout', ''],
		['stdout', 'out two\n'],
		['stdout', 'in\n'],
	];

	test('frames in one chunk: each to its stream, in order', () => {
		assert.deepEqual(demux([stream]), expected);
	});

	test('cut anywhere, even inside a header, gives the same frames', () => {
		for (let cut = 1; cut < stream.length; cut++) assert.deepEqual(demux(cutAt(stream, [cut])), expected, `cut at ${cut}`);
		assert.deepEqual(demux([...stream].map(byte => Buffer.from([byte]))), expected, 'a byte at a time');
	});

	test('a frame larger than its chunks is joined once it is all in', () => {
		const big = 'x'.repeat(200_000);
		const pieces = cutAt(frame(1, big), Array.from({length: 20}, (_, index) => (index + 1) * 10_000));
		assert.deepEqual(demux(pieces), [['stdout', big]]);
	});

	test('a stream that does not start with a frame header is passed on whole, as stdout', () => {
		assert.deepEqual(demux([Buffer.from('plain text\n'), Buffer.from('more\n')]), [
			['stdout', 'plain text\n'],
			['stdout', 'more\n'],
		]);
	});

	test('many short frames in one chunk cost no copy of the rest: each frame is a view of the chunk', () => {
		const chunk = Buffer.concat(Array.from({length: 2000}, (_, index) => frame(1, `line ${index}\n`)));
		const views: Buffer[] = [];
		new StreamDemuxer((_stream, payload) => views.push(payload)).push(chunk);
		assert.equal(views.length, 2000);
		assert.ok(views.every(view => view.buffer === chunk.buffer), 'every payload shares the chunk\'s memory');
	});
});
