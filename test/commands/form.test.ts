// The keys of the run form: fields, typing through the one line editor, choices, Enter, Esc, and the engine's answer.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {reduceFormKey} from '../../source/commands/form.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {containerRecord, imageRecord} from '../state/records.js';
import {selectCurrentList} from '../../source/views/current.js';
import {finish, named, press, requests, withContainers, type Typed} from './press.js';

/** The form opened with R on the containers, the engine's images listed: nginx:1.25 and busybox:latest. */
function form(...keys: Typed[]): AppState {
	const state = reduceApp(withContainers(['api', 'web']), {
		type: 'images/listed',
		engine: 'local',
		records: [imageRecord({id: 'sha256:aaa', repoTags: ['nginx:1.25']}), imageRecord({id: 'sha256:bbb', repoTags: ['busybox:latest']})],
	});
	return press(press(state, 'R'), ...keys);
}

const runs = (state: AppState) => requests(state).filter(request => request.kind === 'run');

describe('fields', () => {
	test('Tab and Down go to the next field, round the end; Up to the previous', () => {
		assert.equal(form().form?.focus, 'image');
		assert.equal(form(named('tab')).form?.focus, 'name');
		assert.equal(form(named('down'), named('down')).form?.focus, 'command');
		assert.equal(form(named('up')).form?.focus, 'mode');
		assert.equal(form(...Array.from({length: 8}, () => named('tab'))).form?.focus, 'image');
	});

	test('typing edits the field in focus, Backspace erases; q and ? are typed', () => {
		const state = form('nginx:1.2x', named('backspace'), '5', named('tab'), 'q?');
		assert.equal(state.form?.values.image, 'nginx:1.25');
		assert.equal(state.form?.values.name, 'q?');
		assert.equal(state.ui.quitting, false);
		assert.equal(state.ui.mode, 'form');
	});

	test('restart and mode are choices: Left, Right and Space cycle them, letters do nothing', () => {
		const restart = form(named('up'), named('up'));
		assert.equal(restart.form?.focus, 'restart');
		assert.equal(press(restart, named('right')).form?.values.restart, 'always');
		assert.equal(press(restart, ' ', ' ').form?.values.restart, 'unless-stopped');
		assert.equal(press(restart, named('left')).form?.values.restart, 'on-failure');
		assert.equal(press(restart, 'x'), restart);
		const mode = form(named('up'));
		assert.equal(press(mode, named('right')).form?.values.mode, 'shell');
		assert.equal(press(mode, named('right'), named('left')).form?.values.mode, 'detached');
	});

	test('typing in a field takes its error away', () => {
		const refused = form('Nginx', named('return'));
		assert.ok(refused.form?.errors.image);
		assert.equal(press(refused, named('backspace')).form?.errors.image, undefined);
	});
});

describe('Enter', () => {
	test('a valid form asks the engine to run it, once, and waits', () => {
		const state = form('nginx:1.25', named('tab'), 'proxy', named('tab'), 'nginx -g "daemon off;"', named('tab'), '8080:80', named('tab'), 'A=1 B=2', named('tab'), 'data:/data:ro', named('tab'), named('right'), named('return'));
		assert.deepEqual(runs(state), [
			{
				kind: 'run',
				engine: 'local',
				shell: false,
				spec: {
					image: 'nginx:1.25',
					name: 'proxy',
					command: ['nginx', '-g', 'daemon off;'],
					ports: [{hostIp: '', hostPort: '8080', containerPort: 80, protocol: 'tcp'}],
					env: ['A=1', 'B=2'],
					mounts: [{source: 'data', target: '/data', readOnly: true}],
					restart: 'always',
					interactive: false,
				},
			},
		]);
		assert.equal(state.form?.submitting, true);
		assert.equal(state.ui.mode, 'form');
		const again = press(state, named('return'), 'x', named('escape'));
		assert.equal(again, state, 'keys wait while the engine is asked');
	});

	test('shell mode asks for a terminal', () => {
		const state = form('busybox', named('up'), named('right'), named('return'));
		assert.deepEqual(runs(state).map(request => request.kind === 'run' && [request.shell, request.spec.interactive, request.spec.image]), [[true, true, 'busybox:latest']]);
	});

	test('a form with errors runs nothing, shows them, and goes to the first field in error', () => {
		const state = form('nginx:1.25', named('tab'), 'api', named('tab'), named('tab'), '99999:80', named('return'));
		assert.equal(runs(state).length, 0);
		assert.equal(state.form?.errors.name, 'the name "api" is already taken');
		assert.match(state.form?.errors.ports ?? '', /not between 1 and 65535/);
		assert.equal(state.form?.focus, 'name');
		assert.equal(state.form?.submitting, false);
	});

	test('an image the engine does not have is refused: pull it first', () => {
		const state = form('redis', named('return'));
		assert.equal(runs(state).length, 0);
		assert.equal(state.form?.errors.image, 'no image redis:latest on this engine: pull it first (images view, p)');
	});

	test('an empty image is refused', () => {
		const state = form(named('return'));
		assert.match(state.form?.errors.image ?? '', /an image name is needed/);
		assert.equal(state.form?.focus, 'image');
	});
});

describe('the engine\'s answer', () => {
	test('started: the form closes and says so', () => {
		const state = finish(form('nginx:1.25', named('return')), 'run', {kind: 'done', text: 'Started proxy.', id: 'abc123'});
		assert.equal(state.form, undefined);
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.ui.message?.text, 'Started proxy.');
		assert.equal(requests(state).filter(request => request.kind === 'attach').length, 0);
		assert.equal(state.ui.selectedKey, containerKey('local', 'abc123'), 'the cursor goes to the new container');
		// Listed by the engine's event: it is the selected row.
		const listed = reduceApp(state, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'aaa', names: ['/older']}), containerRecord({id: 'abc123', names: ['/proxy']})]});
		assert.equal(selectCurrentList(listed).selected?.key, containerKey('local', 'abc123'));
	});

	test('started in shell mode: a terminal is attached to the new container', () => {
		const state = finish(form('busybox', named('tab'), 'box', named('up'), named('up'), named('right'), named('return')), 'run', {kind: 'done', text: 'Started box.', id: 'abc123abc123ff'});
		assert.deepEqual(requests(state).filter(request => request.kind === 'attach'), [
			{kind: 'attach', target: {key: containerKey('local', 'abc123abc123ff'), engine: 'local', id: 'abc123abc123ff', name: 'box', state: 'running'}},
		]);
	});

	test('refused: the error goes under the field it concerns, and the form can be sent again', () => {
		const state = finish(form('nginx:1.25', named('tab'), 'proxy', named('return')), 'run', {kind: 'failed', error: 'Conflict. The container name "/proxy" is already in use'});
		assert.equal(state.form?.submitting, false);
		assert.equal(state.form?.focus, 'name');
		assert.match(state.form?.errors.name ?? '', /already in use/);
		assert.equal(state.form?.engineError, undefined);
		assert.equal(runs(press(state, named('backspace'), 'y', named('return'))).length, 2);
	});

	test('refused for a reason no field has: said on its own', () => {
		const state = finish(form('nginx:1.25', named('return')), 'run', {kind: 'failed', error: 'daemon is shutting down'});
		assert.equal(state.form?.engineError, 'daemon is shutting down');
	});
});

describe('Esc', () => {
	test('cancels: nothing is created', () => {
		const state = form('nginx', named('escape'));
		assert.equal(state.form, undefined);
		assert.equal(state.ui.mode, 'list');
		assert.deepEqual(state.ui.message, {text: 'Run cancelled: nothing was created.', tone: 'info'});
		assert.equal(runs(state).length, 0);
	});
});

describe('with no form under the keys', () => {
	test('back to the list', () => {
		const state = {...form(), form: undefined};
		assert.equal(reduceFormKey(state, {name: 'a', printable: true}).ui.mode, 'list');
	});
});
