// Where the configuration file is, reading it (the YAML library loaded only when there is one), and how it
// fills in what the flags leave unsaid. Flags win over the file, the file over the defaults.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {type Config, defaultConfig} from './configTypes.js';

/** What of the run options (run.tsx's RunOptions) the file can fill in. */
export type FileOptions = {
	/** Seconds between the list's stats samples; 1 (or less) streams them. */
	refreshSeconds: number;
	readOnly: boolean;
	tail: number;
	/** Read-only, on the pulse view, keys only move between views. */
	kiosk?: boolean;
	bell?: boolean;
	notify?: boolean;
	onAlert?: string | undefined;
	/** A crash loop: this many restarts within crashMinutes. */
	crashRestarts?: number;
	crashMinutes?: number;
	/** The flags given (the configuration file does not override them). */
	explicit?: ReadonlyArray<'refresh' | 'tail' | 'readOnly' | 'crashRestarts' | 'crashMinutes'>;
};

/** `named`: given by --config or BERTH_CONFIG, so it must exist (the default place need not). */
export type ConfigSource = {path: string; exists: boolean; named?: boolean};

/** --config FILE, else BERTH_CONFIG, else $XDG_CONFIG_HOME/berth/config.yaml (~/.config/berth/). */
export function selectConfigPath(flag: string | undefined, environment: NodeJS.ProcessEnv): ConfigSource {
	const chosen =
		flag ??
		(environment.BERTH_CONFIG?.trim() ||
			path.join(environment.XDG_CONFIG_HOME?.trim() || path.join(environment.HOME || os.homedir(), '.config'), 'berth', 'config.yaml'));
	let exists = false;
	try {
		exists = fs.statSync(chosen).isFile();
	} catch {}

	return {path: chosen, exists, named: flag !== undefined || Boolean(environment.BERTH_CONFIG?.trim())};
}

export type LoadedConfig = {ok: true; config: Config; source: ConfigSource} | {ok: false; error: string; source: ConfigSource};

/** The file's configuration; the defaults when there is none. A file named by --config or BERTH_CONFIG must exist. */
export async function loadConfig(source: ConfigSource, required = source.named ?? false): Promise<LoadedConfig> {
	if (!source.exists) {
		return required ? {ok: false, error: `${source.path}: no such file`, source} : {ok: true, config: defaultConfig, source};
	}

	let text: string;
	try {
		text = fs.readFileSync(source.path, 'utf8');
	} catch (error) {
		return {ok: false, error: `${source.path}: ${error instanceof Error ? error.message : String(error)}`, source};
	}

	const {parseConfig} = await import('./config.js');
	const parsed = parseConfig(text, source.path);
	return parsed.ok ? {ok: true, config: parsed.config, source} : {ok: false, error: parsed.error, source};
}

/** The options with the file's values wherever no flag was given. */
export function applyConfig<Options extends FileOptions>(options: Options, config: Config): Options {
	const explicit = new Set(options.explicit ?? []);
	const kiosk = options.kiosk === true || config.kiosk;
	return {
		...options,
		refreshSeconds: explicit.has('refresh') ? options.refreshSeconds : config.refresh,
		readOnly: options.readOnly || config.readOnly || kiosk,
		tail: explicit.has('tail') ? options.tail : config.logs.tail,
		kiosk,
		bell: options.bell === true || config.alerts.bell,
		notify: options.notify === true || config.alerts.notify,
		onAlert: options.onAlert ?? config.alerts.onAlert,
		crashRestarts: explicit.has('crashRestarts') ? options.crashRestarts : config.alerts.crashRestarts,
		crashMinutes: explicit.has('crashMinutes') ? options.crashMinutes : config.alerts.crashMinutes,
	};
}

type EngineFlags = {hosts: readonly string[]; contexts: readonly string[]; allContexts: boolean};

/** The configuration in effect: the file's, with what the flags say instead. */
export function selectEffectiveConfig(config: Config, options: FileOptions & EngineFlags): Config {
	const applied = applyConfig(options, config);
	const flagEngines = options.hosts.length > 0 || options.contexts.length > 0 || options.allContexts;
	return {
		...config,
		refresh: applied.refreshSeconds,
		readOnly: applied.readOnly,
		logs: {...config.logs, tail: applied.tail},
		kiosk: applied.kiosk === true,
		alerts: {
			bell: applied.bell === true,
			notify: applied.notify === true,
			onAlert: applied.onAlert,
			crashRestarts: applied.crashRestarts ?? config.alerts.crashRestarts,
			crashMinutes: applied.crashMinutes ?? config.alerts.crashMinutes,
		},
		engines: flagEngines ? [...options.hosts.map(host => ({host, readOnly: false})), ...options.contexts.map(context => ({context, readOnly: false}))] : config.engines,
	};
}

/** `berth config`: the path read, whether it exists, and the effective configuration as YAML. */
export async function describeConfig(source: ConfigSource, loaded: LoadedConfig, options: FileOptions & EngineFlags): Promise<string> {
	const {formatConfig} = await import('./config.js');
	const {selectDisplay} = await import('./display.js');
	const config = selectEffectiveConfig(loaded.ok ? loaded.config : defaultConfig, options);
	const {displaced} = selectDisplay(config);
	// A command's name is the file's text: one line of comment, whatever it holds.
	return `# ${source.path} (${source.exists ? 'read' : 'does not exist: the defaults'})\n${displaced === '' ? '' : `# ${displaced.replaceAll(/\s+/g, ' ')}\n`}${formatConfig(config)}`;
}
