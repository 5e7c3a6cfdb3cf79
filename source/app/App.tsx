// Joins engines, state and screen: subscriptions, the clock, and the one place keys are handled.
import {type Key, useApp, useInput, useStdin, useStdout, useWindowSize} from 'ink';
import {useEffect, useMemo, useReducer, useRef, useState} from 'react';
import type {Engine} from '../engine/types.js';
import {containerColumns, engineColumn, measureContainerColumns, orderColumns} from '../format/containerColumns.js';
import {layoutColumns} from '../format/table.js';
import {keyNameOf, keymap} from '../commands/keymap.js';
import {type AppState, createAppState, reduceApp} from '../state/app.js';
import type {KeyPress} from '../commands/keypress.js';
import {formatConfirmation} from '../state/operations.js';
import {type LogsState, selectLogRows} from '../state/logs.js';
import {paneTitles, selectPaneLinesFor} from '../state/select/paneLines.js';
import {formatDiskUsage} from '../format/diskUsage.js';
import {selectContainerCounts, selectContainerRows, selectResourceTotals, selectUnreachableEngines} from '../state/select/containers.js';
import {selectOffset, selectSelectedIndex, type ViewName} from '../state/ui.js';
import {filterTableRows, selectTableRows, tableColumns, type TableViewName} from '../state/select/tables.js';
import {type ContextEnvironment, type EngineChoice, readContexts, selectConfigDirectory, selectEngines} from '../engine/contexts.js';
import type {EventEntry} from '../state/resources.js';
import {measureTableColumns} from '../ui/ResourceTable.js';
import {Screen} from '../ui/Screen.js';
import type {Theme} from '../ui/theme.js';
import {defaultSyncOptions, type SyncOptions, startEngineSync} from './engineSync.js';
import {defaultRefreshMs, StatsFollower, type StatsTarget} from './statsFollower.js';
import {clockChangesScreen} from '../state/select/clock.js';
import {pipeTerminal, refreshResource, runRequest, type TerminalHandover} from './requests.js';
import {LogFollower} from './logFollower.js';
import {TimingFetcher} from './timingFetcher.js';

export const minimumSize = {width: 50, height: 8};

const listHints = '? help  / filter  s stop  S start  r restart  p pause  d remove  e shell  Enter details  q quit';
const readOnlyHints = 'read-only  ? help  / filter  Enter details  i inspect  t top  q quit';
const logsHints = 'Esc back  j/k scroll  G follow  / search  f filter  T time  w wrap  c colour  s save  ! stderr';
const tableHints: Record<TableViewName, string> = {
	contexts: '1-5 9 views  Enter show this context  / filter  ? help  q quit',
	images: '1-5 views  Enter layers  p pull  r run  d remove  D prune  / filter  ? help  q quit',
	volumes: '1-5 views  Enter details  d remove  D prune  R run  / filter  ? help  q quit',
	networks: '1-5 views  Enter inspect  R run  / filter  ? help  q quit',
	events: '1-5 views  newest first  / filter  ? help  q quit',
	services: '1-9 views  Enter tasks  +/- scale  = replicas  u update  l logs  d remove  / filter  ? help  q quit',
	tasks: '1-9 views  every service\'s tasks  / filter  ? help  q quit',
	nodes: '1-9 views  / filter  ? help  q quit',
};

/** Task states change without an event (Docker 20.10): the swarm views are listed this often while shown. */
const swarmRefreshMs = 2000;

const swarmViews: ReadonlySet<ViewName> = new Set(['services', 'tasks', 'nodes']);

const resourceKinds: Record<ViewName, ReadonlyArray<'images' | 'volumes' | 'networks' | 'disk' | 'contexts' | 'swarm'>> = {
	containers: [],
	images: ['images'],
	volumes: ['volumes', 'disk'],
	networks: ['networks'],
	events: [],
	contexts: ['contexts'],
	services: ['swarm'],
	tasks: ['swarm'],
	nodes: ['swarm'],
};

/** Whether an event may change what a view lists. */
function concerns(view: ViewName, event: EventEntry): boolean {
	const containerChange = event.type === 'container' && /^(create|destroy|start|die|rename)$/.test(event.action);
	if (view === 'images') return event.type === 'image' || containerChange;
	if (view === 'volumes') return event.type === 'volume' || containerChange;
	if (view === 'networks') return event.type === 'network' || containerChange;
	if (swarmViews.has(view)) return event.type === 'service' || event.type === 'node' || containerChange;
	return false;
}

/** Containers as one text, for an effect that runs again only when the list of them changes. */
function targetsText(targets: readonly StatsTarget[]): string {
	return targets.map(target => `${target.engine}/${target.id}`).join(',');
}

function isTableView(view: ViewName): view is TableViewName {
	return view === 'images' || view === 'volumes' || view === 'networks' || view === 'events' || view === 'contexts' || swarmViews.has(view);
}

const paneHints = 'Esc back  j/k scroll  / search  n/N next/previous  x reveal secrets  ? help';

export type AppProps = {
	engines: readonly Engine[];
	/** What berth already knows when it starts (the first listing), so the first frame is complete. */
	initial?: (now: number) => AppState;
	theme: Theme;
	syncOptions?: SyncOptions;
	/** How often the list's rows are sampled for CPU and memory; 1000 or less streams them. */
	refreshMs?: number;
	/** Makes an engine for a context chosen in the contexts view. */
	connect?: (choice: EngineChoice) => Engine;
	/** Where contexts are read from; a --host given at start is the default context's endpoint, as with -H. */
	environment?: ContextEnvironment;
};

export function App({engines: startEngines, initial, theme, syncOptions = defaultSyncOptions, refreshMs = defaultRefreshMs, connect, environment = process.env}: AppProps) {
	// Switching contexts replaces the engines shown: they are state here, the first ones from start-up.
	const [engines, setEngines] = useState(startEngines);
	const {exit, suspendTerminal} = useApp();
	const {stdin} = useStdin();
	const {stdout} = useStdout();
	const {columns: width, rows: height} = useWindowSize();
	const [state, dispatch] = useReducer(reduceApp, Date.now(), initial ?? createAppState);
	const engineMap = useMemo(() => new Map(engines.map(engine => [engine.name, engine])), [engines]);

	// The list area is what is left after the header, the column titles and the status line.
	const pageSize = Math.max(1, height - 3);
	const filterText = state.ui.mode === 'filter' ? state.ui.draft : state.ui.filter;
	const rows = useMemo(
		() =>
			selectContainerRows(
				state.containers,
				state.stats,
				filterText,
				state.now,
				state.ui.sort,
				selectUnreachableEngines(state.connection),
			),
		[state.containers, state.stats, filterText, state.now, state.ui.sort, state.connection],
	);
	const keys = useMemo(() => rows.map(row => row.key), [rows]);
	const selectedIndex = selectSelectedIndex(state.ui, keys);
	const offset = selectOffset(state.ui, keys, pageSize);
	const visible = rows.slice(offset, offset + pageSize);
	const contentWidths = useMemo(() => measureContainerColumns(rows), [rows]);
	const layout = useMemo(
		() =>
			orderColumns(
				layoutColumns(
					Math.max(0, width - 2),
					engines.length > 1 ? [engineColumn, ...containerColumns] : containerColumns,
					contentWidths,
				),
			),
		[width, contentWidths, engines.length],
	);

	useEffect(() => {
		const stops = engines.map(engine => startEngineSync(engine, dispatch, syncOptions));
		return () => {
			for (const stop of stops) stop();
		};
	}, [engines, syncOptions]);

	const stats = useRef<StatsFollower | undefined>(undefined);
	// What the clock needs to know of the screen, as of the last render.
	const shown = useRef({state, keys: [] as readonly string[]});
	shown.current = {state, keys: visible.map(row => row.key)};
	// One clock for the whole screen: new figures and texts that age are drawn together, at most once a
	// second, and only when something on screen changes. A text counting seconds ("Up 5 seconds") is drawn
	// at once; one counting minutes waits for the next figures, at most a refresh period.
	useEffect(() => {
		const timer = setInterval(() => {
			const now = Date.now();
			const actions = stats.current?.take() ?? [];
			if (actions.length === 0) {
				const change = clockChangesScreen(shown.current.state, shown.current.keys, now);
				if (change === 'none' || (change === 'coarse' && now - shown.current.state.now < refreshMs)) return;
			}

			dispatch({type: 'batch', actions: [...actions, {type: 'clock/tick', now}]});
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [refreshMs]);

	const timings = useRef<TimingFetcher | undefined>(undefined);
	useEffect(() => {
		stats.current = new StatsFollower(engineMap, {pollMs: refreshMs});
		timings.current = new TimingFetcher(engineMap, dispatch);
		return () => {
			stats.current?.close();
			timings.current?.close();
		};
	}, [engineMap, refreshMs]);

	// Only containers on screen cost the engine stats: the list's running rows, sampled every refreshMs, or
	// the one container whose details are open, streamed; nothing while another view is shown. Where each
	// request costs a connection (ssh), or a refresh of a second is asked for, rows are streamed too.
	const openPane = state.operations.pane;
	const listShown = state.ui.view === 'containers' && !state.logs && !openPane && state.ui.mode !== 'form';
	const running = listShown ? visible.filter(row => row.state === 'running').map(row => ({engine: row.engine, id: row.id})) : [];
	const streamsRows = (target: {engine: string}) => refreshMs <= 1000 || engineMap.get(target.engine)?.connectionPerRequest === true;
	const plan = {
		polled: running.filter(target => !streamsRows(target)),
		streamed:
			openPane?.kind === 'details' && state.ui.view === 'containers'
				? [{engine: openPane.target.engine, id: openPane.target.id}]
				: running.filter(target => streamsRows(target)),
	};
	const planText = `polled ${targetsText(plan.polled)}; streamed ${targetsText(plan.streamed)}`;
	useEffect(() => {
		stats.current?.follow(plan);
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the text stands for the plan
	}, [planText, engineMap, refreshMs]);

	const untimed = visible
		.filter(row => !state.containers.timings.has(row.key))
		.map(row => ({engine: row.engine, id: row.id}));
	const untimedText = targetsText(untimed);
	useEffect(() => {
		timings.current?.request(untimed);
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the text stands for the list
	}, [untimedText, engineMap]);

	useEffect(() => {
		if (state.ui.quitting) exit();
	}, [state.ui.quitting, exit]);

	// Requests are data in the state; here they are carried out, and their outcomes dispatched back.
	const size = useRef({columns: width, rows: height});
	size.current = {columns: width, rows: height};
	const {outbox} = state.operations;
	useEffect(() => {
		if (outbox.length === 0) return;
		dispatch({type: 'requests/taken', ids: outbox.map(request => request.id)});
		const handOver: TerminalHandover = async (session, banner) =>
			suspendTerminal(async () => pipeTerminal(session, stdin as NodeJS.ReadStream, stdout as NodeJS.WriteStream, banner));
		for (const request of outbox) {
			if (request.kind === 'use-context') {
				const chosen = selectEngines({hosts: [], contexts: [request.name], allContexts: false}, environment);
				if (!chosen.ok || !connect) {
					dispatch({type: 'request/finished', request, result: {kind: 'failed', error: chosen.ok ? 'cannot switch contexts here' : chosen.error}});
					continue;
				}

				const next = chosen.engines.map(choice => connect(choice));
				setEngines(next);
				dispatch({type: 'engines/replaced', names: next.map(engine => engine.name)});
				dispatch({type: 'view/switch', view: 'containers'});
				continue;
			}

			void runRequest(engineMap, request, handOver, size.current, dispatch).then(result => {
				dispatch({type: 'request/finished', request, result});
			});
		}
	}, [outbox, engineMap, suspendTerminal, stdin, stdout, connect, environment]);

	// The logs pane's streams live exactly as long as the pane shows the same containers.
	const logFollower = useRef<LogFollower | undefined>(undefined);
	useEffect(() => {
		logFollower.current = new LogFollower(engineMap, dispatch, state.settings.logCapacity);
		return () => {
			logFollower.current?.close();
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the capacity is fixed at start
	}, [engineMap]);
	const {logs} = state;
	useEffect(() => {
		logFollower.current?.follow(logs?.targets ?? [], logs?.tail ?? 0, logs?.generation ?? 0);
		// eslint-disable-next-line react-hooks/exhaustive-deps -- the generation stands for targets and tail
	}, [logs?.generation]);

	// Images, volumes and networks are listed when their view is shown, and again after events that concern
	// them (a moment later, so that a burst of events costs one listing).
	const currentView = state.ui.view;
	const {events} = state.resources;
	const lastSeen = useRef(0);
	useEffect(() => {
		const wanted = resourceKinds[currentView];
		if (wanted.length === 0) return;
		const fresh = events.filter(event => event.seq > lastSeen.current);
		lastSeen.current = events.at(-1)?.seq ?? lastSeen.current;
		const first = !state.resources.listed.has(wanted[0] === 'contexts' ? 'contexts/' : `${wanted[0]}/${engines[0]?.name ?? ''}`);
		if (!first && !fresh.some(event => concerns(currentView, event))) return;
		const timer = setTimeout(() => {
			if (wanted.includes('contexts')) {
				dispatch({type: 'contexts/read', contexts: readContexts(selectConfigDirectory(environment), environment)});
				return;
			}

			for (const engine of engines) {
				for (const what of wanted) if (what !== 'contexts') void refreshResource(engine, what, dispatch).catch(() => undefined);
			}
		}, first ? 0 : 300);
		return () => {
			clearTimeout(timer);
		};
		// eslint-disable-next-line react-hooks/exhaustive-deps -- listed is read, not watched
	}, [currentView, events, engines]);

	const swarmShown = swarmViews.has(currentView);
	useEffect(() => {
		if (!swarmShown) return;
		const timer = setInterval(() => {
			for (const engine of engines) void refreshResource(engine, 'swarm', dispatch).catch(() => undefined);
		}, swarmRefreshMs);
		return () => {
			clearInterval(timer);
		};
	}, [swarmShown, engines]);

	// The processes pane is refreshed while it is open.
	const paneKind = state.operations.pane?.kind;
	useEffect(() => {
		if (paneKind !== 'top') return;
		const timer = setInterval(() => {
			dispatch({type: 'pane/refresh'});
		}, 2000);
		return () => {
			clearInterval(timer);
		};
	}, [paneKind]);

	useInput((input, key) => {
		dispatch({type: 'keys/pressed', presses: splitKeyPresses(input, key), pageSize, width});
	});

	const tableView = isTableView(state.ui.view) ? state.ui.view : undefined;
	const tableRows = useMemo(
		() =>
			tableView
				? filterTableRows(
						selectTableRows(tableView, state.resources, state.containers, state.now, new Set(engines.map(engine => engine.name)), state.ui.taskService?.key),
						filterText,
					)
				: [],
		[tableView, state.resources, state.containers, state.now, filterText, engines, state.ui.taskService],
	);
	const tableKeys = tableRows.map(row => row.key);
	const tableIndex = selectSelectedIndex(state.ui, tableKeys);
	const tableOffset = selectOffset(state.ui, tableKeys, pageSize);
	const tableLayout = useMemo(
		() => (tableView ? layoutColumns(Math.max(0, width - 2), tableColumns[tableView], measureTableColumns(tableRows)) : []),
		[tableView, tableRows, width],
	);
	const selectedKey = selectedIndex === -1 ? undefined : keys[selectedIndex];
	const {pane} = state.operations;
	const engine = engines[0];
	// An engine that is no swarm manager is said to be one, not shown as an error or an empty list.
	const swarmEmptyText =
		tableView && swarmViews.has(tableView)
			? engines.every(each => state.resources.swarm.get(each.name)?.manager === false)
				? engines.length === 1
					? 'this engine is not a swarm manager: docker swarm init to make one'
					: 'none of these engines is a swarm manager: docker swarm init to make one'
				: engines.some(each => state.resources.listed.has(`swarm/${each.name}`))
					? undefined
					: 'Loading…'
			: undefined;
	const tasksHint = state.ui.taskService ? `tasks of ${state.ui.taskService.name}  Esc every service's tasks  1-9 views  / filter  ? help  q quit` : undefined;
	return (
		<Screen
			width={width}
			height={height}
			minimum={minimumSize}
			theme={theme}
			header={{
				address: engines.length > 1 ? `${engines.length} engines` : (engine?.addressText ?? ''),
				connection: engine ? state.connection.get(engine.name) : undefined,
				engines: engines.length > 1 ? engines.map(each => ({name: each.name, connection: state.connection.get(each.name)})) : undefined,
				counts: selectContainerCounts(state.containers),
				totals: selectResourceTotals(state.containers, state.stats),
				sort: state.ui.sort,
				shown: rows.length,
				filter: filterText,
				theme,
				width,
			}}
			table={{
				rows: visible,
				layout,
				selectedKey,
				marks: state.ui.marks,
				height: pageSize,
				theme,
				emptyText: filterText === '' ? 'No containers.' : `No container matches "${filterText}".`,
			}}
			status={{
				mode: state.ui.mode,
				draft: state.ui.draft,
				message: state.ui.message,
				hints: tableView && state.ui.mode === 'list' ? (tableView === 'tasks' && tasksHint ? tasksHint : tableHints[tableView]) : state.ui.mode === 'logs' ? logsHints : state.ui.mode === 'pane' ? paneHints : state.ui.readOnly ? readOnlyHints : listHints,
				theme,
				width,
				question: state.operations.confirmation ? formatConfirmation(state.operations.confirmation) : undefined,
			}}
			bindings={keymap}
			helpScroll={state.ui.helpScroll}
			form={state.ui.mode === 'form' ? state.form : undefined}
			resourceTable={
				tableView
					? {
							rows: tableRows.slice(tableOffset, tableOffset + pageSize),
							layout: tableLayout,
							selectedKey: tableIndex === -1 ? undefined : tableKeys[tableIndex],
							emptyText: swarmEmptyText ?? (state.resources.listed.size === 0 && tableView !== 'events' ? 'Loading…' : filterText === '' ? `No ${tableView}.` : `Nothing matches "${filterText}".`),
						}
					: undefined
			}
			logs={
				logs && (state.ui.mode === 'logs' || state.ui.mode === 'logs-search' || state.ui.mode === 'logs-filter' || state.ui.mode === 'help')
					? {
							title: formatLogsTitle(logs),
							rows: selectLogRows(logs, width, Math.max(1, pageSize - 1)),
							nameWidth: logs.targets.length > 1 ? Math.max(...logs.targets.map(target => target.name.length)) : 0,
							timestamps: logs.timestamps,
							wrap: logs.wrap,
							logColor: logs.color,
							search: state.ui.mode === 'logs-search' ? state.ui.draft : logs.search,
						}
					: undefined
			}
			pane={
				pane && (state.ui.mode === 'pane' || state.ui.mode === 'pane-search')
					? {
							title: `${paneTitles[pane.kind]}: ${pane.target.name}`,
							lines: selectPaneLinesFor(state, pane, theme.unicode, width),
							table:
								pane.kind === 'disk' && state.resources.disk.get(pane.target.engine)
									? formatDiskUsage(state.resources.disk.get(pane.target.engine)!)
									: undefined,
							scroll: pane.scroll,
							search: state.ui.mode === 'pane-search' ? state.ui.draft : pane.search,
						}
					: undefined
			}
		/>
	);
}

/**
 * Keys typed faster than the terminal is read (a paste, tmux send-keys, a slow link) arrive as one chunk:
 * each character is a key press of its own.
 */
export function splitKeyPresses(input: string, key: Key): KeyPress[] {
	// Esc and the next key read in one chunk (a slow link) look like Alt and that key: take them apart.
	if (key.meta && !key.ctrl && input.length === 1 && !key.escape && /[\u0020-\u007E]/.test(input)) {
		return [{name: 'escape', printable: false}, {name: input, printable: true}];
	}

	const name = keyNameOf(input, key);
	const plain = !key.ctrl && !key.meta && name === input;
	if (!plain) return [{name, printable: false}];
	return [...input].map(character => {
		const control = controlKeyNames[character];
		if (control) return {name: control, printable: false};
		return {name: character, printable: !/[\u0000-\u001F\u007F]/.test(character)};
	});
}

/** Keys that arrive as plain control characters inside a chunk of typed text. */
const controlKeyNames: Record<string, string> = {
	'\r': 'return',
	'\n': 'return',
	'\t': 'tab',
	'\u007F': 'backspace',
	'\b': 'backspace',
	'\u001B': 'escape',
};

function formatLogsTitle(logs: LogsState): string {
	const who = logs.targets.length === 1 ? logs.targets[0]!.name : `${logs.targets.length} containers (${logs.targets.map(target => target.name).join(', ')})`;
	const state = logs.follow ? 'following' : 'paused (G follows)';
	const filter = logs.filter === '' ? '' : `, filter "${logs.filter}"`;
	const dropped = logs.dropped > 0 ? `, ${logs.dropped} older dropped` : '';
	return `Logs: ${who}: ${state}, ${logs.lines.length} lines kept of ${logs.capacity}${dropped}${filter}`;
}
