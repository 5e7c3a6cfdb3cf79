// The lines of whatever pane is open, from the whole state (some panes show several records). Pure.
import {formatEventLines} from '../../format/event.js';
import {formatContainerName} from '../../format/names.js';
import {formatHistoryLines, formatInspectLines} from '../../format/inspect.js';
import {padCell} from '../../format/table.js';
import {formatDecimalSize} from '../../format/units.js';
import {formatDiskUsage} from '../../format/diskUsage.js';
import {formatSafeText, wrapWords} from '../../format/logText.js';
import type {AppState} from '../app.js';
import {formatFilesLines} from '../files.js';
import type {Pane} from '../operations.js';
import {selectPaneLines} from '../pane.js';
import type {PullState} from '../resources.js';
import {isMeasured} from '../stats.js';
import {compareNatural} from '../../format/naturalOrder.js';

export const paneTitles: Record<Pane['kind'], string> = {
	details: 'Details',
	inspect: 'Inspect',
	top: 'Processes',
	history: 'Layers',
	volume: 'Volume',
	network: 'Network',
	pull: 'Pull',
	disk: 'Disk usage (docker system df)',
	files: 'Files',
	compose: 'Compose',
	output: 'Output',
	event: 'Event',
	image: 'Image inspect',
	'volume-inspect': 'Volume inspect',
};

export function selectPaneLinesFor(state: AppState, pane: Pane, unicode: boolean, width?: number): string[] {
	// Every pane shows what an engine or a command said (labels, environment, processes, output): made safe here, once for all.
	return paneLinesOf(state, pane, unicode, width).map(line => formatSafeText(line));
}

function paneLinesOf(state: AppState, pane: Pane, unicode: boolean, width?: number): string[] {
	switch (pane.kind) {
		case 'history': {
			if (pane.error !== undefined) return [`Error: ${pane.error}`];
			return pane.layers ? formatHistoryLines(pane.layers, state.now) : ['Loading…'];
		}

		case 'image':
		case 'volume-inspect':
		case 'network': {
			if (pane.error !== undefined) return [`Error: ${pane.error}`];
			return pane.document ? formatInspectLines(pane.document, pane.revealed) : ['Loading…'];
		}

		case 'volume': {
			return formatVolumeLines(state, pane);
		}

		case 'disk': {
			const usage = state.resources.disk.get(pane.target.engine);
			if (!usage) return ['Measuring…'];
			const rows = formatDiskUsage(usage);
			const widths = Object.keys(rows[0]!).map(column => Math.max(column.length, ...rows.map(row => row[column as keyof typeof row].length)));
			const line = (cells: readonly string[]) => cells.map((cell, index) => padCell(cell, widths[index]!)).join('   ').trimEnd();
			return [line(Object.keys(rows[0]!)), ...rows.map(row => line(Object.values(row)))];
		}

		case 'output': {
			return pane.output ? [...pane.output] : ['Running…'];
		}

		case 'event': {
			const event = state.resources.events.find(each => each.engine === pane.target.engine && String(each.seq) === pane.target.id);
			return event ? formatEventLines(event, width) : ['No longer kept: berth keeps the last 500 events.'];
		}

		case 'files': {
			return pane.files ? formatFilesLines(pane.files, pane.error, unicode ? '›' : '>') : ['Loading…'];
		}

		case 'compose': {
			return pane.output && pane.output.length > 0 ? pane.output.map(line => formatSafeText(line)) : ['Starting…'];
		}

		case 'pull': {
			if (!state.resources.pull) return ['Nothing pulled yet.'];
			// An engine's reasons are long (Podman's name the registry, the URL and the answer): wrapped, not cut.
			const lines = formatPullLines(state.resources.pull);
			return width ? lines.flatMap(line => wrapWords(formatSafeText(line), width)) : lines;
		}

		default: {
			const record = state.containers.records.get(pane.target.key);
			const running = record !== undefined && isMeasured(record.state);
			return selectPaneLines(pane, state.now, {figures: state.stats.get(pane.target.key), unicode, running, ...(width ? {width} : {})});
		}
	}
}

function formatVolumeLines(state: AppState, pane: Pane): string[] {
	const volume = state.resources.volumes.get(pane.target.key);
	if (!volume) return [`The volume ${pane.target.name} is gone.`];
	const size = state.resources.disk.get(volume.engine)?.volumes.find(entry => entry.name === volume.name)?.size;
	// By name: the records come in no order of their own (shardedMap.ts).
	const users = [...state.containers.records.values()]
		.filter(record => record.engine === volume.engine && record.mounts.some(mount => mount.type === 'volume' && mount.name === volume.name))
		.sort((a, b) => compareNatural(formatContainerName(a.names), formatContainerName(b.names)));
	const field = (label: string, value: string) => `${padCell(label, 16)}${value}`;
	return [
		field('Name', volume.name),
		field('Driver', volume.driver),
		field('Scope', volume.scope),
		field('Mountpoint', volume.mountpoint),
		field('Created', volume.createdAt || '-'),
		field('Size', size === undefined || size < 0 ? 'N/A' : formatDecimalSize(size, 4)),
		field('Containers', users.length === 0 ? '- (not in use)' : ''),
		...users.map(record => {
			const mount = record.mounts.find(entry => entry.name === volume.name);
			return `${' '.repeat(16)}${formatContainerName(record.names)} -> ${mount?.destination ?? ''} (${record.state})`;
		}),
		field('Labels', Object.keys(volume.labels).length === 0 ? '-' : ''),
		...Object.entries(volume.labels).map(([key, value]) => `${' '.repeat(16)}${key}=${value}`),
	];
}

/** Per layer the engine's last word and how far it got; overall, how many layers are done. */
export function formatPullLines(pull: PullState): string[] {
	const layers = [...pull.layers.values()];
	const finished = layers.filter(layer => /complete|already exists/i.test(layer.status)).length;
	const known = layers.filter(layer => layer.total !== undefined && layer.total > 0);
	const total = known.reduce((sum, layer) => sum + (layer.total ?? 0), 0);
	const current = known.reduce((sum, layer) => sum + Math.min(layer.current ?? 0, layer.total ?? 0), 0);
	const state = pull.error ? `failed: ${pull.error}` : pull.done ? 'done' : 'pulling…';
	const overall = `${finished} of ${layers.length} layers done${total > 0 ? `, ${formatDecimalSize(current)} of ${formatDecimalSize(total)} downloaded` : ''}`;
	// `Pulling from repo` comes before the layers, as the docker CLI prints it; the digest and status after them.
	const from = pull.messages.filter(message => message.startsWith('Pulling from '));
	return [
		`${pull.reference}: ${state}`,
		// Until the engine names a layer (and when it fails before one), there is nothing to count.
		...(layers.length > 0 ? [overall] : []),
		'',
		...from,
		...layers.map(layer => {
			const amount =
				layer.total !== undefined && layer.total > 0
					? ` ${formatDecimalSize(layer.current ?? 0)} / ${formatDecimalSize(layer.total)}`
					: '';
			return `${padCell(layer.layer, 14)}${layer.status}${amount}`;
		}),
		'',
		...pull.messages.filter(message => !from.includes(message)),
	];
}
