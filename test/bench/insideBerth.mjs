// Given to berth's Node by the benchmark (NODE_OPTIONS=--import), for the keys during the storm: where a key's
// time goes inside berth, apart from the terminal. It notes
// - each read that hands berth bytes from the terminal (a key), and the write to the terminal after it (its
//   frame): reactions, [when read (Date.now()), ms from the read to the write];
// - marks, [Date.now(), ms berth's main thread has been on a core, ms it has waited for one], at every read and
//   write and once a second, from the kernel's count for the thread (/proc/thread-self/schedstat: time run,
//   time runnable but waiting in a run queue). The benchmark reads the same count (/proc/PID/schedstat, the
//   main thread) when it sends each key: from there to the key's read and on to its frame, the thread was on a
//   core (berth's work), waiting for one (the machine not running berth), or asleep (the key not yet there, or
//   a blocking call).
// No timer but a save once a second: the module adds no wakeups worth the name to what it watches.
// Appended to BERTH_BENCH_INSIDE once a second and at exit, a line of JSON {pid, reactions, marks} with what came
// since the last, so berth's heap (whose size the benchmark measures) keeps only that second's. Plain
// JavaScript: loaded without tsx.
import {appendFileSync, readFileSync} from 'node:fs';

const path = process.env.BERTH_BENCH_INSIDE;
if (path) {
	let reactions = [];
	let marks = [];
	const mark = () => {
		const at = Date.now();
		const [run, queued] = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ').map(Number);
		marks.push([at, Math.round(run / 1e5) / 10, Math.round(queued / 1e5) / 10]);
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
		appendFileSync(path, `${JSON.stringify({pid: process.pid, reactions, marks})}\n`);
		reactions = [];
		marks = [];
	};

	setInterval(save, 1000).unref();
	process.on('exit', save);
}
