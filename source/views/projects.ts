// The compose projects view: each project of each engine, from its containers' labels, acted on as a whole.
import {existsSync} from 'node:fs';
import {openLogs, withMessage} from '../commands/effects.js';
import {type CommandContext, inScope} from '../commands/types.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import type {AppState} from '../state/app.js';
import {type ComposeAction, type ComposeProject, composeWords, selectConfigPaths, selectProjectsWithDown} from '../state/compose.js';
import type {ContainersState} from '../state/containers.js';
import type {Confirmation} from '../state/operations.js';
import {memoizeLast} from '../state/select/memo.js';
import {switchView} from '../state/ui.js';
import {changesContainers} from './common.js';
import {tableSortCommands} from './sort.js';
import type {TableView} from './types.js';

const projectsOnce = memoizeLast(selectProjectsWithDown);

/** One row per project; whether its config files are on this machine is looked up as the rows are made. */
export function selectProjectRows(
	containers: ContainersState,
	down: ReadonlyMap<string, ComposeProject> | undefined,
	fileExists: (path: string) => boolean = existsSync,
): TableRow[] {
	return projectsOnce(containers, down).map(project => {
		const files = selectConfigPaths(project);
		const here = files.length === 0 ? 'no files named' : files.every(file => fileExists(file)) ? 'yes' : 'no';
		return {
			key: project.key,
			engine: project.engine,
			id: project.name,
			cells: {
				name: project.name,
				engine: project.engine,
				status: project.containers.length === 0 ? 'down' : `${project.running}/${project.containers.length} running`,
				services: project.services.join(', '),
				files: project.configFiles.join(', '),
				here,
				directory: project.workingDir,
			},
			tone: project.running === 0 ? 'muted' : project.running < project.containers.length ? 'warning' : undefined,
			// STATUS by its running containers (a project that is down has none).
			order: {status: project.running},
		};
	});
}

const selectRowsOnce = memoizeLast((containers: ContainersState, down: ReadonlyMap<string, ComposeProject> | undefined) => selectProjectRows(containers, down));

function projectOf(state: AppState, selected: TableRow | undefined): ComposeProject | undefined {
	return selected ? projectsOnce(state.containers, state.operations.downProjects).find(project => project.key === selected.key) : undefined;
}

/** Asks first, then runs the action through the compose CLI (or the API), its output in a pane. */
function askCompose(action: ComposeAction) {
	return (state: AppState, {selected}: CommandContext<TableRow>): AppState => {
		const project = projectOf(state, selected);
		if (!project) return withMessage(state, 'No compose project selected.', 'error');
		const question = `${composeWords[action].ask} compose project ${project.name} (compose ${composeWords[action].command}, ${project.services.length} service${project.services.length === 1 ? '' : 's'})?${action === 'down' ? ' Its containers and networks are removed.' : ' y / N'}`;
		const confirmation: Confirmation = {
			action: 'remove',
			targets: [],
			force: false,
			removeVolumes: false,
			then: {question, request: {kind: 'compose', action, project, volumes: false}, back: 'list'},
		};
		return {...state, operations: {...state.operations, confirmation}, ui: {...state.ui, mode: 'confirm', message: undefined}};
	};
}

const commands = inScope<TableRow>('projects', [
	{
		action: 'project-containers',
		keys: ['return'],
		help: 'Its containers (the containers list, filtered by the project)',
		hint: 'containers',
		run(state, {selected}) {
			const project = projectOf(state, selected);
			if (!project) return withMessage(state, 'No compose project selected.', 'error');
			return {...state, ui: {...switchView(state.ui, 'containers'), filter: project.name, selectedKey: undefined, selectedIndex: 0, offset: 0}};
		},
	},
	{action: 'project-up', keys: ['u'], help: 'Up: create and start what is missing (compose up -d; asks)', hint: 'up', mutating: true, run: askCompose('up')},
	{action: 'project-down', keys: ['d'], help: 'Down: remove its containers and networks (asks; v: volumes too)', hint: 'down', mutating: true, run: askCompose('down')},
	{action: 'project-restart', keys: ['r'], help: 'Restart its services (asks)', hint: 'restart', mutating: true, run: askCompose('restart')},
	{action: 'project-stop', keys: ['s'], help: 'Stop its services (asks)', hint: 'stop', mutating: true, run: askCompose('stop')},
	{action: 'project-start', keys: ['S'], help: 'Start its services (asks)', mutating: true, run: askCompose('start')},
	{action: 'project-pull', keys: ['p'], help: 'Pull its services\' images (asks)', mutating: true, run: askCompose('pull')},
	{
		action: 'project-logs',
		keys: ['l'],
		help: 'Logs of all its services, merged, following',
		hint: 'logs',
		run(state, {selected}) {
			const project = projectOf(state, selected);
			return project ? openLogs(state, project.containers) : withMessage(state, 'No compose project selected.', 'error');
		},
	},
	...tableSortCommands(() => projectsView),
]);

export const projectsView: TableView = {
	kind: 'table',
	name: 'projects',
	title: 'Compose projects',
	key: 'c',
	columns: [
		{id: 'name', title: 'PROJECT', min: 8, ideal: 24, priority: 0, grow: true},
		{id: 'status', title: 'STATUS', min: 9, ideal: 14, priority: 1},
		{id: 'services', title: 'SERVICES', min: 8, ideal: 40, priority: 2, grow: true},
		{id: 'files', title: 'CONFIG FILES', min: 12, ideal: 50, priority: 3, grow: true},
		{id: 'here', title: 'FILES HERE', min: 10, ideal: 14, priority: 4},
		{id: 'directory', title: 'WORKING DIR', min: 11, ideal: 40, priority: 5, grow: true},
	],
	// As the other tables: ENGINE first with several engines, none with one (it said `default` on every row).
	perEngine: true,
	sort: {defaultOrder: 'by name, as docker compose ls lists them', values: {status: 'count'}},
	selectRows: state => selectRowsOnce(state.containers, state.operations.downProjects),
	filterRows: filterTableRows,
	listings: [],
	concerns: changesContainers,
	emptyText: (_state, filter) => (filter === '' ? 'No compose projects: none of the containers has a com.docker.compose.project label.' : `Nothing matches "${filter}".`),
	commands,
	copyable: row => ({name: row.id}),
};

