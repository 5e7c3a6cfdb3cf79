// The logs pane: a bounded ring of lines from one or more containers, and how it is scrolled. Pure.
import type {LogRecord} from '../engine/types.js';
import {sanitizeLogText, stripSgr, wrapLogText} from '../format/logText.js';
import type {ActionTarget} from './operations.js';

export type LogLine = {
	seq: number;
	/** Container key; empty for berth's own notices. */
	source: string;
	name: string;
	stream: LogRecord['stream'] | 'berth';
	timestamp: string;
	/** Safe to draw: only colour sequences are left in it. */
	text: string;
	cut: number;
};

export type LogsState = {
	targets: readonly ActionTarget[];
	/** Lines of backlog asked for when the streams open (`docker logs --tail`). */
	tail: number;
	/** Lines kept at most; older ones are dropped. */
	capacity: number;
	lines: readonly LogLine[];
	nextSeq: number;
	dropped: number;
	/** Following shows the newest lines; scrolling up stops it, G or End starts it again. */
	follow: boolean;
	/** seq of the first line on screen while not following. */
	anchor: number;
	timestamps: boolean;
	wrap: boolean;
	color: boolean;
	search: string;
	filter: string;
	/** Changes whenever the streams must be opened anew (other containers, other backlog). */
	generation: number;
};

export type IncomingLogLine = {source: string; name: string; record: LogRecord};

export function createLogs(
	targets: readonly ActionTarget[],
	options: {tail: number; capacity: number; color: boolean; generation: number; timestamps?: boolean; wrap?: boolean},
): LogsState {
	return {
		targets,
		tail: options.tail,
		capacity: options.capacity,
		lines: [],
		nextSeq: 1,
		dropped: 0,
		follow: true,
		anchor: 0,
		timestamps: options.timestamps ?? false,
		wrap: options.wrap ?? false,
		color: options.color,
		search: '',
		filter: '',
		generation: options.generation,
	};
}

function cutNote(cut: number): string {
	return cut > 0 ? ` [${cut} more characters cut]` : '';
}

/** Adds lines at the end, dropping the oldest beyond the capacity. */
export function appendLogLines(logs: LogsState, incoming: readonly IncomingLogLine[]): LogsState {
	if (incoming.length === 0) return logs;
	// Only the newest `capacity` lines can survive: the rest are counted, not sanitized.
	const kept = incoming.slice(-logs.capacity);
	let seq = logs.nextSeq;
	const added: LogLine[] = kept.map(entry => ({
		seq: seq++,
		source: entry.source,
		name: entry.name,
		stream: entry.record.stream,
		timestamp: entry.record.timestamp,
		text: sanitizeLogText(entry.record.text) + cutNote(entry.record.cut),
		cut: entry.record.cut,
	}));
	const all = logs.targets.length > 1 ? mergeByTime(logs.lines, added) : [...logs.lines, ...added];
	const overflow = Math.max(0, all.length - logs.capacity);
	return {
		...logs,
		lines: overflow > 0 ? all.slice(overflow) : all,
		nextSeq: seq,
		dropped: logs.dropped + overflow + (incoming.length - kept.length),
	};
}

/** An engine timestamp (RFC 3339 with up to nine digits of the second, in UTC) that sorts as text; '' for another form. */
export function timeKey(timestamp: string): string {
	const match = /^(.*?:\d\d)(?:\.(\d{1,9}))?Z$/.exec(timestamp);
	return match ? `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}` : '';
}

/**
 * Merged logs: new lines that are older than lines kept (a container's backlog that came after another's)
 * go in among them by the engine's timestamps, as one log in time order; lines of the same time keep the
 * order they came in. Lines in order, the usual case once the backlogs are in, are only appended.
 */
function mergeByTime(kept: readonly LogLine[], added: readonly LogLine[]): LogLine[] {
	const addedKeys = added.map(line => timeKey(line.timestamp));
	// The earliest new line: kept lines after it (up to a notice of berth's) are placed again with the new ones.
	const earliest = addedKeys.includes('') ? '' : addedKeys.reduce((least, key) => (key < least ? key : least));
	const keptKeys: string[] = [];
	let start = kept.length;
	while (start > 0 && earliest !== '' && kept[start - 1]!.stream !== 'berth') {
		const key = timeKey(kept[start - 1]!.timestamp);
		if (key <= earliest) break;
		keptKeys.push(key);
		start--;
	}

	const tail = [...kept.slice(start), ...added];
	const keys = [...keptKeys.reverse(), ...addedKeys];
	// In order already, or a line without a time to place it by: as they came.
	if (keys.includes('') || keys.every((key, index) => index === 0 || keys[index - 1]! <= key)) return [...kept, ...added];

	// Stable: Array.prototype.sort keeps the arrival order of lines of the same time. The seqs stay ascending.
	const seqs = tail.map(line => line.seq).sort((a, b) => a - b);
	const sorted = tail
		.map((line, index) => ({line, key: keys[index]!}))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		.map(({line}, index) => (line.seq === seqs[index] ? line : {...line, seq: seqs[index]!}));
	return [...kept.slice(0, start), ...sorted];
}

export function appendNotice(logs: LogsState, text: string): LogsState {
	const notice: LogLine = {seq: logs.nextSeq, source: '', name: '', stream: 'berth', timestamp: '', text, cut: 0};
	const all = [...logs.lines, notice];
	return {...logs, lines: all.slice(-logs.capacity), nextSeq: logs.nextSeq + 1};
}

/** The lines the filter lets through. */
export function selectFilteredLogLines(logs: LogsState): readonly LogLine[] {
	const needle = logs.filter.toLowerCase();
	if (needle === '') return logs.lines;
	return logs.lines.filter(line => line.stream === 'berth' || stripSgr(line.text).toLowerCase().includes(needle));
}

export type LogRow = {
	key: string;
	seq: number;
	/** Container name for merged logs (first row of a line only), else empty. */
	name: string;
	nameIndex: number;
	stream: LogLine['stream'];
	timestamp: string;
	text: string;
	/** The line holds the search text. */
	matched: boolean;
	continuation: boolean;
};

/** Columns that go before the text of a row (stderr mark, name, time). */
export function selectLogPrefixWidth(logs: LogsState): number {
	const nameWidth = logs.targets.length > 1 ? Math.max(...logs.targets.map(target => target.name.length)) + 3 : 0;
	return 2 + nameWidth + (logs.timestamps ? 31 : 0);
}

/** The rows on screen: the newest when following, else from the anchor line down. */
export function selectLogRows(logs: LogsState, width: number, height: number): LogRow[] {
	const lines = selectFilteredLogLines(logs);
	const textWidth = Math.max(10, width - selectLogPrefixWidth(logs));
	const names = logs.targets.map(target => target.key);
	const search = logs.search.toLowerCase();
	const rowsOf = (line: LogLine): LogRow[] => {
		const pieces = logs.wrap ? wrapLogText(line.text, textWidth, height) : [line.text];
		const matched = search !== '' && stripSgr(line.text).toLowerCase().includes(search);
		return pieces.map((text, index) => ({
			key: `${line.seq}-${index}`,
			seq: line.seq,
			name: index === 0 ? line.name : '',
			nameIndex: names.indexOf(line.source),
			stream: line.stream,
			timestamp: index === 0 ? line.timestamp : '',
			text,
			matched,
			continuation: index > 0,
		}));
	};

	const rows: LogRow[] = [];
	if (logs.follow) {
		for (let index = lines.length - 1; index >= 0 && rows.length < height; index--) {
			rows.unshift(...rowsOf(lines[index]!));
		}

		return rows.slice(-height);
	}

	const start = Math.max(0, lines.findIndex(line => line.seq >= logs.anchor));
	for (let index = start === -1 ? 0 : start; index < lines.length && rows.length < height; index++) {
		rows.push(...rowsOf(lines[index]!));
	}

	return rows.slice(0, height);
}

/** The seq of the line at the top of the screen now, following or not. */
export function selectTopLogSeq(logs: LogsState, width: number, height: number): number {
	return selectLogRows(logs, width, height)[0]?.seq ?? 0;
}

/** Scrolls by whole lines; scrolling stops following. */
export function scrollLogs(logs: LogsState, by: number, width: number, height: number): LogsState {
	const lines = selectFilteredLogLines(logs);
	if (lines.length === 0) return logs;
	const top = selectTopLogSeq(logs, width, height);
	const index = Math.max(0, lines.findIndex(line => line.seq >= top));
	const last = Math.max(0, lines.length - height);
	const next = Math.max(0, Math.min(index + by, last));
	return {...logs, follow: false, anchor: lines[next]!.seq};
}

/** Jumps to the next (1) or previous (-1) line holding the search text. */
export function jumpToLogMatch(logs: LogsState, direction: 1 | -1, width: number, height: number): {logs: LogsState; found: boolean} {
	const needle = logs.search.toLowerCase();
	const lines = selectFilteredLogLines(logs);
	if (needle === '') return {logs, found: false};
	const top = selectTopLogSeq(logs, width, height);
	const matches = lines.filter(line => stripSgr(line.text).toLowerCase().includes(needle));
	if (matches.length === 0) return {logs, found: false};
	const target =
		direction === 1
			? (matches.find(line => line.seq > top) ?? matches[0]!)
			: ([...matches].reverse().find(line => line.seq < top) ?? matches.at(-1)!);
	return {logs: {...logs, follow: false, anchor: target.seq}, found: true};
}

/** The buffer as plain text, as saved to a file. */
export function formatLogsForFile(logs: LogsState): string {
	const merged = logs.targets.length > 1;
	return logs.lines
		.map(line => {
			const name = merged && line.name ? `${line.name} | ` : '';
			const time = line.timestamp ? `${line.timestamp} ` : '';
			const stream = line.stream === 'stderr' ? '[stderr] ' : '';
			return `${time}${name}${stream}${stripSgr(line.text)}`;
		})
		.join('\n')
		.concat('\n');
}
