// Key presses for the command tests: a state driven through the App's own reducer, as the keys arrive.
import type {Key} from 'ink';
import {reduceAppEvent} from '../../source/commands/input.js';
import type {KeyPress} from '../../source/commands/types.js';
import {type AppAction, type AppState, createAppState, reduceApp} from '../../source/state/app.js';
import type {Request, RequestResult} from '../../source/state/operations.js';
import {type CurrentList, selectCurrentList} from '../../source/views/current.js';
import type {ContainersView, TableView} from '../../source/views/types.js';
import {containerRecord, imageRecord, networkRecord, nodeRecord, serviceRecord, taskRecord, volumeRecord} from '../state/records.js';

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

type NewRequest = Request extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/** The requests put in the outbox, without their ids. */
export function requests(state: AppState): NewRequest[] {
	return state.operations.outbox.map(({id: _id, ...request}) => request as NewRequest);
}

export function readOnly(state: AppState): AppState {
	return {...state, ui: {...state.ui, readOnly: true}};
}

/** Containers by name on an engine (connected), ids `id-<name>`. */
export function withContainers(names: readonly string[], engine = 'local', state: AppState = stateOf()): AppState {
	return reduceApp(reduceApp(state, {type: 'engine/connected', engine, version: '25.0.0'}), {
		type: 'containers/listed',
		engine,
		records: names.map(name => containerRecord({id: `id-${name}`, names: [`/${name}`], engine})),
	});
}

/** The answer to the request in the outbox of this kind, as the App reports it back. */
export function finish(state: AppState, kind: Request['kind'], result: RequestResult): AppState {
	const request = state.operations.outbox.findLast(entry => entry.kind === kind);
	if (!request) throw new Error(`no ${kind} request in the outbox`);
	return reduceApp(state, {type: 'request/finished', request, result});
}

/** Log lines from a container, as the stream brings them to the logs pane open now. */
export function logLines(state: AppState, texts: readonly string[], name = 'api'): AppState {
	if (!state.logs) throw new Error('no logs pane open');
	return reduceApp(state, {
		type: 'logs/appended',
		generation: state.logs.generation,
		lines: texts.map(text => ({source: `local\u0000id-${name}`, name, record: {stream: 'stdout', timestamp: '2024-05-01T11:59:00Z', text, cut: 0}})),
	});
}

/** One engine with a row in every view: containers, images, volumes, networks, swarm, contexts, events. */
export function everyView(): AppState {
	const state = withContainers(['api', 'web']);
	const actions: AppAction[] = [
		{type: 'images/listed', engine: 'local', records: [imageRecord({id: 'sha256:aaa', repoTags: ['nginx:1.25']})]},
		{type: 'volumes/listed', engine: 'local', records: [volumeRecord({name: 'data'})]},
		{type: 'networks/listed', engine: 'local', records: [networkRecord({id: 'net1', name: 'bridge'})]},
		{
			type: 'swarm/listed',
			engine: 'local',
			listing: {manager: true, nodeId: 'node0000000000000000000001', services: [serviceRecord()], tasks: [taskRecord({id: 'task1'})], nodes: [nodeRecord()]},
		},
		{type: 'contexts/read', contexts: [{name: 'local', description: 'this machine', host: 'unix:///var/run/docker.sock', skipTlsVerify: false, tlsPath: undefined}]},
		{type: 'events/received', engine: 'local', event: {type: 'container', action: 'start', id: 'id-api', timeNano: 1_714_564_700_000_000_000, attributes: {name: 'api'}}},
		// A compose project, for the projects view.
		{type: 'container/updated', record: containerRecord({id: 'id-shop_web_1', names: ['/shop_web_1'], engine: 'local', labels: {'com.docker.compose.project': 'shop', 'com.docker.compose.service': 'web'}})},
	];
	return actions.reduce(reduceApp, state);
}

/** The containers list the screen shows now, with its rows typed as containers. */
export function shownContainers(state: AppState): Extract<CurrentList, {view: ContainersView}> {
	const list = selectCurrentList(state);
	if (list.view.kind !== 'containers') throw new Error(`the ${list.view.name} view is shown, not the containers`);
	return list as Extract<CurrentList, {view: ContainersView}>;
}

/** A table view's list the screen shows now. */
export function shownTable(state: AppState): Extract<CurrentList, {view: TableView}> {
	const list = selectCurrentList(state);
	if (list.view.kind !== 'table') throw new Error('the containers view is shown, not a table');
	return list as Extract<CurrentList, {view: TableView}>;
}

/** What Ink reports for a key: nothing pressed but what the overrides say. */
export function inkKey(overrides: Partial<Key> = {}): Key {
	return {
		upArrow: false,
		downArrow: false,
		leftArrow: false,
		rightArrow: false,
		pageDown: false,
		pageUp: false,
		home: false,
		end: false,
		return: false,
		escape: false,
		ctrl: false,
		shift: false,
		tab: false,
		backspace: false,
		delete: false,
		meta: false,
		super: false,
		hyper: false,
		capsLock: false,
		numLock: false,
		...overrides,
	};
}
