// The command line without meow: what berth makes of the flags' values, and a plain reading of the common
// forms (each flag as its own word, a value as the next word) so that a start with such flags does not load
// meow before the first frame. Every other form goes to meow (flags.ts), which reads all of them.
import type {RunOptions} from './startState.js';

export type CommandLine =
	| {kind: 'run'; options: RunOptions}
	| {kind: 'help'}
	| {kind: 'version'}
	/** `berth config [--check [FILE]]`: the file read and the effective configuration, or a check of one. */
	| {kind: 'config'; check: boolean; file: string | undefined; configFlag: string | undefined; options: RunOptions}
	/** A flag berth does not know, or a value that is not one: the message for stderr. */
	| {kind: 'error'; message: string};

/** The flags' values as meow returns them; numbers are text, so that `--refresh soon` can be named as the mistake. */
export type FlagValues = {
	host?: string[];
	context?: string[];
	allContexts: boolean;
	color: boolean;
	ascii: boolean;
	refresh?: string;
	resync?: string;
	readOnly: boolean;
	kiosk: boolean;
	bell: boolean;
	notify: boolean;
	onAlert?: string;
	crashRestarts?: string;
	crashMinutes?: string;
	tail?: string;
	logLines?: string;
	config?: string;
	check: boolean;
	version: boolean;
	help: boolean;
};

/** The words on the command line of the options the configuration file can also set. */
const flagWords = {refresh: 'refresh', tail: 'tail', readOnly: 'read-only', crashRestarts: 'crash-restarts', crashMinutes: 'crash-minutes'} as const;
const numberNames = {refresh: 'refresh', resync: 'resync', tail: 'tail', logLines: 'log-lines', crashRestarts: 'crash-restarts', crashMinutes: 'crash-minutes'} as const;

/** The command the flags' values and the words that are not flags (`input`) make; `argv` as given. */
export function commandFromFlags(values: FlagValues, input: readonly string[], argv: readonly string[]): CommandLine {
	if (values.help) return {kind: 'help'};
	if (values.version) return {kind: 'version'};
	const config = input[0] === 'config';
	if (config && (input.length > 2 || (input.length === 2 && !values.check))) return {kind: 'error', message: `berth config takes one file, after --check (berth --help)`};
	if (values.check && !config) return {kind: 'error', message: '--check goes with berth config (berth config --check [FILE])'};
	if (values.config === '') return {kind: 'error', message: '--config needs a file'};
	if (input.length > 0 && !config) return {kind: 'error', message: `berth takes no arguments, only options: ${JSON.stringify(input[0])} (berth --help lists the options)`};
	// meow drops a --host or --context given no value: the words are looked at again.
	if (argv.some(word => word === '--on-alert') && !values.onAlert) return {kind: 'error', message: '--on-alert needs a command'};
	for (const name of ['host', 'context'] as const) {
		const given = argv.filter(word => word === `--${name}` || (name === 'host' && word === '-H')).length + argv.filter(word => word.startsWith(`--${name}=`)).length;
		if (given > (values[name] ?? []).filter(value => value !== '').length) return {kind: 'error', message: `--${name} needs a value`};
	}

	const numbers = {refresh: 5, resync: 30, tail: 1000, logLines: 5000, crashRestarts: 3, crashMinutes: 10};
	for (const name of Object.keys(numberNames) as Array<keyof typeof numberNames>) {
		const text = values[name];
		if (text === undefined) continue;
		const value = Number(text);
		if (text.trim() === '' || !Number.isFinite(value)) return {kind: 'error', message: `--${numberNames[name]} needs a number, not ${JSON.stringify(text)}`};
		numbers[name] = value;
	}

	if (numbers.crashRestarts < 1 || numbers.crashMinutes <= 0) return {kind: 'error', message: '--crash-restarts needs 1 or more, --crash-minutes more than 0'};

	const options: RunOptions = {
		hosts: values.host ?? [],
		contexts: values.context ?? [],
		allContexts: values.allContexts,
		color: values.color,
		ascii: values.ascii,
		refreshSeconds: numbers.refresh,
		resyncSeconds: numbers.resync,
		readOnly: values.readOnly || values.kiosk,
		kiosk: values.kiosk,
		bell: values.bell,
		notify: values.notify,
		onAlert: values.onAlert,
		crashRestarts: Math.trunc(numbers.crashRestarts),
		crashMinutes: numbers.crashMinutes,
		tail: numbers.tail,
		logLines: numbers.logLines,
		// The configuration file fills in what the flags leave unsaid.
		explicit: (['refresh', 'tail', 'readOnly', 'crashRestarts', 'crashMinutes'] as const).filter(name =>
			argv.some(word => word.replace(/^--/, '').split('=')[0] === flagWords[name]),
		),
		...(values.config === undefined ? {} : {configFile: values.config}),
	};
	// `berth config` shows the configuration these flags and the file make together.
	return config ? {kind: 'config', check: values.check, file: input[1], configFlag: values.config, options} : {kind: 'run', options};
}

/** berth's flags, as meow reads them (flags.ts) and as the plain reading below knows them. */
export const flagSpecs = {
	host: {type: 'string', shortFlag: 'H', isMultiple: true},
	context: {type: 'string', isMultiple: true},
	allContexts: {type: 'boolean', default: false},
	color: {type: 'boolean', default: true},
	ascii: {type: 'boolean', default: false},
	refresh: {type: 'string'},
	resync: {type: 'string'},
	readOnly: {type: 'boolean', default: false},
	kiosk: {type: 'boolean', default: false},
	bell: {type: 'boolean', default: false},
	notify: {type: 'boolean', default: false},
	onAlert: {type: 'string'},
	crashRestarts: {type: 'string'},
	crashMinutes: {type: 'string'},
	tail: {type: 'string'},
	logLines: {type: 'string'},
	config: {type: 'string'},
	check: {type: 'boolean', default: false},
	version: {type: 'boolean', default: false},
	help: {type: 'boolean', shortFlag: 'h', default: false},
} as const;

type FlagName = keyof typeof flagSpecs;

/** A flag's word on the command line: readOnly is `read-only`. */
export const flagWord = (name: string): string => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`);

/**
 * The words the plain reading takes: each switch in the form that changes it (`--read-only`, `--no-color`), each
 * flag with a value under its names (`--host`, `-H`). --check, --version and --help are left to meow.
 */
const plainWords = new Map<string, {name: FlagName; kind: 'switch' | 'list' | 'value'; turns?: boolean}>();
for (const [name, spec] of Object.entries(flagSpecs) as Array<[FlagName, (typeof flagSpecs)[FlagName]]>) {
	if (spec.type === 'boolean') {
		if (name !== 'check' && name !== 'version' && name !== 'help') plainWords.set(spec.default ? `--no-${flagWord(name)}` : `--${flagWord(name)}`, {name, kind: 'switch', turns: !spec.default});
		continue;
	}

	const kind = 'isMultiple' in spec ? 'list' : 'value';
	plainWords.set(`--${flagWord(name)}`, {name, kind});
	if ('shortFlag' in spec) plainWords.set(`-${spec.shortFlag}`, {name, kind});
}

/**
 * The command, when every word is a switch (`--read-only`, `--no-color`...) given once, or a flag with a value
 * (`--host URL`, `--refresh 2`...) whose value is the next word and does not start with `-`; undefined for
 * anything else (`--flag=value`, `berth config`, a repeated switch or value, `--help` among others, an unknown
 * word), which meow reads. Both readings give the same command (test/app/commandLine.test.ts).
 */
export function readPlainCommandLine(argv: readonly string[]): CommandLine | undefined {
	const values = Object.fromEntries(Object.entries(flagSpecs).flatMap(([name, spec]) => (spec.type === 'boolean' ? [[name, spec.default]] : []))) as unknown as FlagValues;
	const seen = new Set<string>();
	for (let index = 0; index < argv.length; index++) {
		const word = argv[index]!;
		const flag = plainWords.get(word);
		if (!flag) return undefined;
		if (flag.kind === 'switch') {
			if (seen.has(word)) return undefined;
			seen.add(word);
			(values as Record<FlagName, unknown>)[flag.name] = flag.turns;
			continue;
		}

		const value = argv[index + 1];
		if (value === undefined || value.startsWith('-')) return undefined;
		if (flag.kind === 'list') {
			const name = flag.name as 'host' | 'context';
			values[name] = [...(values[name] ?? []), value];
		} else if (seen.has(word)) {
			return undefined;
		} else {
			seen.add(word);
			(values as Record<FlagName, unknown>)[flag.name] = value;
		}

		index++;
	}

	return commandFromFlags(values, [], argv);
}

/** The oldest Node berth's screen runs on (package.json's engines): on Node 20 Ink draws rows over each other. */
export const oldestNode = 22;

/** The one line berth says instead of starting on an older Node; undefined on a Node it runs on. */
export function describeUnsupportedNode(version: string): string | undefined {
	const major = Number(/^v?(\d+)\./.exec(version)?.[1]);
	return Number.isFinite(major) && major < oldestNode ? `needs Node ${oldestNode} or later to draw its screen; this is Node ${version.replace(/^v/, '')}` : undefined;
}
