// Lines of the details, inspect and top panes, with secret-looking environment values masked. Pure.
import type {ContainerTiming, ImageLayer, InspectDocument, PortRecord, ProcessTable} from '../engine/types.js';
import {selectHealthChecks, toContainerTiming} from '../engine/timing.js';
import {formatHumanDuration, formatLayerCreatedSince} from './duration.js';
import {formatPorts} from './ports.js';
import {sanitizeLogText} from './logText.js';
import {formatStatus, formatStatusWithCause, isZeroTime} from './status.js';
import {padCell, textWidth} from './table.js';
import {formatDecimalSize} from './units.js';

/** Names that usually hold credentials (DB_PASSWORD, API_TOKEN, AWS_SECRET_ACCESS_KEY, ...). */
export function isSecretName(name: string): boolean {
	return /pass(word|wd)?|secret|token|(^|_)key($|_)|api_?key|credential|private|auth|cert/i.test(name);
}

export const secretMask = '******';

/** `NAME=value` entries with secret-looking values masked unless revealed. */
export function maskEnvironment(entries: readonly string[], revealed: boolean): string[] {
	if (revealed) return [...entries];
	return entries.map(entry => {
		const equals = entry.indexOf('=');
		if (equals === -1) return entry;
		const name = entry.slice(0, equals);
		return isSecretName(name) ? `${name}=${secretMask}` : entry;
	});
}

type Inspected = {
	Id?: string;
	Name?: string;
	Created?: string;
	Path?: string;
	Args?: string[];
	Image?: string;
	RestartCount?: number;
	State?: Parameters<typeof toContainerTiming>[0];
	Config?: {
		Image?: string;
		Env?: string[];
		Labels?: Record<string, string> | null;
		Cmd?: string[] | null;
		Tty?: boolean;
		Healthcheck?: {Test?: string[] | null; Interval?: number; Timeout?: number; Retries?: number; StartPeriod?: number} | null;
	};
	HostConfig?: {RestartPolicy?: {Name?: string; MaximumRetryCount?: number}};
	NetworkSettings?: {
		Ports?: Record<string, Array<{HostIp?: string; HostPort?: string}> | null> | null;
		Networks?: Record<string, {IPAddress?: string; Gateway?: string; GlobalIPv6Address?: string; Aliases?: string[] | null}> | null;
	};
	Mounts?: Array<{Type?: string; Name?: string; Source?: string; Destination?: string; RW?: boolean}>;
};

/** A deep copy of the document with Config.Env masked, for the inspect pane. */
export function maskInspectDocument(document: InspectDocument, revealed: boolean): InspectDocument {
	const copy = structuredClone(document) as Inspected & InspectDocument;
	if (copy.Config?.Env) copy.Config.Env = maskEnvironment(copy.Config.Env, revealed);
	// An image's document from an engine before API 1.45 (Docker 20.10) carries the build's config too.
	const built = (copy as {ContainerConfig?: {Env?: string[] | null}}).ContainerConfig;
	if (built?.Env) built.Env = maskEnvironment(built.Env, revealed);
	return copy;
}

/** Lines already made, per document (shared: callers only read them): a pane asks at every key and redraw. */
const inspectLines = new WeakMap<InspectDocument, {masked?: string[]; revealed?: string[]}>();

export function formatInspectLines(document: InspectDocument, revealed: boolean): string[] {
	const known = inspectLines.get(document) ?? {};
	const lines = (revealed ? known.revealed : known.masked) ?? JSON.stringify([maskInspectDocument(document, revealed)], null, 2).split('\n');
	inspectLines.set(document, revealed ? {...known, revealed: lines} : {...known, masked: lines});
	return lines;
}

/** The inspect document's ports map, as the list's PORTS column shows ports. */
export function portsFromInspect(document: InspectDocument): PortRecord[] {
	const ports = (document as Inspected).NetworkSettings?.Ports ?? {};
	const records: PortRecord[] = [];
	for (const [key, bindings] of Object.entries(ports)) {
		const [portText, type = 'tcp'] = key.split('/');
		const privatePort = Number(portText);
		if (!bindings || bindings.length === 0) {
			records.push({ip: '', privatePort, publicPort: 0, type});
			continue;
		}

		for (const binding of bindings) {
			records.push({ip: binding.HostIp || '0.0.0.0', privatePort, publicPort: Number(binding.HostPort ?? 0), type});
		}
	}

	return records;
}

function formatTime(iso: string | undefined, now: number): string {
	if (!iso || isZeroTime(iso)) return '-';
	const when = Date.parse(iso);
	return `${new Date(when).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} (${formatHumanDuration(now - when)} ago)`;
}

function quoteArgument(argument: string): string {
	return /[\s"'$`\\]/.test(argument) || argument === '' ? JSON.stringify(argument) : argument;
}

/** The details pane: what people look for first, one `label  value` per line, lists indented below. */
export function formatDetailsLines(document: InspectDocument, revealed: boolean, now: number): string[] {
	const inspected = document as Inspected;
	const lines: string[] = [];
	const field = (label: string, value: string) => lines.push(`${padCell(label, 16)}${value}`);
	const list = (label: string, values: readonly string[]) => {
		field(label, values.length === 0 ? '-' : values[0]!);
		for (const value of values.slice(1)) lines.push(`${' '.repeat(16)}${value}`);
	};

	const timing = toContainerTiming(inspected.State ?? {});
	field('Name', (inspected.Name ?? '').replace(/^\//, ''));
	field('ID', (inspected.Id ?? '').slice(0, 12));
	field('Status', formatStatusWithCause(formatStatus(timing, now), Boolean(inspected.State?.OOMKilled)) || '-');
	field('Image', `${inspected.Config?.Image ?? '-'} (${(inspected.Image ?? '').replace(/^sha256:/, '').slice(0, 12)})`);
	field('Command', [inspected.Path ?? '', ...(inspected.Args ?? [])].filter(part => part !== '').map(quoteArgument).join(' ') || '-');
	field('Created', formatTime(inspected.Created, now));
	field('Started', formatTime(inspected.State?.StartedAt, now));
	if (!timing.running) field('Finished', formatTime(inspected.State?.FinishedAt, now));
	const policy = inspected.HostConfig?.RestartPolicy;
	const policyName = policy?.Name || 'no';
	field(
		'Restart policy',
		`${policyName}${policyName === 'on-failure' && policy?.MaximumRetryCount ? `:${policy.MaximumRetryCount}` : ''} (restarted ${inspected.RestartCount ?? 0} times)`,
	);
	list('Ports', formatPorts(portsFromInspect(document)).split(', ').filter(Boolean));
	list(
		'Mounts',
		(inspected.Mounts ?? []).map(
			mount =>
				`${mount.Type === 'volume' ? `volume ${mount.Name ?? ''}` : (mount.Source ?? '')} -> ${mount.Destination ?? ''} (${mount.RW === false ? 'ro' : 'rw'})`,
		),
	);
	list(
		'Networks',
		Object.entries(inspected.NetworkSettings?.Networks ?? {}).map(
			([name, network]) =>
				`${name}  ${network.IPAddress || '-'}${network.GlobalIPv6Address ? ` ${network.GlobalIPv6Address}` : ''}${network.Gateway ? `  gateway ${network.Gateway}` : ''}`,
		),
	);
	lines.push(...formatHealthLines(inspected, timing, now));
	list('Environment', maskEnvironment(inspected.Config?.Env ?? [], revealed));
	list(
		'Labels',
		Object.entries(inspected.Config?.Labels ?? {})
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
			.map(([name, value]) => `${name}=${value}`),
	);
	return lines;
}

const nanosecondsPerMillisecond = 1_000_000;

/** A healthcheck's period as docker words it in `--health-interval` (30s, 1m30s); the engine's default when 0. */
function formatPeriod(nanoseconds: number | undefined, fallback: string): string {
	if (!nanoseconds) return fallback;
	const seconds = nanoseconds / nanosecondsPerMillisecond / 1000;
	const minutes = Math.floor(seconds / 60);
	const rest = Math.round((seconds - minutes * 60) * 1000) / 1000;
	return minutes > 0 ? `${minutes}m${rest > 0 ? `${rest}s` : ''}` : `${rest}s`;
}

/** The health as inspect says it, unless its checks do not run (selectHealthChecks), whatever the engine calls it then. */
function formatHealthStatus(timing: ContainerTiming, health: {Status?: string; FailingStreak?: number} | undefined): string {
	const status = health?.Status;
	if (!status) return '-';
	switch (selectHealthChecks(timing)) {
		case 'paused': {
			return `checks paused with the container (the engine says ${status})`;
		}

		case 'stopped': {
			return `checks stopped with the container (the engine says ${status})`;
		}

		case 'unpaused': {
			return 'unhealthy as the engine says it, though its last check passed: the next check says (after a pause)';
		}

		case 'running': {
			return `${status}${health.FailingStreak ? ` (failed ${health.FailingStreak} in a row)` : ''}`;
		}
	}
}

/** The check as docker run's --health-cmd would give it, and its latest runs, newest first (output made safe). */
function formatHealthLines(inspected: Inspected, timing: ContainerTiming, now: number): string[] {
	const check = inspected.Config?.Healthcheck;
	const test = check?.Test ?? [];
	if (test.length === 0 || test[0] === 'NONE') return [];
	const command = test[0] === 'CMD-SHELL' ? test.slice(1).join(' ') : test[0] === 'CMD' ? test.slice(1).map(quoteArgument).join(' ') : test.join(' ');
	const indent = ' '.repeat(16);
	const health = (inspected.State as {Health?: {Status?: string; FailingStreak?: number; Log?: Array<{Start?: string; End?: string; ExitCode?: number; Output?: string}> | null}} | undefined)?.Health;
	const lines = [
		`${padCell('Healthcheck', 16)}${command}`,
		`${indent}every ${formatPeriod(check?.Interval, '30s')}, timeout ${formatPeriod(check?.Timeout, '30s')}, ${check?.Retries || 3} ${(check?.Retries || 3) === 1 ? 'retry' : 'retries'}${check?.StartPeriod ? `, start period ${formatPeriod(check.StartPeriod, '0s')}` : ''}`,
		`${padCell('Health', 16)}${formatHealthStatus(timing, health)}`,
	];
	for (const result of [...(health?.Log ?? [])].reverse()) {
		const output = sanitizeLogText((result.Output ?? '').trim().replaceAll(/\s*\n\s*/g, ' | ')).replaceAll(/\u001B\[[0-9;:]*m/g, '');
		lines.push(`${indent}${formatTime(result.End ?? result.Start, now)}  exit ${result.ExitCode ?? 0}${output ? `  ${output}` : ''}`);
	}

	return lines;
}

/** `docker top` as aligned columns; the last column (the command) takes what is left. */
export function formatTopLines(table: ProcessTable): string[] {
	const widths = table.titles.map((title, index) =>
		Math.max(textWidth(title), ...table.processes.map(process => textWidth(process[index] ?? ''))),
	);
	const line = (cells: readonly string[]) =>
		cells.map((cell, index) => (index === cells.length - 1 ? cell : padCell(cell, widths[index] ?? 0))).join('  ');
	return [line(table.titles), ...table.processes.map(process => line(process))];
}

/** `docker history`: one layer a line, newest first, with its size and the instruction that made it. */
export function formatHistoryLines(layers: readonly ImageLayer[], now: number): string[] {
	const header = `${padCell('IMAGE', 12)}  ${padCell('CREATED', 22)}  ${padCell('SIZE', 9, 'right')}  CREATED BY`;
	return [
		header,
		...layers.map(layer => {
			const id = layer.id === '<missing>' ? '<missing>' : layer.id.replace(/^sha256:/, '').slice(0, 12);
			const created = formatLayerCreatedSince(layer.created, now);
			const instruction = layer.createdBy.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').replaceAll(/\s+/g, ' ').trim();
			return `${padCell(id, 12)}  ${padCell(created, 22)}  ${padCell(formatDecimalSize(layer.size), 9, 'right')}  ${instruction}${layer.comment ? `  (${layer.comment})` : ''}`;
		}),
	];
}
