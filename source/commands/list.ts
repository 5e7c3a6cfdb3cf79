// The keys of every list: movement, the filter, the command line, views by number, disk usage, the run form.
import type {AppState} from '../state/app.js';
import {reduceUi, type UiAction} from '../state/ui.js';
import {selectView, views} from '../views/registry.js';
import {engineOf, openRunForm, showPane, withMessage, withMode, withRequest} from './effects.js';
import {type CommandContext, inScope} from './types.js';

function onList(state: AppState, action: UiAction): AppState {
	const ui = reduceUi(state.ui, action);
	return ui === state.ui ? state : {...state, ui};
}

function shape(context: CommandContext) {
	return {keys: context.rows.map(row => (row as {key: string}).key), pageSize: context.pageSize};
}

/** Shows a view by name, keeping where the person was in the one left. */
export function showView(state: AppState, name: string): AppState {
	return onList(state, {type: 'view/switch', view: name});
}

/** A request for the terminal's clipboard with the selected row's name or ID, as its view says what those are. */
function copyOfRow(state: AppState, {selected, keysOf}: CommandContext, part: 'name' | 'id'): AppState {
	const view = selectView(state.ui.view);
	if (selected === undefined) return withMessage(state, 'Nothing selected to copy.');
	// Each view's copyable reads its own rows: the selected row is one of them.
	const copied = (view.copyable as ((row: unknown) => {name: string; id?: string | undefined}) | undefined)?.(selected);
	if (!copied) return withMessage(state, `Nothing to copy in ${view.name}.`);
	if (part === 'id' && !copied.id) {
		const copyName = keysOf ? keysOf('copy-name') : 'y';
		return withMessage(state, `${copied.name} has no ID of its own${copyName === '' ? '.' : `: ${copyName} copies its name.`}`);
	}

	const text = part === 'id' ? copied.id! : copied.name;
	return withRequest(state, {kind: 'clipboard', text, what: part === 'id' ? `the ID of ${copied.name}` : `the name ${copied.name}`});
}

export const listCommands = inScope<unknown>('list', [
	{action: 'move-up', keys: ['up', 'k'], help: 'Select the row above', run: (state, context) => onList(state, {type: 'move', by: -1, list: shape(context)})},
	{action: 'move-down', keys: ['down', 'j'], help: 'Select the row below', run: (state, context) => onList(state, {type: 'move', by: 1, list: shape(context)})},
	{action: 'page-up', keys: ['pageup', 'ctrl+b'], help: 'Up one page', run: (state, context) => onList(state, {type: 'page', by: -1, list: shape(context)})},
	{action: 'page-down', keys: ['pagedown', 'ctrl+f'], help: 'Down one page', run: (state, context) => onList(state, {type: 'page', by: 1, list: shape(context)})},
	{action: 'move-first', keys: ['g', 'home'], help: 'First row', run: (state, context) => onList(state, {type: 'move-to', to: 'first', list: shape(context)})},
	{action: 'move-last', keys: ['G', 'end'], help: 'Last row', run: (state, context) => onList(state, {type: 'move-to', to: 'last', list: shape(context)})},
	{
		action: 'filter-open',
		keys: ['/'],
		help: 'Filter by name, image, status or project; Enter keeps it, Esc clears it',
		hint: 'filter',
		run: state => onList(state, {type: 'filter/open'}),
	},
	{action: 'filter-clear', keys: ['escape'], help: 'Clear the filter and the marks', run: state => onList(state, {type: 'filter/clear'})},
	{
		action: 'command-open',
		keys: [':'],
		help: 'Command line: a view by name (:containers), Tab completes; :q quits',
		hint: 'command',
		run: state => withMode({...state, ui: {...state.ui, message: undefined}}, 'command', ''),
	},
	...views.map(view => ({
		action: `view-${view.name}`,
		keys: [view.key],
		help: `${view.title} (:${view.name})`,
		run: (state: AppState) => showView(state, view.name),
	})),
	{
		action: 'disk-usage',
		keys: ['U'],
		help: 'Disk usage, as docker system df',
		run(state, {selected}) {
			const engine = engineOf(state, selected as {engine: string} | undefined);
			return showPane(state, 'disk', {key: `disk\u0000${engine}`, engine, id: engine, name: engine}, {kind: 'refresh', engine, what: 'disk'});
		},
	},
	{
		action: 'copy-name',
		keys: ['y'],
		help: 'Copy the row\'s name to the clipboard (OSC 52)',
		run: (state, context) => copyOfRow(state, context, 'name'),
	},
	{
		action: 'copy-id',
		keys: ['Y'],
		help: 'Copy the row\'s full ID to the clipboard (OSC 52)',
		run: (state, context) => copyOfRow(state, context, 'id'),
	},
	{
		action: 'run-form',
		keys: ['R'],
		help: 'Run a new container (a form, as docker run)',
		mutating: true,
		run(state, {selected}) {
			const row = selected as {engine: string; cells?: Record<string, string>} | undefined;
			const repository = row?.cells?.repository;
			// From the images view, the selected image fills the form.
			const image = selectView(state.ui.view).name === 'images' && repository && repository !== '<none>' ? `${repository}:${row.cells!.tag}` : '';
			return openRunForm(state, engineOf(state, row), image);
		},
	},
]);

