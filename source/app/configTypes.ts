// What the configuration file holds, and the defaults it starts from (no YAML here: read at every start).
import type {CustomCommandSpec} from '../commands/custom.js';

/** One engine of the file: a host or a context, named and read-only on its own. */
export type EngineSpec = {name?: string; host?: string; context?: string; readOnly: boolean};

/** The tones the file may colour, as the issue names them, and the screen's own tones they are. */
export const themeTones = ['running', 'paused', 'stopped', 'error', 'created', 'accent'] as const;

export type Config = {
	refresh: number;
	readOnly: boolean;
	view: string;
	/** Empty: the flags, DOCKER_HOST or the current context choose. */
	engines: EngineSpec[];
	/** Action -> its keys, as keyNameOf names them. */
	keys: Record<string, string[]>;
	commands: CustomCommandSpec[];
	logs: {tail: number; timestamps: boolean; wrap: boolean};
	/** View -> the columns it shows, in order. */
	columns: Record<string, string[]>;
	theme: Partial<Record<(typeof themeTones)[number], string>>;
	/** As --kiosk: read-only, on the pulse view, keys only move between views. */
	kiosk: boolean;
	/** As --bell, --notify, --on-alert, --crash-restarts and --crash-minutes. */
	alerts: AlertSettings;
};

export type AlertSettings = {bell: boolean; notify: boolean; onAlert: string | undefined; crashRestarts: number; crashMinutes: number};

export const defaultConfig: Config = {
	refresh: 5,
	readOnly: false,
	view: 'containers',
	engines: [],
	keys: {},
	commands: [],
	logs: {tail: 1000, timestamps: false, wrap: false},
	columns: {},
	theme: {},
	kiosk: false,
	alerts: {bell: false, notify: false, onAlert: undefined, crashRestarts: 3, crashMinutes: 10},
};
