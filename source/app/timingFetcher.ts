// Asks the engine for start/finish times of the rows on screen, a few at a time.
import type {Engine} from '../engine/types.js';
import type {AppAction} from '../state/app.js';
import {containerKey} from '../state/containers.js';
import type {StatsTarget} from './statsFollower.js';

export class TimingFetcher {
	private readonly inFlight = new Set<string>();
	private queue: StatsTarget[] = [];
	private closed = false;
	/** Answers are handed over together when the last one is in: one redraw for a screenful. */
	private answers: AppAction[] = [];

	constructor(
		private readonly engines: ReadonlyMap<string, Engine>,
		private readonly dispatch: (action: AppAction) => void,
		private readonly concurrency = 4,
	) {}

	/** Targets are the rows on screen that have no timing yet; older requests not yet started are dropped. */
	request(targets: readonly StatsTarget[]): void {
		this.queue = targets.filter(target => !this.inFlight.has(containerKey(target.engine, target.id)));
		this.pump();
	}

	close(): void {
		this.closed = true;
		this.queue = [];
	}

	private pump(): void {
		while (!this.closed && this.inFlight.size < this.concurrency && this.queue.length > 0) {
			const target = this.queue.shift()!;
			const key = containerKey(target.engine, target.id);
			const engine = this.engines.get(target.engine);
			if (!engine || this.inFlight.has(key)) continue;
			this.inFlight.add(key);
			engine
				.inspectTiming(target.id)
				.then(
					timing => {
						this.answers.push({type: 'container/timed', engine: target.engine, id: target.id, timing});
					},
					() => undefined,
				)
				.finally(() => {
					this.inFlight.delete(key);
					this.pump();
					if (this.inFlight.size > 0 || this.closed || this.answers.length === 0) return;
					const actions = this.answers;
					this.answers = [];
					this.dispatch({type: 'batch', actions});
				});
		}
	}
}
