// The images view: `docker images` rows, and its layers, run, pull, remove and prune commands.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {containerKey} from '../../source/state/containers.js';
import {formatConfirmation} from '../../source/state/operations.js';
import {paneTitles, selectPaneLinesFor} from '../../source/state/select/paneLines.js';
import {imagesView, selectImageRows} from '../../source/views/images.js';
import {finish, named, now, press, requests, shownTable, stateOf, withContainers} from '../commands/press.js';
import {containerRecord, imageRecord} from '../state/records.js';

const nginxId = `sha256:${'1'.repeat(64)}`;
const busyboxId = `sha256:${'2'.repeat(64)}`;
const danglingId = `sha256:${'3'.repeat(64)}`;

/** nginx (two tags, used by api and web), busybox (unused), a dangling image; newest first: nginx, dangling, busybox. */
function images(): AppState {
	let state = withContainers([]);
	state = reduceApp(state, {
		type: 'containers/listed',
		engine: 'local',
		records: [containerRecord({id: 'id-web', names: ['/web'], imageId: nginxId}), containerRecord({id: 'id-api', names: ['/api'], imageId: nginxId})],
	});
	state = reduceApp(state, {
		type: 'images/listed',
		engine: 'local',
		records: [
			imageRecord({id: busyboxId, repoTags: ['busybox:latest'], created: now / 1000 - 86_400 * 3, size: 4_260_000}),
			imageRecord({id: nginxId, repoTags: ['nginx:1.25', 'registry:5000/web/nginx:prod'], created: now / 1000 - 3600, size: 187_000_000}),
			imageRecord({id: danglingId, repoTags: [], created: now / 1000 - 86_400, size: 1500}),
		],
	});
	return press(state, '2');
}

const imageKey = (id: string, tag: string) => `${containerKey('local', id)}\u0000${tag}`;

describe('rows', () => {
	test('one row per tag, a dangling image as <none> <none>, newest first, with the containers that use it', () => {
		const state = images();
		const rows = selectImageRows(state.resources, state.containers, state.now);
		assert.deepEqual(
			rows.map(row => row.cells),
			[
				{repository: 'nginx', tag: '1.25', id: '111111111111', created: 'About an hour ago', size: '187MB', containers: 'api, web'},
				{repository: 'registry:5000/web/nginx', tag: 'prod', id: '111111111111', created: 'About an hour ago', size: '187MB', containers: 'api, web'},
				{repository: '<none>', tag: '<none>', id: '333333333333', created: '24 hours ago', size: '1.5kB', containers: '(dangling)'},
				{repository: 'busybox', tag: 'latest', id: '222222222222', created: '3 days ago', size: '4.26MB', containers: ''},
			],
		);
		assert.deepEqual(rows.map(row => row.id), ['nginx:1.25', 'registry:5000/web/nginx:prod', danglingId, 'busybox:latest']);
		assert.deepEqual(rows.map(row => row.tone), [undefined, undefined, 'warning', undefined]);
		assert.equal(rows[0]!.key, imageKey(nginxId, 'nginx:1.25'));
	});

	test('the view lists images, is key 2, and says Loading… before the first listing', () => {
		assert.equal(imagesView.key, '2');
		assert.deepEqual(imagesView.listings, ['images']);
		assert.equal(imagesView.emptyText(stateOf(), ''), 'Loading…');
		assert.equal(imagesView.emptyText(images(), ''), 'No images.');
		assert.equal(imagesView.emptyText(images(), 'x'), 'Nothing matches "x".');
	});

	test('events about images and containers concern it', () => {
		const concerns = imagesView.concerns!;
		assert.equal(concerns({type: 'image', action: 'pull', id: 'x', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), true);
		assert.equal(concerns({type: 'container', action: 'destroy', id: 'x', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), true);
		assert.equal(concerns({type: 'container', action: 'exec_start', id: 'x', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), false);
		assert.equal(concerns({type: 'network', action: 'connect', id: 'x', attributes: {}, timeNano: 0, engine: 'local', seq: 1}), false);
	});

	test('the rows are made once for the same listing', () => {
		const state = images();
		assert.equal(imagesView.selectRows(state), imagesView.selectRows(press(state, 'j')));
	});
});

describe('Enter: layers', () => {
	test('opens the layers pane of the selected tag and asks for its history', () => {
		const state = press(images(), 'j', named('return'));
		const target = {key: imageKey(nginxId, 'registry:5000/web/nginx:prod'), engine: 'local', id: 'registry:5000/web/nginx:prod', name: 'registry:5000/web/nginx:prod'};
		assert.equal(state.ui.mode, 'pane');
		assert.equal(state.operations.pane?.kind, 'history');
		assert.deepEqual(state.operations.pane?.target, target);
		assert.deepEqual(requests(state), [{kind: 'image-history', target}]);
	});

	test('a dangling image is named by its id', () => {
		const state = press(images(), 'jj', named('return'));
		assert.equal(state.operations.pane?.target.name, danglingId);
	});

	test('the layers fill the pane', () => {
		const layers = [{id: nginxId, created: now / 1000 - 60, createdBy: 'CMD ["nginx"]', size: 0, comment: '', tags: ['nginx:1.25']}];
		const state = finish(press(images(), named('return')), 'image-history', {kind: 'history', layers});
		assert.deepEqual(state.operations.pane?.layers, layers);
	});
});

describe('i: inspect', () => {
	test('opens the inspect pane of the selected tag and asks the engine for the document (docker image inspect)', () => {
		const state = press(images(), 'j', 'i');
		const target = {key: imageKey(nginxId, 'registry:5000/web/nginx:prod'), engine: 'local', id: 'registry:5000/web/nginx:prod', name: 'registry:5000/web/nginx:prod'};
		assert.equal(state.ui.mode, 'pane');
		assert.equal(state.operations.pane?.kind, 'image');
		assert.equal(paneTitles.image, 'Image inspect');
		assert.deepEqual(requests(state), [{kind: 'image-inspect', target}]);
	});

	test('the document fills the pane, a secret-looking variable masked until x; an error is shown in it', () => {
		const asked = press(images(), 'i');
		const document = {Id: nginxId, RepoTags: ['nginx:1.25'], Config: {Env: ['PATH=/usr/bin', 'API_TOKEN=hunter2']}, ContainerConfig: {Env: ['API_TOKEN=hunter2']}};
		const filled = finish(asked, 'image-inspect', {kind: 'inspect', document});
		const lines = selectPaneLinesFor(filled, filled.operations.pane!, true);
		assert.ok(lines.includes(`    "Id": "${nginxId}",`), lines.join('\n'));
		assert.ok(lines.some(line => line.includes('PATH=/usr/bin')));
		assert.ok(!lines.some(line => line.includes('hunter2')), 'masked');
		const revealed = press(filled, 'x');
		assert.ok(selectPaneLinesFor(revealed, revealed.operations.pane!, true).some(line => line.includes('API_TOKEN=hunter2')));
		const failed = finish(asked, 'image-inspect', {kind: 'failed', error: 'No such image: nginx:1.25'});
		assert.deepEqual(selectPaneLinesFor(failed, failed.operations.pane!, true), ['Error: No such image: nginx:1.25']);
	});
});

describe('r: run', () => {
	test('opens the run form with the selected image, on its engine', () => {
		const state = press(images(), 'j', 'r');
		assert.equal(state.ui.mode, 'form');
		assert.equal(state.form?.values.image, 'registry:5000/web/nginx:prod');
		assert.equal(state.form?.engine, 'local');
		assert.deepEqual(requests(state), [{kind: 'refresh', engine: 'local', what: 'images'}]);
	});
});

describe('r on a dangling image', () => {
	test('the form takes the image by its id, and runs it', () => {
		const form = press(images(), 'jj', 'r');
		assert.equal(form.form?.values.image, danglingId);
		const state = press(form, named('return'));
		assert.deepEqual(state.form?.errors, {});
		assert.deepEqual(requests(state).filter(request => request.kind === 'run').map(request => request.kind === 'run' && request.spec.image), [danglingId]);
	});
});

describe('p: pull', () => {
	test('opens the pull prompt, the message cleared', () => {
		const state = press(press(images(), ':', 'x', named('return')), 'p');
		assert.equal(state.ui.mode, 'pull');
		assert.equal(state.ui.draft, '');
		assert.equal(state.ui.message, undefined);
	});

	test('the pull\'s end is said', () => {
		const pulled = press(images(), 'p', 'alpine', named('return'));
		assert.equal(finish(pulled, 'pull', {kind: 'done', text: ''}).ui.message?.text, 'Pulled alpine:latest.');
		assert.deepEqual(finish(pulled, 'pull', {kind: 'failed', error: 'not found'}).ui.message, {text: 'Pull of alpine:latest failed: not found', tone: 'error'});
	});
});

describe('d: remove', () => {
	test('asks, naming the containers that use it; y asks the engine', () => {
		let state = press(images(), 'd');
		assert.equal(state.ui.mode, 'confirm');
		assert.equal(formatConfirmation(state.operations.confirmation!), 'Remove image nginx:1.25? It is used by api, web. y / N');
		assert.equal(state.operations.outbox.length, 0);
		state = press(state, 'y');
		assert.deepEqual(requests(state), [
			{kind: 'resource-action', action: 'image-remove', engine: 'local', targets: [{key: imageKey(nginxId, 'nginx:1.25'), engine: 'local', id: 'nginx:1.25', name: 'nginx:1.25'}], force: false},
		]);
	});

	test('an unused or dangling image is asked about plainly', () => {
		assert.equal(formatConfirmation(press(images(), 'G', 'd').operations.confirmation!), 'Remove image busybox:latest? y / N');
		assert.equal(formatConfirmation(press(images(), 'jj', 'd').operations.confirmation!), `Remove image ${danglingId}? y / N`);
	});

	test('refused because it is in use: asked once more, to force it; y forces', () => {
		const removing = press(images(), 'd', 'y');
		let state = finish(removing, 'resource-action', {kind: 'resource-action', lines: [], failures: [{name: 'nginx:1.25', error: 'conflict: unable to remove repository reference (must force)'}]});
		assert.equal(state.ui.mode, 'confirm');
		assert.match(formatConfirmation(state.operations.confirmation!), /^Force-remove nginx:1\.25 \(docker rmi -f\)\? y \/ N\. The engine refused plain removal: conflict/);
		state = press(reduceApp(state, {type: 'requests/taken', ids: [1]}), 'y');
		assert.deepEqual(requests(state).map(request => request.kind === 'resource-action' && [request.action, request.force]), [['image-remove', true]]);
	});

	test('what the engine removed is said', () => {
		const state = finish(press(images(), 'G', 'd', 'y'), 'resource-action', {kind: 'resource-action', lines: ['Untagged: busybox:latest', 'Deleted: sha256:2222'], failures: []});
		assert.deepEqual(state.ui.message, {text: 'Untagged: busybox:latest; Deleted: sha256:2222', tone: 'info'});
	});

	test('no image: says so', () => {
		const state = press(withContainers([]), '2', 'd');
		assert.deepEqual(state.ui.message, {text: 'No image selected.', tone: 'error'});
		assert.equal(state.ui.mode, 'list');
	});
});

describe('D: prune', () => {
	test('asks, counting the dangling images of the engine; y asks the engine to prune', () => {
		let state = press(images(), 'D');
		assert.equal(formatConfirmation(state.operations.confirmation!), 'Prune 1 dangling image (docker image prune)? y / N');
		state = press(state, 'y');
		assert.deepEqual(requests(state), [{kind: 'resource-action', action: 'image-prune', engine: 'local', targets: [], force: false}]);
	});

	test('with no image, the first engine, none dangling', () => {
		const state = press(withContainers([], 'solo'), '2', 'D');
		assert.equal(formatConfirmation(state.operations.confirmation!), 'Prune 0 dangling images (docker image prune)? y / N');
		assert.equal(state.operations.confirmation?.resource?.engine, 'solo');
	});
});

describe('no selection', () => {
	test('Enter and r say so', () => {
		assert.equal(press(withContainers([]), '2', named('return')).ui.message?.text, 'Nothing selected.');
		assert.equal(press(withContainers([]), '2', 'r').ui.message?.text, 'No image selected.');
		assert.equal(shownTable(press(withContainers([]), '2')).rows.length, 0);
	});
});
