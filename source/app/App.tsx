// Joins engines, state and screen: the subscriptions (hooks), the key input, and the screen's props.
import {useApp, useInput, useWindowSize} from 'ink';
import {useEffect, useMemo, useReducer, useState} from 'react';
import {reduceAppEvent, splitKeyPresses} from '../commands/input.js';
import type {ContextEnvironment, EngineChoice} from '../engine/contexts.js';
import type {Engine} from '../engine/types.js';
import {type AppState, createAppState} from '../state/app.js';
import {selectSortedContainerRows} from '../state/select/containers.js';
import {Screen} from '../ui/Screen.js';
import type {Theme} from '../ui/theme.js';
import {defaultSyncOptions, type SyncOptions} from './engineSync.js';
import type {Config} from './configTypes.js';
import {type Display, selectDisplay} from './display.js';
import type {MemoryTuning} from './memory.js';
import {useConfigFile} from './hooks/useConfigFile.js';
import type {OutletOptions} from './alertOutlets.js';
import {useAlertOutlets} from './hooks/useAlertOutlets.js';
import {useEngineSync} from './hooks/useEngineSync.js';
import {useFigures} from './hooks/useFigures.js';
import {useListings} from './hooks/useListings.js';
import {useLogStreams} from './hooks/useLogStreams.js';
import {useOutbox} from './hooks/useOutbox.js';
import {createScreenSelector, selectPageSize, selectShownRows} from './screen.js';
import {defaultRefreshMs} from './statsFollower.js';

export {minimumSize} from './screen.js';

/** The pulse view measures the running containers (at most 50), to name the busiest. */
function selectPulseTargets(state: AppState) {
	return selectSortedContainerRows(state)
		.filter(row => row.state === 'running')
		.slice(0, 50);
}

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
	/** What of the configuration the screen uses (keymap, columns, colours); it follows the file. */
	display?: Display;
	/** The configuration file, watched for changes; its configuration at start. */
	configPath?: string;
	config?: Config;
	/** The bell, desktop notifications and the hook, as the flags ask. */
	outlets?: OutletOptions;
	/** V8's memory settings, told when a logs pane opens and closes. */
	memory?: MemoryTuning;
};

export function App({engines: startEngines, initial, theme, syncOptions = defaultSyncOptions, refreshMs = defaultRefreshMs, connect, environment = process.env, display: startDisplay = selectDisplay(), configPath = '', config, outlets, memory}: AppProps) {
	// Switching contexts replaces the engines shown: they are state here, the first ones from start-up.
	const [engines, setEngines] = useState(startEngines);
	const [display, setDisplay] = useState(startDisplay);
	const shownTheme = useMemo(() => ({...theme, colors: display.colors}), [theme, display.colors]);
	const {exit} = useApp();
	const {columns: width, rows: height} = useWindowSize();
	const [state, dispatch] = useReducer(reduceAppEvent, Date.now(), initial ?? createAppState);
	const engineMap = useMemo(() => new Map(engines.map(engine => [engine.name, engine])), [engines]);
	// The screen's memory of its column widths (a column narrows only after a while): one per App.
	const selectScreenProps = useMemo(() => createScreenSelector(), []);
	const shown = selectShownRows(state, {width, height}, shownTheme);

	useEngineSync(engines, dispatch, syncOptions);
	useConfigFile(configPath, config, setDisplay, dispatch);
	// Keys the file's commands took from built-in actions are said once, at start (and at each reload).
	useEffect(() => {
		if (startDisplay.displaced !== '') dispatch({type: 'message/show', message: {text: `Your configuration: ${startDisplay.displaced}.`, tone: 'info'}});
	}, [startDisplay]);
	const measured = state.ui.view === 'containers' ? (shown as Parameters<typeof useFigures>[1]) : state.ui.view === 'pulse' ? selectPulseTargets(state) : [];
	const listIo = useMemo(() => (display.columns.get('containers') ?? []).some(column => column.id === 'netio' || column.id === 'blockio'), [display.columns]);
	useFigures(state, measured, engineMap, dispatch, refreshMs, listIo);
	useOutbox(state.operations.outbox, dispatch, {engineMap, size: {columns: width, rows: height}, connect, environment, replaceEngines: setEngines, readOnlyEngines: state.ui.readOnlyEngines});
	useLogStreams(state.logs, state.containers, engineMap, dispatch, state.settings.logCapacity);
	const logsOpen = state.logs !== undefined;
	useEffect(() => {
		memory?.logsOpen(logsOpen);
	}, [memory, logsOpen]);
	useListings(state, engines, dispatch, environment);
	useAlertOutlets(state.alerts, outlets, dispatch);
	useEffect(() => {
		if (state.ui.quitting) exit();
	}, [state.ui.quitting, exit]);
	useInput((input, key) => {
		dispatch({type: 'keys/pressed', presses: splitKeyPresses(input, key), pageSize: selectPageSize(height), width, commands: display.commands, columns: display.columns, engineCount: engines.length});
	});

	return <Screen {...selectScreenProps(state, engines, {width, height}, shownTheme, display)} />;
}
