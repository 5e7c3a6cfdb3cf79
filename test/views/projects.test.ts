// The compose projects view: projects from the containers' labels, and its up, down, restart, stop, start, pull
// and logs commands (each asking first where it changes something), and the compose pane's output.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerRecord} from '../../source/engine/types.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {composeLabels, selectComposeProjects, selectConfigPaths} from '../../source/state/compose.js';
import {formatConfirmation} from '../../source/state/operations.js';
import {selectPaneLinesFor} from '../../source/state/select/paneLines.js';
import {projectsView, selectProjectRows} from '../../source/views/projects.js';
import {finish, named, press, readOnly, requests, shownTable, stateOf} from '../commands/press.js';
import {containerRecord} from '../state/records.js';

function member(project: string, service: string, index: number, overrides: Partial<ContainerRecord> = {}): ContainerRecord {
	const name = `${project}_${service}_${index}`;
	return containerRecord({
		id: `id-${name}`,
		names: [`/${name}`],
		labels: {
			[composeLabels.project]: project,
			[composeLabels.service]: service,
			[composeLabels.workingDir]: `/srv/${project}`,
			[composeLabels.configFiles]: 'compose.yaml,compose.prod.yaml',
		},
		...overrides,
	});
}

/** shop (web running, db exited), blog (one running), and a container of no project. */
function projects(): AppState {
	const state = stateOf(
		{type: 'engine/connected', engine: 'local', version: '25.0.0'},
		{
			type: 'containers/listed',
			engine: 'local',
			records: [
				member('shop', 'web', 1),
				member('shop', 'db', 1, {state: 'exited'}),
				member('shop', 'web', 2),
				member('blog', 'app', 1),
				containerRecord({id: 'id-lonely', names: ['/lonely']}),
			],
		},
	);
	return press(state, 'c');
}

describe('rows', () => {
	test('one per project, by name: services, running of total, files, working directory', () => {
		const rows = selectProjectRows(projects().containers, undefined, () => true);
		assert.deepEqual(
			rows.map(row => [row.cells.name, row.cells.status, row.cells.services, row.cells.files, row.cells.directory, row.cells.here, row.tone]),
			[
				['blog', '1/1 running', 'app', 'compose.yaml, compose.prod.yaml', '/srv/blog', 'yes', undefined],
				['shop', '2/3 running', 'db, web', 'compose.yaml, compose.prod.yaml', '/srv/shop', 'yes', 'warning'],
			],
		);
	});

	test('whether the files are here: every config file, taken from the working directory when relative', () => {
		const seen: string[] = [];
		const rows = selectProjectRows(projects().containers, undefined, file => {
			seen.push(file);
			return file !== '/srv/shop/compose.prod.yaml';
		});
		assert.deepEqual(rows.map(row => row.cells.here), ['yes', 'no']);
		assert.ok(seen.includes('/srv/blog/compose.prod.yaml'));
		assert.deepEqual(selectConfigPaths({workingDir: '/w', configFiles: ['/abs/c.yaml', 'rel.yaml']}), ['/abs/c.yaml', '/w/rel.yaml']);
	});

	test('the projects keep their containers, in natural order, with their states', () => {
		const shop = selectComposeProjects(projects().containers).find(project => project.name === 'shop')!;
		assert.deepEqual(shop.containers.map(container => [container.name, container.state]), [
			['shop_db_1', 'exited'],
			['shop_web_1', 'running'],
			['shop_web_2', 'running'],
		]);
	});

	test('key c and :projects show it; the empty text says what makes a project', () => {
		assert.equal(projectsView.key, 'c');
		assert.equal(projects().ui.view, 'projects');
		assert.equal(press(projects(), '1', ':', 'proj', named('return')).ui.view, 'projects');
		assert.match(projectsView.emptyText(stateOf(), ''), /com\.docker\.compose\.project/);
	});
});

describe('actions', () => {
	test('each action asks first; yes sends the compose request and opens its pane', () => {
		for (const [key, action] of [['u', 'up'], ['r', 'restart'], ['s', 'stop'], ['S', 'start'], ['p', 'pull'], ['d', 'down']] as const) {
			const asked = press(projects(), 'j', key);
			assert.equal(asked.ui.mode, 'confirm', action);
			assert.deepEqual(requests(asked), [], action);
			assert.match(formatConfirmation(asked.operations.confirmation!), /compose project shop/);
			const yes = press(asked, 'y');
			const [request] = requests(yes);
			assert.equal(request?.kind, 'compose');
			assert.equal(request?.kind === 'compose' && request.action, action);
			assert.equal(request?.kind === 'compose' && request.project.name, 'shop');
			assert.equal(yes.ui.mode, 'pane');
			assert.equal(yes.operations.pane?.kind, 'compose');
		}
	});

	test('down takes the volumes only when v is pressed in the question', () => {
		const asked = press(projects(), 'j', 'd');
		assert.match(formatConfirmation(asked.operations.confirmation!), /\[ \] v: also its volumes/);
		const plain = requests(press(asked, 'y'))[0];
		assert.equal(plain?.kind === 'compose' && plain.volumes, false);
		const withVolumes = press(asked, 'v');
		assert.match(formatConfirmation(withVolumes.operations.confirmation!), /\[x\] v: also its volumes/);
		const request = requests(press(withVolumes, 'y'))[0];
		assert.equal(request?.kind === 'compose' && request.volumes, true);
	});

	test('no cancels, and nothing is sent', () => {
		const state = press(projects(), 'u', 'n');
		assert.equal(state.ui.mode, 'list');
		assert.deepEqual(requests(state), []);
		assert.equal(state.ui.message?.text, 'Cancelled: nothing was changed.');
	});

	test('read-only: every changing action is off', () => {
		for (const key of ['u', 'd', 'r', 's', 'S', 'p']) {
			const state = press(readOnly(projects()), key);
			assert.equal(state.ui.mode, 'list');
			assert.match(state.ui.message?.text ?? '', /Read-only/);
		}
	});

	test('l follows the logs of all its containers, merged', () => {
		const state = press(projects(), 'j', 'l');
		assert.equal(state.ui.mode, 'logs');
		assert.deepEqual(state.logs?.targets.map(target => target.name), ['shop_db_1', 'shop_web_1', 'shop_web_2']);
	});

	test('Enter shows the containers list filtered by the project', () => {
		const state = press(projects(), 'j', named('return'));
		assert.equal(state.ui.view, 'containers');
		assert.equal(state.ui.filter, 'shop');
	});
});

describe('the compose pane and the outcome', () => {
	test('the output comes in as it runs (made safe to show), and the outcome is said', () => {
		const running = press(projects(), 'j', 'u', 'y');
		const key = running.operations.pane!.target.key;
		const more = reduceApp(running, {type: 'pane/output', key, lines: ['Creating shop_web_1 ... done', 'evil \u001B]0;title\u0007 text']});
		assert.deepEqual(selectPaneLinesFor(more, more.operations.pane!, true), ['Creating shop_web_1 ... done', 'evil  text']);
		// Output of another project does not land here.
		assert.equal(reduceApp(more, {type: 'pane/output', key: 'local\u0000blog', lines: ['x']}).operations.pane, more.operations.pane);
		const failed = finish(more, 'compose', {kind: 'failed', error: 'docker-compose up -d failed for shop (exit code 1): no such image'});
		assert.deepEqual(failed.ui.message, {text: 'docker-compose up -d failed for shop (exit code 1): no such image', tone: 'error'});
		assert.equal(selectPaneLinesFor(failed, failed.operations.pane!, true).at(-1), 'berth: docker-compose up -d failed for shop (exit code 1): no such image');
	});

	test('the pane follows the output until scrolled up; G follows again', () => {
		const running = press(projects(), 'j', 'u', 'y');
		assert.equal(running.operations.pane?.follow, true);
		const key = running.operations.pane!.target.key;
		const many = reduceApp(running, {type: 'pane/output', key, lines: Array.from({length: 30}, (_, index) => `line ${index}`)});
		// pageSize 10: the bottom is line 20; k goes one up from there and stops following.
		const up = press(many, 'k');
		assert.deepEqual([up.operations.pane?.scroll, up.operations.pane?.follow], [19, false]);
		const again = press(up, 'G');
		assert.deepEqual([again.operations.pane?.scroll, again.operations.pane?.follow], [20, true]);
	});

	test('a project taken down stays listed as down, so that it can be brought up again', () => {
		const down = finish(press(projects(), 'j', 'd', 'y'), 'compose', {kind: 'done', text: 'docker-compose down: done for shop.'});
		const gone = reduceApp(press(down, named('escape')), {type: 'containers/listed', engine: 'local', records: [member('blog', 'app', 1)]});
		assert.deepEqual(shownTable(gone).rows.map(row => [row.cells.name, row.cells.status]), [
			['blog', '1/1 running'],
			['shop', 'down'],
		]);
		const up = press(gone, 'j', 'u', 'y');
		const request = requests(up).at(-1);
		assert.equal(request?.kind === 'compose' && request.project.configFiles.join(), 'compose.yaml,compose.prod.yaml');
		const back = finish(up, 'compose', {kind: 'done', text: 'up'});
		assert.equal(back.operations.downProjects?.size, 0);
	});
});
