// The command line: berth's flags read with Node's own parseArgs (no library to load before the first frame).
import type {RunOptions} from './run.js';

// process.getBuiltinModule (Node 22.3) hands util over as it is; an import copies its exports, and reading
// them loads the lazy ones (util.diff brings the assert module's diff code): milliseconds at every start.
const {parseArgs} = (process.getBuiltinModule?.('node:util') ?? (await import('node:util'))) as typeof import('node:util');

export const helpText = `
  A keyboard-driven terminal UI for watching and managing Docker engines

  Usage
    $ berth [options]

  Options
    --host, -H URL   Engine to connect to: unix:///path, tcp://HOST:PORT or ssh://USER@HOST[:PORT];
                     repeat it to show several engines at once
                     (default: DOCKER_HOST, else the current docker context, else unix:///var/run/docker.sock)
    --context NAME   A docker context (docker context ls); repeat it for several
    --all-contexts   Every docker context at once
    --no-color       No colours (also when NO_COLOR is set)
    --ascii          Plain ASCII glyphs (default on TERM=linux or a non-UTF-8 locale)
    --refresh SEC    Seconds between the list's CPU and memory samples (default 5); 1 streams a
                     sample a second for every row, as docker stats does
    --resync SEC     Seconds between full listings that repair missed events (default 30)
    --read-only      A pure viewer: keys that would change a container are off
    --tail N         Log lines of backlog a logs pane starts with (default 1000)
    --log-lines N    Log lines a logs pane keeps at most (default 5000)
    --version        Show berth's version
    --help           Show this help

  Environment
    DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_TLS   as for the docker CLI
    DOCKER_CONTEXT, DOCKER_CONFIG                                 contexts, as for the docker CLI
    NO_COLOR                                                      turn colour off

  Keys: press ? inside berth.
`;

export type CommandLine =
	| {kind: 'run'; options: RunOptions}
	| {kind: 'help'}
	| {kind: 'version'}
	/** A flag berth does not know, or a value that is not one: the message for stderr. */
	| {kind: 'error'; message: string};

const numberFlags = {refresh: 5, resync: 30, tail: 1000, 'log-lines': 5000} as const;

/** argv without node and the script (process.argv.slice(2)). */
export function parseCommandLine(argv: readonly string[]): CommandLine {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			allowNegative: true,
			strict: true,
			allowPositionals: false,
			options: {
				host: {type: 'string', short: 'H', multiple: true},
				context: {type: 'string', multiple: true},
				'all-contexts': {type: 'boolean', default: false},
				color: {type: 'boolean', default: true},
				ascii: {type: 'boolean', default: false},
				refresh: {type: 'string'},
				resync: {type: 'string'},
				'read-only': {type: 'boolean', default: false},
				tail: {type: 'string'},
				'log-lines': {type: 'string'},
				version: {type: 'boolean', default: false},
				help: {type: 'boolean', short: 'h', default: false},
			},
		});
	} catch (error) {
		// parseArgs words its errors for a program's author ("Unknown option '--x'. To specify a positional...").
		const message = error instanceof Error ? error.message.split('. ')[0]! : String(error);
		return {kind: 'error', message: `${message.replace(/\.$/, '')} (berth --help lists the options)`};
	}

	const {values} = parsed;
	if (values.help) return {kind: 'help'};
	if (values.version) return {kind: 'version'};
	const numbers: Record<keyof typeof numberFlags, number> = {...numberFlags};
	for (const name of Object.keys(numberFlags) as Array<keyof typeof numberFlags>) {
		const text = values[name];
		if (text === undefined) continue;
		const value = Number(text);
		if (text.trim() === '' || !Number.isFinite(value)) return {kind: 'error', message: `--${name} needs a number, not ${JSON.stringify(text)}`};
		numbers[name] = value;
	}

	return {
		kind: 'run',
		options: {
			hosts: values.host ?? [],
			contexts: values.context ?? [],
			allContexts: values['all-contexts'],
			color: values.color,
			ascii: values.ascii,
			refreshSeconds: numbers.refresh,
			resyncSeconds: numbers.resync,
			readOnly: values['read-only'],
			tail: numbers.tail,
			logLines: numbers['log-lines'],
		},
	};
}
