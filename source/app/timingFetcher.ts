// Asks the engines for start/finish times of the rows on screen, a few at a time on each engine.
import type {Engine} from '../engine/types.js';
import type {AppAction} from '../state/app.js';
import {containerKey} from '../state/containers.js';
import type {StatsTarget} from './statsFollower.js';

export class TimingFetcher {
	/** Requests in flight, by key, with their engine. */
	private readonly inFlight = new Map<string, string>();
	private queue: StatsTarget[] = [];
	private closed = false;
	/**
	 * Answers are handed over together when an engine's last one is in: one redraw for a screenful. Each
	 * engine on its own, so that one that does not answer holds back no other's.
	 */
	private readonly answers = new Map<string, AppAction[]>();

	constructor(
		private readonly engines: ReadonlyMap<string, Pick<Engine, 'containers'>>,
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

	private busy(engine: string): number {
		let count = 0;
		for (const each of this.inFlight.values()) if (each === engine) count++;
		return count;
	}

	private pump(): void {
		if (this.closed) return;
		const waiting: StatsTarget[] = [];
		for (const target of this.queue) {
			const key = containerKey(target.engine, target.id);
			const engine = this.engines.get(target.engine);
			if (!engine || this.inFlight.has(key)) continue;
			if (this.busy(target.engine) >= this.concurrency) {
				waiting.push(target);
				continue;
			}

			this.inFlight.set(key, target.engine);
			engine.containers
				.inspectTiming(target.id)
				.then(
					timing => {
						const answers = this.answers.get(target.engine) ?? [];
						answers.push({type: 'container/timed', engine: target.engine, id: target.id, timing});
						this.answers.set(target.engine, answers);
					},
					() => undefined,
				)
				.finally(() => {
					this.inFlight.delete(key);
					this.pump();
					const actions = this.answers.get(target.engine);
					if (this.busy(target.engine) > 0 || this.closed || !actions) return;
					this.answers.delete(target.engine);
					this.dispatch({type: 'batch', actions});
				});
		}

		this.queue = waiting;
	}
}
