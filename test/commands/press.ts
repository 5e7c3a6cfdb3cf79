// Key presses for the command tests: a state driven through the App's own reducer, as the keys arrive.
import {reduceAppEvent} from '../../source/commands/input.js';
import type {KeyPress} from '../../source/commands/types.js';
import {type AppAction, type AppState, createAppState, reduceApp} from '../../source/state/app.js';
import type {Request, RequestResult} from '../../source/state/operations.js';
import {containerRecord} from '../state/records.js';

export const now = Date.parse('2024-05-01T12:00:00Z');
export const pageSize = 10;
export const width = 80;

/** A named key (`{key: 'return'}`), or each character of a text typed one by one. */
export type Typed = string | {key: string};

export const named = (name: string) => ({key: name});

export function presses(...keys: Typed[]): KeyPress[] {
	return keys.flatMap((item): KeyPress[] => {
		if (typeof item !== 'string') return [{name: item.key, printable: false}];
		return [...item].map(character => ({name: character, printable: true}));
	});
}

export function press(state: AppState, ...keys: Typed[]): AppState {
	return reduceAppEvent(state, {type: 'keys/pressed', presses: presses(...keys), pageSize, width});
}

/** A state built from the App's own actions, from an empty one. */
export function stateOf(...actions: AppAction[]): AppState {
	return actions.reduce(reduceApp, createAppState(now));
}

type NewRequest = Request extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** The requests put in the outbox, without their ids. */
export function requests(state: AppState): NewRequest[] {
	return state.operations.outbox.map(({id: _id, ...request}) => request as NewRequest);
}

export function readOnly(state: AppState): AppState {
	return {...state, ui: {...state.ui, readOnly: true}};
}

/** Containers by name on an engine (connected), ids `id-<name>`. */
export function withContainers(names: readonly string[], engine = 'local', state: AppState = stateOf()): AppState {
	return reduceApp(reduceApp(state, {type: 'engine/connected', engine, version: '25.0.0'}), {
		type: 'containers/listed',
		engine,
		records: names.map(name => containerRecord({id: `id-${name}`, names: [`/${name}`], engine})),
	});
}

/** The answer to the request in the outbox of this kind, as the App reports it back. */
export function finish(state: AppState, kind: Request['kind'], result: RequestResult): AppState {
	const request = state.operations.outbox.findLast(entry => entry.kind === kind);
	if (!request) throw new Error(`no ${kind} request in the outbox`);
	return reduceApp(state, {type: 'request/finished', request, result});
}

/** Log lines from a container, as the stream brings them to the logs pane open now. */
export function logLines(state: AppState, texts: readonly string[], name = 'api'): AppState {
	if (!state.logs) throw new Error('no logs pane open');
	return reduceApp(state, {
		type: 'logs/appended',
		generation: state.logs.generation,
		lines: texts.map(text => ({source: `local\u0000id-${name}`, name, record: {stream: 'stdout', timestamp: '2024-05-01T11:59:00Z', text, cut: 0}})),
	});
}
