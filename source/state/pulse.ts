// How many events each engine sent lately, in buckets of half a minute, for the pulse view's chart. Pure.

export const rateBucketMs = 30_000;
export const rateBuckets = 20;

/** Per engine: the newest bucket's number (milliseconds / rateBucketMs) and the counts, oldest first. */
export type EventRate = ReadonlyMap<string, {bucket: number; counts: readonly number[]}>;

/** The counts moved on to `bucket`: buckets passed in between count nothing. */
function shifted(entry: {bucket: number; counts: readonly number[]} | undefined, bucket: number): number[] {
	if (!entry || bucket - entry.bucket >= rateBuckets) return Array.from({length: rateBuckets}, () => 0);
	if (bucket <= entry.bucket) return [...entry.counts];
	return [...entry.counts.slice(bucket - entry.bucket), ...Array.from({length: bucket - entry.bucket}, () => 0)];
}

export function countEvent(rate: EventRate, engine: string, at: number): EventRate {
	const entry = rate.get(engine);
	const bucket = Math.max(entry?.bucket ?? 0, Math.floor(at / rateBucketMs));
	const counts = shifted(entry, bucket);
	const age = bucket - Math.floor(at / rateBucketMs);
	if (age < rateBuckets) counts[rateBuckets - 1 - age]!++;
	const next = new Map(rate);
	next.set(engine, {bucket, counts});
	return next;
}

/** The last rateBuckets counts up to now, oldest first. */
export function selectEventRate(rate: EventRate, engine: string, now: number): number[] {
	return shifted(rate.get(engine), Math.floor(now / rateBucketMs));
}
