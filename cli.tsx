#!/usr/bin/env node
// Flags (meow) -> options -> run(). `--help` and `--version` alone answer before anything is loaded; the
// common forms of flags are read without meow, which (with the UI) comes in a chunk when it is needed; the
// first listing is asked for before the UI is loaded.
import {describeUnsupportedNode, readPlainCommandLine} from './source/app/commandLine.js';
import {helpText, quickAnswer} from './source/app/help.js';

declare const BERTH_VERSION: string;

const argv = process.argv.slice(2);
const unsupportedNode = describeUnsupportedNode(process.version);
const command = quickAnswer(argv) ?? readPlainCommandLine(argv) ?? (await import('./source/app/flags.js')).parseCommandLine(argv);
if (command === 'help' || (typeof command === 'object' && command.kind === 'help')) {
	process.stdout.write(`${helpText}\n`);
} else if (command === 'version' || command.kind === 'version') {
	// The bundle has it built in; run from source (tsx), package.json says it.
	process.stdout.write(`${typeof BERTH_VERSION === 'string' ? BERTH_VERSION : await versionFromManifest()}\n`);
} else if (command.kind === 'error') {
	process.stderr.write(`berth: ${command.message}\n`);
	process.exitCode = 2;
} else if (command.kind === 'config') {
	const {describeConfig, loadConfig, selectConfigPath} = await import('./source/app/configFile.js');
	const source = selectConfigPath(command.file ?? command.configFlag, process.env);
	const loaded = await loadConfig(source);
	if (!loaded.ok) {
		process.stderr.write(`berth: ${loaded.error}\n`);
		process.exitCode = 2;
	} else {
		process.stdout.write(command.check ? `${source.path}: ${source.exists ? 'good' : 'no file: the defaults'}\n` : await describeConfig(source, loaded, command.options));
	}
} else if (unsupportedNode) {
	process.stderr.write(`berth: ${unsupportedNode}\n`);
	process.exitCode = 1;
} else {
	const {applyConfig, loadConfig, selectConfigPath} = await import('./source/app/configFile.js');
	const source = selectConfigPath(command.options.configFile, process.env);
	const loaded = await loadConfig(source);
	if (loaded.ok) {
		const options = applyConfig(command.options, loaded.config);
		// The first listing is asked for now, and answered while the UI chunk loads: one turn of the event loop
		// connects the sockets and sends the requests before the chunk is evaluated.
		const {startEarly} = await import('./source/app/earlyStart.js');
		const early = startEarly(options, process.env, loaded.config.engines);
		await new Promise(resolve => setImmediate(resolve));
		// The first frame is painted as soon as the listings are in, before the UI chunk is loaded.
		const {paintFirstFrame} = await import('./source/app/firstPaint.js');
		const painted = await paintFirstFrame(options, early, loaded.config);
		const {run} = await import('./source/app/run.js');
		process.exitCode = await run(options, early, {config: loaded.config, path: source.path}, painted);
	} else {
		process.stderr.write(`berth: ${loaded.error}\n`);
		process.exitCode = 2;
	}
}

async function versionFromManifest(): Promise<string> {
	const {readFile} = await import('node:fs/promises');
	return (JSON.parse(await readFile(new URL('package.json', import.meta.url), 'utf8')) as {version: string}).version;
}
