// The contexts view: `docker context ls`; Enter shows another context's engine.
import {withMessage, withRequest} from '../commands/effects.js';
import {inScope} from '../commands/types.js';
import {compareNatural} from '../format/naturalOrder.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import type {ResourcesState} from '../state/resources.js';
import {memoizeLast} from '../state/select/memo.js';
import {tableSortCommands} from './sort.js';
import type {TableView} from './types.js';

/** `docker context ls`, with the contexts berth shows now marked. */
export function selectContextRows(resources: ResourcesState, shownEngines: ReadonlySet<string>): TableRow[] {
	return [...resources.contexts].sort((a, b) => compareNatural(a.name, b.name)).map(context => ({
		key: `context\u0000${context.name}`,
		engine: context.name,
		id: context.name,
		cells: {
			name: `${context.name}${shownEngines.has(context.name) ? ' *' : ''}`,
			description: context.description,
			endpoint: context.host,
			shown: shownEngines.has(context.name) ? 'shown' : '',
		},
		tone: shownEngines.has(context.name) ? 'good' : undefined,
		order: {name: context.name},
	}));
}

const selectRowsOnce = memoizeLast((resources: ResourcesState, shown: string) => selectContextRows(resources, new Set(shown.split('\u0000'))));

const commands = inScope<TableRow>('contexts', [
	{
		action: 'use-context',
		keys: ['return'],
		help: 'Show this context\'s engine instead',
		hint: 'show this context',
		run: (state, {selected}) =>
			selected
				? withMessage(withRequest(state, {kind: 'use-context', name: selected.id}), `Connecting to the context ${selected.id}…`)
				: withMessage(state, 'No context selected.', 'error'),
	},
	...tableSortCommands(() => contextsView),
]);

export const contextsView: TableView = {
	kind: 'table',
	name: 'contexts',
	title: 'Docker contexts',
	key: '9',
	columns: [
	{id: 'name', title: 'NAME', min: 8, ideal: 24, priority: 0},
	{id: 'description', title: 'DESCRIPTION', min: 10, ideal: 50, priority: 2, grow: true},
	{id: 'endpoint', title: 'DOCKER ENDPOINT', min: 12, ideal: 50, priority: 1, grow: true},
	{id: 'shown', title: 'IN BERTH', min: 8, ideal: 8, priority: 3},
],
	sort: {defaultOrder: 'by name, as docker context ls lists them'},
	selectRows: state => selectRowsOnce(state.resources, [...state.connection.keys()].join('\u0000')),
	filterRows: filterTableRows,
	listings: ['contexts'],
	emptyText: (state, filter) => (state.resources.listed.has('contexts/') ? (filter === '' ? 'No contexts.' : `Nothing matches "${filter}".`) : 'Loading…'),
	commands,
	copyable: row => ({name: row.id}),
};
