// Images, volumes, networks, disk usage, swarm services, tasks and nodes, and recent events per engine. Pure reducer.
import type {
	DiskUsage,
	EngineEvent,
	ImageRecord,
	NetworkRecord,
	NodeRecord,
	PullProgress,
	ServiceRecord,
	SwarmListing,
	TaskRecord,
	VolumeRecord,
} from '../engine/types.js';
import type {DockerContext} from '../engine/contexts.js';
import {containerKey} from './containers.js';

export type EventEntry = EngineEvent & {engine: string; seq: number};

/** A pull under way or done: the engine's last word per layer. */
export type PullState = {
	engine: string;
	reference: string;
	layers: ReadonlyMap<string, PullProgress>;
	/** The engine's messages that name no layer (`Pulling from …`, `Digest: …`, `Status: …`). */
	messages: readonly string[];
	done: boolean;
	error: string | undefined;
};

export type ResourcesState = {
	images: ReadonlyMap<string, ImageRecord>;
	volumes: ReadonlyMap<string, VolumeRecord>;
	networks: ReadonlyMap<string, NetworkRecord>;
	disk: ReadonlyMap<string, DiskUsage>;
	/** Newest last, at most `eventCapacity`. */
	events: readonly EventEntry[];
	nextEventSeq: number;
	pull: PullState | undefined;
	/** The docker CLI's contexts, as read from its config directory. */
	contexts: readonly DockerContext[];
	/** What has been listed at least once, as `kind/engine`. */
	listed: ReadonlySet<string>;
	services: ReadonlyMap<string, ServiceRecord>;
	tasks: ReadonlyMap<string, TaskRecord>;
	nodes: ReadonlyMap<string, NodeRecord>;
	/** Per engine, as last listed: whether it is a swarm manager, and its own node's id. */
	swarm: ReadonlyMap<string, {manager: boolean; nodeId: string}>;
};

export const eventCapacity = 500;

export const emptyResources: ResourcesState = {
	images: new Map(),
	volumes: new Map(),
	networks: new Map(),
	disk: new Map(),
	events: [],
	nextEventSeq: 1,
	pull: undefined,
	contexts: [],
	listed: new Set(),
	services: new Map(),
	tasks: new Map(),
	nodes: new Map(),
	swarm: new Map(),
};

/** What a view may need listed while it is shown. */
export type ListingKind = 'images' | 'volumes' | 'networks' | 'disk' | 'contexts' | 'swarm';

export type ResourcesAction =
	| {type: 'images/listed'; engine: string; records: readonly ImageRecord[]}
	| {type: 'volumes/listed'; engine: string; records: readonly VolumeRecord[]}
	| {type: 'networks/listed'; engine: string; records: readonly NetworkRecord[]}
	| {type: 'disk/measured'; engine: string; usage: DiskUsage}
	| {type: 'events/received'; engine: string; event: EngineEvent}
	| {type: 'pull/started'; engine: string; reference: string}
	| {type: 'pull/progressed'; progress: readonly PullProgress[]}
	| {type: 'pull/finished'; error: string | undefined}
	| {type: 'contexts/read'; contexts: readonly DockerContext[]}
	| {type: 'swarm/listed'; engine: string; listing: SwarmListing};

function replaceEngine<Record extends {engine: string}>(
	current: ReadonlyMap<string, Record>,
	engine: string,
	records: readonly Record[],
	keyOf: (record: Record) => string,
): Map<string, Record> {
	const next = new Map([...current].filter(([, record]) => record.engine !== engine));
	for (const record of records) next.set(containerKey(engine, keyOf(record)), record);
	return next;
}

export function reduceResources(state: ResourcesState, action: ResourcesAction): ResourcesState {
	switch (action.type) {
		case 'images/listed': {
			return {
				...state,
				images: replaceEngine(state.images, action.engine, action.records, record => record.id),
				listed: new Set([...state.listed, `images/${action.engine}`]),
			};
		}

		case 'volumes/listed': {
			return {
				...state,
				volumes: replaceEngine(state.volumes, action.engine, action.records, record => record.name),
				listed: new Set([...state.listed, `volumes/${action.engine}`]),
			};
		}

		case 'networks/listed': {
			return {
				...state,
				networks: replaceEngine(state.networks, action.engine, action.records, record => record.id),
				listed: new Set([...state.listed, `networks/${action.engine}`]),
			};
		}

		case 'disk/measured': {
			const disk = new Map(state.disk);
			disk.set(action.engine, action.usage);
			return {...state, disk};
		}

		case 'events/received': {
			const entry: EventEntry = {...action.event, engine: action.engine, seq: state.nextEventSeq};
			const events = [...state.events, entry];
			return {
				...state,
				events: events.length > eventCapacity ? events.slice(-eventCapacity) : events,
				nextEventSeq: state.nextEventSeq + 1,
			};
		}

		case 'swarm/listed': {
			const {engine, listing} = action;
			const swarm = new Map(state.swarm);
			swarm.set(engine, {manager: listing.manager, nodeId: listing.manager ? listing.nodeId : ''});
			return {
				...state,
				// An engine that is no manager (any more) lists nothing.
				services: replaceEngine(state.services, engine, listing.manager ? listing.services : [], record => record.id),
				tasks: replaceEngine(state.tasks, engine, listing.manager ? listing.tasks : [], record => record.id),
				nodes: replaceEngine(state.nodes, engine, listing.manager ? listing.nodes : [], record => record.id),
				swarm,
				listed: new Set([...state.listed, `swarm/${engine}`]),
			};
		}

		case 'contexts/read': {
			return {...state, contexts: action.contexts, listed: new Set([...state.listed, 'contexts/'])};
		}

		case 'pull/started': {
			return {
				...state,
				pull: {engine: action.engine, reference: action.reference, layers: new Map(), messages: [], done: false, error: undefined},
			};
		}

		case 'pull/progressed': {
			if (!state.pull) return state;
			const layers = new Map(state.pull.layers);
			const messages = [...state.pull.messages];
			for (const progress of action.progress) {
				if (progress.layer === '' || progress.layer === state.pull.reference.split(':').at(-1)) {
					if (progress.status !== '') messages.push(progress.status);
				} else {
					layers.set(progress.layer, progress);
				}
			}

			return {...state, pull: {...state.pull, layers, messages: messages.slice(-20)}};
		}

		case 'pull/finished': {
			if (!state.pull) return state;
			return {...state, pull: {...state.pull, done: true, error: action.error}};
		}
	}
}
