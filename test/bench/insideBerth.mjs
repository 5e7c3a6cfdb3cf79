// Given to berth's Node by the benchmark (NODE_OPTIONS=--import), for the keys during the storm: where a key's
// time goes inside berth, apart from the terminal. It notes
// - each read that hands berth bytes from the terminal (a key), and the write to the terminal after it (its
//   frame): reactions, [when read (Date.now()), ms from the read to the write];
// - marks, [Date.now(), ms the event loop has been active since the start], at every read and write and once a
//   second. The benchmark knows when it sent each key: from the mark before that to the key's read, an event loop
//   active for little of the time was waiting in the kernel for the key and for a core (the machine not running
//   berth); one active all along was at work (berth's own work, however stretched).
// No timer but a save once a second: the module adds no wakeups worth the name to what it watches.
// Appended to BERTH_BENCH_INSIDE once a second and at exit, a line of JSON {reactions, marks} with what came
// since the last, so berth's heap (whose size the benchmark measures) keeps only that second's. Plain
// JavaScript: loaded without tsx.
import {appendFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

const path = process.env.BERTH_BENCH_INSIDE;
if (path) {
	let reactions = [];
	let marks = [];
	const mark = () => {
		const at = Date.now();
		marks.push([at, Math.round(performance.eventLoopUtilization().active)]);
		return at;
	};

	let readAt;
	const read = process.stdin.read.bind(process.stdin);
	process.stdin.read = (...args) => {
		const chunk = read(...args);
		if (chunk !== null && chunk !== undefined && readAt === undefined) readAt = mark();
		return chunk;
	};

	const write = process.stdout.write.bind(process.stdout);
	process.stdout.write = (...args) => {
		const at = mark();
		if (readAt !== undefined) {
			reactions.push([readAt, at - readAt]);
			readAt = undefined;
		}

		return write(...args);
	};

	const save = () => {
		mark();
		appendFileSync(path, `${JSON.stringify({reactions, marks})}\n`);
		reactions = [];
		marks = [];
	};

	setInterval(save, 1000).unref();
	process.on('exit', save);
}
