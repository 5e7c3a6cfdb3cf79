// Key presses for the command tests: a state driven through the App's own reducer, as the keys arrive.
import {reduceAppEvent} from '../../source/commands/input.js';
import type {KeyPress} from '../../source/commands/types.js';
import {type AppAction, type AppState, createAppState, reduceApp} from '../../source/state/app.js';
import type {Request} from '../../source/state/operations.js';

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

/** The requests put in the outbox, without their ids. */
export function requests(state: AppState): Array<Omit<Request, 'id'>> {
	return state.operations.outbox.map(({id: _id, ...request}) => request);
}

export function readOnly(state: AppState): AppState {
	return {...state, ui: {...state.ui, readOnly: true}};
}
