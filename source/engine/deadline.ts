// How long berth waits for an engine's answer: a hung engine answers nothing at all, so every read has a deadline.

/** How long a read may take before berth stops waiting for it. */
export const readDeadlineMs = 10_000;
/** An action may wait for the container's own stop timeout: a longer deadline, but a deadline. */
export const actionDeadlineMs = 120_000;

/** Whether a request failed because its deadline passed (AbortSignal.timeout aborts it): the engine did not answer. */
export function isPastDeadline(error: unknown): boolean {
	return (error as {code?: string} | undefined)?.code === 'ABORT_ERR' || (error as {name?: string} | undefined)?.name === 'TimeoutError';
}

/** dockerode's option that aborts a request once its deadline passes. */
export function deadline(ms: number): {abortSignal: AbortSignal} {
	return {abortSignal: AbortSignal.timeout(ms)};
}
