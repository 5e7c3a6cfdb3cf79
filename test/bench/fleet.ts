// The benchmark's containers on its own engine: created in parallel batches, removed at the end.
import {idleCmd, type TestEngine} from '../support/testEngine.js';

/** Every benchmark container carries this label (and testEngine's berth.test=1). */
export const benchLabel = 'berth.bench=1';

/** Busy but throttled: 50 of these use about half a core of a 2-core machine. */
export const busyCmd: readonly string[] = ['sh', '-c', 'while :; do :; done'];
export const busyArgs: readonly string[] = ['--cpus', '0.01'];

/** Prints numbered lines as fast as its CPU share allows; json-file logs capped so the disk cannot fill. */
export const floodCmd: readonly string[] = [
	'sh',
	'-c',
	'i=0; while :; do i=$((i+1)); echo "flood line $i: the quick brown fox jumps over the lazy dog"; done',
];
export const floodArgs: readonly string[] = ['--cpus', '0.25', '--log-opt', 'max-size=5m', '--log-opt', 'max-file=2'];

/** A few log lines, then idle. */
export const chattyCmd: readonly string[] = [
	'sh',
	'-c',
	'i=0; while [ $i -lt 200 ]; do i=$((i+1)); echo "chatty line $i"; done; trap "exit 0" TERM INT; while :; do sleep 3600 & wait $!; done',
];

export type ContainerPlan = {
	name: string;
	/** run: started and left running; exit: started, exits at once with 0; create: never started. */
	role: 'run' | 'exit' | 'create';
	args?: readonly string[];
	cmd?: readonly string[];
};

/** Runs fn over items with at most `limit` at a time; resolves with the results in order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = new Array(items.length);
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const index = next++;
			results[index] = await fn(items[index]!);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

export class Fleet {
	readonly names = new Set<string>();

	constructor(readonly engine: TestEngine) {}

	/** Creates the planned containers (created ones in parallel, started ones a few at a time). */
	async add(plans: readonly ContainerPlan[]): Promise<void> {
		const create = plans.filter(plan => plan.role === 'create');
		const start = plans.filter(plan => plan.role !== 'create');
		await Promise.all([
			mapLimit(create, 6, plan => this.one(plan)),
			mapLimit(start, 6, plan => this.one(plan)),
		]);
	}

	private async one(plan: ContainerPlan): Promise<void> {
		this.names.add(plan.name);
		const cmd = plan.cmd ?? (plan.role === 'run' ? idleCmd : ['true']);
		await this.engine.runContainer({
			name: plan.name,
			create: plan.role === 'create',
			args: ['--label', benchLabel, ...(plan.args ?? [])],
			cmd: [...cmd],
		});
	}

	/** Starts containers that exist already (e.g. planned as created). */
	async start(names: readonly string[]): Promise<void> {
		await mapLimit(names, 3, name => this.engine.docker('start', name));
	}

	/** `docker rm -f -v` the given containers (default: all this fleet made), in parallel batches. */
	async remove(names: readonly string[] = [...this.names]): Promise<void> {
		const batches: string[][] = [];
		for (let i = 0; i < names.length; i += 100) batches.push(names.slice(i, i + 100));
		await mapLimit(batches, 4, batch => this.engine.removeTestContainers(batch));
		for (const name of names) this.names.delete(name);
	}

	/** Removes every container with the benchmark's label, including those of an earlier, interrupted run. */
	async removeEverything(): Promise<void> {
		const ids = (await this.engine.docker('ps', '-aq', '--filter', `label=${benchLabel}`)).split(/\s+/).filter(Boolean);
		await this.remove(ids);
		this.names.clear();
	}
}
