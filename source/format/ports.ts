// The PORTS column as `docker ps` prints it: `127.0.0.1:8080->80/tcp, 9000-9001/tcp`.
import type {PortRecord} from '../engine/types.js';

function joinHostPort(host: string, port: string): string {
	return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function compareIp(a: string, b: string): number {
	if (a === b) return 0;
	const octetsA = a.split('.').map(Number);
	const octetsB = b.split('.').map(Number);
	if (octetsA.length === 4 && octetsB.length === 4 && [...octetsA, ...octetsB].every(Number.isFinite)) {
		for (let index = 0; index < 4; index++) {
			const difference = octetsA[index]! - octetsB[index]!;
			if (difference !== 0) return difference;
		}

		return 0;
	}

	// IPv4 sorts before IPv6, as Go's netip.Addr.Less does.
	if (a.includes(':') !== b.includes(':')) return a.includes(':') ? 1 : -1;
	return a < b ? -1 : 1;
}

function comparePorts(a: PortRecord, b: PortRecord): number {
	if (a.privatePort !== b.privatePort) return a.privatePort - b.privatePort;
	if (a.ip !== b.ip) return compareIp(a.ip, b.ip);
	if (a.publicPort !== b.publicPort) return a.publicPort - b.publicPort;
	return a.type < b.type ? -1 : a.type > b.type ? 1 : 0;
}

function formatGroup(ip: string, type: string, first: number, last: number): string {
	const range = first === last ? String(first) : `${first}-${last}`;
	return ip === '' ? `${range}/${type}` : `${joinHostPort(ip, range)}->${range}/${type}`;
}

/** Consecutive ports collapse into ranges; host mappings to another port come last, as in the CLI. */
export function formatPorts(ports: readonly PortRecord[]): string {
	const sorted = [...ports].sort(comparePorts);
	const groups = new Map<string, {ip: string; type: string; first: number; last: number}>();
	const result: string[] = [];
	const hostMappings: string[] = [];

	for (const port of sorted) {
		const current = port.privatePort;
		let key = port.type;
		if (port.ip !== '') {
			if (port.publicPort !== current) {
				hostMappings.push(`${joinHostPort(port.ip, String(port.publicPort))}->${current}/${port.type}`);
				continue;
			}

			key = `${port.ip}/${port.type}`;
		}

		const group = groups.get(key);
		if (!group) {
			groups.set(key, {ip: port.ip, type: port.type, first: current, last: current});
			continue;
		}

		if (current === group.last + 1) {
			group.last = current;
			continue;
		}

		result.push(formatGroup(group.ip, group.type, group.first, group.last));
		groups.set(key, {ip: port.ip, type: port.type, first: current, last: current});
	}

	for (const group of groups.values()) {
		result.push(formatGroup(group.ip, group.type, group.first, group.last));
	}

	return [...result, ...hostMappings].join(', ');
}
