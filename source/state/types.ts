// The state's types alone: the whole state and every action, imported by any module without a circle.
import type {AlertsAction, AlertsState} from './alerts.js';
import type {ConnectionAction, ConnectionState} from './connection.js';
import type {ContainersAction, ContainersState} from './containers.js';
import type {IncomingLogLine, LogsState} from './logs.js';
import type {OperationsState, Request, RequestResult} from './operations.js';
import type {EventRate} from './pulse.js';
import type {ResourcesAction, ResourcesState} from './resources.js';
import type {RunFormState} from './runForm.js';
import type {StatsAction, StatsState} from './stats.js';
import type {UiAction, UiState} from './ui.js';

export type AppState = {
	containers: ContainersState;
	stats: StatsState;
	connection: ConnectionState;
	ui: UiState;
	operations: OperationsState;
	/** The logs pane while it is open. */
	logs: LogsState | undefined;
	/**
	 * The generation of the last logs pane opened, kept when the pane closes: logs opened again (Esc then l,
	 * in one chunk of keys too) are a new generation, so new streams open and the old ones' lines are not taken.
	 */
	logGeneration: number;
	resources: ResourcesState;
	/** The run form while it is open. */
	form: RunFormState | undefined;
	settings: Settings;
	alerts: AlertsState;
	/** Events per engine lately, for the pulse view. */
	eventRate: EventRate;
	/** Milliseconds since the epoch, advanced by the clock so status texts tick on. */
	now: number;
};

/** Chosen at start (flags, terminal). */
export type Settings = {
	/** Backlog lines a logs pane starts with. */
	logTail: number;
	/** Lines a logs pane keeps at most. */
	logCapacity: number;
	/** Whether the containers' own colours are shown in logs at first. */
	logColor: boolean;
	/** Whether logs panes open with timestamps and wrapped lines (the configuration file's logs). */
	logTimestamps?: boolean;
	logWrap?: boolean;
	/** Whether the terminal draws Unicode blocks (charts in text are ASCII otherwise). */
	unicode?: boolean;
};

export type AppAction =
	| ContainersAction
	| StatsAction
	| ResourcesAction
	| ConnectionAction
	| UiAction
	| AlertsAction
	| {type: 'batch'; actions: readonly AppAction[]}
	| {type: 'clock/tick'; now: number}
	| {type: 'logs/appended'; generation: number; lines: readonly IncomingLogLine[]; dropped?: number}
	| {type: 'logs/ended'; generation: number; name: string; removed: boolean; restarting?: boolean}
	| {type: 'logs/restarted'; generation: number; name: string}
	/** `at`: when they were taken (milliseconds); the clock's last tick if not given. */
	| {type: 'requests/taken'; ids: readonly number[]; at?: number}
	| {type: 'request/finished'; request: Request; result: RequestResult}
	| {type: 'pane/refresh'}
	| {type: 'pane/output'; key: string; lines: readonly string[]}
	| {type: 'engines/replaced'; names: readonly string[]};
