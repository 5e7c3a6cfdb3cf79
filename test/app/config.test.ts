// The configuration file as berth reads it: every kind of bad file is one line naming file, line, column,
// key and what is wrong; a good one is the configuration it says.
import assert from 'node:assert/strict';
import {execFileSync, spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {test} from 'node:test';
import {closestWord, parseConfig} from '../../source/app/config.js';
import {applyConfig, selectConfigPath, selectEffectiveConfig} from '../../source/app/configFile.js';
import {defaultConfig} from '../../source/app/configTypes.js';

const bad: Array<[string, string, string]> = [
	['an unknown top-level key, with the closest known one', 'refresh: 2\nrefrsh: 3\n', 'c.yaml:2:1: refrsh: unknown key (did you mean refresh?'],
	['an unknown key in a section', 'logs:\n  tial: 5\n', 'c.yaml:2:3: logs.tial: unknown key (did you mean tail?'],
	['an unknown key of an engine', 'engines:\n  - hots: tcp://x:2375\n', 'c.yaml:2:5: engines[0].hots: unknown key (did you mean host?'],
	['a number of the wrong type', 'refresh: soon\n', 'c.yaml:1:10: refresh: needs a number, not "soon"'],
	['a boolean of the wrong type', 'readOnly: yes please\n', 'c.yaml:1:11: readOnly: needs true or false, not "yes please"'],
	['a list where a mapping belongs', 'logs: [1, 2]\n', 'c.yaml:1:7: logs: needs a mapping'],
	['an unknown view', 'view: contaners\n', 'c.yaml:1:7: view: no view named contaners (did you mean containers?)'],
	['an unknown action', 'keys:\n  stpo: x\n', 'c.yaml:2:3: keys.stpo: no action named stpo (did you mean stop?)'],
	['a key bound twice in one scope', 'keys:\n  stop: r\n', 'c.yaml:2:3: keys.stop: key r is bound twice in containers: to stop and to restart'],
	['two remapped actions on one key', 'keys:\n  stop: x\n  kill: x\n', 'c.yaml:3:3: keys.kill: key x is bound twice in containers: to kill and to stop'],
	['a custom command on a key the file gives an action', 'keys:\n  stop: x\ncommands:\n  - name: Two\n    key: x\n    run: echo\n', 'c.yaml:4:5: commands[0].key: key x is bound twice in containers: to custom:Two and to stop'],
	['two custom commands on one key', 'commands:\n  - name: One\n    key: L\n    run: echo\n  - name: Two\n    key: L\n    run: echo\n', 'c.yaml:5:5: commands[1].key: key L is bound twice in containers: to custom:Two and to custom:One'],
	['a key name berth does not read', 'keys:\n  stop: F99\n', 'c.yaml:2:9: keys.stop: "F99" is not a key berth reads'],
	['a custom command without run', 'commands:\n  - name: Two\n    key: L\n', 'c.yaml:2:5: commands[0].run: is missing'],
	['an unknown placeholder', 'commands:\n  - name: Two\n    key: L\n    run: echo {{nmae}}\n', 'c.yaml:4:10: commands[0].run: no placeholder {{nmae}}'],
	['an engine with neither host nor context', 'engines:\n  - name: far\n', 'c.yaml:2:5: engines[0]: needs either host or context'],
	['an unknown column', 'columns:\n  containers: [name, satus]\n', 'c.yaml:2:22: columns.containers: no column named satus (did you mean status?)'],
	['ENGINE named as a column', 'columns:\n  projects: [name, engine]\n', 'c.yaml:2:20: columns.projects: engine is not a column to name here: ENGINE comes first by itself when berth shows several engines'],
	['an unknown colour', 'theme:\n  running: greenish\n', 'c.yaml:2:12: theme.running: no colour named greenish'],
	['a YAML syntax error', 'keys: [a\n', 'c.yaml:2:1: '],
	['a key given twice', 'refresh: 1\nrefresh: 2\n', 'c.yaml:2:1: Map keys must be unique'],
	['an unknown alerts key', 'alerts:\n  bel: true\n', 'c.yaml:2:3: alerts.bel: unknown key (did you mean bell?'],
	['a crash-loop count that is not a number', 'alerts:\n  crashRestarts: many\n', 'c.yaml:2:18: alerts.crashRestarts: needs a number, not "many"'],
	['a kiosk that is not true or false', 'kiosk: maybe\n', 'c.yaml:1:8: kiosk: needs true or false, not "maybe"'],
];

for (const [what, source, line] of bad) {
	test(`a bad file: ${what}`, () => {
		const parsed = parseConfig(source, 'c.yaml');
		assert.equal(parsed.ok, false);
		const {error} = parsed as {error: string};
		assert.ok(error.startsWith(line), error);
		assert.ok(!error.includes('\n'), `one line: ${error}`);
	});
}

test('a full file: every key read', () => {
	const parsed = parseConfig(
		[
			'refresh: 2',
			'readOnly: false',
			'view: images',
			'engines:',
			'  - name: prod',
			'    host: tcp://127.0.0.1:2375',
			'    readOnly: true',
			'  - context: default',
			'keys:',
			'  stop: x',
			'  remove: [d, Delete]',
			'  quit: Ctrl-q',
			'commands:',
			'  - name: Compose logs',
			'    key: L',
			'    run: docker compose -p {{project}} logs',
			'    terminal: true',
			'logs: {tail: 10, timestamps: true, wrap: true}',
			'columns:',
			'  containers: [name, status]',
			'  images: [repository, tag]',
			'theme: {running: blue, error: "#ff0000"}',
			'kiosk: false',
			'alerts: {bell: true, notify: false, onAlert: "logger -t berth", crashRestarts: 4, crashMinutes: 5}',
		].join('\n'),
		'c.yaml',
	);
	assert.ok(parsed.ok, JSON.stringify(parsed));
	assert.deepEqual(parsed.config, {
		refresh: 2,
		readOnly: false,
		view: 'images',
		engines: [{name: 'prod', host: 'tcp://127.0.0.1:2375', readOnly: true}, {context: 'default', readOnly: false}],
		keys: {stop: ['x'], remove: ['d', 'backspace'], quit: ['ctrl+q']},
		commands: [{name: 'Compose logs', key: 'L', scope: 'containers', run: 'docker compose -p {{project}} logs', terminal: true, confirm: false, mutating: false}],
		logs: {tail: 10, timestamps: true, wrap: true},
		columns: {containers: ['name', 'status'], images: ['repository', 'tag']},
		theme: {running: 'blue', error: '#ff0000'},
		kiosk: false,
		alerts: {bell: true, notify: false, onAlert: 'logger -t berth', crashRestarts: 4, crashMinutes: 5},
	});
});

test('the alerts\' columns: engine, named when the view had an ENGINE column of its own, is left out, not an error', () => {
	const parsed = parseConfig('columns:\n  alerts: [time, engine, container, text]\n', 'c.yaml');
	assert.ok(parsed.ok, JSON.stringify(parsed));
	assert.deepEqual(parsed.config.columns, {alerts: ['time', 'container', 'text']});
});

test('an empty file is the defaults', () => {
	assert.deepEqual(parseConfig('', 'c.yaml'), {ok: true, config: defaultConfig});
	assert.deepEqual(parseConfig('# nothing yet\n', 'c.yaml'), {ok: true, config: defaultConfig});
});

test('closestWord: the known word fewest edits away', () => {
	assert.equal(closestWord('refrsh', ['readOnly', 'refresh', 'view']), 'refresh');
	assert.equal(closestWord('Keys', ['keys', 'logs']), 'keys');
});

test('the path read: --config, else BERTH_CONFIG, else XDG_CONFIG_HOME, else ~/.config', () => {
	assert.equal(selectConfigPath('/a.yaml', {BERTH_CONFIG: '/b.yaml'}).path, '/a.yaml');
	assert.equal(selectConfigPath(undefined, {BERTH_CONFIG: '/b.yaml', XDG_CONFIG_HOME: '/x'}).path, '/b.yaml');
	assert.equal(selectConfigPath(undefined, {XDG_CONFIG_HOME: '/x'}).path, '/x/berth/config.yaml');
	assert.equal(selectConfigPath(undefined, {HOME: '/home/me'}).path, '/home/me/.config/berth/config.yaml');
	assert.equal(selectConfigPath('/nonexistent/berth.yaml', {}).exists, false);
	// Named by --config or BERTH_CONFIG, it must exist; the default place need not.
	assert.equal(selectConfigPath('/a.yaml', {}).named, true);
	assert.equal(selectConfigPath(undefined, {BERTH_CONFIG: '/b.yaml'}).named, true);
	assert.equal(selectConfigPath(undefined, {HOME: '/home/me'}).named, false);
});

test('flags win over the file, the file over the defaults', () => {
	const config = {...defaultConfig, refresh: 2, readOnly: true, logs: {...defaultConfig.logs, tail: 50}};
	const options = {refreshSeconds: 5, readOnly: false, tail: 1000};
	const alertsOff = {kiosk: false, bell: false, notify: false, onAlert: undefined, crashRestarts: 3, crashMinutes: 10};
	assert.deepEqual(applyConfig({...options, explicit: []}, config), {...options, ...alertsOff, explicit: [], refreshSeconds: 2, readOnly: true, tail: 50});
	assert.deepEqual(applyConfig({...options, refreshSeconds: 9, tail: 3, explicit: ['refresh', 'tail'] as const}, config), {
		...options,
		...alertsOff,
		refreshSeconds: 9,
		tail: 3,
		readOnly: true,
		explicit: ['refresh', 'tail'],
	});
});

test('alerts and kiosk: the file turns them on, the flags win where they are given', () => {
	const config = {...defaultConfig, kiosk: true, alerts: {bell: true, notify: false, onAlert: 'logger berth', crashRestarts: 5, crashMinutes: 2}};
	const options = {refreshSeconds: 5, readOnly: false, tail: 1000, kiosk: false, bell: false, notify: false, onAlert: undefined as string | undefined, crashRestarts: 3, crashMinutes: 10, explicit: [] as Array<'crashRestarts'>};
	const applied = applyConfig(options, config);
	assert.deepEqual(
		[applied.kiosk, applied.readOnly, applied.bell, applied.notify, applied.onAlert, applied.crashRestarts, applied.crashMinutes],
		[true, true, true, false, 'logger berth', 5, 2],
	);
	const flagged = applyConfig({...options, notify: true, onAlert: 'true', crashRestarts: 2, explicit: ['crashRestarts']}, config);
	assert.deepEqual([flagged.notify, flagged.onAlert, flagged.crashRestarts, flagged.crashMinutes], [true, 'true', 2, 2]);
	const parsed = parseConfig('kiosk: true\nalerts:\n  bell: true\n  notify: true\n  onAlert: logger -t berth\n  crashRestarts: 4\n  crashMinutes: 15\n', 'c.yaml');
	assert.ok(parsed.ok);
	assert.deepEqual([parsed.config.kiosk, parsed.config.alerts], [true, {bell: true, notify: true, onAlert: 'logger -t berth', crashRestarts: 4, crashMinutes: 15}]);
});

test('the effective configuration: the file\'s, with the flags\' values instead', () => {
	const config = {...defaultConfig, refresh: 2, engines: [{name: 'prod', host: 'tcp://127.0.0.1:2375', readOnly: true}]};
	const none = {hosts: [], contexts: [], allContexts: false, refreshSeconds: 5, readOnly: false, tail: 1000, explicit: []};
	assert.deepEqual(selectEffectiveConfig(config, none), config);
	assert.deepEqual(selectEffectiveConfig(config, {...none, hosts: ['unix:///a.sock'], refreshSeconds: 9, readOnly: true, explicit: ['refresh', 'readOnly'] as const}), {
		...config,
		refresh: 9,
		readOnly: true,
		engines: [{host: 'unix:///a.sock', readOnly: false}],
	});
});

// The built CLI: what a person runs. `npm run build` first.
const cli = path.resolve(import.meta.dirname, '../../dist/cli.js');

test('berth config --check FILE: exit 0 for a good file, 2 and one line for every bad one', {skip: !fs.existsSync(cli) && 'npm run build first'}, () => {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-config-'));
	try {
		const good = path.join(directory, 'good.yaml');
		fs.writeFileSync(good, 'refresh: 2\nkeys: {stop: x}\n');
		assert.match(execFileSync(process.execPath, [cli, 'config', '--check', good], {encoding: 'utf8'}), /good/);
		for (const [what, source, line] of bad) {
			const file = path.join(directory, 'c.yaml');
			fs.writeFileSync(file, source);
			const result = spawnSync(process.execPath, [cli, 'config', '--check', file], {encoding: 'utf8'});
			assert.equal(result.status, 2, what);
			assert.equal(result.stdout, '');
			assert.equal(result.stderr.split('\n').length, 2, `one line: ${result.stderr}`);
			assert.ok(result.stderr.startsWith(`berth: ${file}${line.slice('c.yaml'.length)}`), `${what}: ${result.stderr}`);
		}

		// The file is read at start too: a bad one stops berth before it opens the screen.
		const started = spawnSync(process.execPath, [cli, '--config', path.join(directory, 'c.yaml')], {encoding: 'utf8'});
		assert.equal(started.status, 2);
		const missing = spawnSync(process.execPath, [cli, 'config', '--check', path.join(directory, 'none.yaml')], {encoding: 'utf8'});
		assert.equal(missing.status, 2);
		assert.match(missing.stderr, /no such file/);
		const missingByEnvironment = spawnSync(process.execPath, [cli, 'config'], {encoding: 'utf8', env: {...process.env, BERTH_CONFIG: path.join(directory, 'none.yaml')}});
		assert.equal(missingByEnvironment.status, 2);
		const none = spawnSync(process.execPath, [cli, 'config'], {encoding: 'utf8', env: {...process.env, BERTH_CONFIG: '', XDG_CONFIG_HOME: directory}});
		assert.equal(none.status, 0);
		assert.match(none.stdout, /config\.yaml \(does not exist: the defaults\)\nrefresh: 5\n/);
		const shown = execFileSync(process.execPath, [cli, 'config', '--config', good], {encoding: 'utf8'});
		assert.match(shown, new RegExp(`^# ${good} \\(read\\)\\nrefresh: 2\\n`));
		assert.match(shown, /stop:\n {4}- x/);
	} finally {
		fs.rmSync(directory, {recursive: true, force: true});
	}
});
