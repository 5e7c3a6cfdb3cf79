// The containers' map in shards: read as a Map, copied without changing what it was copied from.
import assert from 'node:assert/strict';
import {randomBytes} from 'node:crypto';
import {describe, test} from 'node:test';
import {reduceOneBatch, writable} from '../../source/state/batch.js';
import {containerKey} from '../../source/state/containers.js';
import {ShardedMap} from '../../source/state/shardedMap.js';

const keys = Array.from({length: 1000}, () => containerKey('local', randomBytes(32).toString('hex')));

describe('ShardedMap', () => {
	test('reads as a Map of the same entries: get, has, size, forEach, keys, values, entries, spread', () => {
		const plain = new Map(keys.map((key, index) => [key, index]));
		const sharded = ShardedMap.of(plain);
		assert.equal(sharded.size, 1000);
		for (const [key, value] of plain) {
			assert.equal(sharded.get(key), value);
			assert.ok(sharded.has(key));
		}

		assert.equal(sharded.get('local\u0000missing'), undefined);
		const seen = new Map<string, number>();
		sharded.forEach((value, key, map) => {
			assert.equal(map, sharded);
			seen.set(key, value);
		});
		assert.deepEqual(seen, plain);
		assert.deepEqual(new Map(sharded), plain);
		assert.deepEqual(new Set(sharded.keys()), new Set(plain.keys()));
		assert.deepEqual([...sharded.values()].sort((a, b) => a - b), [...plain.values()]);
		assert.deepEqual(new Map(sharded.entries()), plain);
	});

	test('a short key (a name, not an id) is found too', () => {
		const map = ShardedMap.of([
			['a', 1],
			['', 2],
		]);
		assert.equal(map.get('a'), 1);
		assert.equal(map.get(''), 2);
		assert.equal(map.size, 2);
	});

	test('a copy written to leaves the map it came from as it was', () => {
		const original = ShardedMap.of(keys.map((key, index) => [key, index]));
		const copy = original.copy();
		copy.set(keys[0]!, -1);
		copy.delete(keys[1]!);
		copy.set('local\u0000new', 5);
		assert.equal(original.get(keys[0]!), 0);
		assert.equal(original.get(keys[1]!), 1);
		assert.equal(original.has('local\u0000new'), false);
		assert.equal(original.size, 1000);
		assert.equal(copy.get(keys[0]!), -1);
		assert.equal(copy.has(keys[1]!), false);
		assert.equal(copy.get('local\u0000new'), 5);
		assert.equal(copy.size, 1000);
		// Every entry the copy did not write is the original's.
		for (const key of keys.slice(2)) assert.equal(copy.get(key), original.get(key));
	});

	test('delete says whether there was an entry; set of a key that is there keeps the size', () => {
		const map = ShardedMap.of([[keys[0]!, 1]]);
		assert.equal(map.delete(keys[1]!), false);
		assert.equal(map.size, 1);
		map.set(keys[0]!, 2);
		assert.equal(map.size, 1);
		assert.equal(map.delete(keys[0]!), true);
		assert.equal(map.size, 0);
		map.set(keys[2]!, 3);
		map.clear();
		assert.equal(map.size, 0);
		assert.equal(map.has(keys[2]!), false);
	});

	test("batch.ts's writable: one copy for a whole batch, a sharded one; the state it started from unchanged", () => {
		const state = ShardedMap.of(keys.map((key, index) => [key, index]));
		const after = reduceOneBatch(() => {
			const first = writable(state);
			first.set(keys[0]!, -1);
			const second = writable(first);
			assert.equal(second, first, 'the batch writes to the copy it made');
			second.delete(keys[1]!);
			return second;
		});
		assert.ok(after instanceof ShardedMap);
		assert.equal(state.get(keys[0]!), 0);
		assert.equal(state.get(keys[1]!), 1);
		assert.equal(after.get(keys[0]!), -1);
		assert.equal(after.has(keys[1]!), false);
		// The next batch copies again: what the last one made is state now.
		const next = reduceOneBatch(() => writable(after));
		assert.notEqual(next, after);
	});

	test('eachShard: a copy that wrote one key shares every other shard, and shardAt finds a key in the same place in another map', () => {
		const state = ShardedMap.of(keys.map((key, index) => [key, index]));
		const other = ShardedMap.of(keys.map(key => [key, key]));
		const copy = state.copy();
		copy.set(keys[0]!, -1);
		const before: Array<ReadonlyMap<string, number>> = [];
		state.eachShard(shard => before.push(shard));
		const differ: number[] = [];
		let entries = 0;
		copy.eachShard((shard, index) => {
			entries += shard.size;
			if (shard !== before[index]) differ.push(index);
			for (const key of shard.keys()) assert.ok(other.shardAt(index)!.has(key), key);
		});
		assert.equal(differ.length, 1);
		assert.ok(copy.shardAt(differ[0]!)!.has(keys[0]!));
		assert.equal(entries, keys.length);
	});
});
