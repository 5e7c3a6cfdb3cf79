// The container's State from inspect, reduced to what its status text is made from. Pure.
import type {ContainerTiming, HealthStatus} from './types.js';

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
	return {
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

