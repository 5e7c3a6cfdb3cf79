// Owns the log streams of the logs pane: opens them, batches their lines, closes them on switch or leave.
import type {Engine, LogRecord, Subscription} from '../engine/types.js';
import type {AppAction} from '../state/app.js';
import {type IncomingLogLine, timeKey} from '../state/logs.js';
import type {ActionTarget} from '../state/operations.js';

/**
 * A container followed: whether its log ended (it stopped), and the time of its last line, after which its
 * next run is read (a run's first line can come before the engine writes down its start).
 */
type FollowedRun = {
	target: ActionTarget;
	engine: Engine;
	ended: boolean;
	lastLineAt?: string | undefined;
	/** Lines shown with the last line's very time (Podman stamps whole seconds: several lines share one). */
	lastCount?: number;
	/** Once it is followed again: the time (timeKey) of the last line shown, up to which no line is shown twice. */
	shownUntil?: string | undefined;
	/** How many lines of the time `shownUntil` were shown already: those come again, the others are new. */
	skipAtLast?: number;
	/** Said to be restarting at its end: until it runs again, a stop or a removal is still to be said. */
	restarting?: boolean;
};

/** What the App knows of a followed container now: its state, and its last exit (inspect's FinishedAt, '' for none). */
export type FollowedState = {state: string; finishedAt: string};

/**
 * Lines are handed over at most every `flushMs`, so a flood redraws the screen a bounded number of times;
 * between flushes at most `capacity` lines wait, the oldest dropped first, so memory stays bounded too.
 */
export class LogFollower {
	private streams: Subscription[] = [];
	private pending: IncomingLogLine[] = [];
	private pendingStart = 0;
	/** Lines dropped while waiting, so the pane can say how many older lines it lost. */
	private droppedWaiting = 0;
	private lastFlush = 0;
	private soon: NodeJS.Immediate | undefined;
	private ended: AppAction[] = [];
	private generation = -1;
	/** Paces the lines while a stream is open; no timer runs without one (a wake-up every 100 ms costs an idle overview). */
	private timer: NodeJS.Timeout | undefined;
	/**
	 * Each container followed (not a service). One whose log ended and that runs again (its restart policy,
	 * `docker start`) is followed again after its last line, as `docker compose logs -f` does.
	 */
	private readonly runs = new Map<string, FollowedRun>();
	private states: ReadonlyMap<string, FollowedState> = new Map();

	constructor(
		private readonly engines: ReadonlyMap<string, Engine>,
		private readonly dispatch: (action: AppAction) => void,
		private readonly capacity: number,
		private readonly flushMs = 100,
	) {}

	/** Follows these containers from now on (nothing for none); the old streams are closed first. */
	follow(targets: readonly ActionTarget[], tail: number, generation: number): void {
		if (generation === this.generation) return;
		this.closeStreams();
		this.generation = generation;
		for (const target of targets) {
			const engine = this.engines.get(target.engine);
			if (!engine) continue;
			if (!target.service) this.runs.set(target.key, {target, engine, ended: false});
			this.open(engine, target, target.service ? {tail, service: true} : {tail});
		}
	}

	/** What the App knows of the containers followed: one whose log ended and that runs now is followed again. */
	observe(states: ReadonlyMap<string, FollowedState>): void {
		this.states = states;
		for (const [key, run] of this.runs) {
			const state = states.get(key)?.state ?? '';
			if (run.ended && state === 'running') this.followAgain(run);
			else if (run.ended && run.restarting && state !== 'restarting') {
				// Stopped or removed in its policy's back-off: `its next log follows` would stand for good.
				run.restarting = false;
				this.tell({type: 'logs/ended', generation: this.generation, name: run.target.name, removed: state === '' || state === 'removing'});
			}
		}
	}

	openCount(): number {
		return this.streams.length;
	}

	close(): void {
		if (this.soon) clearImmediate(this.soon);
		this.closeStreams();
	}

	private take(line: IncomingLogLine): void {
		// After a quiet spell the first line goes out at once; within a burst the timer paces the rest.
		if (this.pending.length === this.pendingStart && !this.soon && Date.now() - this.lastFlush >= this.flushMs) {
			this.soon = setImmediate(() => {
				this.soon = undefined;
				this.flush();
			});
		}

		this.pending.push(line);
		// Keep at most `capacity` waiting lines without copying on every line.
		if (this.pending.length - this.pendingStart > this.capacity) {
			this.pendingStart++;
			this.droppedWaiting++;
		}
		if (this.pendingStart > this.capacity) {
			this.pending = this.pending.slice(this.pendingStart);
			this.pendingStart = 0;
		}
	}

	private open(engine: Engine, target: ActionTarget, options: {tail: number; service?: boolean; after?: string}): void {
		const generation = this.generation;
		// Its run, if it is a container's: looked up once, not for every line.
		const run = this.runs.get(target.key);
		const stream: Subscription = engine.streams.logs(
			target.id,
			options,
			(record: LogRecord) => {
				if (run && record.timestamp !== '') {
					// Podman's `since` keeps the whole second: lines this follower has shown already come again. Read
					// only until a newer line comes (a flood's every line is not parsed).
					if (run.shownUntil !== undefined) {
						const at = timeKey(record.timestamp);
						if (at !== '' && at < run.shownUntil) return;
						if (at === run.shownUntil && (run.skipAtLast ?? 0) > 0) {
							run.skipAtLast = (run.skipAtLast ?? 0) - 1;
							return;
						}

						run.shownUntil = undefined;
					}

					run.lastCount = record.timestamp === run.lastLineAt ? (run.lastCount ?? 0) + 1 : 1;
					run.lastLineAt = record.timestamp;
				}

				this.take({source: target.key, name: target.name, record});
			},
			() => {
				// An ended stream goes: a crash loop followed for hours opens one a run. With none left, nor the
				// pacing timer (what is left is handed over now, the end's words by reportEnd).
				this.streams = this.streams.filter(each => each !== stream);
				if (this.streams.length === 0) {
					this.flush();
					clearInterval(this.timer);
					this.timer = undefined;
				}

				void this.reportEnd(engine, target, generation);
			},
		);
		this.streams.push(stream);
		this.timer ??= setInterval(() => {
			this.flush();
		}, this.flushMs);
	}

	/** Words of berth's in the pane (an end, a restart), after the lines that came before them. */
	private tell(action: AppAction): void {
		this.flush();
		this.ended.push(action);
		this.flush();
	}

	/** Whether the stream that ended brought lines of the run after it: its last line is from the new run's start on. */
	private async sawNextRun(engine: Engine, target: ActionTarget, run: FollowedRun): Promise<boolean> {
		if (run.lastLineAt === undefined) return false;
		const timing = await engine.containers.inspectTiming(target.id).catch(() => undefined);
		const line = timeKey(run.lastLineAt);
		const start = timing ? timeKey(timing.startedAt) : '';
		if (line === '' || start === '') return false;
		// Podman's lines are stamped in whole seconds: compared by the second.
		return /\.\d/.test(run.lastLineAt) ? line >= start : line.slice(0, 19) >= start.slice(0, 19);
	}

	/** A container whose log ended runs again: said in the pane (unless `say` is false), and its new run followed after its last line. */
	private followAgain(run: FollowedRun, say = true): void {
		run.ended = false;
		run.restarting = false;
		if (say) this.tell({type: 'logs/restarted', generation: this.generation, name: run.target.name});
		else this.flush();
		// After its last line, or (none seen) after its last exit: no line twice, none lost.
		const after = run.lastLineAt ?? (this.states.get(run.target.key)?.finishedAt || undefined);
		run.shownUntil = run.lastLineAt === undefined ? undefined : timeKey(run.lastLineAt) || undefined;
		run.skipAtLast = run.lastCount ?? 0;
		this.open(run.engine, run.target, after === undefined ? {tail: 0} : {tail: 0, after});
	}

	private async reportEnd(engine: Engine, target: ActionTarget, generation: number): Promise<void> {
		if (target.service) {
			const listing = await engine.swarm.list().catch(() => undefined);
			const gone = listing?.manager === true && !listing.services.some(service => service.id === target.id);
			if (generation !== this.generation) return;
			this.tell({type: 'logs/ended', generation, name: target.name, removed: gone});
			return;
		}

		// `docker rm -f` kills first and removes a moment later: the log ends before the container is gone.
		let record = (await engine.containers.list({id: target.id}).catch(() => []))[0];
		for (let attempt = 0; attempt < 5 && record && record.state !== 'removing'; attempt++) {
			await new Promise(resolve => setTimeout(resolve, 200));
			record = (await engine.containers.list({id: target.id}).catch(() => []))[0];
		}

		if (record?.state === 'removing') record = undefined;
		const run = this.runs.get(target.key);
		// Podman's stream of a run goes on into the next one before it ends (seen: the next run's first line, then
		// the end): the new run is followed on without a word, where words would come after its first lines.
		if (run && record?.state === 'running' && (await this.sawNextRun(engine, target, run))) {
			if (generation !== this.generation) return;
			this.followAgain(run, false);
			return;
		}

		if (generation !== this.generation) return;
		// Between two runs of its restart policy (or run again already): its log goes on.
		const restarting = record?.state === 'restarting' || record?.state === 'running';
		this.tell({type: 'logs/ended', generation, name: target.name, removed: record === undefined, restarting});
		if (!run || record === undefined) return;
		run.ended = true;
		run.restarting = restarting;
		// Running again already, as the engine says now (a restart policy's quick restart): its new run at once;
		// else when the App sees it run or start again (observe).
		if (record.state === 'running') this.followAgain(run);
	}

	flush(): void {
		if (this.pending.length > this.pendingStart) {
			this.lastFlush = Date.now();
			const lines = this.pending.slice(this.pendingStart);
			const dropped = this.droppedWaiting;
			this.pending = [];
			this.pendingStart = 0;
			this.droppedWaiting = 0;
			this.dispatch({type: 'logs/appended', generation: this.generation, lines, dropped});
		}

		if (this.ended.length > 0) {
			const ended = this.ended;
			this.ended = [];
			for (const action of ended) this.dispatch(action);
		}
	}

	private closeStreams(): void {
		clearInterval(this.timer);
		this.timer = undefined;
		for (const stream of this.streams) stream.close();
		this.streams = [];
		this.pending = [];
		this.pendingStart = 0;
		this.droppedWaiting = 0;
		this.ended = [];
		this.runs.clear();
	}
}
