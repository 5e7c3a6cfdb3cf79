// The containers view: `docker ps -a` live, with figures, marks, sort, and every container action.
import {
	ask,
	engineOf,
	onEngine,
	openLogs,
	requestContainerAction,
	showPane,
	toTarget,
	withMessage,
	withMode,
	withRequest,
} from '../commands/effects.js';
import {openFiles} from '../commands/files.js';
import {type CommandContext, inScope} from '../commands/types.js';
import type {ContainerActionName} from '../engine/types.js';
import type {ContainerRow} from '../format/containerColumns.js';
import {formatCount} from '../format/units.js';
import type {AppState} from '../state/app.js';
import {choosePauseAction} from '../state/operations.js';
import {filterContainerRows, selectSortedContainerRows} from '../state/select/containers.js';
import {sortKeys} from '../state/ui.js';
import {formatSortKeys} from './sort.js';
import type {ContainersView} from './types.js';

type Context = CommandContext<ContainerRow>;

/** Marked containers when there are marks (shown or filtered away), else the selected one. */
export function selectActionTargets(state: AppState, selected: ContainerRow | undefined) {
	if (state.ui.marks.size > 0) {
		return selectSortedContainerRows(state)
			.filter(row => state.ui.marks.has(row.key))
			.map(row => toTarget(row));
	}

	return selected ? [toTarget(selected)] : [];
}

function act(action: ContainerActionName) {
	return (state: AppState, {selected}: Context) => requestContainerAction(state, action, selectActionTargets(state, selected));
}

function withMarks(state: AppState, marks: ReadonlySet<string>, text: string): AppState {
	return {...state, ui: {...state.ui, marks, message: {text, tone: 'info'}}};
}

function openTerminal(kind: 'shell' | 'attach') {
	return (state: AppState, {selected}: Context) => {
		if (!selected) return withMessage(state, 'No container selected.', 'error');
		const requested = withRequest(state, {kind, target: toTarget(selected)});
		return withMessage(requested, kind === 'shell' ? `Opening a shell in ${selected.name}…` : `Attaching to ${selected.name}…`);
	};
}

function openContainerPane(kind: 'details' | 'inspect' | 'top') {
	return (state: AppState, {selected}: Context) => {
		if (!selected) return withMessage(state, 'No container selected.', 'error');
		const target = toTarget(selected);
		return showPane(state, kind, target, {kind: kind === 'top' ? 'top' : 'inspect', target});
	};
}

const commands = inScope<ContainerRow>('containers', [
	{action: 'stop', keys: ['s'], help: 'Stop (the engine\'s default timeout)', hint: 'stop', mutating: true, run: act('stop')},
	{action: 'start', keys: ['S'], help: 'Start', hint: 'start', mutating: true, run: act('start')},
	{action: 'restart', keys: ['r'], help: 'Restart', hint: 'restart', mutating: true, run: act('restart')},
	{
		action: 'pause',
		keys: ['p'],
		help: 'Pause, or unpause a paused container',
		hint: 'pause',
		mutating: true,
		run(state, {selected}) {
			const targets = selectActionTargets(state, selected);
			return requestContainerAction(state, choosePauseAction(targets), targets);
		},
	},
	{action: 'kill', keys: ['K'], help: 'Kill (asks first)', mutating: true, run: act('kill')},
	{action: 'remove', keys: ['d'], help: 'Remove (asks first; a running container is force-removed)', hint: 'remove', mutating: true, run: act('remove')},
	{
		action: 'container-prune',
		keys: ['D'],
		help: 'Prune: remove every stopped container (asks; says what it reclaimed)',
		mutating: true,
		run(state, {selected}) {
			const engine = engineOf(state, selected);
			let stopped = 0;
			for (const record of state.containers.records.values()) if (record.engine === engine && (record.state === 'exited' || record.state === 'created' || record.state === 'dead')) stopped++;
			const question = `Remove ${formatCount(stopped, 'stopped container')}${onEngine(state, engine)} (docker container prune)? y / N`;
			return ask(state, {action: 'container-prune', engine, targets: [], force: false, question});
		},
	},
	{
		action: 'rename',
		keys: ['n'],
		help: 'Rename (docker rename): type the new name, Enter renames, Esc keeps it',
		mutating: true,
		selectedOnly: true,
		run(state, {selected}) {
			if (!selected) return withMessage(state, 'No container selected.', 'error');
			const renameTarget = {key: selected.key, engine: selected.engine, id: selected.id, name: selected.name};
			return withMode({...state, ui: {...state.ui, message: undefined, renameTarget}}, 'rename', selected.name);
		},
	},
	{
		action: 'update',
		keys: ['u'],
		help: 'Update (docker update): restart policy, memory, CPUs, process limit',
		mutating: true,
		run(state, {selected}) {
			const updateTargets = selectActionTargets(state, selected).map(({key, engine, id, name}) => ({key, engine, id, name}));
			if (updateTargets.length === 0) return withMessage(state, 'No container selected.', 'error');
			return withMode({...state, ui: {...state.ui, message: undefined, promptError: undefined, updateTargets}}, 'update', '');
		},
	},
	{action: 'shell', keys: ['e'], help: 'Shell in the container (bash, else sh); exit returns', hint: 'shell', mutating: true, run: openTerminal('shell')},
	{action: 'attach', keys: ['a'], help: 'Attach to the main process; Ctrl-P Ctrl-Q detaches', mutating: true, run: openTerminal('attach')},
	{
		action: 'logs',
		keys: ['l'],
		help: 'Logs, following (of all marked containers, merged, when some are marked)',
		hint: 'logs',
		run(state, {selected}) {
			const targets = selectActionTargets(state, selected);
			return targets.length === 0 ? withMessage(state, 'No container selected.', 'error') : openLogs(state, targets);
		},
	},
	{action: 'details', keys: ['return'], help: 'Details: image, command, ports, mounts, networks, env', hint: 'details', run: openContainerPane('details')},
	{action: 'inspect', keys: ['i'], help: 'Inspect document, searchable with /', run: openContainerPane('inspect')},
	{action: 'top', keys: ['t'], help: 'Processes (docker top), refreshed', run: openContainerPane('top')},
	{
		action: 'files',
		keys: ['f'],
		help: 'Files inside it: browse, read, copy out and in (also stopped)',
		run: (state, {selected}) => (selected ? openFiles(state, toTarget(selected), {container: selected.id}) : withMessage(state, 'No container selected.', 'error')),
	},
	{
		action: 'sort-next',
		keys: ['o'],
		help: 'Sort by the next of: project, name, status, age, CPU, memory',
		run(state, {keysOf}) {
			const next = sortKeys[(sortKeys.indexOf(state.ui.sort.by) + 1) % sortKeys.length]!;
			// Figures read best largest first; the rest in their natural order.
			const sort = {by: next, descending: next === 'cpu' || next === 'memory'};
			return withMessage({...state, ui: {...state.ui, sort}}, `Sorted by ${sort.by}${sort.descending ? ', largest first' : ''}${formatSortKeys(keysOf)}`);
		},
	},
	{
		action: 'sort-reverse',
		keys: ['O'],
		help: 'Reverse the sort order',
		run: state => ({...state, ui: {...state.ui, sort: {...state.ui.sort, descending: !state.ui.sort.descending}}}),
	},
	{
		action: 'mark',
		keys: [' '],
		help: 'Mark or unmark; actions apply to all marked',
		run(state, {selected}) {
			if (!selected) return state;
			const marks = new Set(state.ui.marks);
			if (marks.has(selected.key)) marks.delete(selected.key);
			else marks.add(selected.key);
			return withMarks(state, marks, `${marks.size} marked.`);
		},
	},
	{
		action: 'mark-all',
		keys: ['*'],
		help: 'Mark every shown container, or unmark all',
		run(state, {rows}) {
			const shown = rows.map(row => row.key);
			if (shown.length > 0 && shown.every(key => state.ui.marks.has(key))) return withMarks(state, new Set(), 'Marks cleared.');
			const marks = new Set([...state.ui.marks, ...shown]);
			return withMarks(state, marks, `${marks.size} marked.`);
		},
	},
	{
		action: 'mark-project',
		keys: ['P'],
		help: 'Mark the selected container\'s compose project',
		run(state, {selected}) {
			if (!selected) return state;
			if (selected.project === '') return withMessage(state, `${selected.name} is not part of a compose project.`, 'error');
			const members = selectSortedContainerRows(state).filter(row => row.project === selected.project && row.engine === selected.engine);
			return withMarks(state, new Set(members.map(row => row.key)), `Marked the ${members.length} containers of compose project ${selected.project}.`);
		},
	},
]);

export const containersView: ContainersView = {
	kind: 'containers',
	name: 'containers',
	title: 'Containers',
	key: '1',
	selectRows: selectSortedContainerRows,
	filterRows: filterContainerRows,
	listings: [],
	ages: true,
	emptyText: (_state, filter) => (filter === '' ? 'No containers.' : `No container matches "${filter}".`),
	commands,
	copyable: row => ({name: row.name, id: row.id}),
};
