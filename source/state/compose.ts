// Compose projects as berth sees them: gathered from the `com.docker.compose.*` labels of the containers, and
// the request that acts on one (through the compose CLI, or the engine's API when that cannot be used). Pure.
import type {ContainerRecord, ContainerState} from '../engine/types.js';
import {formatContainerName} from '../format/names.js';
import {compareNatural} from '../format/naturalOrder.js';
import {containerKey, type ContainersState} from './containers.js';

export type ComposeAction = 'up' | 'down' | 'restart' | 'stop' | 'start' | 'pull';

export const composeLabels = {
	project: 'com.docker.compose.project',
	service: 'com.docker.compose.service',
	workingDir: 'com.docker.compose.project.working_dir',
	configFiles: 'com.docker.compose.project.config_files',
} as const;

export type ProjectContainer = {key: string; engine: string; id: string; name: string; state: ContainerState};

export type ComposeProject = {
	key: string;
	engine: string;
	name: string;
	services: readonly string[];
	running: number;
	containers: readonly ProjectContainer[];
	workingDir: string;
	/** As the labels give them: absolute, or relative to the working directory. */
	configFiles: readonly string[];
};

export type ComposeRequest = {kind: 'compose'; action: ComposeAction; project: ComposeProject; volumes: boolean};

/** Actions that the engine's API can do on the project's containers, when the compose CLI cannot be used. */
export const apiActions: ReadonlySet<ComposeAction> = new Set(['stop', 'start', 'restart', 'down']);

/** Each action's words: asked (`Stop compose project web?`), under way, done, and the compose command. */
export const composeWords: Record<ComposeAction, {ask: string; doing: string; done: string; command: string}> = {
	up: {ask: 'Bring up', doing: 'Bringing up', done: 'Brought up', command: 'up -d'},
	down: {ask: 'Take down', doing: 'Taking down', done: 'Took down', command: 'down'},
	restart: {ask: 'Restart', doing: 'Restarting', done: 'Restarted', command: 'restart'},
	stop: {ask: 'Stop', doing: 'Stopping', done: 'Stopped', command: 'stop'},
	start: {ask: 'Start', doing: 'Starting', done: 'Started', command: 'start'},
	pull: {ask: 'Pull the images of', doing: 'Pulling the images of', done: 'Pulled the images of', command: 'pull'},
};

/** The config files as absolute paths (compose writes them joined by commas). */
export function selectConfigPaths(project: Pick<ComposeProject, 'workingDir' | 'configFiles'>): string[] {
	return project.configFiles.map(file => (file.startsWith('/') || project.workingDir === '' ? file : `${project.workingDir.replace(/\/$/, '')}/${file}`));
}

function addContainer(projects: Map<string, ComposeProject & {services: string[]; containers: ProjectContainer[]}>, record: ContainerRecord) {
	const name = record.labels[composeLabels.project];
	if (!name) return;
	const key = `${record.engine}\u0000${name}`;
	let project = projects.get(key);
	if (!project) {
		const files = record.labels[composeLabels.configFiles] ?? '';
		project = {
			key,
			engine: record.engine,
			name,
			services: [],
			running: 0,
			containers: [],
			workingDir: record.labels[composeLabels.workingDir] ?? '',
			configFiles: files === '' ? [] : files.split(','),
		};
		projects.set(key, project);
	}

	const service = record.labels[composeLabels.service];
	if (service && !project.services.includes(service)) project.services.push(service);
	if (record.state === 'running') project.running++;
	project.containers.push({key: containerKey(record.engine, record.id), engine: record.engine, id: record.id, name: formatContainerName(record.names), state: record.state});
}

/** Every compose project of every engine, by name, with its services and containers in natural order. */
export function selectComposeProjects(containers: ContainersState): ComposeProject[] {
	const projects = new Map<string, ComposeProject & {services: string[]; containers: ProjectContainer[]}>();
	for (const record of containers.records.values()) addContainer(projects, record);
	return [...projects.values()]
		.map(project => ({
			...project,
			services: project.services.sort(compareNatural),
			containers: project.containers.sort((a, b) => compareNatural(a.name, b.name)),
		}))
		.sort((a, b) => compareNatural(a.name, b.name) || compareNatural(a.engine, b.engine));
}

/**
 * The projects of the containers, and those berth took down this session (no container names them any more,
 * so they are kept, to be brought up again), marked by no containers.
 */
export function selectProjectsWithDown(containers: ContainersState, down: ReadonlyMap<string, ComposeProject> | undefined): ComposeProject[] {
	const projects = selectComposeProjects(containers);
	if (!down || down.size === 0) return projects;
	const gone = [...down.values()].filter(project => !projects.some(each => each.key === project.key));
	return [...projects, ...gone.map(project => ({...project, running: 0, containers: []}))].sort((a, b) => compareNatural(a.name, b.name) || compareNatural(a.engine, b.engine));
}

/** The compose CLI's output, kept to its last lines. */
export const outputCapacity = 2000;

export function appendOutput(output: readonly string[] | undefined, lines: readonly string[]): string[] {
	const next = [...(output ?? []), ...lines];
	return next.length > outputCapacity ? next.slice(-outputCapacity) : next;
}
