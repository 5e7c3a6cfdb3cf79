// The state berth starts from: the engines' first answers and the options, the same for the first frame
// painted before the UI is loaded (firstPaint.ts) and for the App.
import type {ContainerRecord, EngineVersion} from '../engine/types.js';
import {defaultAlertRules} from '../state/alertRules.js';
import {type AppState, createAppState, reduceApp} from '../state/app.js';
import {switchView} from '../state/ui.js';
import type {Theme} from '../ui/theme.js';
import type {FileOptions} from './configFile.js';
import type {Config} from './configTypes.js';

/** The options berth runs with: the flags, with the configuration file's values where no flag was given. */
export type RunOptions = FileOptions & {
	hosts: readonly string[];
	contexts: readonly string[];
	allContexts: boolean;
	color: boolean;
	ascii: boolean;
	resyncSeconds: number;
	logLines: number;
	/** --config FILE. */
	configFile?: string;
};

/** NO_COLOR (any non-empty value) and --no-color both turn colour off. */
export function selectTheme(options: RunOptions, environment: NodeJS.ProcessEnv): Theme {
	const locale = environment.LC_ALL || environment.LC_CTYPE || environment.LANG || '';
	const unicodeLocale = locale === '' || /utf-?8/i.test(locale);
	return {
		color: options.color && !(environment.NO_COLOR ?? '').length,
		unicode: !options.ascii && environment.TERM !== 'linux' && unicodeLocale,
	};
}

/** An engine's first answer: its version and containers, or why it gave none. */
export type FirstAnswer = {engine: string} & ({ok: true; version: EngineVersion; records: ContainerRecord[]} | {ok: false; error: string; at: number});

export type StartInput = {
	answers: readonly FirstAnswer[];
	options: RunOptions;
	config: Config;
	theme: Theme;
	/** The engines the configuration file makes read-only on their own. */
	readOnlyEngines: readonly string[];
};

export function selectStartState({answers, options, config, theme, readOnlyEngines}: StartInput, now: number): AppState {
	let state = createAppState(now);
	state = reduceApp(state, {
		type: 'alerts/configured',
		rules: {restarts: options.crashRestarts ?? defaultAlertRules.restarts, windowMs: (options.crashMinutes ?? defaultAlertRules.windowMs / 60_000) * 60_000},
	});
	for (const answer of answers) {
		if (answer.ok) {
			state = reduceApp(state, {type: 'containers/listed', engine: answer.engine, records: answer.records});
			state = reduceApp(state, {type: 'engine/connected', engine: answer.engine, version: answer.version.version, product: answer.version.product});
		} else {
			state = reduceApp(state, {type: 'engine/lost', engine: answer.engine, error: answer.error, at: answer.at});
		}
	}

	return {
		...state,
		ui: {
			...switchView(state.ui, options.kiosk ? 'pulse' : config.view),
			readOnly: options.readOnly || options.kiosk === true,
			readOnlyEngines: new Set(readOnlyEngines),
			...(options.kiosk ? {kiosk: true} : {}),
		},
		settings: {
			logCapacity: Math.max(100, Math.trunc(options.logLines)),
			logTail: Math.max(0, Math.min(Math.trunc(options.tail), Math.trunc(options.logLines))),
			logColor: theme.color,
			logTimestamps: config.logs.timestamps,
			logWrap: config.logs.wrap,
			unicode: theme.unicode,
		},
		now,
	};
}
