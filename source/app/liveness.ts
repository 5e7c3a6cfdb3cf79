// Whether an engine still answers: pure bookkeeping of when it was last heard and how a probe fares.
//
// A frozen engine (SIGSTOP, a hung daemon, a stalled link) closes nothing: the event stream stays open and
// silent, requests wait forever. Silence alone is normal (an idle engine sends no events), so after
// `probeAfterMs` of it a cheap probe is sent; a probe unanswered for `unansweredAfterMs` (or one that ran
// into its deadline) makes the engine "not answering" until anything is heard from it again.

export type LivenessOptions = {probeAfterMs: number; unansweredAfterMs: number};

/** checkMs: how often the watchdog looks (and the header's count of seconds moves). */
export const defaultLivenessOptions: LivenessOptions & {checkMs: number} = {probeAfterMs: 2000, unansweredAfterMs: 3000, checkMs: 1000};

export type Liveness = {
	/** When the engine last sent or answered anything. */
	heardAt: number;
	/** When the probe in flight was sent. */
	probeSince: number | undefined;
	unanswered: boolean;
};

export function startLiveness(now: number): Liveness {
	return {heardAt: now, probeSince: undefined, unanswered: false};
}

/** Anything came from the engine: an event, an answer. */
export function heard(state: Liveness, now: number): Liveness {
	return {heardAt: Math.max(state.heardAt, now), probeSince: undefined, unanswered: false};
}

/** A probe ran into its deadline or failed without the connection ending. */
export function probeFailed(state: Liveness): Liveness {
	return {...state, probeSince: undefined, unanswered: true};
}

/** What the watchdog does at `now`: send a probe, and whether the engine counts as not answering. */
export function checkLiveness(state: Liveness, now: number, options: LivenessOptions = defaultLivenessOptions): {state: Liveness; probe: boolean} {
	if (state.probeSince === undefined) {
		const probe = now - state.heardAt >= options.probeAfterMs;
		return {state: probe ? {...state, probeSince: now} : state, probe};
	}

	const unanswered = state.unanswered || now - state.probeSince >= options.unansweredAfterMs;
	return {state: unanswered === state.unanswered ? state : {...state, unanswered}, probe: false};
}
