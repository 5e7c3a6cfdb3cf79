// The command line: berth's flags read with meow, the help text, and what a person is told about a bad flag.
import meow from 'meow';
import {helpText} from './help.js';
import type {RunOptions} from './run.js';

export {helpText};


export type CommandLine =
	| {kind: 'run'; options: RunOptions}
	| {kind: 'help'}
	| {kind: 'version'}
	/** `berth config [--check [FILE]]`: the file read and the effective configuration, or a check of one. */
	| {kind: 'config'; check: boolean; file: string | undefined; configFlag: string | undefined; options: RunOptions}
	/** A flag berth does not know, or a value that is not one: the message for stderr. */
	| {kind: 'error'; message: string};

const numberFlags = {refresh: 5, resync: 30, tail: 1000, 'log-lines': 5000} as const;

/** The flags meow reads; numbers are read as text, so that `--refresh soon` can be named as the mistake. */
const flags = {
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

const known = new Set(['host', 'H', 'context', 'all-contexts', 'color', 'ascii', 'refresh', 'resync', 'read-only', 'kiosk', 'bell', 'notify', 'on-alert', 'crash-restarts', 'crash-minutes', 'tail', 'log-lines', 'config', 'check', 'version', 'help', 'h']);
/** The words on the command line of the options the configuration file can also set. */
const flagWords = {refresh: 'refresh', tail: 'tail', readOnly: 'read-only', crashRestarts: 'crash-restarts', crashMinutes: 'crash-minutes'} as const;
const numberNames = {refresh: 'refresh', resync: 'resync', tail: 'tail', logLines: 'log-lines', crashRestarts: 'crash-restarts', crashMinutes: 'crash-minutes'} as const;

/** A word after `--` with nothing that names a flag: not a flag berth has. */
function unknownFlag(argv: readonly string[]): string | undefined {
	for (const word of argv) {
		if (word === '--') break;
		const match = /^--?(?:no-)?([^=]+)/.exec(word);
		if (word.startsWith('-') && match && !known.has(match[1]!) && !known.has(word.replace(/^-+/, '').split('=')[0]!)) return word.split('=')[0];
	}

	return undefined;
}

/** argv without node and the script (process.argv.slice(2)). */
export function parseCommandLine(argv: readonly string[]): CommandLine {
	const unknown = unknownFlag(argv);
	if (unknown) return {kind: 'error', message: `Unknown option '${unknown}' (berth --help lists the options)`};
	const cli = meow(helpText, {
		importMeta: import.meta,
		argv: [...argv],
		// The version is built in and the help is berth's own: meow reads no package.json and exits for neither.
		pkg: {name: 'berth'},
		autoHelp: false,
		autoVersion: false,
		flags,
	});
	const values = cli.flags;
	if (values.help) return {kind: 'help'};
	if (values.version) return {kind: 'version'};
	const config = cli.input[0] === 'config';
	if (config && (cli.input.length > 2 || (cli.input.length === 2 && !values.check))) return {kind: 'error', message: `berth config takes one file, after --check (berth --help)`};
	if (values.check && !config) return {kind: 'error', message: '--check goes with berth config (berth config --check [FILE])'};
	if (values.config === '') return {kind: 'error', message: '--config needs a file'};
	if (cli.input.length > 0 && !config) return {kind: 'error', message: `berth takes no arguments, only options: ${JSON.stringify(cli.input[0])} (berth --help lists the options)`};
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
	return config ? {kind: 'config', check: values.check, file: cli.input[1], configFlag: values.config, options} : {kind: 'run', options};
}
