// Splits a container's raw log bytes into lines: bounded in length, invalid UTF-8 replaced, timestamps parsed.
import type {LogRecord} from './types.js';

/** Longer lines are cut here and the rest of the line counted, so a megabyte line cannot flood memory. */
export const maxLogLineLength = 8192;

export class LogLineSplitter {
	private readonly decoder = new TextDecoder('utf-8', {fatal: false});
	private partial = '';
	private cut = 0;

	constructor(
		private readonly stream: LogRecord['stream'],
		private readonly emit: (record: LogRecord) => void,
		private readonly maxLength = maxLogLineLength,
	) {}

	push(chunk: Buffer): void {
		this.take(this.decoder.decode(chunk, {stream: true}));
	}

	/** The last line, when the stream ends without a newline. */
	end(): void {
		this.take(this.decoder.decode());
		if (this.partial !== '' || this.cut > 0) this.finishLine();
	}

	private take(text: string): void {
		let from = 0;
		for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', from)) {
			this.append(text.slice(from, newline));
			this.finishLine();
			from = newline + 1;
		}

		this.append(text.slice(from));
	}

	private append(text: string): void {
		const room = this.maxLength - this.partial.length;
		if (text.length <= room) {
			this.partial += text;
			return;
		}

		// Never cut between the two halves of a surrogate pair.
		let keep = Math.max(0, room);
		const last = text.charCodeAt(keep - 1);
		if (keep > 0 && last >= 0xd8_00 && last <= 0xdb_ff) keep--;
		this.partial += text.slice(0, keep);
		this.cut += text.length - keep;
	}

	private finishLine(): void {
		const line = this.partial.endsWith('\r') ? this.partial.slice(0, -1) : this.partial;
		const {timestamp, text} = splitTimestamp(line);
		this.emit({stream: this.stream, timestamp, text, cut: this.cut});
		this.partial = '';
		this.cut = 0;
	}
}

/** The engine puts an RFC 3339 timestamp and a space before every line when asked to. */
export function splitTimestamp(line: string): {timestamp: string; text: string} {
	const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)) ?/.exec(line);
	if (!match) return {timestamp: '', text: line};
	return {timestamp: match[1]!, text: line.slice(match[0].length)};
}

/**
 * Takes apart the stream the engine multiplexes when a container has no terminal: frames of an 8-byte header
 * (the stream: 0 stdin, 1 stdout, 2 stderr; three zero bytes; the payload's length, big-endian) and the
 * payload. Written here rather than taken from docker-modem's demuxStream, which copies what is left of its
 * buffer twice for every frame: a container logging 90000 short lines a second made that most of berth's
 * CPU and garbage. A frame is handed over as a view of the chunk it came in; bytes are copied only to join a
 * frame that spans chunks. A stream that does not start like a frame is passed on whole, as stdout.
 */
export class StreamDemuxer {
	private chunks: Buffer[] = [];
	private length = 0;
	/** Bytes needed before the next frame can be taken: a header, then the header and its payload. */
	private need = 8;
	private raw = false;

	constructor(
		private readonly onFrame: (stream: 'stdout' | 'stderr', payload: Buffer) => void,
	) {}

	push(chunk: Buffer): void {
		if (this.raw) {
			this.onFrame('stdout', chunk);
			return;
		}

		this.chunks.push(chunk);
		this.length += chunk.length;
		if (this.length < this.need) return;
		const data = this.chunks.length === 1 ? chunk : Buffer.concat(this.chunks, this.length);
		let offset = 0;
		for (;;) {
			const left = data.length - offset;
			if (left < 8) {
				this.need = 8;
				break;
			}

			const kind = data[offset]!;
			if (kind > 2 || data[offset + 1] !== 0 || data[offset + 2] !== 0 || data[offset + 3] !== 0) {
				this.raw = true;
				this.onFrame('stdout', data.subarray(offset));
				offset = data.length;
				break;
			}

			const size = data.readUInt32BE(offset + 4);
			if (left < 8 + size) {
				this.need = 8 + size;
				break;
			}

			this.onFrame(kind === 2 ? 'stderr' : 'stdout', data.subarray(offset + 8, offset + 8 + size));
			offset += 8 + size;
		}

		const rest = data.subarray(offset);
		this.chunks = rest.length > 0 ? [rest] : [];
		this.length = rest.length;
	}
}
