// Keeps one engine's containers in the state: event stream, per-container refresh, periodic resync, reconnect.
import {describeEngineError} from '../engine/errors.js';
import type {Engine, EngineEvent, Subscription} from '../engine/types.js';
import type {AppAction} from '../state/app.js';

export type SyncOptions = {
	/** A full listing this often repairs anything an event did not tell. */
	resyncMs: number;
	retryMinMs: number;
	retryMaxMs: number;
};

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

/** A status that changed within the last minutes. */
const recentStatus = /^(Restarting|Up (Less than a second|\d+ seconds|About a minute|[1-9] minutes)|Exited \(\d+\) (Less than a second|\d+ seconds|About a minute|[1-9] minutes) ago)/;

/** Starts following an engine; the returned function stops everything it opened. */
export function startEngineSync(
	engine: Engine,
	dispatch: (action: AppAction) => void,
	options: SyncOptions = defaultSyncOptions,
): () => void {
	let stopped = false;
	let events: Subscription | undefined;
	let retryTimer: NodeJS.Timeout | undefined;
	let attempt = 0;
	// A container whose events come while it is being fetched is fetched once more afterwards.
	const refreshing = new Map<string, boolean>();
	// One destroyed while it was being fetched: what that fetch read (`Removal In Progress`) is stale.
	const destroyed = new Set<string>();

	const list = async () => {
		const records = await engine.listContainers();
		if (!stopped) dispatch({type: 'containers/listed', engine: engine.name, records, at: Date.now()});
		return records;
	};

	// Image counts and the host name change rarely: asked again at each resync and after image events.
	const describe = async () => {
		const info = await engine.info();
		if (!stopped) dispatch({type: 'engine/described', engine: engine.name, info});
	};

	const refresh = async (id: string): Promise<void> => {
		if (refreshing.has(id)) {
			refreshing.set(id, true);
			return;
		}

		refreshing.set(id, false);
		try {
			// The listing can lag behind the event (Docker 20.10 lists a container paused a moment ago as
			// running); inspect reads the state itself, so its word on the state wins.
			const [[record], timing] = await Promise.all([
				engine.listContainers({id}),
				engine.inspectTiming(id).catch(() => undefined),
			]);
			if (stopped || destroyed.has(id)) {
				// Nothing to say: berth is stopping, or the container is gone since.
			} else if (!record) {
				dispatch({type: 'container/removed', engine: engine.name, id});
			} else {
				dispatch({type: 'container/updated', record: timing ? {...record, state: timing.state} : record});
				if (timing) dispatch({type: 'container/timed', engine: engine.name, id, timing});
			}
		} catch {
			// A lost connection shows through the event stream ending; the resync repairs the rest.
		}

		const again = refreshing.get(id);
		refreshing.delete(id);
		if (destroyed.delete(id)) return;
		if (again && !stopped) await refresh(id);
	};

	const onEvent = (event: EngineEvent) => {
		if (!event.action.startsWith('exec_') && event.action !== 'exec' && event.action !== 'top') dispatch({type: 'events/received', engine: engine.name, event});
		if (event.type === 'image' && /^(pull|delete|import|load|tag|untag)$/.test(event.action)) {
			describe().catch(() => undefined);
			return;
		}

		if (!isListChange(event)) return;
		if (event.action === 'destroy') {
			if (refreshing.has(event.id)) destroyed.add(event.id);
			dispatch({type: 'container/removed', engine: engine.name, id: event.id});
			return;
		}

		void refresh(event.id);
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
			const version = await engine.version();
			if (stopped) return;
			// Subscribe before listing, so that nothing happening in between is missed.
			events = engine.subscribeEvents(onEvent, error => {
				events = undefined;
				lose(error ?? new Error('the event stream ended'));
			});
			await list();
			if (stopped) return;
			attempt = 0;
			dispatch({type: 'engine/connected', engine: engine.name, version: version.version, product: version.product});
			describe().catch(() => undefined);
		} catch (error) {
			lose(error);
		}
	};

	const resyncTimer = setInterval(() => {
		if (events) {
			// What changed lately is inspected again, so that restarts and exits missed by the events still
			// reach the alert rules (a restart loop shows as `Up 2 seconds` in a listing, its count only in inspect).
			list()
				.then(records => {
					for (const record of records.filter(record => recentStatus.test(record.status)).slice(0, 50)) void refresh(record.id);
				})
				.catch(() => undefined);
			describe().catch(() => undefined);
		}
	}, options.resyncMs);

	void connect();

	return () => {
		stopped = true;
		events?.close();
		events = undefined;
		clearTimeout(retryTimer);
		clearInterval(resyncTimer);
	};
}
