// Work asked of the engines (actions, inspect, top, shells) as data, the confirmation before it, and the
// pane that shows a result. Pure: the app layer takes requests from the outbox and reports back.
import type {
	ContainerActionName,
	ContainerActionOptions,
	ContainerState,
	FilesOwner,
	ImageLayer,
	InspectDocument,
	ProcessTable,
	PathContent,
	RunSpec,
} from '../engine/types.js';
import type {ContainerUpdate} from '../engine/containerUpdate.js';
import type {ComposeProject, ComposeRequest} from './compose.js';
import type {FilesPane} from './files.js';

/** What a pane or a request is about: a container, an image, a volume, a network. */
export type PaneTarget = {key: string; engine: string; id: string; name: string};

export type ActionTarget = PaneTarget & {
	state: ContainerState;
	/** A swarm service (its logs are its tasks' logs), not a container. */
	service?: boolean;
};

/** Asked of images and volumes; the engine says what was removed. */
export type ResourceActionName =
	| 'image-remove'
	| 'image-prune'
	| 'volume-remove'
	| 'volume-prune'
	| 'network-remove'
	| 'network-prune'
	| 'container-prune'
	| 'service-remove';

/** One run of a custom command: the command line, values quoted, and the engine of the row it is for. */
export type CustomRun = {engine: string; target: string; command: string};

export type Request =
	| {
			id: number;
			kind: 'container-action';
			action: ContainerActionName;
			targets: readonly ActionTarget[];
			options: ContainerActionOptions;
	  }
	| {id: number; kind: 'inspect' | 'top'; target: PaneTarget}
	| {id: number; kind: 'image-history' | 'image-inspect' | 'volume-inspect' | 'network-inspect'; target: PaneTarget}
	| {id: number; kind: 'resource-action'; action: ResourceActionName; engine: string; targets: readonly PaneTarget[]; force: boolean}
	| {id: number; kind: 'pull'; engine: string; reference: string}
	| {id: number; kind: 'run'; engine: string; spec: RunSpec; shell: boolean}
	| {id: number; kind: 'refresh'; engine: string; what: 'images' | 'volumes' | 'networks' | 'disk' | 'swarm'}
	| {id: number; kind: 'service-scale'; target: PaneTarget; replicas: {by: number} | {to: number}}
	| {id: number; kind: 'service-update'; target: PaneTarget}
	| {id: number; kind: 'container-rename'; target: PaneTarget; name: string}
	| {id: number; kind: 'container-update'; targets: readonly PaneTarget[]; update: ContainerUpdate}
	| {id: number; kind: 'use-context'; name: string}
	| {id: number; kind: 'shell' | 'attach'; target: ActionTarget}
	| {id: number; kind: 'save-logs'; name: string; content: string; lines: number}
	/** A text for the terminal's clipboard (OSC 52); `what` names it in the message (`the name demo-db`). */
	| {id: number; kind: 'clipboard'; text: string; what: string}
	| {id: number; kind: 'files-read'; target: PaneTarget; owner: FilesOwner; path: string}
	| {id: number; kind: 'files-copy-out'; target: PaneTarget; owner: FilesOwner; path: string; destination: string; overwrite: boolean}
	| {id: number; kind: 'files-copy-in'; target: PaneTarget; container: string; source: string; directory: string}
	| ({id: number} & ComposeRequest)
	| {id: number; kind: 'custom'; name: string; terminal: boolean; runs: readonly CustomRun[]};

/** A request that a y / N question stands before (copying over a file, a compose project's actions). */
export type AskedRequest = {
	question: string;
	request: DistributiveOmit<Request, 'id'>;
	/** Where the person goes back to, yes or no. */
	back: 'list' | 'pane';
};

export type Confirmation = {
	action: ContainerActionName;
	targets: readonly ActionTarget[];
	/** Set for images and volumes, whose question and request differ from a container's. */
	resource?: {action: ResourceActionName; engine: string; targets: readonly PaneTarget[]; force: boolean; question: string};
	/** Set for a custom command that asks first. */
	custom?: {request: Omit<Extract<Request, {kind: 'custom'}>, 'id'>; question: string};
	/** Remove: some targets are running, so removing them forces. */
	force: boolean;
	/** Remove: also the anonymous volumes (`docker rm -v`); compose down: also the project's volumes. */
	removeVolumes: boolean;
	then?: AskedRequest;
};

export type PaneKind = 'details' | 'inspect' | 'top' | 'history' | 'volume' | 'network' | 'pull' | 'disk' | 'files' | 'compose' | 'output' | 'event' | 'image' | 'volume-inspect';

export type Pane = {
	kind: PaneKind;
	target: PaneTarget;
	/** The inspect document (details, inspect) or the process table (top); undefined while loading. */
	document: InspectDocument | undefined;
	table: ProcessTable | undefined;
	/** An image's layers (history). */
	layers: readonly ImageLayer[] | undefined;
	error: string | undefined;
	/** Secret-looking environment values are masked until revealed. */
	revealed: boolean;
	/** First line on screen. */
	scroll: number;
	/** What `/` searches for in the pane, once kept. */
	search: string;
	/** The files pane's directory, entries and selection. */
	files?: FilesPane;
	/** Output as it comes (the compose CLI's), or a custom command's output and exit status. */
	output?: readonly string[];
	/** Shows the last lines as output comes, until scrolled up. */
	follow?: boolean;
};

export type OperationsState = {
	nextId: number;
	outbox: readonly Request[];
	confirmation: Confirmation | undefined;
	pane: Pane | undefined;
	/** Compose projects taken down from berth: listed still, so that they can be brought up again. */
	downProjects?: ReadonlyMap<string, ComposeProject>;
};

export const emptyOperations: OperationsState = {nextId: 1, outbox: [], confirmation: undefined, pane: undefined};

export type RequestResult =
	| {kind: 'container-action'; failures: ReadonlyArray<{name: string; error: string}>}
	| {kind: 'inspect'; document: InspectDocument}
	| {kind: 'top'; table: ProcessTable}
	| {kind: 'terminal'; error: string | undefined}
	| {kind: 'saved'; path: string; lines: number}
	| {kind: 'history'; layers: readonly ImageLayer[]}
	| {kind: 'resource-action'; lines: readonly string[]; failures: ReadonlyArray<{name: string; error: string}>}
	| {kind: 'done'; text: string; id?: string}
	| {kind: 'path'; content: PathContent}
	| {kind: 'custom'; lines: readonly string[]; failed: number}
	| {kind: 'failed'; error: string};

/** Past tense and progressive of each action, for status messages. */
export const actionWords: Record<ContainerActionName, {doing: string; done: string; verb: string}> = {
	stop: {doing: 'Stopping', done: 'Stopped', verb: 'stop'},
	start: {doing: 'Starting', done: 'Started', verb: 'start'},
	restart: {doing: 'Restarting', done: 'Restarted', verb: 'restart'},
	pause: {doing: 'Pausing', done: 'Paused', verb: 'pause'},
	unpause: {doing: 'Unpausing', done: 'Unpaused', verb: 'unpause'},
	kill: {doing: 'Killing', done: 'Killed', verb: 'kill'},
	remove: {doing: 'Removing', done: 'Removed', verb: 'remove'},
};

export function describeTargets(targets: readonly ActionTarget[]): string {
	if (targets.length === 1) return targets[0]!.name;
	return `${targets.length} containers`;
}

const runningStates = new Set<ContainerState>(['running', 'paused', 'restarting']);

/** `p` pauses, or unpauses when every target is paused already. */
export function choosePauseAction(targets: readonly ActionTarget[]): ContainerActionName {
	return targets.length > 0 && targets.every(target => target.state === 'paused') ? 'unpause' : 'pause';
}

/** Kill and remove always ask; the others ask when they act on more than one container. */
export function needsConfirmation(action: ContainerActionName, targets: readonly ActionTarget[]): boolean {
	return action === 'kill' || action === 'remove' || targets.length > 1;
}

export function createConfirmation(action: ContainerActionName, targets: readonly ActionTarget[]): Confirmation {
	return {
		action,
		targets,
		force: action === 'remove' && targets.some(target => runningStates.has(target.state)),
		removeVolumes: false,
	};
}

/** The question, as the prompt line shows it. */
export function formatConfirmation(confirmation: Confirmation): string {
	if (confirmation.resource) return confirmation.resource.question;
	if (confirmation.custom) return confirmation.custom.question;
	if (confirmation.then) {
		const {question, request} = confirmation.then;
		return request.kind === 'compose' && request.action === 'down' ? `${question} [${confirmation.removeVolumes ? 'x' : ' '}] v: also its volumes. y / N` : question;
	}

	const {action, targets, force, removeVolumes} = confirmation;
	const what = describeTargets(targets);
	if (action === 'remove') {
		const running = targets.filter(target => runningStates.has(target.state)).length;
		const forced = force ? ` ${running === targets.length && targets.length === 1 ? 'It is running: it will be force-removed' : `${running} running: force-removed`} (docker rm -f).` : '';
		const volumes = ` [${removeVolumes ? 'x' : ' '}] v: also its anonymous volumes.`;
		return `Remove ${what}?${forced}${volumes} y / N`;
	}

	return `${actionWords[action].verb[0]!.toUpperCase()}${actionWords[action].verb.slice(1)} ${what}? y / N`;
}

export function enqueue(state: OperationsState, request: DistributiveOmit<Request, 'id'>): OperationsState {
	return {...state, nextId: state.nextId + 1, outbox: [...state.outbox, {...request, id: state.nextId} as Request]};
}

export function takeRequests(state: OperationsState, ids: readonly number[]): OperationsState {
	return {...state, outbox: state.outbox.filter(request => !ids.includes(request.id))};
}

export function openPane(kind: PaneKind, target: PaneTarget): Pane {
	return {
		kind,
		target,
		document: undefined,
		table: undefined,
		layers: undefined,
		error: undefined,
		revealed: false,
		scroll: 0,
		search: '',
	};
}

/** A pane takes the result of a request only if it still shows the container the request was for. */
export function fillPane(pane: Pane | undefined, target: PaneTarget, result: RequestResult): Pane | undefined {
	if (!pane || pane.target.key !== target.key) return pane;
	if (result.kind === 'history') return {...pane, layers: result.layers, error: undefined};
	if (result.kind === 'inspect') return {...pane, document: result.document, error: undefined};
	if (result.kind === 'top') return {...pane, table: result.table, error: undefined};
	if (result.kind === 'failed') return {...pane, error: result.error};
	return pane;
}

/**
 * The engines a request would change, for the last guard of a read-only engine: whatever key or prompt asked
 * for it, nothing that changes an engine is sent to one that is read-only. Reads (inspect, top, logs) change
 * nothing; a custom command's `docker` calls are its own.
 */
export function selectChangedEngines(request: Request): readonly string[] {
	switch (request.kind) {
		case 'container-action':
		case 'container-update': {
			return request.targets.map(target => target.engine);
		}

		case 'resource-action':
		case 'pull':
		case 'run': {
			return [request.engine];
		}

		case 'service-scale':
		case 'service-update':
		case 'container-rename':
		case 'shell':
		case 'attach': {
			return [request.target.engine];
		}

		default: {
			return [];
		}
	}
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
