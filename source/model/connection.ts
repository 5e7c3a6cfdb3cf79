// Whether each engine is reachable, and since when it is not. Pure reducer.

export type EngineConnection =
	| {status: 'connected'; version: string}
	| {status: 'disconnected'; error: string; since: number; attempt: number};

export type ConnectionState = ReadonlyMap<string, EngineConnection>;

export type ConnectionAction =
	| {type: 'engine/connected'; engine: string; version: string}
	| {type: 'engine/lost'; engine: string; error: string; at: number}
	| {type: 'engine/retrying'; engine: string; attempt: number; error: string};

export function reduceConnection(state: ConnectionState, action: ConnectionAction): ConnectionState {
	const next = new Map(state);
	const current = state.get(action.engine);
	switch (action.type) {
		case 'engine/connected': {
			next.set(action.engine, {status: 'connected', version: action.version});
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
