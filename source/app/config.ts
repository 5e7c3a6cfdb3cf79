// The configuration file read and checked: YAML in, a Config or one line naming file, line, column, key and
// what is wrong. Loaded only when a file exists (it brings the YAML library with it).
import {isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Pair, stringify, type YAMLMap} from 'yaml';
import {customCommands, placeholders, type CustomCommandSpec} from '../commands/custom.js';
import {applyKeyConfig, parseKeyName} from '../commands/keyConfig.js';
import {formatKeyName, keymap} from '../commands/keymap.js';
import {containerColumns, extraContainerColumns} from '../format/containerColumns.js';
import {views} from '../views/registry.js';
import {type Config, defaultConfig, type EngineSpec, themeTones} from './configTypes.js';

class ConfigError extends Error {
	constructor(
		readonly node: Node | Pair | undefined,
		readonly path: string,
		message: string,
	) {
		super(message);
	}
}

/** How far apart two words are (edits), for "did you mean". */
function distance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = row;
	}

	return previous[b.length]!;
}

/** The known word nearest to a mistaken one. */
export function closestWord(word: string, known: readonly string[]): string {
	return [...known].sort((a, b) => distance(word.toLowerCase(), a.toLowerCase()) - distance(word.toLowerCase(), b.toLowerCase()))[0]!;
}

function unknown(word: string, known: readonly string[]): string {
	return `unknown key (did you mean ${closestWord(word, known)}?; known: ${known.join(', ')})`;
}

const colourNames = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'gray', 'grey'];
const brightNames = colourNames.slice(0, 8).map(name => `${name}Bright`);

/** The entries of a mapping, each key checked against the known ones. */
function entries(node: unknown, path: string, known: readonly string[] | undefined): Array<{key: string; value: Node | undefined; pair: Pair}> {
	if (!isMap(node)) throw new ConfigError(node as Node, path, 'needs a mapping (key: value lines)');
	return (node as YAMLMap).items.map(pair => {
		const key = isScalar(pair.key) ? String(pair.key.value) : '';
		const here = path ? `${path}.${key}` : key;
		if (known && !known.includes(key)) throw new ConfigError(pair.key as Node, here, unknown(key, known));
		return {key, value: (pair.value ?? undefined) as Node | undefined, pair};
	});
}

function scalar(node: Node | undefined, path: string, type: 'number' | 'boolean' | 'string'): never | number | boolean | string {
	const value = isScalar(node) ? node.value : undefined;
	if (typeof value !== type || (type === 'string' && value === '')) {
		const shown = isScalar(node) ? JSON.stringify(node.value) : isSeq(node) ? 'a list' : isMap(node) ? 'a mapping' : 'nothing';
		throw new ConfigError(node, path, `needs ${type === 'boolean' ? 'true or false' : `a ${type}`}, not ${shown}`);
	}

	return value as number | boolean | string;
}

const number = (node: Node | undefined, path: string, minimum: number) => {
	const value = scalar(node, path, 'number') as number;
	if (!(value >= minimum)) throw new ConfigError(node, path, `needs a number of at least ${minimum}, not ${value}`);
	return value;
};

const text = (node: Node | undefined, path: string) => scalar(node, path, 'string') as string;
const flag = (node: Node | undefined, path: string) => scalar(node, path, 'boolean') as boolean;

/** A string or a list of strings. */
function words(node: Node | undefined, path: string): Array<{word: string; node: Node}> {
	if (isSeq(node)) return node.items.map((item, index) => ({word: text(item as Node, `${path}[${index}]`), node: item as Node}));
	return [{word: text(node, path), node: node!}];
}

function oneOf(node: Node | undefined, path: string, known: readonly string[], what: string): string {
	const value = text(node, path);
	if (!known.includes(value)) throw new ConfigError(node, path, `no ${what} named ${value} (did you mean ${closestWord(value, known)}?)`);
	return value;
}

function readKey(node: Node, path: string): string {
	const word = text(node, path);
	const key = parseKeyName(word);
	if (key === undefined) throw new ConfigError(node, path, `${JSON.stringify(word)} is not a key berth reads (x, X, Ctrl-x, Enter, Esc, Space, Tab, Backspace, Up, PgDn, Home...)`);
	return key;
}

const viewNames = views.map(view => view.name);
const columnsByView = new Map<string, readonly string[]>(
	views.map(view => [view.name, (view.kind === 'containers' ? [...containerColumns, ...extraContainerColumns] : view.columns).map(column => column.id)]),
);
/** The views whose ENGINE column berth places itself (first, with several engines): not one to name. */
const engineFirstViews = new Set(views.filter(view => view.kind === 'containers' || view.perEngine).map(view => view.name));
/** Views that had an ENGINE column of their own before berth placed it: there, naming it is accepted and dropped. */
const engineColumnDropped = new Set(['alerts']);

function readEngine(node: Node | undefined, path: string): EngineSpec {
	const engine: EngineSpec = {readOnly: false};
	for (const {key, value} of entries(node, path, ['name', 'host', 'context', 'readOnly'])) {
		if (key === 'readOnly') engine.readOnly = flag(value, `${path}.${key}`);
		else engine[key as 'name' | 'host' | 'context'] = text(value, `${path}.${key}`);
	}

	if ((engine.host === undefined) === (engine.context === undefined)) throw new ConfigError(node, path, 'needs either host or context (one of them)');
	return engine;
}

function readCommand(node: Node | undefined, path: string): CustomCommandSpec {
	const known = ['name', 'key', 'scope', 'run', 'terminal', 'confirm', 'mutating'];
	const command: Partial<CustomCommandSpec> = {scope: 'containers', terminal: false, confirm: false, mutating: false};
	for (const {key, value} of entries(node, path, known)) {
		const here = `${path}.${key}`;
		if (key === 'name' || key === 'run') command[key] = text(value, here);
		else if (key === 'key') command.key = readKey(value!, here);
		else if (key === 'scope') command.scope = oneOf(value, here, viewNames, 'view');
		else command[key as 'terminal' | 'confirm' | 'mutating'] = flag(value, here);
	}

	for (const required of ['name', 'key', 'run'] as const) {
		if (command[required] === undefined) throw new ConfigError(node, `${path}.${required}`, 'is missing');
	}

	for (const match of command.run!.matchAll(/{{\s*(\w+)\s*}}/g)) {
		if (!(placeholders as readonly string[]).includes(match[1]!)) {
			const value = entries(node, path, undefined).find(entry => entry.key === 'run')!.value;
			throw new ConfigError(value, `${path}.run`, `no placeholder {{${match[1]}}} (known: ${placeholders.map(name => `{{${name}}}`).join(' ')})`);
		}
	}

	return command as CustomCommandSpec;
}

function readConfig(root: unknown): Config {
	const config: Config = structuredClone(defaultConfig);
	// An empty file is the defaults.
	if (root === null || (isScalar(root) && root.value === null)) return config;
	const top = ['refresh', 'readOnly', 'view', 'engines', 'keys', 'commands', 'logs', 'columns', 'theme', 'kiosk', 'alerts'];
	let keysNode: YAMLMap | undefined;
	const keyNodes = new Map<string, Node>();
	const commandNodes: Array<Node | undefined> = [];
	for (const {key, value} of entries(root, '', top)) {
		switch (key) {
			case 'refresh': {
				config.refresh = number(value, key, 0.1);
				break;
			}

			case 'readOnly': {
				config.readOnly = flag(value, key);
				break;
			}

			case 'view': {
				config.view = oneOf(value, key, viewNames, 'view');
				break;
			}

			case 'kiosk': {
				config.kiosk = flag(value, key);
				break;
			}

			case 'alerts': {
				for (const entry of entries(value, key, ['bell', 'notify', 'onAlert', 'crashRestarts', 'crashMinutes'])) {
					const here = `alerts.${entry.key}`;
					if (entry.key === 'bell' || entry.key === 'notify') config.alerts[entry.key] = flag(entry.value, here);
					else if (entry.key === 'onAlert') config.alerts.onAlert = text(entry.value, here);
					else if (entry.key === 'crashRestarts') config.alerts.crashRestarts = Math.trunc(number(entry.value, here, 1));
					else config.alerts.crashMinutes = number(entry.value, here, 0.1);
				}

				break;
			}

			case 'engines': {
				if (!isSeq(value)) throw new ConfigError(value, key, 'needs a list of engines (- host: ... or - context: ...)');
				config.engines = value.items.map((item, index) => readEngine(item as Node, `engines[${index}]`));
				break;
			}

			case 'keys': {
				keysNode = value as YAMLMap;
				for (const entry of entries(value, key, undefined)) {
					config.keys[entry.key] = words(entry.value, `keys.${entry.key}`).map(each => readKey(each.node, `keys.${entry.key}`));
					keyNodes.set(entry.key, entry.pair.key as Node);
				}

				break;
			}

			case 'commands': {
				if (!isSeq(value)) throw new ConfigError(value, key, 'needs a list of commands (- name: ..., key: ..., run: ...)');
				config.commands = value.items.map((item, index) => {
					commandNodes.push(item as Node);
					return readCommand(item as Node, `commands[${index}]`);
				});
				break;
			}

			case 'logs': {
				for (const entry of entries(value, key, ['tail', 'timestamps', 'wrap'])) {
					const here = `logs.${entry.key}`;
					if (entry.key === 'tail') config.logs.tail = number(entry.value, here, 0);
					else config.logs[entry.key as 'timestamps' | 'wrap'] = flag(entry.value, here);
				}

				break;
			}

			case 'columns': {
				for (const entry of entries(value, key, [...columnsByView.keys()])) {
					const known = columnsByView.get(entry.key)!;
					// A file written when the alerts had an ENGINE column of their own keeps working: it is left out.
					const named = words(entry.value, `columns.${entry.key}`).filter(each => !(each.word === 'engine' && engineColumnDropped.has(entry.key)));
					config.columns[entry.key] = named.map(each => {
						if (each.word === 'engine' && engineFirstViews.has(entry.key)) {
							throw new ConfigError(each.node, `columns.${entry.key}`, 'engine is not a column to name here: ENGINE comes first by itself when berth shows several engines');
						}

						return oneOf(each.node, `columns.${entry.key}`, known, 'column');
					});
				}

				break;
			}

			default: {
				for (const entry of entries(value, key, themeTones)) {
					const colour = text(entry.value, `theme.${entry.key}`);
					if (!colourNames.includes(colour) && !brightNames.includes(colour) && !/^#[\da-f]{6}$/i.test(colour)) {
						throw new ConfigError(entry.value, `theme.${entry.key}`, `no colour named ${colour} (a basic colour such as ${colourNames.slice(0, 8).join(', ')}, their ...Bright forms, or #rrggbb)`);
					}

					config.theme[entry.key as keyof Config['theme']] = colour;
				}
			}
		}
	}

	// The keymap as configured, custom commands included: an unknown action or a key bound twice is an error.
	const applied = applyKeyConfig(keymap, config.keys, customCommands(config.commands));
	if (!applied.ok) {
		const custom = config.commands.findIndex(command => `custom:${command.name}` === applied.error.action);
		const node = custom >= 0 ? commandNodes[custom] : (keyNodes.get(applied.error.action) ?? keysNode);
		const path = custom >= 0 ? `commands[${custom}].key` : `keys.${applied.error.action}`;
		const message = applied.error.message.startsWith('no action')
			? `${applied.error.message} (did you mean ${closestWord(applied.error.action, [...new Set(keymap.map(command => command.action))])}?)`
			: applied.error.message;
		throw new ConfigError(node, path, message);
	}

	return config;
}

/** The file's configuration, or the one line that says what is wrong in it. */
export function parseConfig(source: string, file: string): {ok: true; config: Config} | {ok: false; error: string} {
	const lineCounter = new LineCounter();
	const document = parseDocument(source, {lineCounter, prettyErrors: false, uniqueKeys: true});
	const [syntax] = document.errors;
	if (syntax) {
		const {line, col} = lineCounter.linePos(syntax.pos[0]);
		return {ok: false, error: `${file}:${line}:${col}: ${syntax.message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')}`};
	}

	try {
		return {ok: true, config: readConfig(document.contents)};
	} catch (error) {
		if (!(error instanceof ConfigError)) throw error;
		const range = error.node && 'range' in error.node ? error.node.range : error.node && 'key' in error.node ? (error.node.key as Node).range : undefined;
		const {line, col} = lineCounter.linePos(range?.[0] ?? 0);
		return {ok: false, error: `${file}:${line}:${col}: ${error.path ? `${error.path}: ` : ''}${error.message}`};
	}
}

/** The effective configuration as YAML, key names as a person writes them. */
export function formatConfig(config: Config): string {
	const keys = Object.fromEntries(Object.entries(config.keys).map(([action, names]) => [action, names.map(name => formatKeyName(name))]));
	const commands = config.commands.map(command => ({...command, key: formatKeyName(command.key)}));
	return stringify({...config, keys, commands});
}
