// The STATUS column as the engine words it (`Up 3 minutes (healthy)`, `Exited (137) 4 minutes ago`).
import type {ContainerState, ContainerTiming} from '../engine/types.js';
import {formatHumanDuration} from './duration.js';

/** Docker's zero time, or no time at all, means "never happened". */
export function isZeroTime(iso: string): boolean {
	return iso === '' || iso.startsWith('0001-01-01');
}

function since(iso: string, now: number): string {
	return formatHumanDuration(Math.max(0, now - Date.parse(iso)));
}

/** Same rules as the engine's State.String(), so the text ticks on between resyncs. */
export function formatStatus(timing: ContainerTiming, now: number): string {
	if (timing.running) {
		if (timing.paused) return `Up ${since(timing.startedAt, now)} (Paused)`;
		if (timing.restarting) return `Restarting (${timing.exitCode}) ${since(timing.finishedAt, now)} ago`;
		if (timing.health !== 'none') {
			const health = timing.health === 'starting' ? 'health: starting' : timing.health;
			return `Up ${since(timing.startedAt, now)} (${health})`;
		}

		return `Up ${since(timing.startedAt, now)}`;
	}

	if (timing.removing) return 'Removal In Progress';
	if (timing.dead) return 'Dead';
	if (isZeroTime(timing.startedAt)) return 'Created';
	if (isZeroTime(timing.finishedAt)) return '';
	return `Exited (${timing.exitCode}) ${since(timing.finishedAt, now)} ago`;
}

/** The status text with what the engine recorded of the last stop: `Exited (137) 3 minutes ago, OOM killed`. */
export function formatStatusWithCause(status: string, oomKilled: boolean): string {
	return oomKilled && status !== '' && !status.startsWith('Up ') ? `${status}, OOM killed` : status;
}

export type StatusTone = 'good' | 'warning' | 'bad' | 'neutral' | 'muted';

/** How a status reads at a glance; colours are chosen from this in the UI. */
export function selectStatusTone(state: ContainerState, statusText: string): StatusTone {
	if (statusText.includes('(unhealthy)')) return 'bad';
	if (statusText.includes('(health: starting)')) return 'warning';
	switch (state) {
		case 'running': {
			return 'good';
		}

		case 'paused':
		case 'restarting':
		case 'removing': {
			return 'warning';
		}

		case 'exited': {
			return /^Exited \(0\)/.test(statusText) ? 'muted' : 'bad';
		}

		case 'dead': {
			return 'bad';
		}

		case 'created': {
			return 'neutral';
		}
	}
}
