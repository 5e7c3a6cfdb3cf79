// Keeps one engine's containers in the state: event stream, per-container refresh, periodic resync, reconnect.
import {describeEngineError} from '../engine/errors.js';
import type {ContainerRecord, Engine, EngineEvent, Subscription} from '../engine/types.js';
import {formatStatus} from '../format/status.js';
import type {AppAction} from '../state/app.js';
import {checkLiveness, defaultLivenessOptions, heard, type LivenessOptions, probeFailed, startLiveness} from './liveness.js';
import {type RefreshOptions, RefreshQueue} from './refreshQueue.js';

export type SyncOptions = {
	/** A full listing this often repairs anything an event did not tell. */
	resyncMs: number;
	retryMinMs: number;
	retryMaxMs: number;
	/** How events become reads (coalescing, concurrency, retries); the defaults when left out. */
	refresh?: RefreshOptions;
	/** When silence calls for a probe and an unanswered probe says the engine is not answering. */
	liveness?: LivenessOptions & {checkMs: number};
	/** How long the first listing waits for the event stream to open (defaultOpenWaitMs when left out). */
	openWaitMs?: number;
};

/** The first listing waits this long at most for the event stream's answer to begin. */
export const defaultOpenWaitMs = 2000;

export const defaultSyncOptions: SyncOptions = {resyncMs: 30_000, retryMinMs: 500, retryMaxMs: 5000};

/** Actions that do not change what the list shows. */
const quietActions = new Set([
	'top',
	'attach',
	'detach',
	'resize',
	'commit',
	'copy',
	'archive-path',
	'extract-to-dir',
	'export',
	'exec',
]);

export function isListChange(event: EngineEvent): boolean {
	// A prune names no container (its destroy events name each one), so it is no change to fetch.
	return event.type === 'container' && event.id !== '' && !event.action.startsWith('exec_') && !quietActions.has(event.action);
}

/** A status that changed within the last minutes (docker's words for a second are `1 second`). */
const recentStatus = /^(Restarting|Up (Less than a second|\d+ seconds?|About a minute|[1-9] minutes)|Exited \(\d+\) (Less than a second|\d+ seconds?|About a minute|[1-9] minutes) ago)/;

/** A status the alert rules have news in when berth finds it: a failing health check, a loop's back-off. */
const alarmingStatus = /^Restarting|\(unhealthy\)$/;

/** Inspected at most this many at a time after a listing, for the alert rules. */
export const lookAfterListingAtMost = 100;

/**
 * The containers of a listing the alert rules must look at (through inspect, which alone tells restarts and
 * health), alarming ones first: after the first listing, those found unhealthy, restarting or changed lately,
 * whether or not a row shows them; after a resync, those changed lately (restarts and exits the events
 * missed) that were not inspected lately (`seenLately`: in a storm, most were, for their events).
 */
export function selectToLookAt(records: readonly ContainerRecord[], first: boolean, seenLately: (id: string) => boolean = () => false): ContainerRecord[] {
	const alarming = first ? records.filter(record => alarmingStatus.test(record.status)) : [];
	const recent = records.filter(record => recentStatus.test(record.status) && !(first && alarmingStatus.test(record.status)) && !seenLately(record.id));
	return [...alarming, ...recent].slice(0, lookAfterListingAtMost);
}

/** Starts following an engine; the returned function stops everything it opened. */
export function startEngineSync(
	engine: Engine,
	dispatch: (action: AppAction) => void,
	options: SyncOptions = defaultSyncOptions,
): () => void {
	// Where each request costs a connection (ssh), a silent engine is probed less often.
	const liveOptions = options.liveness ?? (engine.connectionPerRequest ? {...defaultLivenessOptions, probeAfterMs: 10_000} : defaultLivenessOptions);
	let stopped = false;
	let events: Subscription | undefined;
	let retryTimer: NodeJS.Timeout | undefined;
	let attempt = 0;
	let live = startLiveness(Date.now());
	/** What the next full listing hands to the alert rules: what it finds (the first), or what changed lately. */
	let lookAfter: 'found' | 'recent' | undefined;
	/** When each container was last inspected, over the last resync period: a resync need not look at it again. */
	const inspectedAt = new Map<string, number>();
	const inspected = <T>(id: string, timing: T): T => {
		if (timing !== undefined) inspectedAt.set(id, Date.now());
		return timing;
	};
	const hear = <T>(value: T, at = Date.now()): T => {
		const was = live.unanswered;
		live = heard(live, at);
		if (was && !stopped) {
			// Awake again: what was shown while it slept is checked at once, and nothing says stale any more.
			dispatch({type: 'engine/answering', engine: engine.name});
			queue.resync();
			describe().catch(() => undefined);
		}

		return value;
	};

	// Each container as last listed or read (the records the state holds): a start, an exit or a pause of one
	// of them is read by inspect alone, which tells all that changes of its row, instead of a listing and inspect.
	const known = new Map<string, ContainerRecord>();
	const note = (records: readonly ContainerRecord[]) => {
		for (const record of records) known.set(record.id, record);
		return records;
	};

	const queue = new RefreshQueue(
		{
			engine: engine.name,
			readOne: async (id, restate) => {
				const was = restate ? known.get(id) : undefined;
				if (was) {
					try {
						const {timing, ports} = inspected(id, await engine.containers.inspectRunState(id));
						hear(undefined);
						const record = {...was, state: timing.state, status: formatStatus(timing, Date.now()), ports};
						known.set(id, record);
						return {record, timing};
					} catch (error) {
						if ((error as {statusCode?: number}).statusCode !== 404) throw error;
						hear(undefined);
						known.delete(id);
						return {record: undefined, timing: undefined};
					}
				}

				// The listing can lag behind the event (Docker 20.10 lists a container paused a moment ago as
				// running); inspect reads the state itself, so its word on the state wins.
				const [[record], timing] = await Promise.all([engine.containers.list({id}), engine.containers.inspectTiming(id).then(answer => inspected(id, answer), () => undefined)]);
				hear(undefined);
				if (record) known.set(id, record);
				else known.delete(id);
				return {record, timing};
			},
			inspectOne: async id => {
				try {
					return hear(inspected(id, await engine.containers.inspectTiming(id)));
				} catch (error) {
					if ((error as {statusCode?: number}).statusCode === 404) {
						known.delete(id);
						return hear(undefined);
					}

					throw error;
				}
			},
			listAll: async () => {
				const records = hear(await engine.containers.list());
				known.clear();
				note(records);
				const lately = Date.now() - options.resyncMs;
				for (const [id, at] of inspectedAt) if (at < lately) inspectedAt.delete(id);
				if (lookAfter) {
					// Inspected alone, a few at a time: touched, more than a burst of them would be listed again instead.
					for (const record of selectToLookAt(records, lookAfter === 'found', id => inspectedAt.has(id))) queue.inspect(record.id);
					lookAfter = undefined;
				}

				return records;
			},
			listSome: async ids => {
				const records = hear(await engine.containers.list({ids}));
				for (const id of ids) known.delete(id);
				return note(records);
			},
		},
		actions => {
			if (!stopped) dispatch(actions.length === 1 ? actions[0]! : {type: 'batch', actions});
		},
		options.refresh,
	);

	// Image counts and the host name change rarely: asked again at each resync and after image events.
	const describe = async () => {
		const info = await engine.system.info();
		hear(undefined);
		if (!stopped) dispatch({type: 'engine/described', engine: engine.name, info});
	};

	const onEvent = (event: EngineEvent) => {
		hear(undefined);
		if (!event.action.startsWith('exec_') && event.action !== 'exec' && event.action !== 'top') queue.emit({type: 'events/received', engine: engine.name, event});
		if (event.type === 'image' && /^(pull|delete|import|load|tag|untag)$/.test(event.action)) {
			describe().catch(() => undefined);
			return;
		}

		if (!isListChange(event)) return;
		if (event.action === 'destroy') {
			known.delete(event.id);
			queue.removed(event.id);
		}
		else queue.touch(event.id, event.action);
	};

	const lose = (error: unknown) => {
		if (stopped) return;
		events?.close();
		events = undefined;
		const text = describeEngineError(error);
		dispatch({type: 'engine/lost', engine: engine.name, error: text, at: Date.now()});
		attempt++;
		dispatch({type: 'engine/retrying', engine: engine.name, attempt, error: text});
		const delay = Math.min(options.retryMaxMs, options.retryMinMs * 2 ** (attempt - 1));
		retryTimer = setTimeout(() => {
			void connect();
		}, delay);
	};

	const connect = async () => {
		try {
			const version = await engine.system.version();
			if (stopped) return;
			// Subscribe before listing, so that nothing happening in between is missed: the listing waits until the
			// engine has begun its answer (it subscribes as it sends the head), else a change made after the listing
			// was answered and before the stream's request reached the engine would wait for the resync. An engine
			// that holds the head back is listed after openWaitMs all the same.
			const {promise: open, resolve: opened} = Promise.withResolvers<void>();
			const subscription = engine.streams.events(
				onEvent,
				error => {
					events = undefined;
					opened();
					lose(error ?? new Error('the event stream ended'));
				},
				() => opened(),
			);
			events = subscription;
			const waited = setTimeout(opened, options.openWaitMs ?? defaultOpenWaitMs);
			await open;
			clearTimeout(waited);
			if (stopped || events !== subscription) return;
			// Events that come while the listing is on its way are read again after it (the queue's rule).
			lookAfter = 'found';
			await queue.listFirst();
			if (stopped) return;
			attempt = 0;
			dispatch({type: 'engine/connected', engine: engine.name, version: version.version, product: version.product, at: Date.now()});
			describe().catch(() => undefined);
		} catch (error) {
			lose(error);
		}
	};

	const resyncTimer = setInterval(() => {
		if (events && !live.unanswered) {
			// What changed lately is inspected again after this listing, so that restarts and exits missed by the
			// events still reach the alert rules (a restart loop shows as `Up 2 seconds` in a listing, its count
			// only in inspect).
			lookAfter ??= 'recent';
			queue.resync();
			describe().catch(() => undefined);
		}
	}, options.resyncMs);

	// The watchdog: an engine that went silent is probed; one that does not answer the probe is said so.
	let probing = false;
	const watchdog = setInterval(() => {
		if (!events || stopped) return;
		// Stats samples are answers too: while rows are sampled the engine is not probed.
		const sampledAt = engine.streams.statsHeardAt();
		if (sampledAt > live.heardAt) hear(undefined, sampledAt);
		const now = Date.now();
		const checked = checkLiveness(live, now, liveOptions);
		live = checked.state;
		if (checked.probe && !probing) {
			probing = true;
			engine
				.system.ping()
				.then(
					() => hear(undefined),
					(error: unknown) => {
						// An error status is an answer all the same.
						if ((error as {statusCode?: number}).statusCode !== undefined) hear(undefined);
						// A probe past its deadline: the connection is still open, the engine is not answering.
						else if (events) live = probeFailed(live);
					},
				)
				.finally(() => {
					probing = false;
				});
		}

		if (live.unanswered) dispatch({type: 'engine/unanswered', engine: engine.name, since: live.heardAt, at: now});
	}, liveOptions.checkMs);

	void connect();

	return () => {
		stopped = true;
		events?.close();
		events = undefined;
		queue.stop();
		clearTimeout(retryTimer);
		clearInterval(resyncTimer);
		clearInterval(watchdog);
	};
}
