// The keys of the details, inspect, top, layers, volume, network, pull and disk panes: scroll, search, reveal.
import type {AppState} from '../state/app.js';
import type {PaneKind} from '../state/operations.js';
import {selectSearchMatches} from '../state/pane.js';
import {selectPaneLinesFor} from '../state/select/paneLines.js';
import {openFiles} from './files.js';
import {scrollPane, withMessage} from './effects.js';
import {inScope} from './types.js';


/** Scrolls so that the next (direction 1), previous (-1) or first at/after the top (0) match is on top. */
export function jumpToPaneMatch(state: AppState, direction: -1 | 0 | 1, pageSize: number, width?: number): AppState {
	const {pane} = state.operations;
	if (!pane || pane.search === '') return state;
	const lines = selectPaneLinesFor(state, pane, true, width);
	const matches = selectSearchMatches(lines, pane.search);
	if (matches.length === 0) return withMessage(state, `No match for "${pane.search}".`, 'error');
	const found =
		direction === -1
			? ([...matches].reverse().find(index => index < pane.scroll) ?? matches.at(-1)!)
			: (matches.find(index => (direction === 0 ? index >= pane.scroll : index > pane.scroll)) ?? matches[0]!);
	const position = matches.indexOf(found) + 1;
	const scrolled = scrollPane(state, () => found, pageSize, width);
	return withMessage(
		{...scrolled, operations: {...scrolled.operations, pane: {...scrolled.operations.pane!, scroll: found}}},
		`Match ${position} of ${matches.length} for "${pane.search}" (line ${found + 1}).`,
	);
}

/** Enter at the pane's `/` prompt: a new search starts from the top; the same one again goes on. */
export function keepPaneSearch(state: AppState, search: string, pageSize: number, width?: number): AppState {
	const {pane} = state.operations;
	const back = {...state, ui: {...state.ui, mode: 'pane' as const, draft: ''}};
	if (!pane) return back;
	const scroll = search === pane.search ? pane.scroll : 0;
	const next = {...back, operations: {...state.operations, pane: {...pane, search, scroll}}};
	return jumpToPaneMatch(next, search === pane.search ? 1 : 0, pageSize, width);
}

/** The panes that mask secret-looking environment values: a container's details, its and an image's inspect document. */
const maskingPanes: readonly PaneKind[] = ['details', 'inspect', 'image'];

export const paneCommands = inScope<unknown>('pane', [
	{
		action: 'back',
		keys: ['escape'],
		help: 'Back to the list',
		hint: 'back',
		run: state => ({...state, operations: {...state.operations, pane: undefined}, ui: {...state.ui, mode: 'list'}}),
	},
	{action: 'move-up', keys: ['up', 'k'], help: 'Scroll up', run: (state, {pageSize, width}) => scrollPane(state, scroll => scroll - 1, pageSize, width)},
	{action: 'move-down', keys: ['down', 'j'], help: 'Scroll down', hint: 'scroll', run: (state, {pageSize, width}) => scrollPane(state, scroll => scroll + 1, pageSize, width)},
	{action: 'page-up', keys: ['pageup', 'ctrl+b'], help: 'Scroll up one page', run: (state, {pageSize, width}) => scrollPane(state, scroll => scroll - pageSize, pageSize, width)},
	{action: 'page-down', keys: ['pagedown', 'ctrl+f'], help: 'Scroll down one page', run: (state, {pageSize, width}) => scrollPane(state, scroll => scroll + pageSize, pageSize, width)},
	{action: 'move-first', keys: ['g', 'home'], help: 'Top', run: (state, {pageSize, width}) => scrollPane(state, () => 0, pageSize, width)},
	{action: 'move-last', keys: ['G', 'end'], help: 'Bottom', run: (state, {pageSize, width}) => scrollPane(state, (_scroll, lineCount) => lineCount, pageSize, width)},
	{
		action: 'pane-search',
		keys: ['/'],
		help: 'Search; Enter jumps to the first match',
		hint: 'search',
		run: state => ({...state, ui: {...state.ui, mode: 'pane-search', draft: state.operations.pane?.search ?? ''}}),
	},
	{action: 'search-next', keys: ['n'], help: 'Next match', hint: 'next match', run: (state, {pageSize, width}) => jumpToPaneMatch(state, 1, pageSize, width)},
	{action: 'search-previous', keys: ['N'], help: 'Previous match', run: (state, {pageSize, width}) => jumpToPaneMatch(state, -1, pageSize, width)},
	{
		action: 'pane-files',
		keys: ['f'],
		help: 'Details: the container\'s files, from its working directory',
		run(state) {
			const {pane} = state.operations;
			if (pane?.kind !== 'details') return state;
			const config = (pane.document?.Config ?? {}) as {WorkingDir?: string};
			return openFiles(state, pane.target, {container: pane.target.id}, config.WorkingDir || '/');
		},
	},
	{
		action: 'reveal',
		keys: ['x'],
		help: 'Show or mask secret-looking environment values',
		hint: 'reveal secrets',
		paneKinds: maskingPanes,
		run(state) {
			const {pane} = state.operations;
			if (!pane) return state;
			if (!maskingPanes.includes(pane.kind)) return withMessage(state, 'Nothing is masked here: x reveals secrets in a container\'s details and inspect, and an image\'s inspect.');
			return withMessage(
				{...state, operations: {...state.operations, pane: {...pane, revealed: !pane.revealed}}},
				pane.revealed ? 'Secret-looking values masked.' : 'Secret-looking values shown: x masks them again.',
			);
		},
	},
]);
