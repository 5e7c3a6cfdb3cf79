// Custom commands of the configuration file as state: a key that enqueues /bin/sh runs, once per marked row,
// every value quoted, asking first when configured, off where mutating is; and the per-engine read-only gate.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {type CustomCommandSpec, customCommands, fillCommandLine} from '../../source/commands/custom.js';
import {reduceAppEvent} from '../../source/commands/input.js';
import {applyKeyConfig} from '../../source/commands/keyConfig.js';
import {keymap, selectHelpLines} from '../../source/commands/keymap.js';
import type {Command} from '../../source/commands/types.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {selectPaneLinesFor} from '../../source/state/select/paneLines.js';
import {selectHints} from '../../source/app/screen.js';
import {selectCurrentList} from '../../source/views/current.js';
import {containerRecord} from '../state/records.js';
import {everyView, finish, pageSize, presses, readOnly, requests, stateOf, type Typed, width} from './press.js';

const spec = (overrides: Partial<CustomCommandSpec> = {}): CustomCommandSpec => ({
	name: 'Project logs',
	key: 'L',
	scope: 'containers',
	run: 'docker compose -p {{project}} logs {{service}} # {{name}} {{id}} {{image}} {{engine}}',
	terminal: false,
	confirm: false,
	mutating: false,
	...overrides,
});

function commandsWith(...specs: CustomCommandSpec[]): Command[] {
	const applied = applyKeyConfig(keymap, {}, customCommands(specs));
	if (!applied.ok) throw new Error(applied.error.message);
	return applied.commands;
}

function pressWith(commands: readonly Command[], state: AppState, ...keys: Typed[]): AppState {
	return reduceAppEvent(state, {type: 'keys/pressed', presses: presses(...keys), pageSize, width, commands});
}

/** Two compose containers on two engines; one project label is hostile. */
function twoEngines(): AppState {
	let state = stateOf();
	for (const [engine, name, project] of [['local', 'api', '$(rm -rf ~)'], ['far', 'web', 'shop']] as const) {
		state = reduceApp(state, {type: 'engine/connected', engine, version: '25.0.0'});
		state = reduceApp(state, {
			type: 'containers/listed',
			engine,
			records: [containerRecord({id: `id-${name}`, names: [`/${name}`], engine, labels: {'com.docker.compose.project': project, 'com.docker.compose.service': name}})],
		});
	}

	return state;
}

test('fillCommandLine quotes every value as one word', () => {
	const values = {id: 'abc', name: "it's", image: 'a b', project: '$(rm -rf ~)', service: '`x`', engine: 'local'};
	assert.equal(fillCommandLine('echo {{name}} {{ project }} {{image}}', values), `echo 'it'\\''s' '$(rm -rf ~)' 'a b'`);
});

test('its key runs it on the selected row, with that row\'s engine and quoted values', () => {
	const commands = commandsWith(spec());
	const state = twoEngines();
	const after = pressWith(commands, state, 'L');
	const [selected] = [...state.containers.records.values()].filter(record => record.names[0] === '/api');
	assert.ok(selected);
	assert.deepEqual(requests(after), [
		{
			kind: 'custom',
			name: 'Project logs',
			terminal: false,
			runs: [{engine: 'local', target: 'api', command: `docker compose -p '$(rm -rf ~)' logs 'api' # 'api' 'id-api' 'nginx:1.25' 'local'`}],
		},
	]);
	assert.match(after.ui.message?.text ?? '', /Project logs: running on api/);
});

test('on marked rows it runs once per row, each on its own engine', () => {
	const commands = commandsWith(spec({run: 'echo {{name}}'}));
	const marked = pressWith(commands, twoEngines(), '*', 'L');
	const [request] = requests(marked);
	assert.ok(request?.kind === 'custom');
	assert.deepEqual(
		request.runs.map(run => [run.engine, run.command]),
		[['local', "echo 'api'"], ['far', "echo 'web'"]],
	);
});

test('its output and exit status show in a pane; a terminal command only says how it ended', () => {
	const commands = commandsWith(spec({run: 'echo {{name}}'}));
	const asked = pressWith(commands, twoEngines(), 'L');
	const done = finish(asked, 'custom', {kind: 'custom', lines: ["$ echo 'api'", 'api', '[exit status 0]'], failed: 0});
	assert.equal(done.ui.mode, 'pane');
	assert.deepEqual(selectPaneLinesFor(done, done.operations.pane!, true), ["$ echo 'api'", 'api', '[exit status 0]']);
	const terminal = pressWith(commandsWith(spec({terminal: true})), twoEngines(), 'L');
	const ended = finish(terminal, 'custom', {kind: 'custom', lines: ['api: exit status 1'], failed: 1});
	assert.equal(ended.ui.mode, 'list');
	assert.deepEqual(ended.ui.message, {text: 'Project logs: api: exit status 1.', tone: 'error'});
});

test('confirm: true asks first, naming the targets; y runs it, n does not', () => {
	const commands = commandsWith(spec({confirm: true}));
	const asked = pressWith(commands, twoEngines(), 'L');
	assert.equal(asked.ui.mode, 'confirm');
	assert.deepEqual(requests(asked), []);
	assert.equal(asked.operations.confirmation?.custom?.question, 'Project logs on api? y / N');
	assert.equal(requests(pressWith(commands, asked, 'y'))[0]?.kind, 'custom');
	assert.deepEqual(requests(pressWith(commands, asked, 'n')), []);
});

test('mutating: true is off under read-only, as built-in mutating keys are', () => {
	const commands = commandsWith(spec({mutating: true}));
	const refused = pressWith(commands, readOnly(twoEngines()), 'L');
	assert.deepEqual(requests(refused), []);
	assert.equal(refused.ui.message?.tone, 'error');
	assert.equal(requests(pressWith(commandsWith(spec()), readOnly(twoEngines()), 'L')).length, 1);
});

test('shown in ? under its view, with its key', () => {
	const lines = selectHelpLines(commandsWith(spec()));
	const heading = lines.findIndex(line => line.kind === 'heading' && line.text === 'Containers');
	const own = lines.findIndex(line => line.kind === 'binding' && line.label === 'L');
	assert.ok(heading >= 0 && own > heading);
});

test('a read-only engine refuses mutating keys for its rows, and only for its rows', () => {
	const state = twoEngines();
	const gated = {...state, ui: {...state.ui, readOnlyEngines: new Set(['local'])}};
	// api (local) is selected first: stop is refused, nothing asked of the engine.
	const refused = pressWith(keymap, gated, 's');
	assert.deepEqual(requests(refused), []);
	assert.match(refused.ui.message?.text ?? '', /The engine local is read-only/);
	// web (far) is not read-only.
	const allowed = pressWith(keymap, gated, 'j', 's');
	assert.equal(requests(allowed)[0]?.kind, 'container-action');
	// Marks that include a read-only engine's row are refused whole.
	const marked = pressWith(keymap, gated, 'j', '*', 's');
	assert.deepEqual(requests(marked), []);
	// Keys that change nothing still work on its rows.
	assert.equal(pressWith(keymap, gated, 'i').operations.pane?.kind, 'inspect');
	const custom = commandsWith(spec({mutating: true}));
	assert.deepEqual(requests(pressWith(custom, gated, 'L')), []);
});

test('the status line of a read-only engine\'s row offers no mutating key, and says so', () => {
	const state = twoEngines();
	const gated = {...state, ui: {...state.ui, readOnlyEngines: new Set(['local'])}};
	const onLocal = selectHints(gated, selectCurrentList(gated));
	assert.match(onLocal, /^local: read-only {2}/);
	assert.doesNotMatch(onLocal, /s stop/);
	const onFar = pressWith(keymap, gated, 'j');
	const hints = selectHints(onFar, selectCurrentList(onFar));
	assert.doesNotMatch(hints, /read-only/);
	assert.match(hints, /s stop/);
});

test('in the images, volumes and networks views, their own names and ids', () => {
	const commands = commandsWith(
		spec({scope: 'images', run: 'echo {{name}} {{image}} {{id}}'}),
		spec({name: 'Volume', scope: 'volumes', run: 'echo {{name}} {{id}}'}),
		spec({name: 'Network', scope: 'networks', run: 'echo {{name}} {{id}}'}),
	);
	const runOf = (state: AppState) => {
		const [request] = requests(state);
		assert.ok(request?.kind === 'custom');
		return request.runs.map(run => run.command);
	};

	assert.deepEqual(runOf(pressWith(commands, everyView(), '2', 'L')), ["echo 'nginx:1.25' 'nginx:1.25' 'sha256:aaa'"]);
	assert.deepEqual(runOf(pressWith(commands, everyView(), '3', 'L')), ["echo 'data' 'data'"]);
	assert.deepEqual(runOf(pressWith(commands, everyView(), '4', 'L')), ["echo 'bridge' 'net1'"]);
});

test('the last guard: every request that changes an engine names it, reads name none', async () => {
	const {selectChangedEngines} = await import('../../source/state/operations.js');
	const target = {key: 'k', engine: 'ro', id: 'i', name: 'n'};
	assert.deepEqual(selectChangedEngines({id: 1, kind: 'container-action', action: 'stop', targets: [{...target, state: 'running'}, {...target, engine: 'rw', state: 'running'}], options: {}}), ['ro', 'rw']);
	assert.deepEqual(selectChangedEngines({id: 1, kind: 'resource-action', action: 'image-remove', engine: 'ro', targets: [target], force: false}), ['ro']);
	assert.deepEqual(selectChangedEngines({id: 1, kind: 'service-scale', target, replicas: {by: 1}}), ['ro']);
	assert.deepEqual(selectChangedEngines({id: 1, kind: 'shell', target: {...target, state: 'running'}}), ['ro']);
	assert.deepEqual(selectChangedEngines({id: 1, kind: 'container-update', targets: [target, {...target, engine: 'rw'}], update: {pidsLimit: 1}}), ['ro', 'rw']);
	assert.deepEqual(selectChangedEngines({id: 1, kind: 'clipboard', text: 'n', what: 'the name n'}), []);
	assert.deepEqual(selectChangedEngines({id: 1, kind: 'inspect', target}), []);
	assert.deepEqual(selectChangedEngines({id: 1, kind: 'refresh', engine: 'ro', what: 'images'}), []);
});
