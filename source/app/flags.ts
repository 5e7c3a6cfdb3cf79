// The command line: berth's flags read with meow, the help text, and what a person is told about a bad flag.
import meow from 'meow';
import {type CommandLine, commandFromFlags} from './commandLine.js';
import {helpText} from './help.js';

export {helpText};
export type {CommandLine};

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
	return commandFromFlags(cli.flags, cli.input, argv);
}
