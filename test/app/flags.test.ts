// The command line as berth reads it: defaults, repeats, negations, and the errors a person sees.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseCommandLine} from '../../source/app/flags.js';

test('no flags: the defaults the help text names', () => {
	assert.deepEqual(parseCommandLine([]), {
		kind: 'run',
		options: {
			hosts: [],
			contexts: [],
			allContexts: false,
			color: true,
			ascii: false,
			refreshSeconds: 5,
			resyncSeconds: 30,
			readOnly: false,
			kiosk: false,
			bell: false,
			notify: false,
			onAlert: undefined,
			crashRestarts: 3,
			crashMinutes: 10,
			tail: 1000,
			logLines: 5000,
			explicit: [],
		},
	});
});

test('every flag, repeated hosts and contexts, kebab-case names', () => {
	const command = parseCommandLine([
		'-H', 'unix:///a.sock', '--host', 'ssh://ops@server', '--context', 'one', '--context=two', '--all-contexts',
		'--no-color', '--ascii', '--refresh', '1', '--resync=60', '--read-only', '--tail', '0', '--log-lines', '200',
		'--kiosk', '--bell', '--notify', '--on-alert', 'echo "$BERTH_ALERT_KIND" >> /tmp/x', '--crash-restarts', '5', '--crash-minutes=2',
	]);
	assert.deepEqual(command, {
		kind: 'run',
		options: {
			hosts: ['unix:///a.sock', 'ssh://ops@server'],
			contexts: ['one', 'two'],
			allContexts: true,
			color: false,
			ascii: true,
			refreshSeconds: 1,
			resyncSeconds: 60,
			readOnly: true,
			kiosk: true,
			bell: true,
			notify: true,
			onAlert: 'echo "$BERTH_ALERT_KIND" >> /tmp/x',
			crashRestarts: 5,
			crashMinutes: 2,
			tail: 0,
			logLines: 200,
			explicit: ['refresh', 'tail', 'readOnly', 'crashRestarts', 'crashMinutes'],
		},
	});
});

test('--config FILE names the configuration file; berth config [--check [FILE]] reads one', () => {
	const command = parseCommandLine(['--config', '/tmp/berth.yaml']);
	assert.equal(command.kind === 'run' && command.options.configFile, '/tmp/berth.yaml');
	const shown = (argv: string[]) => {
		const parsed = parseCommandLine(argv);
		return parsed.kind === 'config' ? {check: parsed.check, file: parsed.file, configFlag: parsed.configFlag} : parsed;
	};

	assert.deepEqual(shown(['config']), {check: false, file: undefined, configFlag: undefined});
	assert.deepEqual(shown(['config', '--check', 'a.yaml']), {check: true, file: 'a.yaml', configFlag: undefined});
	assert.deepEqual(shown(['config', '--config', 'b.yaml']), {check: false, file: undefined, configFlag: 'b.yaml'});
	// The flags given with it count in the configuration it shows.
	const withFlags = parseCommandLine(['config', '--read-only', '--refresh', '2']);
	assert.ok(withFlags.kind === 'config');
	assert.deepEqual([withFlags.options.readOnly, withFlags.options.refreshSeconds, withFlags.options.explicit], [true, 2, ['refresh', 'readOnly']]);
	assert.equal(parseCommandLine(['--check']).kind, 'error');
	assert.equal(parseCommandLine(['config', 'a.yaml']).kind, 'error');
});

test('--kiosk is read-only too; --on-alert needs a command; crash-loop numbers must make sense', () => {
	const kiosk = parseCommandLine(['--kiosk']);
	assert.ok(kiosk.kind === 'run' && kiosk.options.readOnly && kiosk.options.kiosk);
	assert.deepEqual(parseCommandLine(['--on-alert']), {kind: 'error', message: '--on-alert needs a command'});
	assert.equal(parseCommandLine(['--crash-restarts', '0']).kind, 'error');
	assert.equal(parseCommandLine(['--crash-minutes', 'soon']).kind, 'error');
});

test('--help and --version win over the rest', () => {
	assert.deepEqual(parseCommandLine(['--host', 'x', '--help']), {kind: 'help'});
	assert.deepEqual(parseCommandLine(['-h']), {kind: 'help'});
	assert.deepEqual(parseCommandLine(['--version']), {kind: 'version'});
});

test('unknown flags, stray words and numbers that are not are one line for the person', () => {
	for (const [argv, message] of [
		[['--bogus'], /^Unknown option '--bogus' \(berth --help lists the options\)$/],
		[['stray'], /stray/],
		[['--refresh', 'soon'], /^--refresh needs a number, not "soon"$/],
		[['--tail='], /^--tail needs a number/],
		[['--host'], /--host/],
	] as const) {
		const command = parseCommandLine(argv);
		assert.equal(command.kind, 'error', argv.join(' '));
		if (command.kind === 'error') assert.match(command.message, message);
	}
});
