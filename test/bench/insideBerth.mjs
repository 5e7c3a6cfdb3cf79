// Given to berth's Node by the benchmark (NODE_OPTIONS=--import), for the keys during the storm: what berth
// itself takes for a key, apart from the terminal and the machine. It notes
// - each key's reaction inside berth: from the read that hands berth the key's bytes to the next write to the
//   terminal (its frame);
// - each gap in berth's event loop: a timer due every 10 ms that ran more than 50 ms late, with the CPU time
//   the process had in the gap (all its threads). A gap with little CPU is one where the machine did not run
//   berth; one with as much CPU as wall time is berth's own work.
// Written as JSON to BERTH_BENCH_INSIDE every second and at exit. Plain JavaScript: loaded without tsx.
import {writeFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

const path = process.env.BERTH_BENCH_INSIDE;
if (path) {
	/** [when (Date.now()), ms from the key's read to its frame's write]. */
	const reactions = [];
	/** [when the gap ended (Date.now()), ms late, CPU ms in the gap]. */
	const gaps = [];
	const tickMs = 10;
	const cpuMs = () => {
		const used = process.cpuUsage();
		return (used.user + used.system) / 1000;
	};

	let lastTick = performance.now();
	let lastCpu = cpuMs();
	setInterval(() => {
		const now = performance.now();
		const cpu = cpuMs();
		const late = now - lastTick - tickMs;
		if (late > 50) gaps.push([Date.now(), Math.round(late), Math.round(cpu - lastCpu)]);
		lastTick = now;
		lastCpu = cpu;
	}, tickMs).unref();

	let keyAt;
	const read = process.stdin.read.bind(process.stdin);
	process.stdin.read = (...args) => {
		const chunk = read(...args);
		if (chunk !== null && chunk !== undefined && keyAt === undefined) keyAt = performance.now();
		return chunk;
	};

	const write = process.stdout.write.bind(process.stdout);
	process.stdout.write = (...args) => {
		if (keyAt !== undefined) {
			reactions.push([Date.now(), Math.round(performance.now() - keyAt)]);
			keyAt = undefined;
		}

		return write(...args);
	};

	const save = () => writeFileSync(path, JSON.stringify({reactions, gaps}));
	setInterval(save, 1000).unref();
	process.on('exit', save);
}
