// The container's State from inspect, reduced to what its status text is made from. Pure.
import type {ContainerState, ContainerTiming, HealthStatus} from './types.js';

const knownStates = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const;

export type RawState = {
	Status?: string;
	Running?: boolean;
	Paused?: boolean;
	Restarting?: boolean;
	Dead?: boolean;
	ExitCode?: number;
	StartedAt?: string;
	FinishedAt?: string;
	OOMKilled?: boolean;
	Health?: {Status?: string; Log?: RawHealthResult[] | null};
};

/** One run of a healthcheck, as inspect's State.Health.Log keeps it (the engine keeps the last five). */
export type RawHealthResult = {Start?: string; End?: string; ExitCode?: number; Output?: string};

/** `restartCount`: inspect's RestartCount, beside State in the document. */
export function toContainerTiming(state: RawState, restartCount = 0): ContainerTiming {
	const health = state.Health?.Status;
	const log = state.Health?.Log ?? [];
	const last = log.at(-1);
	const status = (state.Status ?? '').toLowerCase();
	return {
		state: (knownStates as readonly string[]).includes(status) ? (status as ContainerState) : state.Running ? 'running' : 'exited',
		running: Boolean(state.Running),
		paused: Boolean(state.Paused),
		restarting: Boolean(state.Restarting),
		dead: Boolean(state.Dead),
		removing: state.Status === 'removing',
		exitCode: state.ExitCode ?? 0,
		startedAt: state.StartedAt ?? '',
		finishedAt: state.FinishedAt ?? '',
		health:
			health === 'starting' || health === 'healthy' || health === 'unhealthy' ? (health as HealthStatus) : 'none',
		restartCount,
		oomKilled: Boolean(state.OOMKilled),
		...(last ? {lastHealth: {exitCode: last.ExitCode ?? 0, output: last.Output ?? '', at: last.End ?? last.Start ?? ''}} : {}),
	};
}


/**
 * Whether the container's healthchecks run, as the engine tells it. The engine calls a container unhealthy when
 * its checks stop, whatever they said last: stopped, paused, and after an unpause until the next check (a
 * real unhealthy follows a failed check). Its health is then no news.
 */
export function selectHealthChecks(timing: ContainerTiming): 'running' | 'stopped' | 'paused' | 'unpaused' {
	if (!timing.running) return 'stopped';
	if (timing.paused) return 'paused';
	return timing.health === 'unhealthy' && timing.lastHealth?.exitCode === 0 ? 'unpaused' : 'running';
}
