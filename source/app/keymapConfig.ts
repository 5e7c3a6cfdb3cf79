// The keymap the configuration makes: remapped keys and custom commands (the file was checked when read).
import {customCommands} from '../commands/custom.js';
import {applyKeyConfig} from '../commands/keyConfig.js';
import {keymap} from '../commands/keymap.js';
import type {Command} from '../commands/types.js';
import type {Config} from './configTypes.js';

export function selectEffectiveKeymap(config: Pick<Config, 'keys' | 'commands'>): readonly Command[] {
	const applied = applyKeyConfig(keymap, config.keys, customCommands(config.commands));
	return applied.ok ? applied.commands : keymap;
}
