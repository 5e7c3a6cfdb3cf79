// Whether each engine is reachable, and since when it is not. Pure reducer.
import type {EngineInfo} from '../engine/types.js';

export type EngineConnection =
	| {status: 'connected'; version: string; product?: string; info?: EngineInfo}
	| {status: 'disconnected'; error: string; since: number; attempt: number};

export type ConnectionState = ReadonlyMap<string, EngineConnection>;

export type ConnectionAction =
	| {type: 'engine/connected'; engine: string; version: string; product?: string}
	| {type: 'engine/described'; engine: string; info: EngineInfo}
	| {type: 'engine/lost'; engine: string; error: string; at: number}
	| {type: 'engine/retrying'; engine: string; attempt: number; error: string};

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
			next.set(action.engine, {status: 'disconnected', error: action.error, since: action.at, attempt: 0});
			return next;
		}

		case 'engine/retrying': {
			if (current?.status !== 'disconnected') return state;
			next.set(action.engine, {...current, attempt: action.attempt, error: action.error});
			return next;
		}
	}
}
