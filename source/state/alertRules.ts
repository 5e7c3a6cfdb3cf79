// What deserves an operator's attention, from what berth learns of a container or an engine. Pure.
import type {ContainerTiming, EngineEvent, HealthStatus} from '../engine/types.js';
import {selectHealthChecks} from '../engine/timing.js';
import {isZeroTime} from '../format/status.js';
import {formatCount} from '../format/units.js';

export type AlertKind = 'crash-loop' | 'oom' | 'unhealthy' | 'died' | 'engine-lost' | 'engine-back';

export const alertKinds: readonly AlertKind[] = ['crash-loop', 'oom', 'unhealthy', 'died', 'engine-lost', 'engine-back'];

/** A crash loop is `restarts` restarts within `windowMs`. */
export type AlertRules = {restarts: number; windowMs: number};

export const defaultAlertRules: AlertRules = {restarts: 3, windowMs: 10 * 60_000};

/** An alert as a rule raises it. */
export type RaisedAlert = {
	kind: AlertKind;
	engine: string;
	/** The container's name; empty for an engine's own alerts. */
	container: string;
	/** The container's key, or the engine's name for an engine's alerts: what a recurring alert is matched by. */
	key: string;
	text: string;
	/** Milliseconds since the epoch. */
	at: number;
	/** The alert of this kind about the same container that this one corrects (a `died` that was an OOM kill). */
	replaces?: AlertKind;
};

/** What the rules remember of one container between two looks at it. */
export type ContainerWatch = {
	/** Undefined until inspect has been read once (an event can come first). */
	restartCount: number | undefined;
	/** When each restart within the window was seen. */
	restarts: readonly number[];
	health: HealthStatus;
	finishedAt: string;
	/** When each restart within the last hour was seen (for the pulse view), at most 100. */
	hourRestarts?: readonly number[];
	/** The last `oom` event, in milliseconds. */
	oomEventAt?: number;
	/** The last stop, kill or remove: asked by berth, or a `kill`/`stop` event from anyone. */
	stopAskedAt?: number;
	/** The exit code of the last `die` event. Podman's inspect says 0 once its policy has restarted the container. */
	diedWith?: number;
	/** Found in what may be a short run of a crash loop under way before berth came (see observeTiming). */
	inRun?: true;
	/**
	 * The exit (its FinishedAt) said as `died` with code 137 before anything said why: Docker 20.10 can send the
	 * `oom` event after the `die` and its inspect, and the next look then corrects that alert to `oom`.
	 */
	diedUnexplained?: string;
};

/** Docker starts a restart policy's back-off again once a container has run this long: shorter runs are failures. */
const backOffResetMs = 10_000;

/** How long its last run lasted, from start to exit (negative while it runs, or for a start after the exit). */
function lastRunMs(timing: ContainerTiming): number {
	return Date.parse(timing.finishedAt) - Date.parse(timing.startedAt);
}

/** Its last run, from start to exit, was shorter than Docker's back-off reset. */
function ranBriefly(timing: ContainerTiming): boolean {
	const ran = lastRunMs(timing);
	return ran >= 0 && ran < backOffResetMs;
}

/**
 * Whether a container's last exit was the kernel's OOM killer: the engine says so (State.OOMKilled), or an `oom`
 * event came with the exit code 137 (Docker 20.10's inspect does not always say so). The alert and the row's
 * status judge by this one rule.
 */
export function killedForMemory(timing: ContainerTiming, oomEventAt: number | undefined): boolean {
	if (timing.running) return false;
	if (timing.oomKilled === true) return true;
	return oomEventAt !== undefined && timing.exitCode === 137 && Date.parse(timing.finishedAt) >= oomEventAt - 5000;
}

/** A stop or kill this long before the exit explains it (`docker stop` waits 10 s before it kills). */
export const askedStopMs = 30_000;

export type TimingLook = {
	key: string;
	engine: string;
	name: string;
	timing: ContainerTiming;
	/** Milliseconds since the epoch. */
	now: number;
	/** When berth began to watch: what happened before is history, not news. */
	since: number;
	/** When the container was created, in milliseconds. */
	created: number;
	/** The swarm service whose task the container runs (its label `com.docker.swarm.service.name`), if any. */
	service?: string | undefined;
};

/** The label the engine puts on a swarm task's container: the service that replaces the task when it fails. */
export const swarmServiceLabel = 'com.docker.swarm.service.name';

function firstLine(text: string, most = 160): string {
	const line = text.replaceAll(/[\u0000-\u001F\u007F]+/g, ' ').replaceAll(/\s+/g, ' ').trim();
	return line.length > most ? `${line.slice(0, most - 1)}…` : line;
}

/** The watch after one more look at a container (inspect), and the alerts that look raises. */
export function observeTiming(
	watch: ContainerWatch | undefined,
	look: TimingLook,
	rules: AlertRules = defaultAlertRules,
): {watch: ContainerWatch; alerts: RaisedAlert[]; taskFailed?: {exitCode: number}} {
	const {timing, now} = look;
	const alerts: RaisedAlert[] = [];
	const raise = (kind: AlertKind, text: string, replaces?: AlertKind) =>
		alerts.push({kind, engine: look.engine, container: look.name, key: look.key, text, at: now, ...(replaces ? {replaces} : {})});
	const seen = watch?.restartCount !== undefined;
	const count = timing.restartCount ?? watch?.restartCount ?? 0;
	// A container berth found already there counts its restarts from now; a new one from zero.
	const before = seen ? watch.restartCount! : look.created >= look.since ? 0 : count;
	const restarted = Math.max(0, count - before);
	let restarts = [...(watch?.restarts ?? []), ...Array.from({length: restarted}, () => now)].filter(
		time => time > now - rules.windowMs,
	);
	if (restarted > 0 && restarts.length >= rules.restarts) {
		const minutes = Math.round(rules.windowMs / 60_000);
		// Running again: Docker's inspect keeps the code it last exited with, Podman's says 0; the event says it.
		const exitCode = timing.running ? (watch?.diedWith ?? timing.exitCode) : timing.exitCode;
		raise('crash-loop', `restarted ${restarts.length} times within ${formatCount(minutes, 'minute')} (${count} in all), last exit code ${exitCode}`);
		// The next alert needs as many restarts again.
		restarts = [];
	} else if (!seen && look.created < look.since && timing.restarting && count >= rules.restarts) {
		// A loop under way before berth came: its restarts before are history, and at Docker's back-off (up to a
		// minute) the window's rule would wait minutes. Found between two runs, restarting is its state now, as
		// an unhealthy container's is.
		raise('crash-loop', `found restarting after exit code ${timing.exitCode}, ${count} restarts in all`);
		restarts = [];
	} else if (watch?.inRun && restarted > 0 && timing.restarting && ranBriefly(timing)) {
		// Found in one of its short runs: its exit from that run, as short, says so.
		const ran = lastRunMs(timing);
		raise('crash-loop', `exited with code ${timing.exitCode} ${formatCount(Math.max(1, Math.round(ran / 1000)), 'second')} after its start and is restarting, ${count} restarts in all`);
		restarts = [];
	}

	// Found running, started moments ago after as many restarts as the rule asks: maybe in a run of its loop,
	// which the next look tells (while that run goes on, it still is).
	const inRun = seen
		? watch.inRun === true && restarted === 0 && timing.running
		: look.created < look.since && timing.running && !timing.restarting && count >= rules.restarts && now - Date.parse(timing.startedAt) < backOffResetMs;

	const finished = !isZeroTime(timing.finishedAt) && timing.finishedAt !== (watch?.finishedAt ?? '');
	const finishedMs = Date.parse(timing.finishedAt);
	// An exit berth has seen happen, or one since berth began to watch.
	const news = finished && (seen || finishedMs >= look.since);
	const oom = news && killedForMemory(timing, watch?.oomEventAt);
	const lateOom = !finished && watch?.diedUnexplained === timing.finishedAt && killedForMemory(timing, watch.oomEventAt);
	if (oom || lateOom) raise('oom', `killed for lack of memory (exit code ${timing.exitCode})`, lateOom ? 'died' : undefined);
	const asked = watch?.stopAskedAt !== undefined && watch.stopAskedAt >= finishedMs - askedStopMs;
	const down = !timing.running && !timing.restarting && (timing.state === 'exited' || timing.state === 'dead');
	const failed = news && !oom && down && timing.exitCode !== 0 && !asked;
	// A swarm task that fails is replaced by its service, as a restart policy restarts a container: not news
	// of its own, but one more failure of the service (observeTaskFailure).
	if (failed && look.service === undefined) raise('died', `exited with code ${timing.exitCode}, not asked to stop`);
	// A stopped container has no health; a paused one's (and an unpaused one's until its next check) is as it was.
	const checks = selectHealthChecks(timing);
	const health = checks === 'stopped' ? 'none' : checks === 'running' ? timing.health : (watch?.health ?? 'none');
	if (health === 'unhealthy' && (watch?.health ?? 'none') !== 'unhealthy') {
		const output = timing.lastHealth ? firstLine(timing.lastHealth.output) : '';
		raise('unhealthy', `unhealthy${timing.lastHealth ? `: exit code ${timing.lastHealth.exitCode}${output ? `, ${output}` : ''}` : ''}`);
	}

	const hourRestarts = [...(watch?.hourRestarts ?? []), ...Array.from({length: Math.min(restarted, 100)}, () => now)]
		.filter(time => time > now - 3_600_000)
		.slice(-100);
	const {inRun: _wasInRun, diedUnexplained: _unexplained, ...kept} = watch ?? {};
	const unexplained = failed && timing.exitCode === 137 ? timing.finishedAt : !finished && !lateOom ? watch?.diedUnexplained : undefined;
	return {
		watch: {
			...kept,
			hourRestarts,
			restartCount: count,
			restarts,
			health,
			finishedAt: timing.finishedAt,
			...(inRun ? {inRun: true as const} : {}),
			...(unexplained === undefined ? {} : {diedUnexplained: unexplained}),
		},
		alerts,
		...(failed && look.service !== undefined ? {taskFailed: {exitCode: timing.exitCode}} : {}),
	};
}

/** When a swarm service's tasks failed, within the crash-loop window. */
export type ServiceWatch = {failures: readonly number[]};

/**
 * One more failed task of a swarm service: `restarts` failures within the window are its crash loop, raised
 * once for the service (not for each task's container, each of which fails once), as a restart policy's
 * crash loop is.
 */
export function observeTaskFailure(
	watch: ServiceWatch | undefined,
	failure: {key: string; engine: string; service: string; exitCode: number; now: number},
	rules: AlertRules = defaultAlertRules,
): {watch: ServiceWatch; alerts: RaisedAlert[]} {
	const {now} = failure;
	const failures = [...(watch?.failures ?? []), now].filter(time => time > now - rules.windowMs);
	if (failures.length < rules.restarts) return {watch: {failures}, alerts: []};
	const minutes = Math.round(rules.windowMs / 60_000);
	const text = `service ${failure.service}: ${failures.length} tasks failed within ${formatCount(minutes, 'minute')}, last exit code ${failure.exitCode}`;
	return {watch: {failures: []}, alerts: [{kind: 'crash-loop', engine: failure.engine, container: failure.service, key: failure.key, text, at: now}]};
}

/** The watch after an event about the container: a stop asked for, an OOM kill on its way, the code it died with. */
export function observeEvent(watch: ContainerWatch | undefined, event: EngineEvent): ContainerWatch | undefined {
	const at = Math.floor(event.timeNano / 1_000_000);
	const base: ContainerWatch = watch ?? {restartCount: undefined, restarts: [], health: 'none', finishedAt: ''};
	if (event.action === 'kill' || event.action === 'stop') return {...base, stopAskedAt: at};
	if (event.action === 'oom') return {...base, oomEventAt: at};
	const exitCode = event.action === 'die' ? Number.parseInt(event.attributes.exitCode ?? '', 10) : Number.NaN;
	if (Number.isInteger(exitCode)) return {...base, diedWith: exitCode};
	return watch;
}

/** The alert for an engine that went away or came back; none for a first connection or a repeated loss. */
export function observeEngine(
	engine: string,
	was: 'connected' | 'disconnected' | undefined,
	now: 'connected' | 'disconnected',
	at: number,
	error = '',
): RaisedAlert | undefined {
	if (was === 'connected' && now === 'disconnected') {
		return {kind: 'engine-lost', engine, container: '', key: engine, text: `engine lost${error ? `: ${firstLine(error)}` : ''}`, at};
	}

	if (was === 'disconnected' && now === 'connected') return {kind: 'engine-back', engine, container: '', key: engine, text: 'engine back', at};
	return undefined;
}
