// CPU time and memory of processes, read from /proc: the tool under test and the engine's daemons.
import {execFileSync} from 'node:child_process';
import {readdirSync, readFileSync} from 'node:fs';

/** Clock ticks per second of /proc/PID/stat's times (USER_HZ, almost always 100). */
export const clockTicks: number = (() => {
	try {
		return Number(execFileSync('getconf', ['CLK_TCK'], {encoding: 'utf8'}).trim()) || 100;
	} catch {
		return 100;
	}
})();

export type ProcessStat = {
	pid: number;
	comm: string;
	state: string;
	ppid: number;
	/** utime + stime, in clock ticks. */
	own: number;
	/** cutime + cstime: children that exited and were waited for. */
	children: number;
};

export function readProcessStat(pid: number): ProcessStat | undefined {
	let text: string;
	try {
		text = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return undefined;
	}
	// The command name may hold spaces and parentheses: the fields after it start after the last ')'.
	const close = text.lastIndexOf(')');
	const comm = text.slice(text.indexOf('(') + 1, close);
	const fields = text.slice(close + 2).trim().split(' ');
	// fields[0] is field 3 (state); utime is field 14, stime 15, cutime 16, cstime 17.
	const number = (field: number) => Number(fields[field - 3] ?? 0);
	return {
		pid,
		comm,
		state: fields[0] ?? '?',
		ppid: number(4),
		own: number(14) + number(15),
		children: number(16) + number(17),
	};
}

/** Direct children of a process (every thread's children). */
export function childrenOf(pid: number): number[] {
	const result = new Set<number>();
	let tasks: string[];
	try {
		tasks = readdirSync(`/proc/${pid}/task`);
	} catch {
		return [];
	}
	for (const task of tasks) {
		try {
			for (const child of readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/)) {
				if (child) result.add(Number(child));
			}
		} catch {
			// The thread ended meanwhile.
		}
	}
	return [...result];
}

/** The process and all its descendants. */
export function processTree(root: number): number[] {
	const seen: number[] = [];
	const queue = [root];
	while (queue.length > 0) {
		const pid = queue.shift()!;
		if (seen.includes(pid) || !readProcessStat(pid)) continue;
		seen.push(pid);
		queue.push(...childrenOf(pid));
	}
	return seen;
}

/**
 * CPU seconds of a process tree: for every living process its own time and that of its children that
 * have exited and were waited for. A child that exits between two readings moves its time into its
 * parent's cutime/cstime, so the difference of two readings stays right.
 */
export function treeCpuSeconds(root: number): number {
	let ticks = 0;
	for (const pid of processTree(root)) {
		const stat = readProcessStat(pid);
		if (stat) ticks += stat.own + stat.children;
	}
	return ticks / clockTicks;
}

/** A `Vm*` line of /proc/PID/status in KiB (VmHWM: peak resident set; VmRSS: resident set now). */
export function memoryKib(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : undefined;
	} catch {
		return undefined;
	}
}

/** Sum of a Vm* field over a process tree, in MiB. */
export function treeMemoryMib(root: number, field: 'VmHWM' | 'VmRSS'): number {
	let kib = 0;
	for (const pid of processTree(root)) kib += memoryKib(pid, field) ?? 0;
	return kib / 1024;
}

function cmdline(pid: number): string {
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
	} catch {
		return '';
	}
}

export type EngineProcesses = {
	dockerd: number;
	containerd: number | undefined;
	/** containerd-shim processes of this engine's containers (they are children of init, not of containerd). */
	shims: number[];
};

/**
 * The processes of one engine: dockerd from its pidfile, its containerd (a child of dockerd), and the shims
 * whose containerd address lies under the engine's directory.
 */
export function engineProcesses(engineDir: string): EngineProcesses {
	const dockerd = Number(readFileSync(`${engineDir}/docker.pid`, 'utf8').replace(/\D/g, ''));
	if (!dockerd || readProcessStat(dockerd)?.comm !== 'dockerd') {
		throw new Error(`no dockerd runs for ${engineDir} (pidfile ${engineDir}/docker.pid)`);
	}
	const containerd = childrenOf(dockerd).find(pid => readProcessStat(pid)?.comm === 'containerd');
	const shims: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		const pid = Number(entry);
		const stat = readProcessStat(pid);
		if (stat?.comm.startsWith('containerd-shim') && cmdline(pid).includes(`${engineDir}/exec/containerd/`)) {
			shims.push(pid);
		}
	}
	return {dockerd, containerd, shims};
}

export type EngineCpu = {dockerd: number; containerd: number; shims: number};

/**
 * CPU seconds used so far by an engine's processes. dockerd and containerd count their reaped children too;
 * the shims count only their own time (a container's processes are the shim's children: their time would
 * land in the shim's cutime when they exit).
 */
export function engineCpuSeconds(processes: EngineProcesses): EngineCpu {
	const withChildren = (pid: number | undefined) => {
		const stat = pid === undefined ? undefined : readProcessStat(pid);
		return stat ? (stat.own + stat.children) / clockTicks : 0;
	};
	let shims = 0;
	for (const pid of processes.shims) shims += (readProcessStat(pid)?.own ?? 0) / clockTicks;
	return {dockerd: withChildren(processes.dockerd), containerd: withChildren(processes.containerd), shims};
}

export function subtractEngineCpu(end: EngineCpu, start: EngineCpu): EngineCpu {
	return {dockerd: end.dockerd - start.dockerd, containerd: end.containerd - start.containerd, shims: end.shims - start.shims};
}

/** Ms a thread has been on a core and has waited for one in a run queue, as the kernel counts them. */
export type Sched = {ran: number; queued: number};

/** /proc/PID/schedstat: the thread group leader's (a process's main thread's) count, or undefined when it is gone. */
export function schedOf(pid: number | undefined): Sched | undefined {
	if (pid === undefined) return undefined;
	try {
		const [ran, queued] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number);
		return ran === undefined || queued === undefined ? undefined : {ran: ran / 1e6, queued: queued / 1e6};
	} catch {
		return undefined;
	}
}
