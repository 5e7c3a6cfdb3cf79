// Follows the stats streams of the containers that are on screen, and only those.
import type {Engine, StatsSample, Subscription} from '../engine/types.js';
import type {AppAction} from '../model/app.js';
import {containerKey} from '../model/containers.js';

export type StatsTarget = {engine: string; id: string};

/** Samples are gathered and handed over in one batch per flush, so the screen redraws once for all. */
export class StatsFollower {
	private readonly streams = new Map<string, Subscription>();
	private pending: AppAction[] = [];
	private readonly timer: NodeJS.Timeout | undefined;

	/** With flushMs 0 the owner calls flush() itself (the App does, on its clock, to draw once a second). */
	constructor(
		private readonly engines: ReadonlyMap<string, Engine>,
		private readonly dispatch: (action: AppAction) => void,
		flushMs = 1000,
		private readonly limit = 100,
	) {
		this.timer =
			flushMs > 0
				? setInterval(() => {
						this.flush();
					}, flushMs)
				: undefined;
	}

	/** Opens streams for new targets and closes those no longer wanted. */
	follow(targets: readonly StatsTarget[]): void {
		const wanted = new Map(targets.slice(0, this.limit).map(target => [containerKey(target.engine, target.id), target]));
		for (const [key, stream] of this.streams) {
			if (!wanted.has(key)) {
				stream.close();
				this.streams.delete(key);
				// Figures nobody follows any more would go stale on screen: they go.
				const [engine = '', id = ''] = key.split('\u0000');
				this.pending.push({type: 'stats/ended', engine, id});
			}
		}

		for (const [key, target] of wanted) {
			if (this.streams.has(key)) continue;
			const engine = this.engines.get(target.engine);
			if (!engine) continue;
			const stream = engine.subscribeStats(
				target.id,
				(sample: StatsSample) => {
					this.pending.push({type: 'stats/sampled', engine: target.engine, id: target.id, sample});
				},
				() => {
					this.streams.delete(key);
					this.pending.push({type: 'stats/ended', engine: target.engine, id: target.id});
				},
			);
			this.streams.set(key, stream);
		}
	}

	flush(): void {
		if (this.pending.length === 0) return;
		const actions = this.pending;
		this.pending = [];
		this.dispatch({type: 'batch', actions});
	}

	openCount(): number {
		return this.streams.size;
	}

	close(): void {
		clearInterval(this.timer);
		for (const stream of this.streams.values()) stream.close();
		this.streams.clear();
		this.pending = [];
	}
}
