// The kernel's files as Docker's stats collector reads them: cgroup v1 and v2 stat files, /proc/stat, a network
// namespace's /proc/PID/net/dev and /proc/PID/cgroup. Pure: text or bytes in, numbers out.

/** Docker's clock ticks (USER_HZ), as its collector counts /proc/stat: 100 on Linux. */
const nanosecondsPerTick = 1e9 / 100;

const [zero, nine, space, newline, colon] = ['0', '9', ' ', '\n', ':'].map(character => character.charCodeAt(0)) as [number, number, number, number, number];

/** The decimal digits at `at` as a number (0 where there are none), and where they end. */
export function digitsAt(bytes: Uint8Array, at: number, end: number): [number, number] {
	let value = 0;
	let index = at;
	while (index < end && bytes[index]! >= zero && bytes[index]! <= nine) value = value * 10 + bytes[index++]! - zero;
	return [value, index];
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
	const [value, end] = digitsAt(bytes, start, length);
	return end > start ? value : undefined;
}

/** The CPUs' time from /proc/stat's first line as Docker's collector sums it (user to softirq), and the CPUs online. */
export function systemCpu(text: string): {systemCpu: number; onlineCpus: number} {
	const first = /^cpu +(.*)$/m.exec(text)?.[1]?.trim().split(/ +/) ?? [];
	const ticks = first.slice(0, 7).reduce((sum, field) => sum + Number(field), 0);
	return {systemCpu: ticks * nanosecondsPerTick, onlineCpus: text.match(/^cpu\d+ /gm)?.length ?? 0};
}

/** Bytes read and written: cgroup v1's `8:0 Read 4096` lines, or v2's `8:0 rbytes=4096 wbytes=0 ...`. */
export function blockBytes(text: string): {blockRead: number; blockWrite: number} {
	let blockRead = 0;
	let blockWrite = 0;
	for (const match of text.matchAll(/^\S+ (Read|Write) (\d+)$/gm)) {
		if (match[1] === 'Read') blockRead += Number(match[2]);
		else blockWrite += Number(match[2]);
	}

	for (const match of text.matchAll(/\b(rbytes|wbytes)=(\d+)/g)) {
		if (match[1] === 'rbytes') blockRead += Number(match[2]);
		else blockWrite += Number(match[2]);
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
			const [value, end] = digitsAt(bytes, index, length);
			index = end;
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
