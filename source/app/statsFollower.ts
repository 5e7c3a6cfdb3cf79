// Gathers the stats of the containers on screen, and only those: sampled every few seconds, or streamed.
//
// Every sample costs the engine a reading of the container's cgroups (dockerd, containerd and the shim
// take part). `docker stats` streams one a second for every container. berth samples the rows in the list
// every `pollMs` (a one-shot request, answered at the engine's next reading) and streams, a sample a
// second, only what needs it: the container whose details are open, and every row at `--refresh 1`. On an
// engine where each request at once costs a connection (ssh: a channel and a process on the remote host),
// fewer requests run at once.
import {isPastDeadline} from '../engine/deadline.js';
import type {Engine, EngineStreams, StatsSample, Subscription} from '../engine/types.js';
import type {AppAction} from '../state/app.js';
import {containerKey} from '../state/containers.js';

/** A container to sample; `io: false` leaves out its network and block I/O where that saves a reading (not shown). */
export type StatsTarget = {engine: string; id: string; io?: boolean};

/** How often the list's rows are sampled unless `--refresh` says otherwise. */
export const defaultRefreshMs = 5000;

/** How long streamed samples wait at most for the rest of their engine's round (see `take`). */
const maxStreamedWaitMs = 1000;

/** Polled requests in flight at most on an engine unless told otherwise. */
export const defaultStatsConcurrency = 50;

export type StatsPlan = {
	/** Sampled every pollMs, at most `concurrency` requests at a time on each engine. */
	polled: readonly StatsTarget[];
	/** Followed as streams, a sample a second. */
	streamed: readonly StatsTarget[];
};

export type StatsFollowerOptions = {
	/** How often the polled targets are sampled. */
	pollMs?: number;
	/**
	 * Requests in flight at most on an engine (by its name); a one-shot request waits for the engine's next
	 * reading, which answers every request waiting for it.
	 */
	concurrency?: number | ((engine: string) => number);
	/** Targets followed at most (polled and streamed together). */
	limit?: number;
};

/** Samples are gathered and handed over in one batch, so the screen redraws once for all. */
export class StatsFollower {
	/** Open streams, each with whether it reads the I/O too. */
	private readonly streams = new Map<string, {subscription: Subscription; io: boolean}>();
	private readonly polled = new Map<string, StatsTarget>();
	/** Targets with a sample already: the next poll is one-shot and compared with it. */
	private readonly sampled = new Set<string>();
	/** Targets with a sample handed on or held for a take: their figures may be on screen, and are kept when they leave it. */
	private readonly figured = new Set<string>();
	/** Requests waiting for the engine's answer (answers for targets no longer wanted are dropped). */
	private readonly inFlight = new Map<string, StatsTarget>();
	private queue: string[] = [];
	private pending: AppAction[] = [];
	/**
	 * Polled samples wait here until the whole round is in: the engine answers a round over two of its
	 * readings (the first request wakes it), and the screen should redraw once for the round, not twice.
	 */
	private round: AppAction[] = [];
	private roundSince = 0;
	/**
	 * Streamed samples (and ends) by engine, waiting while that engine's round is read: the first sample of
	 * a pass comes alone and the rest half a second later, and a take between them would draw the pass in
	 * two frames. Since when the oldest has waited.
	 */
	private readonly streamedWaiting = new Map<string, {since: number; actions: AppAction[]}>();
	private closed = false;
	private readonly pollTimer: NodeJS.Timeout;
	private readonly pollMs: number;
	private readonly concurrency: (engine: string) => number;
	private readonly limit: number;

	constructor(
		private readonly engines: ReadonlyMap<string, Pick<Engine, 'streams'>>,
		options: StatsFollowerOptions = {},
	) {
		this.pollMs = options.pollMs ?? defaultRefreshMs;
		const concurrency = options.concurrency ?? defaultStatsConcurrency;
		this.concurrency = typeof concurrency === 'number' ? () => concurrency : concurrency;
		this.limit = options.limit ?? 100;
		this.pollTimer = setInterval(() => {
			// A round still under way (fewer requests at once than rows) goes on where it was: the rows it has
			// not reached come first, then the rest.
			const waiting = new Set(this.queue);
			this.queue = [...this.queue, ...[...this.polled.keys()].filter(key => !this.inFlight.has(key) && !waiting.has(key))];
			this.pump();
		}, this.pollMs);
	}

	/** Starts what is newly wanted, stops what is not wanted any more. */
	follow(plan: StatsPlan): void {
		const streamed = new Map(plan.streamed.slice(0, this.limit).map(target => [containerKey(target.engine, target.id), target]));
		const polled = new Map(
			plan.polled
				.slice(0, Math.max(0, this.limit - streamed.size))
				.map(target => [containerKey(target.engine, target.id), target] as const)
				.filter(([key]) => !streamed.has(key)),
		);

		for (const [key, stream] of this.streams) {
			const target = streamed.get(key);
			if (target && (target.io ?? true) === stream.io) continue;
			// Gone from the plan, or wanted with its I/O or without now: opened again below in the second case.
			stream.subscription.close();
			this.streams.delete(key);
		}

		for (const key of this.polled.keys()) {
			if (polled.has(key)) continue;
			this.polled.delete(key);
		}

		// Figures nobody follows any more stay as the last known, marked as such, until the row is back and
		// sampled again; its next sample waits for two readings, so that its CPU is of that moment.
		for (const key of this.figured) {
			if (streamed.has(key) || polled.has(key)) continue;
			this.figured.delete(key);
			this.sampled.delete(key);
			const [engine = '', id = ''] = key.split('\u0000');
			// Samples of its stream that wait for their round, or held for a poll round still under way, would be
			// handed on after this and make its figures followed again. An end among them still ends them.
			const other = (action: AppAction) => action.type !== 'stats/sampled' || action.engine !== engine || action.id !== id;
			const waiting = this.streamedWaiting.get(engine);
			if (waiting) waiting.actions = waiting.actions.filter(other);
			this.round = this.round.filter(other);
			this.pending.push({type: 'stats/left', engine, id});
		}

		for (const [key, target] of streamed) {
			if (!this.streams.has(key)) this.openStream(key, target);
		}

		// Back before its leaving was handed on (within a take's period): its figures are of a moment ago, not left.
		// Its next sample still takes two readings: one held for a take when it left is gone, and with it what a
		// one-shot sample would be compared with.
		this.pending = this.pending.filter(action => {
			if (action.type !== 'stats/left') return true;
			const key = containerKey(action.engine, action.id);
			if (!streamed.has(key) && !polled.has(key)) return true;
			this.figured.add(key);
			return false;
		});
		const added = [...polled.keys()].filter(key => !this.polled.has(key));
		for (const [key, target] of polled) this.polled.set(key, target);
		// A row that comes on screen is sampled at once, not at the next round.
		this.queue = [...this.queue.filter(key => this.polled.has(key)), ...added];
		this.pump();
	}

	/** The samples gathered since the last take, as actions; a round of polls once it is all in. */
	take(): AppAction[] {
		const now = Date.now();
		// A round that takes longer than a poll period (a slow engine) is handed over as it stands.
		if (this.round.length > 0 && (this.inFlight.size === 0 || now - this.roundSince > this.pollMs)) {
			this.pending.push(...this.round);
			this.round = [];
		}

		for (const [engine, waiting] of this.streamedWaiting) {
			// Never longer than a take's period: an engine that reads its rounds back to back still draws.
			if (this.engines.get(engine)?.streams.statsRoundUnderWay() && now - waiting.since < maxStreamedWaitMs) continue;
			this.pending.push(...waiting.actions);
			this.streamedWaiting.delete(engine);
		}

		const actions = this.pending;
		this.pending = [];
		return actions;
	}

	/** Streams open now. */
	openCount(): number {
		return this.streams.size;
	}

	/** Containers sampled every pollMs now. */
	polledCount(): number {
		return this.polled.size;
	}

	/** Sample requests waiting for the engine's answer now. */
	inFlightCount(): number {
		return this.inFlight.size;
	}

	close(): void {
		this.closed = true;
		clearInterval(this.pollTimer);
		for (const stream of this.streams.values()) stream.subscription.close();
		this.streams.clear();
		this.polled.clear();
		this.queue = [];
		this.pending = [];
		this.round = [];
		this.streamedWaiting.clear();
		this.sampled.clear();
		this.figured.clear();
	}

	private openStream(key: string, target: StatsTarget): void {
		const engine = this.engines.get(target.engine);
		if (!engine) return;
		const io = target.io ?? true;
		const subscription = engine.streams.stats(
			target.id,
			(sample: StatsSample) => {
				this.sampled.add(key);
				this.figured.add(key);
				this.streamed(target.engine, {type: 'stats/sampled', engine: target.engine, id: target.id, sample});
			},
			() => {
				// The end of a stream closed and opened again (its I/O now wanted or not) is not this one's.
				if (this.streams.get(key)?.subscription !== subscription) return;
				this.streams.delete(key);
				this.sampled.delete(key);
				this.figured.delete(key);
				// After the samples before it, which may be waiting.
				this.streamed(target.engine, {type: 'stats/ended', engine: target.engine, id: target.id});
			},
			{io},
		);
		this.streams.set(key, {subscription, io});
	}

	private streamed(engine: string, action: AppAction): void {
		const waiting = this.streamedWaiting.get(engine);
		if (waiting) waiting.actions.push(action);
		else this.streamedWaiting.set(engine, {since: Date.now(), actions: [action]});
	}

	private pump(): void {
		const busy = new Map<string, number>();
		for (const target of this.inFlight.values()) busy.set(target.engine, (busy.get(target.engine) ?? 0) + 1);

		const waiting: string[] = [];
		for (const key of this.queue) {
			const target = this.polled.get(key);
			const engine = target ? this.engines.get(target.engine) : undefined;
			if (!target || !engine || this.inFlight.has(key)) continue;
			if ((busy.get(target.engine) ?? 0) >= this.concurrency(target.engine)) {
				waiting.push(key);
				continue;
			}

			busy.set(target.engine, (busy.get(target.engine) ?? 0) + 1);
			this.sample(key, target, engine.streams);
		}

		this.queue = waiting;
	}

	private sample(key: string, target: StatsTarget, streams: EngineStreams): void {
		this.inFlight.set(key, target);
		// The first sample waits for two readings, so that CPU shows with it; later ones take one.
		streams
			.sampleStats(target.id, {oneShot: this.sampled.has(key), io: target.io ?? true})
			.then(
				sample => {
					if (this.closed || !this.polled.has(key)) return;
					this.sampled.add(key);
					this.figured.add(key);
					if (this.round.length === 0) this.roundSince = Date.now();
					this.round.push({type: 'stats/sampled', engine: target.engine, id: target.id, sample});
				},
				(error: unknown) => {
					if (this.closed || !this.polled.has(key)) return;
					// An engine that did not answer in time: its last figures stay, shown as stale, until it answers.
					if (isPastDeadline(error)) return;
					// Gone or stopped: its figures go; the next round asks again if it is still on screen.
					this.sampled.delete(key);
					this.figured.delete(key);
					this.pending.push({type: 'stats/ended', engine: target.engine, id: target.id});
				},
			)
			.finally(() => {
				this.inFlight.delete(key);
				if (!this.closed) this.pump();
			});
	}
}
