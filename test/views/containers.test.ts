// The containers view: every container command, with its questions, marks, panes and sort.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerRecord, ContainerState} from '../../source/engine/types.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {composeProjectLabel} from '../../source/state/select/containers.js';
import {containersView, selectActionTargets} from '../../source/views/containers.js';
import {finish, named, press, readOnly, requests, shownContainers, stateOf, withContainers} from '../commands/press.js';
import {containerFigures, containerRecord} from '../state/records.js';

const target = (name: string, state: ContainerState = 'running', engine = 'local') => ({key: containerKey(engine, `id-${name}`), engine, id: `id-${name}`, name, state});
const updateTarget = (name: string) => ({key: containerKey('local', `id-${name}`), engine: 'local', id: `id-${name}`, name});
const MiB = 1024 ** 2;
const names = (state: AppState) => shownContainers(state).rows.map(row => row.name);

function containers(records: Array<Partial<ContainerRecord> & {name: string}>): AppState {
	return reduceApp(reduceApp(stateOf(), {type: 'engine/connected', engine: 'local', version: '25.0.0'}), {
		type: 'containers/listed',
		engine: 'local',
		records: records.map(({name, ...rest}) => containerRecord({id: `id-${name}`, names: [`/${name}`], ...rest})),
	});
}

describe('the view', () => {
	test('is key 1, with the containers\' own empty texts', () => {
		assert.equal(containersView.key, '1');
		assert.equal(containersView.emptyText(stateOf(), ''), 'No containers.');
		assert.equal(containersView.emptyText(stateOf(), 'x'), 'No container matches "x".');
	});
});

describe('stop, start, restart', () => {
	const cases: Array<[string, string, string]> = [
		['s', 'stop', 'Stopping'],
		['S', 'start', 'Starting'],
		['r', 'restart', 'Restarting'],
	];
	for (const [key, action, doing] of cases) {
		test(`${key}: ${action} the selected container at once`, () => {
			const state = press(withContainers(['api', 'web']), 'j', key);
			assert.deepEqual(requests(state), [{kind: 'container-action', action, targets: [target('web')], options: {}}]);
			assert.equal(state.operations.confirmation, undefined);
			assert.deepEqual(state.ui.message, {text: `${doing} web…`, tone: 'info'});
			assert.equal(state.ui.mode, 'list');
		});

		test(`${key}: ${action} the marked containers after asking`, () => {
			const state = press(withContainers(['api', 'db', 'web']), ' ', 'jj', ' ', key);
			assert.equal(state.ui.mode, 'confirm');
			assert.equal(state.operations.outbox.length, 0);
			assert.deepEqual(state.operations.confirmation?.targets, [target('api'), target('web')]);
			const done = press(state, 'y');
			assert.deepEqual(requests(done), [{kind: 'container-action', action, targets: [target('api'), target('web')], options: {force: false, removeVolumes: false}}]);
			assert.equal(done.ui.marks.size, 0);
		});
	}

	test('no container: says so, asks nothing', () => {
		const state = press(stateOf(), 's');
		assert.deepEqual(state.ui.message, {text: 'No container selected.', tone: 'error'});
		assert.equal(state.operations.outbox.length, 0);
	});

	test('marks hidden by the filter still count, and in the list\'s order', () => {
		const state = press(withContainers(['api', 'db', 'web']), 'jj', ' ', 'gg', ' ', '/', 'db', named('return'), 'r');
		assert.deepEqual(state.operations.confirmation?.targets, [target('api'), target('web')]);
	});
});

describe('the engine\'s answer to an action', () => {
	test('done is said; failures are named, with how many were done', () => {
		const one = press(withContainers(['api', 'web']), 's');
		assert.deepEqual(finish(one, 'container-action', {kind: 'container-action', failures: []}).ui.message, {text: 'Stopped api.', tone: 'info'});
		const two = press(withContainers(['api', 'web']), '*', 's', 'y');
		const partly = finish(two, 'container-action', {kind: 'container-action', failures: [{name: 'web', error: 'is already stopped'}]});
		assert.deepEqual(partly.ui.message, {text: 'Could not stop web: is already stopped (stopped 1)', tone: 'error'});
		const none = finish(two, 'container-action', {kind: 'container-action', failures: [{name: 'api', error: 'x'}, {name: 'web', error: 'y'}]});
		assert.equal(none.ui.message?.text, 'Could not stop api: x; web: y');
	});

	test('the rows change only when the engine\'s events say so: no state is guessed', () => {
		const state = press(withContainers(['api']), 's');
		assert.equal(shownContainers(state).selected?.state, 'running');
	});
});

describe('n: rename', () => {
	const renameTarget = (name: string) => {
		const {state: _state, ...rest} = target(name);
		return rest;
	};

	test('the prompt starts with the name; what is typed after Ctrl-U is the new one, and Enter asks the engine', () => {
		const prompt = press(withContainers(['api', 'web']), 'j', 'n');
		assert.equal(prompt.ui.mode, 'rename');
		assert.equal(prompt.ui.draft, 'web');
		const renamed = press(prompt, {key: 'ctrl+u'}, 'web-2', {key: 'return'});
		assert.deepEqual(requests(renamed), [{kind: 'container-rename', target: renameTarget('web'), name: 'web-2'}]);
		assert.equal(renamed.ui.message?.text, 'Renaming web to web-2…');
		assert.equal(renamed.ui.mode, 'list');
		assert.deepEqual(finish(renamed, 'container-rename', {kind: 'done', text: 'Renamed web to web-2.'}).ui.message, {text: 'Renamed web to web-2.', tone: 'info'});
		assert.deepEqual(finish(renamed, 'container-rename', {kind: 'failed', error: 'Conflict. The container name "/api" is already in use'}).ui.message?.tone, 'error');
	});

	test('a space or a slash is not taken; the same name, an empty one or Esc asks nothing', () => {
		const prompt = press(withContainers(['api']), 'n', {key: 'ctrl+u'}, 'a b/c');
		assert.equal(prompt.ui.draft, 'abc');
		assert.deepEqual(requests(press(withContainers(['api']), 'n', {key: 'return'})), []);
		assert.deepEqual(requests(press(withContainers(['api']), 'n', {key: 'ctrl+u'}, {key: 'return'})), []);
		const kept = press(withContainers(['api']), 'n', 'x', {key: 'escape'});
		assert.deepEqual(requests(kept), []);
		assert.equal(kept.ui.mode, 'list', 'Esc leaves the prompt');
	});

	test('the container the prompt was opened for is renamed, wherever the selection went; one gone is not replaced by another', () => {
		const prompt = press(withContainers(['api', 'web']), 'j', 'n');
		// web goes away while the name is typed: the selection falls on api.
		const gone = reduceApp(prompt, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'id-api', names: ['/api']})]});
		assert.equal(gone.ui.draft, 'web');
		const after = press(gone, {key: 'return'});
		assert.deepEqual(requests(after), []);
		assert.equal(after.ui.message?.text, 'web is gone: nothing renamed.');
		assert.equal(after.ui.renameTarget, undefined);
	});

	test('a read-only engine is looked for on the selected row alone: rename acts on it, not on the marks', () => {
		const two = withContainers(['far-db'], 'prod', withContainers(['api', 'web']));
		const gated = {...two, ui: {...two.ui, readOnlyEngines: new Set(['prod'])}};
		const rows = shownContainers(gated).rows.map(row => `${row.engine}/${row.name}`);
		const prodRow = rows.indexOf('prod/far-db');
		const apiRow = rows.indexOf('local/api');
		const moves = (from: number, to: number) => Array.from({length: Math.abs(to - from)}, () => (to > from ? 'j' : 'k'));
		// The prod row marked, the selection on api (local): n opens the prompt.
		const marked = press(gated, ...moves(0, prodRow), ' ', ...moves(prodRow, apiRow), 'n');
		assert.equal(marked.ui.mode, 'rename', marked.ui.message?.text);
		// The selection on the prod row: refused at once.
		const onProd = press(gated, ...moves(0, prodRow), 'n');
		assert.equal(onProd.ui.mode, 'list');
		assert.match(onProd.ui.message?.text ?? '', /prod is read-only/);
	});

	test('read-only: the key does nothing', () => {
		const state = press(readOnly(withContainers(['api'])), 'n');
		assert.equal(state.ui.mode, 'list');
		assert.deepEqual(requests(state), []);
	});
});

describe('p: pause or unpause', () => {
	test('a running container is paused, a paused one unpaused', () => {
		const state = containers([{name: 'api'}, {name: 'idle', state: 'paused', status: 'Up 1 hour (Paused)'}]);
		assert.deepEqual(requests(press(state, 'p')).map(request => request.kind === 'container-action' && request.action), ['pause']);
		assert.deepEqual(requests(press(state, 'j', 'p')), [{kind: 'container-action', action: 'unpause', targets: [target('idle', 'paused')], options: {}}]);
	});

	test('marked: unpause when every one is paused, else pause (after asking)', () => {
		const state = containers([{name: 'a', state: 'paused'}, {name: 'b', state: 'paused'}, {name: 'c'}]);
		assert.equal(press(state, ' ', 'j', ' ', 'p').operations.confirmation?.action, 'unpause');
		assert.equal(press(state, '*', 'p').operations.confirmation?.action, 'pause');
	});
});

describe('K and d: kill and remove always ask', () => {
	test('K asks to kill one container; y kills it', () => {
		const state = press(withContainers(['api']), 'K');
		assert.deepEqual(state.operations.confirmation, {action: 'kill', targets: [target('api')], force: false, removeVolumes: false});
		assert.equal(state.operations.outbox.length, 0);
		assert.deepEqual(requests(press(state, 'y')), [{kind: 'container-action', action: 'kill', targets: [target('api')], options: {force: false, removeVolumes: false}}]);
	});

	test('d asks to remove, forced when running, and v adds the volumes', () => {
		const state = press(containers([{name: 'api'}, {name: 'old', state: 'exited', status: 'Exited (0) 1 hour ago'}]), 'd');
		assert.equal(state.operations.confirmation?.force, true);
		assert.deepEqual(requests(press(state, 'v', 'y')), [{kind: 'container-action', action: 'remove', targets: [target('api')], options: {force: true, removeVolumes: true}}]);
		const stopped = press(containers([{name: 'api'}, {name: 'old', state: 'exited', status: 'Exited (0) 1 hour ago'}]), 'j', 'd');
		assert.equal(stopped.operations.confirmation?.force, false);
		assert.deepEqual(stopped.operations.confirmation?.targets, [target('old', 'exited')]);
	});

	test('n cancels', () => {
		const state = press(withContainers(['api']), 'K', 'n');
		assert.equal(state.operations.outbox.length, 0);
		assert.equal(state.ui.message?.text, 'Cancelled: nothing was changed.');
	});
});

describe('e and a: a terminal in the container', () => {
	test('e asks for a shell in the selected container', () => {
		const state = press(withContainers(['api', 'web']), 'j', 'e');
		assert.deepEqual(requests(state), [{kind: 'shell', target: target('web')}]);
		assert.equal(state.ui.message?.text, 'Opening a shell in web…');
	});

	test('a attaches to its main process', () => {
		const state = press(withContainers(['api']), 'a');
		assert.deepEqual(requests(state), [{kind: 'attach', target: target('api')}]);
		assert.equal(state.ui.message?.text, 'Attaching to api…');
	});

	test('the terminal\'s end is said', () => {
		assert.equal(finish(press(withContainers(['api']), 'e'), 'shell', {kind: 'terminal', error: undefined}).ui.message?.text, 'Shell in api closed.');
		assert.equal(finish(press(withContainers(['api']), 'a'), 'attach', {kind: 'terminal', error: undefined}).ui.message?.text, 'Detached from api.');
		assert.deepEqual(finish(press(withContainers(['api']), 'e'), 'shell', {kind: 'terminal', error: 'no shell'}).ui.message, {text: 'no shell', tone: 'error'});
	});

	test('no container: says so', () => {
		for (const key of ['e', 'a']) {
			const state = press(stateOf(), key);
			assert.equal(state.ui.message?.text, 'No container selected.');
			assert.equal(state.operations.outbox.length, 0);
		}
	});
});

describe('l: logs', () => {
	test('of the selected container', () => {
		const state = press(withContainers(['api', 'web']), 'j', 'l');
		assert.equal(state.ui.mode, 'logs');
		assert.deepEqual(state.logs?.targets, [target('web')]);
	});

	test('of all marked containers, merged; the marks are used up', () => {
		const state = press(withContainers(['api', 'db', 'web']), ' ', 'jj', ' ', 'l');
		assert.deepEqual(state.logs?.targets, [target('api'), target('web')]);
		assert.equal(state.ui.marks.size, 0);
	});

	test('each opening is a new generation of streams', () => {
		const first = press(withContainers(['api']), 'l');
		const second = press(first, named('escape'), 'l');
		assert.equal(second.logs?.generation, first.logs!.generation + 1);
	});

	test('no container: says so', () => {
		const state = press(stateOf(), 'l');
		assert.equal(state.ui.mode, 'list');
		assert.equal(state.logs, undefined);
		assert.equal(state.ui.message?.text, 'No container selected.');
	});
});

describe('Enter, i, t: the details, inspect and top panes', () => {
	const cases: Array<[string | {key: string}, string, string]> = [
		[named('return'), 'details', 'inspect'],
		['i', 'inspect', 'inspect'],
		['t', 'top', 'top'],
	];
	for (const [key, pane, request] of cases) {
		test(`${pane}: opens on the selected container and asks for what fills it`, () => {
			const state = press(withContainers(['api', 'web']), 'j', key);
			assert.equal(state.ui.mode, 'pane');
			assert.equal(state.operations.pane?.kind, pane);
			assert.deepEqual(state.operations.pane?.target, target('web'));
			assert.deepEqual(requests(state), [{kind: request, target: target('web')}]);
		});
	}

	test('the answer fills the pane it was asked for, not another one', () => {
		const asked = press(withContainers(['api', 'web']), 't');
		const table = {titles: ['PID', 'CMD'], processes: [['1', 'nginx']]};
		assert.deepEqual(finish(asked, 'top', {kind: 'top', table}).operations.pane?.table, table);
		const moved = press(asked, named('escape'), 'j', 't');
		const request = asked.operations.outbox[0]!;
		assert.equal(reduceApp(moved, {type: 'request/finished', request, result: {kind: 'top', table}}).operations.pane?.table, undefined);
	});

	test('top is asked again while it is shown, one request at a time', () => {
		const state = press(withContainers(['api']), 't');
		const refreshed = reduceApp(reduceApp(state, {type: 'requests/taken', ids: [1]}), {type: 'pane/refresh'});
		assert.deepEqual(requests(refreshed), [{kind: 'top', target: target('api')}]);
		assert.equal(reduceApp(refreshed, {type: 'pane/refresh'}), refreshed);
	});

	test('no container: says so', () => {
		for (const key of [named('return'), 'i', 't']) {
			const state = press(stateOf(), key);
			assert.equal(state.ui.mode, 'list');
			assert.equal(state.ui.message?.text, 'No container selected.');
		}
	});
});

describe('o and O: sort', () => {
	test('o cycles the sort key, figures largest first, and says how; O reverses', () => {
		let state = withContainers(['api']);
		const seen: string[] = [];
		for (let index = 0; index < 6; index++) {
			state = press(state, 'o');
			seen.push(`${state.ui.sort.by}${state.ui.sort.descending ? '-' : '+'}`);
		}

		assert.deepEqual(seen, ['name+', 'status+', 'age+', 'cpu-', 'memory-', 'project+']);
		assert.equal(press(withContainers(['api']), 'oooo').ui.message?.text, 'Sorted by cpu, largest first: o next, O reverses.');
		assert.equal(press(withContainers(['api']), 'o').ui.message?.text, 'Sorted by name: o next, O reverses.');
		assert.equal(press(state, 'O').ui.sort.descending, true);
		assert.equal(press(state, 'OO').ui.sort.descending, false);
	});

	test('the rows follow the sort, and the selection stays on its container', () => {
		let state = containers([
			{name: 'b', created: 3, labels: {[composeProjectLabel]: 'shop'}},
			{name: 'a', created: 1},
			{name: 'c', created: 2, state: 'exited', status: 'Exited (0)'},
		]);
		assert.deepEqual(names(state), ['b', 'a', 'c'], 'compose projects first');
		state = press(state, 'j', 'o');
		assert.deepEqual(names(state), ['a', 'b', 'c']);
		assert.equal(shownContainers(state).selected?.name, 'a');
		assert.deepEqual(names(press(state, 'O')), ['c', 'b', 'a']);
		assert.deepEqual(names(press(state, 'o')), ['a', 'b', 'c'], 'status: running first, then by name');
		assert.deepEqual(names(press(state, 'oo')), ['b', 'c', 'a'], 'age: youngest first');
	});

	test('by CPU: largest first, containers without figures last', () => {
		let state = withContainers(['a', 'b', 'c']);
		state = {...state, stats: new Map([[containerKey('local', 'id-a'), containerFigures({cpuPercent: 1})], [containerKey('local', 'id-c'), containerFigures({cpuPercent: 50})]])};
		assert.deepEqual(names(press(state, 'oooo')), ['c', 'a', 'b']);
		assert.deepEqual(names(press(state, 'oooo', 'O')), ['a', 'c', 'b']);
	});
});

describe('marks', () => {
	test('Space marks and unmarks the selected container, counting', () => {
		let state = press(withContainers(['api', 'web']), ' ');
		assert.deepEqual([...state.ui.marks], [containerKey('local', 'id-api')]);
		assert.equal(state.ui.message?.text, '1 marked.');
		state = press(state, 'j', ' ');
		assert.equal(state.ui.message?.text, '2 marked.');
		state = press(state, ' ');
		assert.deepEqual([...state.ui.marks], [containerKey('local', 'id-api')]);
		assert.equal(state.ui.message?.text, '1 marked.');
	});

	test('Space with nothing selected does nothing', () => {
		const state = stateOf();
		assert.equal(press(state, ' '), state);
	});

	test('* marks every container shown (the filter applies), or unmarks all when all are marked', () => {
		let state = press(withContainers(['api', 'web', 'worker']), '/', 'w', named('return'), '*');
		assert.deepEqual([...state.ui.marks].sort(), [containerKey('local', 'id-web'), containerKey('local', 'id-worker')]);
		assert.equal(state.ui.message?.text, '2 marked.');
		state = press(state, '*');
		assert.equal(state.ui.marks.size, 0);
		assert.equal(state.ui.message?.text, 'Marks cleared.');
	});

	test('* adds the shown ones to marks made elsewhere', () => {
		const state = press(withContainers(['api', 'web', 'worker']), ' ', '/', 'wor', named('return'), '*');
		assert.equal(state.ui.marks.size, 2);
		assert.equal(state.ui.message?.text, '2 marked.');
	});

	test('* on an empty list marks nothing', () => {
		const state = press(withContainers(['api']), '/', 'zzz', named('return'), '*');
		assert.equal(state.ui.marks.size, 0);
	});

	test('P marks the selected container\'s compose project on its engine only', () => {
		let state = containers([
			{name: 'shop-db', labels: {[composeProjectLabel]: 'shop'}},
			{name: 'shop-web', labels: {[composeProjectLabel]: 'shop'}},
			{name: 'blog', labels: {[composeProjectLabel]: 'blog'}},
			{name: 'lone'},
		]);
		state = reduceApp(state, {type: 'containers/listed', engine: 'remote', records: [containerRecord({engine: 'remote', id: 'id-shop-x', names: ['/shop-x'], labels: {[composeProjectLabel]: 'shop'}})]});
		const marked = press(state, '/', 'shop-', named('return'), 'P', named('escape'));
		assert.deepEqual([...press(state, '/', 'shop-db', named('return'), 'P').ui.marks].sort(), [containerKey('local', 'id-shop-db'), containerKey('local', 'id-shop-web')]);
		assert.equal(press(state, '/', 'shop-db', named('return'), 'P').ui.message?.text, 'Marked the 2 containers of compose project shop.');
		assert.equal(marked.ui.marks.size, 0, 'Esc clears the filter and the marks');
	});

	test('P on a container of no project says so', () => {
		const state = press(containers([{name: 'lone'}]), 'P');
		assert.deepEqual(state.ui.message, {text: 'lone is not part of a compose project.', tone: 'error'});
		assert.equal(state.ui.marks.size, 0);
	});

	test('P with nothing selected does nothing', () => {
		const state = stateOf();
		assert.equal(press(state, 'P'), state);
	});
});

describe('selectActionTargets', () => {
	test('the marks when there are some, else the selected row, else none', () => {
		const state = press(withContainers(['api', 'web']), 'j');
		const selected = shownContainers(state).selected;
		assert.deepEqual(selectActionTargets(state, selected), [target('web')]);
		assert.deepEqual(selectActionTargets(press(state, ' ', 'k', ' '), selected), [target('api'), target('web')]);
		assert.deepEqual(selectActionTargets(state, undefined), []);
	});
});

describe('D: prune', () => {
	test('the question counts the stopped containers and names the engine only when berth shows several', () => {
		const state = containers([{name: 'web'}, {name: 'old', state: 'exited'}, {name: 'new', state: 'created'}]);
		assert.equal(press(state, 'D').operations.confirmation?.resource?.question, 'Remove 2 stopped containers (docker container prune)? y / N');
		const one = containers([{name: 'old', state: 'exited'}]);
		assert.equal(press(one, 'D').operations.confirmation?.resource?.question, 'Remove 1 stopped container (docker container prune)? y / N');
		const several = reduceApp(state, {type: 'engine/connected', engine: 'far', version: '26.1.5'});
		assert.equal(press(several, 'D').operations.confirmation?.resource?.question, 'Remove 2 stopped containers on local (docker container prune)? y / N');
	});
});

describe('u: docker update', () => {
	test('Enter sends the update for the selected container, and the answer is said', () => {
		const prompt = press(withContainers(['api', 'web']), 'j', 'u');
		assert.equal(prompt.ui.mode, 'update');
		assert.equal(prompt.ui.draft, '');
		const sent = press(prompt, '--restart always -m 64m', {key: 'return'});
		assert.deepEqual(requests(sent), [{kind: 'container-update', targets: [updateTarget('web')], update: {restart: {name: 'always'}, memory: 64 * MiB}}]);
		assert.equal(sent.ui.message?.text, 'Updating web: restart always, memory 64MiB…');
		assert.equal(sent.ui.mode, 'list');
		assert.equal(finish(sent, 'container-update', {kind: 'done', text: 'Updated web: restart always.'}).ui.message?.text, 'Updated web: restart always.');
		assert.equal(finish(sent, 'container-update', {kind: 'failed', error: 'Could not update web: Memory limit should be smaller than already set memoryswap limit'}).ui.message?.tone, 'error');
	});

	test('flags it cannot read keep the prompt open with what was typed, and say why; typing clears that', () => {
		const wrong = press(withContainers(['api']), 'u', '--restart sometimes', {key: 'return'});
		assert.equal(wrong.ui.mode, 'update');
		assert.equal(wrong.ui.draft, '--restart sometimes');
		assert.equal(wrong.ui.promptError?.mode, 'update');
		assert.match(wrong.ui.promptError?.text ?? '', /^Cannot update: --restart takes no, always/);
		assert.deepEqual(requests(wrong), []);
		assert.equal(press(wrong, 'x').ui.promptError, undefined, 'typing clears it');
		assert.equal(press(wrong, {key: 'escape'}).ui.promptError, undefined, 'Esc too');
		// Empty, or Esc: nothing.
		assert.deepEqual(requests(press(withContainers(['api']), 'u', {key: 'return'})), []);
		const left = press(withContainers(['api']), 'u', '--cpus 1', {key: 'escape'});
		assert.equal(left.ui.mode, 'list');
		assert.deepEqual(requests(left), []);
	});

	test('the marked containers, all of them; one gone while typing is left out', () => {
		const marked = press(withContainers(['api', 'db', 'web']), ' ', 'j', 'j', ' ', 'u');
		const gone = reduceApp(marked, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'id-api', names: ['/api']}), containerRecord({id: 'id-db', names: ['/db']})]});
		const sent = press(gone, '--pids-limit 100', {key: 'return'});
		assert.deepEqual(requests(sent), [{kind: 'container-update', targets: [updateTarget('api')], update: {pidsLimit: 100}}]);
	});

	test('read-only: refused, nothing asked', () => {
		const refused = press(readOnly(withContainers(['api'])), 'u');
		assert.equal(refused.ui.mode, 'list');
		assert.match(refused.ui.message?.text ?? '', /^Read-only mode: "u" would change/);
	});
});
