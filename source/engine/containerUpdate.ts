// `docker update`: what can change on a container that exists, and the body the engine takes for it.

/** A restart policy, as `docker run --restart` and `docker update --restart` name it. */
export type RestartPolicy = 'no' | 'always' | 'unless-stopped' | 'on-failure';

/** The settings `docker update` changes, each only when given. */
export type ContainerUpdate = {
	restart?: {name: RestartPolicy; maximumRetryCount?: number};
	/** Bytes. */
	memory?: number;
	/** Bytes, memory and swap together; -1 for no limit. */
	memorySwap?: number;
	/** Billionths of a CPU (`--cpus 1.5` is 1.5e9). */
	nanoCpus?: number;
	/** Processes at most; -1 for no limit. */
	pidsLimit?: number;
};

/**
 * POST /containers/{id}/update's body, as the docker CLI sends it: only what is given. `no` is said as `no`: an
 * empty name is no change to the engine.
 */
export function toUpdateBody(update: ContainerUpdate): Record<string, unknown> {
	return {
		...(update.restart ? {RestartPolicy: {Name: update.restart.name, MaximumRetryCount: update.restart.maximumRetryCount ?? 0}} : {}),
		...(update.memory === undefined ? {} : {Memory: update.memory}),
		...(update.memorySwap === undefined ? {} : {MemorySwap: update.memorySwap}),
		...(update.nanoCpus === undefined ? {} : {NanoCpus: update.nanoCpus}),
		...(update.pidsLimit === undefined ? {} : {PidsLimit: update.pidsLimit}),
	};
}
