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
	Health?: {Status?: string};
};

export function toContainerTiming(state: RawState): ContainerTiming {
	const health = state.Health?.Status;
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
	};
}

