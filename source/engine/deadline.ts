// How long berth waits for an engine's answer: a hung engine answers nothing at all, so every read has a deadline.

/** How long a read may take before berth stops waiting for it. */
export const readDeadlineMs = 10_000;
/** An action may wait for the container's own stop timeout: a longer deadline, but a deadline. */
export const actionDeadlineMs = 120_000;

/** dockerode's option that aborts a request once its deadline passes. */
export function deadline(ms: number): {abortSignal: AbortSignal} {
	return {abortSignal: AbortSignal.timeout(ms)};
}
