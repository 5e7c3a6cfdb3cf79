// Keys that work everywhere but in prompts (help, quit), and the keys of the `?` overlay itself.
import {reduceUi} from '../state/ui.js';
import type {AppState} from '../state/app.js';
import {type CommandContext, inScope} from './types.js';

export const globalCommands = inScope<unknown>('global', [
	{action: 'help-toggle', keys: ['?'], help: 'Show or hide this help', hint: 'help', run: state => ({...state, ui: reduceUi(state.ui, {type: 'help/toggle'})})},
	{action: 'quit', keys: ['q', 'ctrl+c'], help: 'Quit and restore the terminal', hint: 'quit', run: state => ({...state, ui: reduceUi(state.ui, {type: 'quit'})})},
]);

/** Scrolls the help, no further than its last page: the router gives the help's lines as the rows. */
function scrollHelp(by: (pageSize: number) => number) {
	return (state: AppState, {pageSize, rows}: CommandContext) => {
		const last = Math.max(0, rows.length - pageSize);
		const to = Math.min(last, Math.max(0, state.ui.helpScroll + by(pageSize)));
		return {...state, ui: reduceUi(state.ui, {type: 'help/scroll', by: to - state.ui.helpScroll})};
	};
}

export const helpCommands = inScope<unknown>('help', [
	{action: 'move-up', keys: ['up', 'k'], help: 'Scroll up', run: scrollHelp(() => -1)},
	{action: 'move-down', keys: ['down', 'j'], help: 'Scroll down', run: scrollHelp(() => 1)},
	{action: 'page-up', keys: ['pageup', 'ctrl+b'], help: 'Scroll up one page', run: scrollHelp(pageSize => -pageSize)},
	{action: 'page-down', keys: ['pagedown', 'ctrl+f'], help: 'Scroll down one page', run: scrollHelp(pageSize => pageSize)},
	{action: 'help-close', keys: ['escape'], help: 'Close this help', run: state => ({...state, ui: reduceUi(state.ui, {type: 'help/close'})})},
]);
