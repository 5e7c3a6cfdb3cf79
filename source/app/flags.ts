// The command line: berth's flags read with meow, the help text, and what a person is told about a bad flag.
import meow from 'meow';
import {type CommandLine, commandFromFlags, flagSpecs, flagWord} from './commandLine.js';
import {helpText} from './help.js';

export {helpText};
export type {CommandLine};

/** Every name a flag is known by, as a word after `-` or `--`: `read-only`, `H`. */
const known = new Set(Object.entries(flagSpecs).flatMap(([name, spec]) => [flagWord(name), ...('shortFlag' in spec ? [spec.shortFlag] : [])]));

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
		flags: flagSpecs,
	});
	return commandFromFlags(cli.flags, cli.input, argv);
}
