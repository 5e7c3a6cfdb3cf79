// What a key press does to the state: the keymap's actions and the prompts' editing, as one pure function.
import {type KeyAction, resolveKeyAction} from '../keys/keymap.js';
import {type AppState, reduceApp} from './app.js';
import {selectContainerRows} from './rows.js';
import type {ListShape, ViewAction} from './view.js';

export type KeyPress = {
	/** Name from keyNameOf: 'down', 'return', 'ctrl+c', or the character typed. */
	name: string;
	/** True for a character that can be typed into a prompt. */
	printable: boolean;
};

function listShape(state: AppState, pageSize: number): ListShape {
	const filter = state.view.mode === 'filter' ? state.view.draft : state.view.filter;
	return {keys: selectContainerRows(state.containers, state.stats, filter, state.now).map(row => row.key), pageSize};
}

function promptAction(state: AppState, press: KeyPress, pageSize: number): ViewAction | undefined {
	const {name} = press;
	if (state.view.mode === 'filter') {
		if (name === 'escape') return {type: 'filter/clear'};
		if (name === 'return') return {type: 'filter/keep', list: listShape(state, pageSize)};
		if (name === 'backspace') return {type: 'filter/erase'};
		if (press.printable) return {type: 'filter/type', text: name};
		return undefined;
	}

	if (name === 'escape') return {type: 'command/cancel'};
	if (name === 'return') return {type: 'command/run'};
	if (name === 'tab') return {type: 'command/complete'};
	if (name === 'backspace') return {type: 'command/erase'};
	if (press.printable) return {type: 'command/type', text: name};
	return undefined;
}

function boundAction(action: KeyAction, list: () => ListShape): ViewAction {
	switch (action) {
		case 'move-up': {
			return {type: 'move', by: -1, list: list()};
		}

		case 'move-down': {
			return {type: 'move', by: 1, list: list()};
		}

		case 'page-up': {
			return {type: 'page', by: -1, list: list()};
		}

		case 'page-down': {
			return {type: 'page', by: 1, list: list()};
		}

		case 'move-first': {
			return {type: 'move-to', to: 'first', list: list()};
		}

		case 'move-last': {
			return {type: 'move-to', to: 'last', list: list()};
		}

		case 'filter-open': {
			return {type: 'filter/open'};
		}

		case 'filter-clear': {
			return {type: 'filter/clear'};
		}

		case 'command-open': {
			return {type: 'command/open'};
		}

		case 'help-toggle': {
			return {type: 'help/toggle'};
		}

		case 'quit': {
			return {type: 'quit'};
		}
	}
}

export function reduceKeyPress(state: AppState, press: KeyPress, pageSize: number): AppState {
	const {mode} = state.view;
	if (mode === 'filter' || mode === 'command') {
		if (press.name === 'ctrl+c') return reduceApp(state, {type: 'quit'});
		const action = promptAction(state, press, pageSize);
		return action ? reduceApp(state, action) : state;
	}

	const bound = resolveKeyAction(mode, press.name);
	if (bound === undefined) return state;
	const cleared = state.view.message ? reduceApp(state, {type: 'message/clear'}) : state;
	return reduceApp(cleared, boundAction(bound, () => listShape(cleared, pageSize)));
}
