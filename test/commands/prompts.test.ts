// Each prompt over the one line editor: typing, Enter and Esc at the filter, the command line, the pane and
// logs searches, the logs filter, pull and scale.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {completeViewName} from '../../source/commands/prompts.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {selectCurrentList} from '../../source/views/current.js';
import {imageRecord, serviceRecord} from '../state/records.js';
import {finish, logLines, named, press, requests, stateOf, withContainers} from './press.js';

const containers = () => withContainers(['api', 'db', 'web', 'worker']);
const key = (name: string, engine = 'local') => containerKey(engine, `id-${name}`);

describe('the / filter prompt', () => {
	test('opens with the filter kept so far, and the list narrows while typing', () => {
		let state = press(containers(), '/');
		assert.equal(state.ui.mode, 'filter');
		assert.equal(state.ui.draft, '');
		state = press(state, 'w');
		assert.deepEqual(selectCurrentList(state).keys, [key('web'), key('worker')]);
		assert.equal(state.ui.filter, '', 'nothing is kept before Enter');
		state = press(state, named('return'), '/');
		assert.equal(state.ui.draft, 'w');
	});

	test('Enter keeps the filter, trimmed, and selects the first matching row', () => {
		const state = press(containers(), 'j', '/', ' wor ', named('return'));
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.ui.filter, 'wor');
		assert.equal(state.ui.selectedKey, key('worker'));
	});

	test('Enter on a filter nothing matches keeps it, with no selection', () => {
		const state = press(containers(), '/', 'zzz', named('return'));
		assert.equal(state.ui.filter, 'zzz');
		assert.equal(state.ui.selectedKey, undefined);
		assert.equal(selectCurrentList(state).selected, undefined);
	});

	test('Esc clears the filter, the draft and the kept one, and keeps the marks', () => {
		let state = press(containers(), ' ', '/', 'web', named('return'));
		assert.equal(state.ui.marks.size, 1);
		state = press(state, '/', 'x', named('escape'));
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.ui.filter, '');
		assert.equal(state.ui.draft, '');
		assert.equal(state.ui.marks.size, 1);
		assert.equal(selectCurrentList(state).rows.length, 4);
	});

	test('Backspace erases, Tab and arrows do nothing, letters that are commands are typed', () => {
		const state = press(containers(), '/', 'wx', named('backspace'), named('tab'), named('down'), 'sq');
		assert.equal(state.ui.draft, 'wsq');
		assert.equal(state.ui.quitting, false);
		assert.equal(state.operations.outbox.length, 0);
	});
});

describe('the : command line', () => {
	test('opens empty and clears the message', () => {
		const state = press(containers(), ':', 'nope', named('return'));
		assert.ok(state.ui.message);
		const opened = press(state, ':');
		assert.equal(opened.ui.mode, 'command');
		assert.equal(opened.ui.draft, '');
		assert.equal(opened.ui.message, undefined);
	});

	const completions: Array<[string, string]> = [
		['im', 'images'],
		// containers and contexts share "cont": Tab goes as far as they agree.
		['co', 'cont'],
		['c', 'cont'],
		['cont', 'cont'],
		['conta', 'containers'],
		['n', 'n'],
		['ne', 'networks'],
		['no', 'nodes'],
		['s', 'services'],
		['t', 'tasks'],
		['IM', 'images'],
		['xyz', 'xyz'],
		['', ''],
		['containers', 'containers'],
	];
	for (const [draft, expected] of completions) {
		test(`Tab completes ":${draft}" to ":${expected}"`, () => {
			assert.equal(completeViewName(draft), expected);
			assert.equal(press(containers(), ':', draft, named('tab')).ui.draft, expected);
		});
	}

	test('Tab twice on a shared prefix goes no further; Backspace edits', () => {
		assert.equal(press(containers(), ':', 'co', named('tab'), named('tab')).ui.draft, 'cont');
		assert.equal(press(containers(), ':', 'ima', named('backspace')).ui.draft, 'im');
	});

	test(':containers switches to the containers view', () => {
		const state = press(containers(), '2', ':', 'containers', named('return'));
		assert.equal(state.ui.view, 'containers');
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.ui.draft, '');
		assert.equal(state.ui.message, undefined);
	});

	test('a unique prefix runs the view it names, whatever its case', () => {
		assert.equal(press(containers(), '2', ':', 'conta', named('return')).ui.view, 'containers');
		assert.equal(press(containers(), ':', ' VOL ', named('return')).ui.view, 'volumes');
	});

	for (const view of ['images', 'volumes', 'networks', 'events', 'services', 'tasks', 'nodes', 'contexts']) {
		test(`:${view} switches to the ${view} view`, () => {
			const state = press(containers(), ':', view, named('return'));
			assert.equal(state.ui.view, view);
			assert.equal(state.ui.mode, 'list');
			assert.equal(state.ui.message, undefined);
		});
	}

	test(':images switches, and coming back finds the selection and filter where they were', () => {
		const here = press(containers(), '/', 'w', named('return'), 'j');
		assert.equal(here.ui.selectedKey, key('worker'));
		const images = press(here, ':', 'images', named('return'));
		assert.equal(images.ui.filter, '');
		assert.equal(images.ui.selectedKey, undefined);
		const back = press(images, ':', 'containers', named('return'));
		assert.equal(back.ui.selectedKey, key('worker'));
		assert.equal(back.ui.filter, 'w');
	});

	for (const command of ['q', 'quit', ' Q ']) {
		test(`:${command.trim()} quits`, () => {
			assert.equal(press(containers(), ':', command, named('return')).ui.quitting, true);
		});
	}

	test(':help opens the help, and Esc there goes back to the list', () => {
		const state = press(containers(), ':', 'help', named('return'));
		assert.equal(state.ui.mode, 'help');
		assert.equal(press(state, named('escape')).ui.mode, 'list');
	});

	test(':help opens the help at its top and goes back to the list, wherever the help was opened from before', () => {
		// The help opened from a pane and scrolled, then closed, and the pane closed too.
		const before = press(containers(), 'i', '?', 'jjj', named('escape'), named('escape'));
		assert.equal(before.ui.mode, 'list');
		assert.equal(before.operations.pane, undefined);
		const state = press(before, ':', 'help', named('return'));
		assert.equal(state.ui.mode, 'help');
		assert.equal(state.ui.helpScroll, 0);
		const closed = press(state, named('escape'));
		assert.equal(closed.ui.mode, 'list', 'not back to a pane that is no longer open');
		assert.equal(press(state, '?').ui.mode, 'list');
	});

	test('an unknown command says so and lists the views', () => {
		const state = press(containers(), ':', 'frobnicate', named('return'));
		assert.equal(state.ui.message?.tone, 'error');
		assert.match(state.ui.message?.text ?? '', /Unknown command ":frobnicate"/);
		assert.match(state.ui.message?.text ?? '', /containers, images, volumes, networks, events, services, tasks, nodes, contexts/);
		assert.equal(state.ui.quitting, false);
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.ui.view, 'containers');
	});

	test('an ambiguous prefix is an unknown command', () => {
		const state = press(containers(), ':', 'co', named('return'));
		assert.match(state.ui.message?.text ?? '', /Unknown command ":co"/);
		assert.equal(state.ui.view, 'containers');
	});

	test('an empty command line just closes', () => {
		const state = press(containers(), ':', '  ', named('return'));
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.ui.message, undefined);
		assert.equal(state.ui.quitting, false);
	});

	test('Esc cancels without running', () => {
		const state = press(containers(), ':', 'q', named('escape'));
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.ui.draft, '');
		assert.equal(state.ui.quitting, false);
	});
});

/** An inspect pane on api, filled: 16 lines, "HOME" on line 8 (index 7), "running" twice. */
function inspectPane(): AppState {
	const state = press(containers(), 'i');
	return finish(state, 'inspect', {
		kind: 'inspect',
		document: {Id: 'id-api', Name: '/api', Config: {Env: ['PASSWORD=secret', 'HOME=/root'], Image: 'nginx'}, State: {Status: 'running'}},
	});
}

describe('the pane\'s / search', () => {
	test('opens with the search kept so far; Enter keeps it and shows the first match on top', () => {
		let state = press(inspectPane(), '/');
		assert.equal(state.ui.mode, 'pane-search');
		assert.equal(state.ui.draft, '');
		state = press(state, 'home', named('return'));
		assert.equal(state.ui.mode, 'pane');
		assert.equal(state.ui.draft, '');
		assert.equal(state.operations.pane?.search, 'home');
		assert.equal(state.operations.pane?.scroll, 7);
		assert.equal(state.ui.message?.text, 'Match 1 of 1 for "home" (line 8).');
		assert.equal(press(state, '/').ui.draft, 'home');
	});

	test('Enter on the same search goes on to the next match, and round to the first', () => {
		let state = press(inspectPane(), '/', '"', named('return'));
		const first = state.operations.pane!.scroll;
		state = press(state, '/', named('return'));
		assert.ok(state.operations.pane!.scroll > first);
		assert.match(state.ui.message?.text ?? '', /^Match 2 of \d+ for """/);
	});

	test('no match says so, and keeps the search', () => {
		const state = press(inspectPane(), '/', 'nothing-like-it', named('return'));
		assert.equal(state.ui.mode, 'pane');
		assert.equal(state.ui.message?.tone, 'error');
		assert.equal(state.ui.message?.text, 'No match for "nothing-like-it".');
		assert.equal(state.operations.pane?.search, 'nothing-like-it');
		assert.equal(state.operations.pane?.scroll, 0);
	});

	test('Esc goes back to the pane and leaves the search as it was', () => {
		const kept = press(inspectPane(), '/', 'home', named('return'));
		const state = press(kept, '/', named('backspace'), 'x', named('escape'));
		assert.equal(state.ui.mode, 'pane');
		assert.equal(state.operations.pane?.search, 'home');
		assert.equal(state.operations.pane?.scroll, 7);
	});
});

function logsOpen(): AppState {
	return logLines(press(containers(), 'l'), ['starting', 'listening on :80', 'GET /health 200', 'error: upstream down', 'GET / 200']);
}

describe('the logs\' / search', () => {
	test('Enter highlights the matches and shows the first one, not following', () => {
		let state = press(logsOpen(), '/');
		assert.equal(state.ui.mode, 'logs-search');
		state = press(state, 'GET', named('return'));
		assert.equal(state.ui.mode, 'logs');
		assert.equal(state.logs?.search, 'GET');
		assert.equal(state.logs?.follow, false);
		assert.equal(state.logs?.anchor, 3);
		assert.equal(state.ui.message?.text, 'Matches of "GET" highlighted: n next, N previous.');
		assert.equal(press(state, '/').ui.draft, 'GET');
	});

	test('no line has it: says so, keeps the search, still following', () => {
		const state = press(logsOpen(), '/', 'panic', named('return'));
		assert.equal(state.ui.mode, 'logs');
		assert.equal(state.ui.message?.text, 'No line has "panic".');
		assert.equal(state.ui.message?.tone, 'error');
		assert.equal(state.logs?.search, 'panic');
		assert.equal(state.logs?.follow, true);
	});

	test('an empty search turns highlighting off without a word', () => {
		const searched = press(logsOpen(), '/', 'GET', named('return'));
		const state = press(searched, '/', named('backspace'), named('backspace'), named('backspace'), named('return'));
		assert.equal(state.logs?.search, '');
		assert.equal(state.ui.message, undefined);
	});

	test('Esc goes back to the logs and leaves the search as it was', () => {
		const searched = press(logsOpen(), '/', 'GET', named('return'));
		const state = press(searched, '/', 'x', named('escape'));
		assert.equal(state.ui.mode, 'logs');
		assert.equal(state.logs?.search, 'GET');
	});
});

describe('the logs\' f filter', () => {
	test('Enter shows only the lines with the text; f again opens with it', () => {
		let state = press(logsOpen(), 'f');
		assert.equal(state.ui.mode, 'logs-filter');
		assert.equal(state.ui.draft, '');
		state = press(state, ' GET ', named('return'));
		assert.equal(state.ui.mode, 'logs');
		assert.equal(state.logs?.filter, 'GET');
		assert.equal(state.ui.message?.text, 'Showing only lines with "GET".');
		assert.equal(press(state, 'f').ui.draft, 'GET');
	});

	test('an empty filter shows every line again', () => {
		const filtered = press(logsOpen(), 'f', 'GET', named('return'));
		const state = press(filtered, 'f', named('backspace'), named('backspace'), named('backspace'), named('return'));
		assert.equal(state.logs?.filter, '');
		assert.equal(state.ui.message?.text, 'Filter off: every line shown.');
	});

	test('Esc clears the filter (unlike a search)', () => {
		const filtered = press(logsOpen(), 'f', 'GET', named('return'));
		const state = press(filtered, 'f', 'x', named('escape'));
		assert.equal(state.ui.mode, 'logs');
		assert.equal(state.ui.draft, '');
		assert.equal(state.logs?.filter, '');
	});
});

/** The images view on two engines, the selection on the second engine's image. */
function imagesView(): AppState {
	let state = withContainers([], 'local');
	state = withContainers([], 'remote', state);
	state = reduceApp(state, {type: 'images/listed', engine: 'local', records: [imageRecord({id: 'sha256:aaa', repoTags: ['nginx:1.25'], created: 2})]});
	state = reduceApp(state, {type: 'images/listed', engine: 'remote', records: [imageRecord({engine: 'remote', id: 'sha256:bbb', repoTags: ['redis:7'], created: 1})]});
	return press(state, '2', 'j');
}

describe('the images\' p pull prompt', () => {
	test('a valid reference asks the selected row\'s engine to pull it and opens the pull pane', () => {
		let state = press(imagesView(), 'p');
		assert.equal(state.ui.mode, 'pull');
		assert.equal(state.ui.draft, '');
		state = press(state, 'docker.io/library/busybox:1.36', named('return'));
		assert.deepEqual(requests(state), [{kind: 'pull', engine: 'remote', reference: 'busybox:1.36'}]);
		assert.equal(state.ui.mode, 'pane');
		assert.equal(state.operations.pane?.kind, 'pull');
		assert.equal(state.operations.pane?.target.name, 'busybox:1.36');
		assert.equal(state.operations.pane?.target.engine, 'remote');
		assert.equal(state.ui.message?.text, 'Pulling busybox:1.36…');
	});

	test('a registry with a port and a path is kept as written', () => {
		const state = press(imagesView(), 'p', 'registry:5000/team/app:1.2', named('return'));
		assert.deepEqual(requests(state), [{kind: 'pull', engine: 'remote', reference: 'registry:5000/team/app:1.2'}]);
	});

	const invalid: Array<[string, RegExp]> = [
		['', /^Cannot pull: an image name is needed/],
		['Nginx', /^Cannot pull: /],
		['nginx:', /^Cannot pull: /],
		['nginx@sha256:12', /^Cannot pull: invalid reference format/],
	];
	for (const [text, message] of invalid) {
		test(`"${text}" is refused with the reason, and nothing is pulled`, () => {
			const state = press(imagesView(), 'p', text, named('return'));
			assert.equal(state.operations.outbox.length, 0);
			assert.equal(state.operations.pane, undefined);
			assert.equal(state.ui.mode, 'list');
			assert.equal(state.ui.message?.tone, 'error');
			assert.match(state.ui.message?.text ?? '', message);
		});
	}

	test('a space cannot be part of a name', () => {
		const state = press(imagesView(), 'p', 'my image', named('return'));
		assert.match(state.ui.message?.text ?? '', /has spaces/);
		assert.equal(state.operations.outbox.length, 0);
	});

	test('Esc pulls nothing', () => {
		const state = press(imagesView(), 'p', 'nginx', named('escape'));
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.ui.draft, '');
		assert.equal(state.operations.outbox.length, 0);
	});
});

function servicesView(): AppState {
	const state = reduceApp(withContainers([]), {
		type: 'swarm/listed',
		engine: 'local',
		listing: {manager: true, nodeId: 'node1', services: [serviceRecord({id: 'svc-api', name: 'api'}), serviceRecord({id: 'svc-web', name: 'web'})], tasks: [], nodes: []},
	});
	return press(state, '6', 'j');
}

describe('the services\' = scale prompt', () => {
	test('digits only are typed; Enter asks to scale the selected service to the number', () => {
		let state = press(servicesView(), '=');
		assert.equal(state.ui.mode, 'scale');
		state = press(state, '1x-2 .5');
		assert.equal(state.ui.draft, '125');
		state = press(state, named('return'));
		assert.equal(state.ui.mode, 'list');
		assert.deepEqual(requests(state), [
			{kind: 'service-scale', target: {key: containerKey('local', 'svc-web'), engine: 'local', id: 'svc-web', name: 'web'}, replicas: {to: 125}},
		]);
		assert.equal(state.ui.message?.text, 'Scaling web to 125…');
	});

	test('zero is a number of replicas', () => {
		const state = press(servicesView(), '=', '0', named('return'));
		assert.deepEqual(requests(state).map(request => request.kind === 'service-scale' && request.replicas), [{to: 0}]);
	});

	test('no number, or one too large, is refused and nothing is asked', () => {
		for (const typed of ['', '1234567']) {
			const state = press(servicesView(), '=', typed, named('return'));
			assert.equal(state.operations.outbox.length, 0, typed);
			assert.equal(state.ui.message?.tone, 'error');
			assert.equal(state.ui.message?.text, `Cannot scale to "${typed}": type a number of replicas (0 or more).`);
		}
	});

	test('Esc scales nothing', () => {
		const state = press(servicesView(), '=', '3', named('escape'));
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.operations.outbox.length, 0);
	});
});
