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
