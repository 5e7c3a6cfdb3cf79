// A map of many entries (a thousand containers) whose copies share what they did not change. Pure to its users.
/**
 * A Map in shards: a copy shares every shard of the map it came from and copies a shard only when it first
 * writes to it. An engine's news in a storm comes as a batch every tenth of a second, each changing a few of
 * a thousand containers: with a Map every batch copied the thousand records, their timings and times (a
 * fifth of all berth allocated in a storm of 250 starts, garbage a moment later); now it copies a shard of
 * about 16 for each container it changes.
 *
 * It is a Map to its readers. Only the map batch.ts's `writable` hands out is written to (state is never
 * changed in place); entries come shard by shard, not in the order they were set (every reader that shows
 * them sorts them).
 */
export class ShardedMap<Value> implements Map<string, Value> {
	static of<Value>(entries: Iterable<readonly [string, Value]> = []): ShardedMap<Value> {
		const map = new ShardedMap<Value>(Array.from({length: shardCount}, () => new Map<string, Value>()), 0);
		map.owned = new Set(map.shards.keys());
		for (const [key, value] of entries) map.set(key, value);
		return map;
	}

	/** Shards this map made itself (the rest it shares): only these are written in place. */
	private owned = new Set<number>();

	private constructor(
		private readonly shards: Array<Map<string, Value>>,
		private count: number,
	) {}

	get size(): number {
		return this.count;
	}

	get [Symbol.toStringTag](): string {
		return 'ShardedMap';
	}

	/** A copy that shares every shard until it writes to it. */
	copy(): ShardedMap<Value> {
		return new ShardedMap([...this.shards], this.count);
	}

	get(key: string): Value | undefined {
		return this.shards[shardOf(key)]!.get(key);
	}

	has(key: string): boolean {
		return this.shards[shardOf(key)]!.has(key);
	}

	set(key: string, value: Value): this {
		const shard = this.writableShard(shardOf(key));
		const before = shard.size;
		shard.set(key, value);
		this.count += shard.size - before;
		return this;
	}

	delete(key: string): boolean {
		const index = shardOf(key);
		if (!this.shards[index]!.has(key)) return false;
		this.writableShard(index).delete(key);
		this.count--;
		return true;
	}

	clear(): void {
		for (let index = 0; index < this.shards.length; index++) this.shards[index] = new Map();
		this.owned = new Set(this.shards.keys());
		this.count = 0;
	}

	forEach(callback: (value: Value, key: string, map: Map<string, Value>) => void, thisArgument?: unknown): void {
		// Each shard's own forEach: no [key, value] pair made for each entry.
		for (const shard of this.shards) {
			shard.forEach((value, key) => {
				callback.call(thisArgument, value, key, this);
			});
		}
	}

	/**
	 * Each shard as it is now, with its place: a shard that is the same object as before holds the same
	 * entries (a copy shares the shards it did not write to), so a reader can keep what it made of it.
	 */
	eachShard(callback: (shard: ReadonlyMap<string, Value>, index: number) => void): void {
		for (let index = 0; index < this.shards.length; index++) callback(this.shards[index]!, index);
	}

	/** The shard at `index` (as eachShard numbers them), read only: a key is in the same place in every ShardedMap. */
	shardAt(index: number): ReadonlyMap<string, Value> | undefined {
		return this.shards[index];
	}

	* entries(): MapIterator<[string, Value]> {
		for (const shard of this.shards) yield* shard.entries();
	}

	* keys(): MapIterator<string> {
		for (const shard of this.shards) yield* shard.keys();
	}

	* values(): MapIterator<Value> {
		for (const shard of this.shards) yield* shard.values();
	}

	[Symbol.iterator](): MapIterator<[string, Value]> {
		return this.entries();
	}

	private writableShard(index: number): Map<string, Value> {
		if (!this.owned.has(index)) {
			this.shards[index] = new Map(this.shards[index]);
			this.owned.add(index);
		}

		return this.shards[index]!;
	}
}

/** 64 shards: a thousand entries copy about 16 for a change, and the shard list (64 references) once a batch. */
const shardCount = 64;

/**
 * A key's shard, from its last characters: berth's keys end in a container's id, whose hex digits are as good
 * as random (a short key, a name, still finds its one shard).
 */
function shardOf(key: string): number {
	const {length} = key;
	let hash = 0;
	for (let index = Math.max(0, length - 4); index < length; index++) hash = (hash * 31 + key.charCodeAt(index)) | 0;
	return (hash ^ (hash >>> 6)) & (shardCount - 1);
}
