// The keymap as data the configuration transforms: key names as people write them, remapped actions, and
// the check that no key is bound twice in one scope.
import {formatKeyName} from './keymap.js';
import type {Command} from './types.js';

const namedKeys: Record<string, string> = {
	up: 'up',
	down: 'down',
	left: 'left',
	right: 'right',
	pgup: 'pageup',
	pageup: 'pageup',
	pgdn: 'pagedown',
	pagedown: 'pagedown',
	home: 'home',
	end: 'end',
	esc: 'escape',
	escape: 'escape',
	enter: 'return',
	return: 'return',
	tab: 'tab',
	backspace: 'backspace',
	// Ink reports Delete as Backspace: the two are one key to berth.
	delete: 'backspace',
	del: 'backspace',
	space: ' ',
};

/** `x`, `X`, `Ctrl-x`, `Enter`, `Space`, `PgDn`... as keyNameOf names them; undefined for no key berth reads. */
export function parseKeyName(text: string): string | undefined {
	const control = /^(?:ctrl|control|c)[-+](.)$/i.exec(text);
	if (control) return /[a-z]/i.test(control[1]!) ? `ctrl+${control[1]!.toLowerCase()}` : undefined;
	if ([...text].length === 1) return /[\u0020-\u007E]/.test(text) || /\p{L}|\p{N}|\p{P}|\p{S}/u.test(text) ? text : undefined;
	return namedKeys[text.toLowerCase()];
}

export type KeyConfigError = {
	/** The action whose keys clash or do not exist. */
	action: string;
	message: string;
};

/** A built-in action's default key that a custom command of the same scope has: the custom command's now. */
export type KeyDisplacement = {action: string; key: string; scope: string; by: string};

/**
 * The keymap with each configured action on its new keys (in every scope it has); the old keys no longer act.
 * A custom command on a key a built-in action has by default takes it (what the file says wins over the
 * defaults, and a file written before berth gave that key an action of its own keeps working): the action
 * loses that key, and the displacement is told. A key the file gives twice is an error.
 */
export function applyKeyConfig(
	keymap: readonly Command[],
	keys: Readonly<Record<string, readonly string[]>>,
	extra: readonly Command[] = [],
): {ok: true; commands: Command[]; displaced: KeyDisplacement[]} | {ok: false; error: KeyConfigError} {
	const actions = new Set(keymap.map(command => command.action));
	for (const action of Object.keys(keys)) {
		if (!actions.has(action)) return {ok: false, error: {action, message: `no action named ${action}`}};
	}

	const displaced: KeyDisplacement[] = [];
	const builtIn = keymap.map(command => {
		if (Object.hasOwn(keys, command.action)) return {...command, keys: keys[command.action]!};
		const taken = command.keys.flatMap(key => {
			const by = extra.find(custom => custom.scope === command.scope && custom.keys.includes(key));
			return by ? [{action: command.action, key, scope: command.scope, by: by.action}] : [];
		});
		if (taken.length === 0) return command;
		displaced.push(...taken);
		return {...command, keys: command.keys.filter(key => !taken.some(each => each.key === key))};
	});
	// A view's own keys come before every list's and the global ones: there, those are shadowed, in that view alone.
	for (const custom of extra) {
		for (const command of builtIn) {
			if (command.scope !== 'list' && command.scope !== 'global') continue;
			for (const key of custom.keys) if (command.keys.includes(key)) displaced.push({action: command.action, key, scope: custom.scope, by: custom.action});
		}
	}

	const commands = [...builtIn, ...extra];
	const error = findDoubleBinding(commands, new Set([...Object.keys(keys), ...extra.map(command => command.action)]));
	return error ? {ok: false, error} : {ok: true, commands, displaced};
}

/** The displacements as a person reads them: `u in containers runs your command Deploy, not update`. */
export function formatDisplacements(displaced: readonly KeyDisplacement[]): string {
	return displaced.map(each => `${formatKeyName(each.key)} in ${each.scope} runs your command ${each.by.replace(/^custom:/, '')}, not ${each.action}`).join('; ');
}

/** A key bound to two commands of one scope, named from the side of a changed action. */
function findDoubleBinding(commands: readonly Command[], changed: ReadonlySet<string>): KeyConfigError | undefined {
	const owners = new Map<string, Command>();
	for (const command of commands) {
		for (const key of command.keys) {
			const slot = `${command.scope}\u0000${key}`;
			const owner = owners.get(slot);
			if (owner && owner !== command) {
				const [mine, other] = changed.has(command.action) ? [command, owner] : [owner, command];
				return {
					action: mine.action,
					message: `key ${formatKeyName(key)} is bound twice in ${command.scope}: to ${mine.action} and to ${other.action}`,
				};
			}

			owners.set(slot, command);
		}
	}

	return undefined;
}
