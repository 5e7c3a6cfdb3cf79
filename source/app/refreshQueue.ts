// Turns one engine's container events into as few reads as tell the truth: coalesced, bounded, retried.
//
// A storm of events (hundreds of containers started, paused, removed from outside at once) must neither
// flood the engine with requests nor leave a row behind. So: one read per container at a time (events for
// a container being read ask for one more read afterwards, however many they are); at most `concurrency`
// reads at once; once `burst` containers wait, one listing of just those answers them all; a listing is never allowed to
// overwrite what the events said after it was asked for (those containers are read again once it lands);
// a read that fails is tried again after a growing delay, a bounded number of times, then a listing is
// asked for. What comes back is handed over in batches, so a storm costs a few redraws, not hundreds.
import type {ContainerRecord, ContainerTiming} from '../engine/types.js';
import type {AppAction} from '../state/app.js';

export type RefreshWork = {
	engine: string;
	/**
	 * Reads one container again: undefined when it is gone; a timing when inspect answered. `restate`: the
	 * events since its last read only started, stopped or paused it (inspect alone can tell what that changed).
	 */
	readOne(id: string, restate: boolean): Promise<{record: ContainerRecord | undefined; timing: ContainerTiming | undefined}>;
	/** Inspect alone (its state, times and health): undefined when the container is gone. */
	inspectOne(id: string): Promise<ContainerTiming | undefined>;
	listAll(): Promise<readonly ContainerRecord[]>;
	/** The listing of these containers alone (those missing from it are gone). */
	listSome(ids: readonly string[]): Promise<readonly ContainerRecord[]>;
};

export type RefreshOptions = {
	/** Reads in flight at most. */
	concurrency: number;
	/** This many containers waiting are answered by one listing of them. */
	burst: number;
	/** More than this many waiting are answered by a listing of every container. */
	listSomeAtMost: number;
	retryMinMs: number;
	retryMaxMs: number;
	/** Tries per read (and per listing) before giving up on it. */
	attempts: number;
	/** Results are handed over at least this often while work goes on; at once when it is all done. */
	flushMs: number;
};

export const defaultRefreshOptions: RefreshOptions = {concurrency: 4, burst: 12, listSomeAtMost: 100, retryMinMs: 200, retryMaxMs: 3000, attempts: 6, flushMs: 50};

/** The delay before try number `attempt` + 1: doubling from min, at most max. */
export function backoffMs(attempt: number, minMs: number, maxMs: number): number {
	return Math.min(maxMs, minMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * Actions the engine tells of before its listing shows them: Docker logs `die`, then releases the network
 * and unmounts (which takes a while under load), then saves the state its listing reads; pause and unpause
 * are logged before they are saved too. Inspect waits for the container's lock, so its word on the state
 * is the truth: such a container is inspected even when a listing answered the rest.
 */
const lagging = new Set(['pause', 'unpause', 'die', 'kill', 'stop', 'oom']);

/** Actions that change a container's run state (and with it its ports and health) and nothing else of its row. */
const restating = new Set([...lagging, 'start', 'restart']);

/**
 * inspect: its last event is one the listing lags behind; full: listed and inspected, not inspected only;
 * restate: every event since its last read only changed its run state.
 */
type Waiting = {attempt: number; inspect: boolean; full: boolean; restate: boolean};

/** Two reasons to read one container, as one read: the newer attempt count, and whatever either asks for. */
function joined(known: Waiting | undefined, next: Waiting): Waiting {
	return known ? {attempt: next.attempt, inspect: known.inspect || next.inspect, full: known.full || next.full, restate: known.restate && next.restate} : next;
}

/** An inspect alone, asked afresh: for a container whose listing may carry the state from before its event. */
const inspectAgain: Waiting = {attempt: 0, inspect: true, full: false, restate: false};

/** A read in flight: what it was asked for, and the read to do once it lands (events came meanwhile). */
type Reading = {waiting: Waiting; again?: Waiting};

export class RefreshQueue {
	private readonly dirty = new Map<string, Waiting>();
	/**
	 * Inspects for the alert rules alone (after a listing), one at a time and only while no event's read waits:
	 * an inspect waits for the container's lock (a container being stopped holds it for seconds), and these
	 * must never hold back the reads that events ask for.
	 */
	private readonly later = new Set<string>();
	/** Reads in flight. */
	private readonly running = new Map<string, Reading>();
	/** Read again after a delay (a read failed). */
	private readonly retries = new Map<string, NodeJS.Timeout>();
	/** Removed while being read: what the read finds is stale. */
	private readonly gone = new Set<string>();
	/** A listing in flight, and the containers events named since it was asked for. */
	private listing: {touched: Map<string, Waiting>; done: Promise<void>} | undefined;
	private listingWanted = false;
	private listingAttempt = 0;
	private listingRetry: NodeJS.Timeout | undefined;
	private out: AppAction[] = [];
	private flushTimer: NodeJS.Timeout | undefined;
	private stopped = false;
	/** Requests that failed and were tried again, since the start (for tests and the benchmark). */
	retried = 0;
	/** Listings and reads asked of the engine, since the start. */
	listings = 0;
	reads = 0;

	constructor(
		private readonly work: RefreshWork,
		private readonly deliver: (actions: AppAction[]) => void,
		private readonly options: RefreshOptions = defaultRefreshOptions,
	) {}

	/** An event changed container `id` (anything but its removal). */
	touch(id: string, action = ''): void {
		if (this.stopped) return;
		const retry = this.retries.get(id);
		if (retry) {
			clearTimeout(retry);
			this.retries.delete(id);
		}

		this.want(id, {attempt: 0, inspect: lagging.has(action), full: true, restate: restating.has(action) || action.startsWith('health_status')});
		this.pump();
	}

	/** Container `id` is to be inspected alone (its state, times and health: what the alert rules read). */
	inspect(id: string): void {
		if (this.stopped) return;
		this.later.add(id);
		this.pump();
	}

	/** Container `id` was removed: its row goes now, and nothing read before says otherwise. */
	removed(id: string): void {
		if (this.stopped) return;
		this.dirty.delete(id);
		const retry = this.retries.get(id);
		if (retry) {
			clearTimeout(retry);
			this.retries.delete(id);
		}

		if (this.running.has(id)) this.gone.add(id);
		// A listing asked for before the removal may still name it: read once more after it lands.
		if (this.listing) this.listing.touched.set(id, {attempt: 0, inspect: false, full: true, restate: false});
		this.emit({type: 'container/removed', engine: this.work.engine, id});
	}

	/** Lists everything again (the periodic resync, a recovery): one listing, however often asked. */
	resync(): void {
		if (this.stopped) return;
		this.listingWanted = true;
		this.pump();
	}

	/**
	 * The first listing after connecting: events that come while it is on its way are read again after it.
	 * Rejects when it fails (the caller's reconnecting takes over; the queue does not try it again).
	 */
	async listFirst(): Promise<void> {
		this.dirty.clear();
		while (this.listing) await this.listing.done;
		await this.list(false);
		// Handed over at once, before the caller says it is connected: reads asked for after it (the alert
		// rules' inspects) would otherwise hold it until the next flush.
		this.flush();
	}

	/** Hands an action over with the next batch, in order with the results. */
	emit(action: AppAction): void {
		if (this.stopped) return;
		this.out.push(action);
		this.flushSoon();
	}

	/** Nothing waiting, in flight or to be tried again. */
	idle(): boolean {
		return this.dirty.size === 0 && this.later.size === 0 && this.running.size === 0 && this.retries.size === 0 && !this.listing && !this.listingWanted && this.listingRetry === undefined;
	}

	/** Reads in flight now (never more than the concurrency). */
	inFlight(): number {
		return this.running.size + (this.listing ? 1 : 0);
	}

	stop(): void {
		this.stopped = true;
		for (const timer of this.retries.values()) clearTimeout(timer);
		this.retries.clear();
		clearTimeout(this.listingRetry);
		clearTimeout(this.flushTimer);
		this.dirty.clear();
		this.later.clear();
		this.out = [];
	}

	private pump(): void {
		if (this.stopped || this.listing) return;
		if (this.listingWanted || this.waitingFull() >= this.options.burst) {
			this.list(true, !this.listingWanted && this.waitingFull() <= this.options.listSomeAtMost).catch(() => undefined);
			return;
		}

		for (const [id, waiting] of this.dirty) {
			if (this.running.size >= this.options.concurrency) break;
			if (this.running.has(id)) continue;
			this.dirty.delete(id);
			this.read(id, waiting);
		}

		const [next] = this.later;
		if (next !== undefined && this.dirty.size === 0 && this.running.size === 0) {
			this.later.delete(next);
			this.read(next, inspectAgain);
		}

		if (this.idle()) this.flush();
	}

	/** some: a listing of the containers waiting alone (the engine looks each one up), not of all of them. */
	private async list(retry: boolean, some = false): Promise<void> {
		this.listingWanted = false;
		clearTimeout(this.listingRetry);
		this.listingRetry = undefined;
		// The listing answers every container waiting; those whose listing lags are inspected after it, and so
		// are those being read for such an event now (what the listing says of them may be from before it).
		// (One waiting for an inspect only waits on: a listing would not tell it more.)
		const covered = new Map([...this.dirty].filter(([, waiting]) => waiting.full));
		for (const id of covered.keys()) this.dirty.delete(id);
		const touched = new Map<string, Waiting>();
		const ids = some ? [...covered.keys()] : undefined;
		const asked = ids ? this.work.listSome(ids) : this.work.listAll();
		this.listing = {touched, done: asked.then(() => undefined, () => undefined)};
		this.listings++;
		let records: readonly ContainerRecord[];
		try {
			records = await asked;
		} catch (error) {
			if (this.stopped) return;
			// Nothing was answered: every container it was to answer waits again, and it is tried again later.
			for (const [id, waiting] of covered) if (!this.dirty.has(id) && !this.running.has(id)) this.dirty.set(id, waiting);
			this.landed(touched);
			if (!retry) throw error;
			this.listingAttempt++;
			if (this.listingAttempt >= this.options.attempts) {
				// Given up for now: the periodic resync carries on.
				this.listingAttempt = 0;
				return;
			}

			this.retried++;
			this.listingRetry = setTimeout(() => {
				this.listingRetry = undefined;
				this.resync();
			}, backoffMs(this.listingAttempt, this.options.retryMinMs, this.options.retryMaxMs));
			return;
		}

		if (this.stopped) return;
		this.listingAttempt = 0;
		this.emit({type: 'containers/listed', engine: this.work.engine, records, at: Date.now(), ...(ids ? {ids} : {})});
		for (const [id, waiting] of covered) {
			if (waiting.inspect && !touched.has(id) && !this.running.has(id)) this.dirty.set(id, inspectAgain);
		}

		for (const reading of this.running.values()) if (reading.waiting.inspect) reading.again = joined(reading.again, inspectAgain);

		this.landed(touched);
	}

	/** A listing is in: what events said since it was asked for is read again. */
	private landed(touched: ReadonlyMap<string, Waiting>): void {
		this.listing = undefined;
		for (const [id, waiting] of touched) this.want(id, waiting);
		this.pump();
	}

	private read(id: string, waiting: Waiting): void {
		this.running.set(id, {waiting});
		this.reads++;
		let failed = false;
		let unstated = false;
		const reading = waiting.full ? this.readFully(id, waiting) : this.inspectOnly(id, waiting);
		reading
			.then(stated => {
				unstated = !stated;
			})
			.catch(() => {
				failed = true;
			})
			.finally(() => {
				const again = this.running.get(id)?.again;
				this.running.delete(id);
				if (this.stopped) return;
				if (this.gone.delete(id)) {
					this.pump();
					return;
				}

				if (again) {
					this.dirty.set(id, joined(this.dirty.get(id), again));
				} else if (failed) {
					this.retry(id, {...waiting, attempt: waiting.attempt + 1});
				} else if (unstated && waiting.inspect) {
					// Only the listing answered, and it lags behind this event: inspect is asked again.
					this.retry(id, {attempt: waiting.attempt + 1, inspect: true, full: false, restate: false});
				}

				this.pump();
			});
	}

	/** Containers waiting for a listing or a full read (not an inspect only). */
	private waitingFull(): number {
		let count = 0;
		for (const waiting of this.dirty.values()) if (waiting.full) count++;
		return count;
	}

	/** Resolves false when the state shown is the listing's alone (inspect did not answer). */
	private async readFully(id: string, waiting: Waiting): Promise<boolean> {
		const {record, timing} = await this.work.readOne(id, waiting.restate);
		if (this.stopped || this.gone.has(id)) return true;
		if (!record) {
			this.emit({type: 'container/removed', engine: this.work.engine, id});
			return true;
		}

		this.outrunListing(id, waiting);
		this.emit({type: 'container/updated', record: timing ? {...record, state: timing.state} : record});
		if (timing) this.emit({type: 'container/timed', engine: this.work.engine, id, timing});
		return timing !== undefined;
	}

	private async inspectOnly(id: string, waiting: Waiting): Promise<boolean> {
		const timing = await this.work.inspectOne(id);
		if (this.stopped || this.gone.has(id)) return true;
		this.outrunListing(id, waiting);
		if (timing) this.emit({type: 'container/timed', engine: this.work.engine, id, timing, stated: true});
		else this.emit({type: 'container/removed', engine: this.work.engine, id});
		return true;
	}

	/** Container `id` is to be read: after the listing on its way, after its read on its way, or next. */
	private want(id: string, waiting: Waiting): void {
		const reading = this.running.get(id);
		if (this.listing) this.listing.touched.set(id, joined(this.listing.touched.get(id), waiting));
		else if (reading) reading.again = joined(reading.again, waiting);
		else this.dirty.set(id, joined(this.dirty.get(id), waiting));
	}

	/**
	 * A read of a container whose listing lags, answered while a listing is on its way: the listing lands after
	 * it and may bring back the state from before the exit or pause the read found. It is inspected after it.
	 */
	private outrunListing(id: string, waiting: Waiting): void {
		if (waiting.inspect && this.listing) this.listing.touched.set(id, joined(this.listing.touched.get(id), inspectAgain));
	}

	private retry(id: string, waiting: Waiting): void {
		if (waiting.attempt >= this.options.attempts) {
			// This container cannot be read: a listing tells what the engine says of it.
			this.resync();
			return;
		}

		this.retried++;
		this.retries.set(
			id,
			setTimeout(() => {
				this.retries.delete(id);
				this.want(id, waiting);
				this.pump();
			}, backoffMs(waiting.attempt, this.options.retryMinMs, this.options.retryMaxMs)),
		);
	}

	private flushSoon(): void {
		if (this.flushTimer) return;
		this.flushTimer = setTimeout(() => {
			this.flushTimer = undefined;
			this.flush();
		}, this.options.flushMs);
	}

	private flush(): void {
		clearTimeout(this.flushTimer);
		this.flushTimer = undefined;
		if (this.out.length === 0) return;
		const actions = this.out;
		this.out = [];
		this.deliver(actions);
	}
}
