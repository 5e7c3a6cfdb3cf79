// What of the configuration the screen uses, and changes while berth runs: the keymap (remapped keys and
// custom commands), each view's columns, the tones' colours. The file was checked when it was read.
import {customCommands} from '../commands/custom.js';
import {applyKeyConfig, formatDisplacements} from '../commands/keyConfig.js';
import {keymap} from '../commands/keymap.js';
import type {Command} from '../commands/types.js';
import {containerColumns, extraContainerColumns} from '../format/containerColumns.js';
import type {ColumnSpec} from '../format/table.js';
import type {ToneColors} from '../ui/theme.js';
import {views} from '../views/registry.js';
import {type Config, defaultConfig} from './configTypes.js';

export type Display = {
	commands: readonly Command[];
	/** Default keys the file's custom commands took from built-in actions, in words; '' when none. */
	displaced: string;
	/** The columns of each view that has them, in the configured order (the engine column comes on its own). */
	columns: ReadonlyMap<string, ReadonlyArray<ColumnSpec<string>>>;
	colors: ToneColors | undefined;
};

function applyConfiguredKeys(config: Pick<Config, 'keys' | 'commands'>): {commands: readonly Command[]; displaced: string} {
	const applied = applyKeyConfig(keymap, config.keys, customCommands(config.commands));
	return applied.ok ? {commands: applied.commands, displaced: formatDisplacements(applied.displaced)} : {commands: keymap, displaced: ''};
}

export function selectEffectiveKeymap(config: Pick<Config, 'keys' | 'commands'>): readonly Command[] {
	return applyConfiguredKeys(config).commands;
}

/** The file's tone names as the screen's tones. */
const toneOf = {running: 'good', paused: 'warning', stopped: 'muted', error: 'bad', created: 'neutral', accent: 'accent'} as const;

/** The configured columns in their order, else the view's own; `extra` are shown only when named. */
function pickColumns(
	all: ReadonlyArray<ColumnSpec<string>>,
	configured: readonly string[] | undefined,
	extra: ReadonlyArray<ColumnSpec<string>> = [],
): ReadonlyArray<ColumnSpec<string>> {
	if (!configured || configured.length === 0) return all;
	return configured.flatMap(id => [...all, ...extra].filter(column => column.id === id));
}

export function selectDisplay(config: Config = defaultConfig): Display {
	const entries = Object.entries(config.theme).map(([name, colour]) => [toneOf[name as keyof typeof toneOf], colour] as const);
	const {commands, displaced} = applyConfiguredKeys(config);
	return {
		commands,
		displaced,
		columns: new Map(
			views.map(view => [
				view.name,
				view.kind === 'containers'
					? pickColumns(containerColumns, config.columns[view.name], extraContainerColumns)
					: pickColumns(view.columns, config.columns[view.name]),
			]),
		),
		colors: entries.length > 0 ? Object.fromEntries(entries) : undefined,
	};
}
