// Answers followed line by line over plain HTTP (plainHttp.ts): the stats streams, read in rounds (readRounds.ts).
import {answerError, connect, type PlainAddress, statusOf} from './plainHttp.js';
import type {ReadRounds} from './readRounds.js';
import type {Subscription} from './types.js';

/** The JSON document of one line of a followed answer; undefined for a blank line or one that is not JSON. */
export function jsonOfLine(line: string): unknown {
	if (line.trim() === '') return undefined;
	try {
		return JSON.parse(line) as unknown;
	} catch {
		return undefined;
	}
}

/**
 * GET `path` and follow its answer line by line (the engine writes a JSON document per line): `onValue` gets
 * each line's document (jsonOfLine: blank lines and lines that are not JSON are passed over, as in
 * streams.ts's `follow`), `onEnd` the reason the answer ended (never called after `close`).
 */
export function followJsonLines(
	address: PlainAddress,
	path: string,
	onValue: (value: unknown) => void,
	onEnd: (error: Error) => void,
	open?: Set<unknown>,
	rounds?: ReadRounds,
): Subscription {
	let ended = false;
	/** Bytes read but not yet a whole line (or, before the body, not yet the whole head), copied. */
	let rest: Buffer | undefined;
	let status: number | undefined;
	/** Ends the answer once: false when it had ended already. */
	const stop = (): boolean => {
		if (ended) return false;
		ended = true;
		open?.delete(socket);
		rounds?.delete(socket);
		socket.destroy();
		return true;
	};

	const finish = (error: Error) => {
		if (stop()) onEnd(error);
	};

	const read = (bytes: Buffer): boolean => {
		if (ended) return true;
		let data = rest ? Buffer.concat([rest, bytes]) : bytes;
		rest = undefined;
		if (status === undefined) {
			const headerEnd = data.indexOf('\r\n\r\n');
			if (headerEnd === -1) {
				rest = Buffer.from(data);
				return true;
			}

			status = statusOf(data.subarray(0, headerEnd).toString('latin1')) ?? 0;
			data = data.subarray(headerEnd + 4);
		}

		if (status !== 200) {
			// The engine's message, kept whole until the answer ends.
			rest = Buffer.from(data);
			return true;
		}

		const last = data.lastIndexOf(10);
		if (last + 1 < data.length) rest = Buffer.from(data.subarray(last + 1));
		if (last === -1) return true;
		for (const line of data.toString('utf8', 0, last).split('\n')) {
			if (ended) return true;
			const value = jsonOfLine(line);
			if (value !== undefined) onValue(value);
		}

		// Held only between lines: a line begun is read to its end first.
		return ended || rest !== undefined || !rounds ? true : rounds.answered(socket);
	};

	const socket = connect(address, path, read);
	open?.add(socket);
	rounds?.add(socket);
	socket.on('error', error => {
		finish(error);
	});
	socket.on('end', () => {
		finish(status !== undefined && status !== 200 ? answerError(status, rest ?? Buffer.alloc(0), path) : new Error('the stream was closed by the engine'));
	});
	socket.on('close', () => {
		finish(new Error('the stream was closed by the engine'));
	});
	return {
		close() {
			stop();
		},
	};
}
