// Selectors from state to the rows of the containers pane: filtered, grouped by compose project, formatted.
import {selectUnansweredEngines} from '../connection.js';
import type {ContainerRecord, ContainerState} from '../../engine/types.js';
import {ShardedMap} from '../shardedMap.js';
import {formatContainerName, formatImage} from '../../format/names.js';
import {formatSafeText} from '../../format/logText.js';
import {formatPorts} from '../../format/ports.js';
import type {ContainerRow} from '../../format/containerColumns.js';
import {formatStatus, formatStatusWithCause, selectStatusTone, type StatusTone} from '../../format/status.js';
import type {ContainersState} from '../containers.js';
import {isFollowed, isMeasured, type StatsState} from '../stats.js';
import type {AppState} from '../app.js';
import {type AlertsState, selectAlertedKeys} from '../alerts.js';
import {killedForMemory} from '../alertRules.js';
import {memoizeLast} from './memo.js';
import {defaultSort, type SortOrder} from '../ui.js';
import {compareNatural} from '../../format/naturalOrder.js';

export const composeProjectLabel = 'com.docker.compose.project';



export function selectContainerRows(
	containers: ContainersState,
	stats: StatsState,
	filter: string,
	now: number,
	sort: SortOrder = defaultSort,
	unreachable: ReadonlySet<string> = new Set(),
): ContainerRow[] {
	return sortContainerRows(filterContainerRows(formatContainerRows(containers, stats, now, unreachable), filter), sort);
}

/** Every container as a row, in no order. */
export function formatContainerRows(
	containers: ContainersState,
	stats: StatsState,
	now: number,
	unreachable: ReadonlySet<string> = new Set(),
	unanswered: ReadonlySet<string> = new Set(),
	alerted: ReadonlySet<string> = new Set(),
	previous?: ReadonlyMap<string, ContainerRow>,
	watches: AlertsState['watches'] = new Map(),
): ContainerRow[] {
	const rows: ContainerRow[] = [];
	const inputs: RowInputs = {containers, stats, now, unreachable, unanswered, alerted, previous, watches};
	// The records' own keys (containerKey of each), and forEach: no key string nor [key, record] pair made for
	// each of a thousand containers per call.
	containers.records.forEach((record, key) => {
		rows.push(formatContainerRow(record, key, inputs));
	});

	return rows;
}

type RowInputs = {
	containers: ContainersState;
	stats: StatsState;
	now: number;
	unreachable: ReadonlySet<string>;
	unanswered: ReadonlySet<string>;
	alerted: ReadonlySet<string>;
	previous: ReadonlyMap<string, ContainerRow> | undefined;
	watches: AlertsState['watches'];
};

/** One container's row: the one made before when what it is made from is the same. */
function formatContainerRow(record: ContainerRecord, key: string, {containers, stats, now, unreachable, unanswered, alerted, previous, watches}: RowInputs): ContainerRow {
	const timing = containers.timings.get(key);
	const before = previous?.get(key);
	const made = before && rowInputs.get(before);
	// The same record, timing and clock: the same status text, without writing it again.
	const oomAt = watches.get(key)?.oomEventAt;
	const known =
		made && made.now === now && made.timing === timing && made.record === record && made.oomAt === oomAt
			? made.known
			: timing
				? formatStatusWithCause(formatStatus(timing, now), killedForMemory(timing, oomAt))
				: record.status;
	// An engine that went away leaves its rows as last seen, marked, while the other engines go on.
	const lost = unreachable.has(record.engine);
	// An engine that does not answer: what it said last can no longer be confirmed.
	const stale = unanswered.has(record.engine);
	const status = lost ? `${known} (engine unreachable)` : stale ? `${known} (stale: engine not answering)` : known;
	const figures = isMeasured(record.state) ? stats.get(key) : undefined;
	const isAlerted = alerted.has(key);
	if (made && made.record === record && made.timing === timing && made.figures === figures && made.status === status && made.alerted === isAlerted) {
		// Noted in place: a thousand rows would each make a new note every second of the clock.
		made.now = now;
		made.oomAt = oomAt;
		return before!;
	}

	// The same record with new figures (every row, every round): its names, image and ports as they were.
	const same = made && made.record === record ? before : undefined;
	const row: ContainerRow = {
		key,
		engine: record.engine,
		id: record.id,
		name: same ? same.name : formatSafeText(formatContainerName(record.names)),
		image: same ? same.image : formatSafeText(formatImage(record.image, record.imageId)),
		state: record.state,
		status,
		tone: lost || stale ? 'muted' : selectStatusTone(record.state, status),
		ports: same ? same.ports : formatPorts(record.ports),
		// Labels and the command are anyone's text: never commands to the terminal.
		project: same ? same.project : formatSafeText(record.labels[composeProjectLabel] ?? ''),
		created: record.created,
		command: same ? same.command : formatSafeText(record.command),
		...(timing?.restartCount === undefined ? {} : {restarts: timing.restartCount}),
		...(isAlerted ? {alerted: true} : {}),
		figures,
		...(stale ? {stale: true} : {}),
	};
	rowInputs.set(row, {record, timing, figures, status, alerted: isAlerted, now, known, oomAt});
	return row;
}

/** What each row was made from: a row whose inputs are the same is the same row (1000 rows, 50 figures). */
const rowInputs = new WeakMap<ContainerRow, {record: unknown; timing: unknown; figures: unknown; status: string; alerted: boolean; now: number; known: string; oomAt: number | undefined}>();
/** The last rows by key, kept up to date in place (a storm changes a few rows per batch, not the thousand). */
const lastRows = new Map<string, ContainerRow>();

/**
 * The rows of each shard of the records as last made, with what they were made from: the shards of records,
 * timings and alert watches (a copy shares those it did not write to), and the inputs every row reads.
 */
let lastShards: {rows: ContainerRow[][]; records: unknown[]; timings: unknown[]; watches: unknown[]; every: readonly unknown[]} | undefined;

const formatRowsOnce = memoizeLast((containers: ContainersState, stats: StatsState, now: number, unreachable: string, unanswered: string, alerted: string, watches: AlertsState['watches']) => {
	const inputs: RowInputs = {
		containers,
		stats,
		now,
		unreachable: new Set(unreachable === '' ? [] : unreachable.split('\u0000')),
		unanswered: new Set(unanswered === '' ? [] : unanswered.split('\u0000')),
		alerted: new Set(alerted === '' ? [] : alerted.split('\u0001')),
		previous: lastRows,
		watches,
	};
	const {records, timings} = containers;
	if (!(records instanceof ShardedMap && timings instanceof ShardedMap && watches instanceof ShardedMap)) {
		lastShards = undefined;
		return keptAsLast(formatContainerRows(containers, stats, now, inputs.unreachable, inputs.unanswered, inputs.alerted, lastRows, watches), containers);
	}

	// A storm's batch changes a few shards of a thousand containers: the rows of the others are those made last
	// time, when nothing every row reads (figures, the clock, the engines' states, the alerts) changed.
	const every = [stats, now, unreachable, unanswered, alerted];
	const last = lastShards && lastShards.every.every((value, index) => value === every[index]) ? lastShards : undefined;
	const made: NonNullable<typeof lastShards> = {rows: [], records: [], timings: [], watches: [], every};
	const rows: ContainerRow[] = [];
	const changed: ContainerRow[][] = [];
	records.eachShard((shard, index) => {
		// Every key of a shard of the records has its timing and watch in the same shard of those maps.
		const timingShard = timings.shardAt(index);
		const watchShard = watches.shardAt(index);
		let shardRows = last && last.records[index] === shard && last.timings[index] === timingShard && last.watches[index] === watchShard ? last.rows[index] : undefined;
		if (!shardRows) {
			const fresh: ContainerRow[] = [];
			shard.forEach((record, key) => {
				fresh.push(formatContainerRow(record, key, inputs));
			});
			shardRows = fresh;
			changed.push(fresh);
		}

		made.rows.push(shardRows);
		made.records.push(shard);
		made.timings.push(timingShard);
		made.watches.push(watchShard);
		for (let row = 0; row < shardRows.length; row++) rows.push(shardRows[row]!);
	});
	lastShards = made;
	return keptAsLast(rows, containers, changed);
});

/** Notes the rows made as the last ones by key (those of `changed` alone, when given), and forgets the gone. */
function keptAsLast(rows: ContainerRow[], containers: ContainersState, changed: readonly ContainerRow[][] = [rows]): ContainerRow[] {
	// Indexed loops over the thousand rows: V8 makes an iterator result for each step of a for-of until it
	// has optimised the loop, which its efficiency mode does late (a sixth of what a storm allocated).
	for (let list = 0; list < changed.length; list++) {
		const some = changed[list]!;
		for (let index = 0; index < some.length; index++) {
			const row = some[index]!;
			if (lastRows.get(row.key) !== row) lastRows.set(row.key, row);
		}
	}

	if (lastRows.size > rows.length) for (const key of lastRows.keys()) if (!containers.records.has(key)) lastRows.delete(key);
	return rows;
}

let lastSort: {sort: SortOrder; input: readonly ContainerRow[]; places: ReadonlyMap<string, number>} | undefined;

/**
 * The rows in order. When only figures or texts that no order reads changed (the clock, new figures), the
 * order is the last one: a thousand rows are not compared again every second.
 */
function sortRowsReusing(rows: readonly ContainerRow[], sort: SortOrder): ContainerRow[] {
	const last = lastSort;
	const readsFigures = sort.by === 'cpu' || sort.by === 'memory';
	if (last && last.sort === sort && !readsFigures && last.input.length === rows.length) {
		// Only what this order reads (the name breaks every tie).
		const same = rows.every((row, index) => {
			const before = last.input[index]!;
			if (before === row) return true;
			if (before.key !== row.key || before.name !== row.name) return false;
			return sort.by === 'status' ? before.state === row.state : sort.by === 'age' ? before.created === row.created : sort.by === 'project' ? before.project === row.project : true;
		});
		if (same) {
			const sorted: ContainerRow[] = Array.from({length: rows.length});
			for (let index = 0; index < rows.length; index++) sorted[last.places.get(rows[index]!.key)!] = rows[index]!;
			lastSort = {...last, input: rows};
			return sorted;
		}
	}

	const sorted = sortContainerRows(rows, sort);
	lastSort = {sort, input: rows, places: new Map(sorted.map((row, index) => [row.key, index]))};
	return sorted;
}

const sortRowsOnce = memoizeLast(sortRowsReusing);

/**
 * Every container as the list orders it, unfiltered; an engine that is not connected marks its rows. Made
 * again only when the containers, their figures, the clock, the engines' states or the order change: a key
 * press that moves the selection costs nothing here.
 */
export function selectSortedContainerRows(state: AppState): readonly ContainerRow[] {
	const unreachable = [...selectUnreachableEngines(state.connection)].join('\u0000');
	const unanswered = [...selectUnansweredEngines(state.connection)].join('\u0000');
	const alerted = [...selectAlertedKeys(state.alerts)].join('\u0001');
	return sortRowsOnce(formatRowsOnce(state.containers, state.stats, state.now, unreachable, unanswered, alerted, state.alerts.watches), state.ui.sort);
}

/** Case-insensitive match on name, image, status, project or id prefix. */
export function filterContainerRows(rows: readonly ContainerRow[], filter: string): readonly ContainerRow[] {
	const needle = filter.trim().toLowerCase();
	if (needle === '') return rows;
	return rows.filter(
		row =>
			row.name.toLowerCase().includes(needle) ||
			row.image.toLowerCase().includes(needle) ||
			row.status.toLowerCase().includes(needle) ||
			row.project.toLowerCase().includes(needle) ||
			row.engine.toLowerCase().includes(needle) ||
			row.id.startsWith(needle),
	);
}

const stateOrder: Record<ContainerState, number> = {
	running: 0,
	restarting: 1,
	paused: 2,
	removing: 3,
	created: 4,
	exited: 5,
	dead: 6,
};

function compareText(a: string, b: string): number {
	return compareNatural(a, b);
}

/**
 * By project: compose projects together (in natural order), standalone containers after them, names within.
 * Other orders fall back to the name, so rows that tie keep still; containers without figures come last
 * when sorting by CPU or memory, whichever the direction.
 */
export function sortContainerRows(rows: readonly ContainerRow[], sort: SortOrder = defaultSort): ContainerRow[] {
	if (sort.by === 'project') {
		const sorted = sortByProject(rows);
		return sort.descending ? sorted.reverse() : sorted;
	}

	const direction = sort.descending ? -1 : 1;
	const figure = (row: ContainerRow) =>
		sort.by === 'cpu' ? row.figures?.cpuPercent : sort.by === 'memory' ? row.figures?.memoryUsage : undefined;
	return [...rows].sort((a, b) => {
		let order = 0;
		if (sort.by === 'cpu' || sort.by === 'memory') {
			const [left, right] = [figure(a), figure(b)];
			if (left === undefined || right === undefined) {
				if (left !== right) return left === undefined ? 1 : -1;
			} else {
				order = left - right;
			}
		} else if (sort.by === 'name') {
			order = compareText(a.name, b.name);
		} else if (sort.by === 'status') {
			order = stateOrder[a.state] - stateOrder[b.state];
		} else if (sort.by === 'age') {
			// Youngest first reads as "ascending age".
			order = b.created - a.created;
		}

		if (order !== 0) return order * direction;
		return compareText(a.name, b.name) || compareText(a.key, b.key);
	});
}

function sortByProject(rows: readonly ContainerRow[]): ContainerRow[] {
	return [...rows].sort((a, b) => {
		if (a.project !== b.project) {
			if (a.project === '') return 1;
			if (b.project === '') return -1;
			return compareNatural(a.project, b.project);
		}

		if (a.name !== b.name) return compareNatural(a.name, b.name);
		return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	});
}

export type ContainerCounts = {total: number; running: number; paused: number; stopped: number};

export function selectContainerCounts(containers: ContainersState): ContainerCounts {
	const counts = {total: 0, running: 0, paused: 0, stopped: 0};
	// forEach: no iterator result made for each of a thousand containers at every frame of a storm.
	containers.records.forEach(record => {
		counts.total++;
		if (record.state === 'paused') counts.paused++;
		// As `docker info` counts them: a restarting container, waiting for its policy to start it, is stopped.
		else if (record.state === 'running') counts.running++;
		else counts.stopped++;
	});

	return counts;
}

export type ResourceTotals = {cpuPercent: number; memoryUsage: number; measured: number; running: number};

/** CPU and memory summed over the running containers sampled now (berth samples those on screen). */
export function selectResourceTotals(containers: ContainersState, stats: StatsState): ResourceTotals {
	const totals = {cpuPercent: 0, memoryUsage: 0, measured: 0, running: 0};
	// forEach: no [key, record] pair made for each of a thousand containers.
	containers.records.forEach((record, key) => {
		if (!isMeasured(record.state)) return;
		totals.running++;
		const figures = stats.get(key);
		// Figures kept from before their row left the screen are not of now: the header sums what is sampled.
		if (!isFollowed(figures)) return;
		totals.measured++;
		totals.cpuPercent += figures.cpuPercent;
		totals.memoryUsage += figures.memoryUsage;
	});

	return totals;
}

/** Engines that are not connected now. */
export function selectUnreachableEngines(connection: ReadonlyMap<string, {status: string}>): Set<string> {
	return new Set([...connection].filter(([, state]) => state.status !== 'connected').map(([engine]) => engine));
}

/** The engines berth knows of: those connected or tried, and those listed; in that order. */
export function selectKnownEngines(state: AppState): string[] {
	return [...new Set([...state.connection.keys(), ...state.containers.listedEngines])];
}
