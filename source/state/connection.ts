// Whether each engine is reachable, and since when it is not. Pure reducer.
import type {EngineInfo} from '../engine/types.js';

export type EngineConnection =
	| {
			status: 'connected';
			version: string;
			product?: string;
			info?: EngineInfo;
			/** The engine stopped answering (silent since `since`, still so at `at`): what it showed is stale. */
			unanswered?: {since: number; at: number};
	  }
	| {
			status: 'disconnected';
			error: string;
			since: number;
			attempt: number;
			/** berth has not reached it since it started: it was never there to be lost. */
			neverConnected?: true;
	  };

export type ConnectionState = ReadonlyMap<string, EngineConnection>;

export type ConnectionAction =
	/** `at`: when it answered (milliseconds), for the alert it may raise; the clock's last tick if not given. */
	| {type: 'engine/connected'; engine: string; version: string; product?: string; at?: number}
	| {type: 'engine/described'; engine: string; info: EngineInfo}
	| {type: 'engine/lost'; engine: string; error: string; at: number}
	| {type: 'engine/retrying'; engine: string; attempt: number; error: string}
	| {type: 'engine/unanswered'; engine: string; since: number; at: number}
	| {type: 'engine/answering'; engine: string};

/** Whole seconds of silence, as the header says it: `not answering for 12 s`. */
export function formatUnanswered(unanswered: {since: number; at: number}, words = 'not answering'): string {
	return `${words} for ${Math.max(0, Math.round((unanswered.at - unanswered.since) / 1000))} s`;
}

/** Connected but not answering: what the engine showed cannot be confirmed. */
export function isUnanswered(connection: EngineConnection | undefined): connection is Extract<EngineConnection, {status: 'connected'}> & {unanswered: {since: number; at: number}} {
	return connection?.status === 'connected' && connection.unanswered !== undefined;
}

/** Engines connected but not answering: their rows, figures and pending actions cannot be confirmed. */
export function selectUnansweredEngines(connection: ConnectionState): Set<string> {
	return new Set([...connection].filter(([, state]) => isUnanswered(state)).map(([engine]) => engine));
}

export function reduceConnection(state: ConnectionState, action: ConnectionAction): ConnectionState {
	const next = new Map(state);
	const current = state.get(action.engine);
	switch (action.type) {
		case 'engine/connected': {
			next.set(action.engine, {
				status: 'connected',
				version: action.version,
				...(action.product ? {product: action.product} : {}),
				...(current?.status === 'connected' && current.info ? {info: current.info} : {}),
			});
			return next;
		}

		case 'engine/described': {
			if (current?.status !== 'connected') return state;
			// Asked again at every resync: the same answer changes nothing (and redraws nothing).
			const known = current.info;
			if (known && (Object.keys(action.info) as Array<keyof EngineInfo>).every(field => known[field] === action.info[field])) return state;
			next.set(action.engine, {...current, info: action.info});
			return next;
		}

		case 'engine/lost': {
			if (current?.status === 'disconnected') return state;
			next.set(action.engine, {status: 'disconnected', error: action.error, since: action.at, attempt: 0, ...(current === undefined ? {neverConnected: true as const} : {})});
			return next;
		}

		case 'engine/unanswered': {
			if (current?.status !== 'connected') return state;
			next.set(action.engine, {...current, unanswered: {since: action.since, at: action.at}});
			return next;
		}

		case 'engine/answering': {
			if (current?.status !== 'connected' || !current.unanswered) return state;
			const {unanswered: _, ...answering} = current;
			next.set(action.engine, answering);
			return next;
		}

		case 'engine/retrying': {
			if (current?.status !== 'disconnected') return state;
			next.set(action.engine, {...current, attempt: action.attempt, error: action.error});
			return next;
		}
	}
}
