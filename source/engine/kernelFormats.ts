// The kernel's files as Docker's stats collector reads them: cgroup v1 and v2 stat files, /proc/stat, a network
// namespace's /proc/PID/net/dev and /proc/PID/cgroup. Pure: text or bytes in, numbers out; the files read
// every second are read as bytes, without a string, an array or a pair made for each line or number.

/** Docker's clock ticks (USER_HZ), as its collector counts /proc/stat: 100 on Linux. */
const nanosecondsPerTick = 1e9 / 100;

const [zero, nine, space, newline, colon] = ['0', '9', ' ', '\n', ':'].map(character => character.charCodeAt(0)) as [number, number, number, number, number];

/** The decimal digits at `at` as a number (0 where there are none). */
export function numberAt(bytes: Uint8Array, at: number, end: number): number {
	let value = 0;
	for (let index = at; index < end && bytes[index]! >= zero && bytes[index]! <= nine; index++) value = value * 10 + bytes[index]! - zero;
	return value;
}

/** Where the decimal digits at `at` end (`at` where there are none): read apart from their value, so that no pair is made for each of them. */
export function digitsEnd(bytes: Uint8Array, at: number, end: number): number {
	let index = at;
	while (index < end && bytes[index]! >= zero && bytes[index]! <= nine) index++;
	return index;
}

/** Whether `key`'s bytes are at `at`, before `end`. */
function bytesAt(bytes: Uint8Array, at: number, end: number, key: Uint8Array): boolean {
	if (at + key.length > end) return false;
	for (let index = 0; index < key.length; index++) if (bytes[at + index] !== key[index]) return false;
	return true;
}

/** The keys of stat files as bytes, made once each. */
const keyBytes = new Map<string, Buffer>();

/** The number after `key ` at the start of a line of the first `length` bytes of a stat file; undefined when not there. */
export function statValueIn(bytes: Buffer, length: number, key: string): number | undefined {
	let needle = keyBytes.get(key);
	if (!needle) {
		needle = Buffer.from(`\n${key} `, 'latin1');
		keyBytes.set(key, needle);
	}

	// At the start of the file, or after a newline.
	const atStart = length >= needle.length - 1 && bytes.compare(needle, 1, needle.length, 0, needle.length - 1) === 0;
	const found = atStart ? -1 : bytes.indexOf(needle);
	if (!atStart && (found < 0 || found + needle.length > length)) return undefined;
	const start = atStart ? needle.length - 1 : found + needle.length;
	return digitsEnd(bytes, start, length) > start ? numberAt(bytes, start, length) : undefined;
}

/** The CPUs' time from /proc/stat's first line as Docker's collector sums it (user to softirq), and the CPUs online. */
export function systemCpu(text: string): {systemCpu: number; onlineCpus: number} {
	const first = /^cpu +(.*)$/m.exec(text)?.[1]?.trim().split(/ +/) ?? [];
	const ticks = first.slice(0, 7).reduce((sum, field) => sum + Number(field), 0);
	return {systemCpu: ticks * nanosecondsPerTick, onlineCpus: text.match(/^cpu\d+ /gm)?.length ?? 0};
}

const [read, write, rbytes, wbytes] = ['Read ', 'Write ', 'rbytes=', 'wbytes='].map(key => Buffer.from(key, 'latin1')) as [Buffer, Buffer, Buffer, Buffer];

/**
 * Bytes read and written, from the first `length` bytes of cgroup v1's blkio file (`8:0 Read 4096` lines; the
 * `Total` lines not counted) or v2's io.stat (`8:0 rbytes=4096 wbytes=0 ...`), read where they are.
 */
export function blockBytes(bytes: Uint8Array, length: number): {blockRead: number; blockWrite: number} {
	let blockRead = 0;
	let blockWrite = 0;
	for (let line = 0; line < length; ) {
		let end = line;
		while (end < length && bytes[end] !== newline) end++;
		// v1: the device, one space, Read or Write, one space, and digits to the end of the line.
		let field = line;
		while (field < end && bytes[field] !== space) field++;
		field++;
		const v1 = field > line + 1 && field < end ? (bytesAt(bytes, field, end, read) ? read : bytesAt(bytes, field, end, write) ? write : undefined) : undefined;
		if (v1 && digitsEnd(bytes, field + v1.length, end) === end && end > field + v1.length) {
			if (v1 === read) blockRead += numberAt(bytes, field + v1.length, end);
			else blockWrite += numberAt(bytes, field + v1.length, end);
		} else {
			// v2: each field of the line that is rbytes= or wbytes= and digits.
			for (let at = line; at < end; at++) {
				if (at > line && bytes[at - 1] !== space) continue;
				if (bytesAt(bytes, at, end, rbytes)) blockRead += numberAt(bytes, at + rbytes.length, end);
				else if (bytesAt(bytes, at, end, wbytes)) blockWrite += numberAt(bytes, at + wbytes.length, end);
			}
		}

		line = end + 1;
	}

	return {blockRead, blockWrite};
}

/**
 * Bytes received and sent over the namespace's interfaces but the loopback, from the first `length` bytes of
 * /proc/PID/net/dev (two heading lines, then `  eth0: rx_bytes packets … (8 receive fields) tx_bytes …`),
 * read where they are: no string per line or field.
 */
export function networkBytes(bytes: Uint8Array, length: number): {networkRx: number; networkTx: number} {
	let networkRx = 0;
	let networkTx = 0;
	let line = 0;
	for (let heading = 0; heading < 2 && line < length; heading++) {
		while (line < length && bytes[line] !== newline) line++;
		line++;
	}

	while (line < length) {
		let index = line;
		while (index < length && bytes[index] === space) index++;
		const name = index;
		while (index < length && bytes[index] !== colon && bytes[index] !== newline) index++;
		if (index >= length || bytes[index] !== colon) break;
		const loopback = index - name === 2 && bytes[name] === 0x6c /* l */ && bytes[name + 1] === 0x6f; /* o */
		index++;
		for (let field = 0; field <= 8; field++) {
			while (index < length && bytes[index] === space) index++;
			const value = numberAt(bytes, index, length);
			index = digitsEnd(bytes, index, length);
			if (loopback) continue;
			if (field === 0) networkRx += value;
			else if (field === 8) networkTx += value;
		}

		while (index < length && bytes[index] !== newline) index++;
		line = index + 1;
	}

	return {networkRx, networkTx};
}

/** A cgroup's place in each hierarchy, from /proc/PID/cgroup: `4:memory:/docker/ID`, or v2's `0::/docker/ID`. */
export function cgroupPaths(text: string): Map<string, string> {
	const paths = new Map<string, string>();
	for (const line of text.split('\n')) {
		const match = /^\d+:([^:]*):(.*)$/.exec(line);
		if (!match) continue;
		for (const controller of match[1]!.split(',')) paths.set(controller, match[2]!);
	}

	return paths;
}
