// Container records per engine, as the engine last reported them. Pure reducer.
import {formatStatus} from '../format/status.js';
import type {ContainerRecord, ContainerTiming} from '../engine/types.js';
import {made, without, writable} from './batch.js';
import {ShardedMap} from './shardedMap.js';

export {reduceOneBatch} from './batch.js';

/** Every record is keyed by engine and id: several engines can be shown at once. */
export function containerKey(engine: string, id: string): string {
	return `${engine}\u0000${id}`;
}

export type ContainersState = {
	records: ReadonlyMap<string, ContainerRecord>;
	/** Start/finish times and health from inspect, so the status text ticks on between listings. */
	timings: ReadonlyMap<string, ContainerTiming>;
	/** Engines whose listing has arrived at least once. */
	listedEngines: ReadonlySet<string>;
	/** When the newest timing taken per container was asked for: kept while a timing is dropped. */
	timedAt?: ReadonlyMap<string, number>;
};

export type ContainersAction =
	/**
	 * `at`: when the engine listed them (what its status texts were computed against). `ids`: the listing was of
	 * these containers alone: the others stand, and those of them it did not list are gone.
	 */
	| {type: 'containers/listed'; engine: string; records: readonly ContainerRecord[]; at?: number; ids?: readonly string[]}
	| {type: 'container/updated'; record: ContainerRecord}
	| {type: 'container/removed'; engine: string; id: string}
	/** stated: the timing comes from an inspect asked after the container's last event: its state wins. */
	| {type: 'container/timed'; engine: string; id: string; timing: ContainerTiming; stated?: boolean};

export const emptyContainers: ContainersState = {
	records: ShardedMap.of(),
	timings: ShardedMap.of(),
	listedEngines: new Set(),
};

export function reduceContainers(state: ContainersState, action: ContainersAction): ContainersState {
	switch (action.type) {
		case 'containers/listed': {
			const asked = action.ids ? new Set(action.ids.map(id => containerKey(action.engine, id))) : undefined;
			const answers = (key: string) => (asked ? asked.has(key) : key.startsWith(`${action.engine}\u0000`));
			let records: Map<string, ContainerRecord>;
			if (asked) {
				records = writable(state.records);
				for (const key of asked) records.delete(key);
			} else {
				records = made(ShardedMap.of<ContainerRecord>());
				state.records.forEach((record, key) => {
					if (record.engine !== action.engine) records.set(key, record);
				});
			}

			for (const record of action.records) records.set(containerKey(record.engine, record.id), record);
			// A fresh listing may disagree with what inspect said earlier (an event was missed): those are asked
			// again. A timing whose status reads as the engine's own status text stands.
			const keep = ([key, timing]: [string, ContainerTiming]) => {
				if (!answers(key)) return true;
				const record = records.get(key);
				return action.at !== undefined && record !== undefined && formatStatus(timing, action.at) === record.status;
			};

			let timings: ReadonlyMap<string, ContainerTiming>;
			if (asked) {
				timings = without(state.timings, [...asked].filter(key => state.timings.has(key) && !keep([key, state.timings.get(key)!])));
			} else {
				const kept = made(ShardedMap.of<ContainerTiming>());
				state.timings.forEach((timing, key) => {
					if (keep([key, timing])) kept.set(key, timing);
				});
				timings = kept;
			}

			// An inspect asked before this listing and answered after it is older than what the listing says: its
			// state must not override the listing's (a row stood `running` after its `die` until the resync).
			let {timedAt} = state;
			if (action.at !== undefined) {
				const listedAt = action.at;
				const next = timedAt ? writable(timedAt) : made(ShardedMap.of<number>());
				for (const record of action.records) {
					const key = containerKey(record.engine, record.id);
					if ((next.get(key) ?? 0) < listedAt) next.set(key, listedAt);
				}

				timedAt = next;
			}

			// What is kept of containers the listing says are gone goes with them (a removal seen first by a
			// listing, not its event, had left its time behind for good).
			if (timedAt) timedAt = without(timedAt, [...(asked ?? timedAt.keys())].filter(key => answers(key) && !records.has(key)));

			const listedEngines = asked || state.listedEngines.has(action.engine) ? state.listedEngines : new Set([...state.listedEngines, action.engine]);
			return {...state, records, timings, timedAt, listedEngines};
		}

		case 'container/updated': {
			const key = containerKey(action.record.engine, action.record.id);
			const records = writable(state.records);
			records.set(key, action.record);
			if (!state.timings.has(key)) return {...state, records};
			const timings = writable(state.timings);
			timings.delete(key);
			return {...state, records, timings};
		}

		case 'container/removed': {
			const key = containerKey(action.engine, action.id);
			if (!state.records.has(key) && !state.timedAt?.has(key)) return state;
			return {
				...state,
				records: without(state.records, [key]),
				timings: without(state.timings, [key]),
				...(state.timedAt ? {timedAt: without(state.timedAt, [key])} : {}),
			};
		}

		case 'container/timed': {
			const key = containerKey(action.engine, action.id);
			const record = state.records.get(key);
			// A timing asked for before the container's last change (its state disagrees) is not its timing.
			if (!record || (!action.stated && record.state !== action.timing.state)) return state;
			// Answers can overtake each other (a batch of them waits for its slowest): the older one goes.
			const {readAt} = action.timing;
			const newest = state.timedAt?.get(key);
			if (readAt !== undefined && newest !== undefined && readAt < newest) return state;
			const timings = writable(state.timings);
			timings.set(key, action.timing);
			const timedAt = readAt === undefined ? state.timedAt : (state.timedAt ? writable(state.timedAt) : made(ShardedMap.of<number>())).set(key, readAt);
			if (!action.stated || record.state === action.timing.state) return {...state, timings, timedAt};
			const records = writable(state.records);
			records.set(key, {...record, state: action.timing.state});
			return {...state, records, timings, timedAt};
		}
	}
}
