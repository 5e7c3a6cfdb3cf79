// Reducing a batch of actions without copying a map once per action: the maps a batch makes are its own.
import {ShardedMap} from './shardedMap.js';

/**
 * Maps made while one batch of actions is being reduced, which the batch's later actions may change in place.
 * An engine's news comes as batches of dozens of results during a storm; each result copied the 1000 records
 * and their timings again (a fifth of all berth allocated then, garbage a moment later). A round of figures is
 * a batch of a sample per row: each sample copied the figures of every row (a seventh of what a steady
 * overview allocated).
 */
let madeInBatch: WeakSet<ReadonlyMap<string, unknown>> | undefined;

/**
 * Runs the reduction of one batch: what it starts from is never changed, and the maps it makes are copied only
 * once (a batch within a batch shares them). Pure seen from outside: the same state and actions, the same result.
 */
export function reduceOneBatch<T>(reduce: () => T): T {
	const outer = madeInBatch;
	madeInBatch = outer ?? new WeakSet();
	try {
		return reduce();
	} finally {
		madeInBatch = outer;
	}
}

/** A map the current action may change: itself when this batch made it, a copy otherwise. */
export function writable<Value>(map: ReadonlyMap<string, Value>): Map<string, Value> {
	if (madeInBatch?.has(map)) return map as Map<string, Value>;
	// A map of a thousand containers shares what the batch does not change (shardedMap.ts).
	const copy = map instanceof ShardedMap ? (map as ShardedMap<Value>).copy() : new Map(map);
	madeInBatch?.add(copy);
	return copy;
}

/** A map just made by the current action: later actions of its batch may change it. */
export function made<Value>(map: Map<string, Value>): Map<string, Value> {
	madeInBatch?.add(map);
	return map;
}

/** `map` without `keys`: the map itself when it holds none of them, else a writable one without them. */
export function without<Value>(map: ReadonlyMap<string, Value>, keys: Iterable<string>): ReadonlyMap<string, Value> {
	let next: Map<string, Value> | undefined;
	for (const key of keys) {
		if (!map.has(key)) continue;
		next ??= writable(map);
		next.delete(key);
	}

	return next ?? map;
}
