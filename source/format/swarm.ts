// Cells of the services, tasks and nodes panes, worded as `docker service ls`, `service ps` and `node ls` word them.
import type {NodeRecord, ServicePort, ServiceRecord, TaskRecord} from '../engine/types.js';
import {formatHumanDuration} from './duration.js';

/** The CLI's PrettyPrint: the engine's lower-case word with a capital first letter (`running` -> `Running`). */
export function formatPrettyWord(word: string): string {
	return word.charAt(0).toUpperCase() + word.slice(1);
}

/** REPLICAS: running over desired tasks (`1/3`); jobs add their completions, a per-node limit is named. */
export function formatReplicas(service: ServiceRecord): string {
	const counts = `${service.runningTasks}/${service.desiredTasks}`;
	if (service.mode === 'replicated job') return `${counts} (${service.completedTasks}/${service.replicas ?? 0} completed)`;
	if (service.mode === 'global job') return `${counts} (${service.completedTasks}/${service.desiredTasks + service.completedTasks} completed)`;
	if (service.maxPerNode > 0) return `${counts} (max ${service.maxPerNode} per node)`;
	return counts;
}

/**
 * PORTS as `docker service ls` shows them: the ingress ports only (`*:8080->80/tcp`), consecutive ones
 * joined into ranges (`*:8080-8081->80-81/tcp`). Ports published in host mode are each task's own.
 */
export function formatServicePorts(ports: readonly ServicePort[]): string {
	const sorted = ports
		.filter(port => port.publishMode === 'ingress')
		.sort((a, b) => (a.protocol === b.protocol ? a.publishedPort - b.publishedPort : a.protocol < b.protocol ? -1 : 1));
	const ranges: Array<{pStart: number; pEnd: number; tStart: number; tEnd: number; protocol: string}> = [];
	// The CLI subtracts uint32 ports: a target below the range's end wraps to a huge gap and starts a new range
	// (8443->443 then 8444->80 stay two mappings); only a gap of 0 or 1 on both sides joins.
	const gap = (next: number, end: number) => (next - end) >>> 0;
	for (const port of sorted) {
		const last = ranges.at(-1);
		const isRange = last !== undefined && last.tEnd !== last.tStart;
		if (
			!last ||
			port.protocol !== last.protocol ||
			gap(port.publishedPort, last.pEnd) > 1 ||
			gap(port.targetPort, last.tEnd) > 1 ||
			(isRange && port.targetPort <= last.tEnd)
		) {
			ranges.push({pStart: port.publishedPort, pEnd: port.publishedPort, tStart: port.targetPort, tEnd: port.targetPort, protocol: port.protocol});
			continue;
		}

		last.pEnd = port.publishedPort;
		last.tEnd = port.targetPort;
	}

	return ranges
		.filter(range => range.pStart > 0)
		.map(range => {
			const published = range.pEnd > range.pStart ? `${range.pStart}-${range.pEnd}` : String(range.pStart);
			const target = range.tEnd > range.tStart ? `${range.tStart}-${range.tEnd}` : String(range.tStart);
			return `*:${published}->${target}/${range.protocol}`;
		})
		.join(', ');
}

/** A task's name: the service and its slot (`web.1`), or its node for a global service's task. */
export function formatTaskName(serviceName: string, task: TaskRecord): string {
	return `${serviceName}.${task.slot === 0 ? task.nodeId : task.slot}`;
}

/** CURRENT STATE: the state and how long ago it was reached, lower case (`Running 2 minutes ago`). */
export function formatTaskState(task: TaskRecord, now: number): string {
	const at = Date.parse(task.timestamp);
	const ago = Number.isNaN(at) ? '' : ` ${formatHumanDuration(Math.max(0, now - at)).toLowerCase()} ago`;
	return `${formatPrettyWord(task.state)}${ago}`;
}

/** ERROR: the task's error in quotes, as the CLI prints it; empty without one. */
export function formatTaskError(task: TaskRecord): string {
	return task.error === '' ? '' : `"${task.error}"`;
}

/** MANAGER STATUS: `Leader`, else the manager's reachability (`Reachable`); empty for a worker. */
export function formatManagerStatus(node: NodeRecord): string {
	if (!node.manager) return '';
	return node.manager.leader ? 'Leader' : formatPrettyWord(node.manager.reachability);
}
