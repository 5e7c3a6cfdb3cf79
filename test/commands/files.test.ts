// The files pane's keys: open from a container, its details or a volume; move, go in and out, read a file,
// copy out (asking for the path, and again before copying over) and in.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {FileEntry, PathContent} from '../../source/engine/types.js';
import {selectPromptLabel} from '../../source/commands/prompts.js';
import {type AppState, reduceApp} from '../../source/state/app.js';
import {selectPaneLinesFor} from '../../source/state/select/paneLines.js';
import {formatConfirmation} from '../../source/state/operations.js';
import {everyView, finish, named, press, readOnly, requests, withContainers} from './press.js';

// Modified times are written below in UTC: the local time of a machine in UTC.
process.env.TZ = 'UTC';

const entry = (name: string, type: FileEntry['type'] = 'file', linkTarget = ''): FileEntry => ({name, type, size: 13, mode: type === 'directory' ? 0o755 : 0o644, modified: Date.parse('2024-05-01T11:00:00Z'), linkTarget});

const directory = (path: string, entries: FileEntry[]): PathContent => ({kind: 'directory', path, entries});

/** The files pane of container api, its root listed. */
function opened(): AppState {
	const state = press(withContainers(['api']), 'f');
	return finish(state, 'files-read', {kind: 'path', content: directory('/', [entry('etc', 'directory'), entry('bin', 'directory'), entry('.dockerenv')])});
}

const lines = (state: AppState) => selectPaneLinesFor(state, state.operations.pane!, true);

describe('opening', () => {
	test('f on a container asks for its root; the listing shows directories first', () => {
		const state = press(withContainers(['api']), 'f');
		assert.equal(state.ui.mode, 'pane');
		assert.deepEqual(requests(state).map(request => request.kind === 'files-read' && [request.owner, request.path]), [[{container: 'id-api'}, '/']]);
		assert.deepEqual(lines(state), ['/', '', 'Loading…']);
		assert.deepEqual(lines(opened()), [
			'/  (3 entries)',
			'› drwxr-xr-x          -  2024-05-01 11:00  bin/',
			'  drwxr-xr-x          -  2024-05-01 11:00  etc/',
			'  -rw-r--r--        13B  2024-05-01 11:00  .dockerenv',
		]);
	});

	test('f in the details starts at the working directory; f on a volume reads it through a helper', () => {
		const details = press(withContainers(['api']), named('return'));
		const filled = finish(details, 'inspect', {kind: 'inspect', document: {Config: {WorkingDir: '/srv/app'}}});
		const files = press(filled, 'f');
		const request = requests(files).at(-1);
		assert.deepEqual(request?.kind === 'files-read' && [request.owner, request.path], [{container: 'id-api'}, '/srv/app']);
		const volume = press(everyView(), '3', 'f');
		const asked = requests(volume).at(-1);
		assert.deepEqual(asked?.kind === 'files-read' && asked.owner, {volume: 'data'});
	});

	test('an error of the first listing is the pane\'s, as the engine words it', () => {
		const state = finish(press(withContainers(['api']), 'f'), 'files-read', {kind: 'failed', error: 'No such container: id-api'});
		assert.deepEqual(lines(state), ['/', '', 'Error: No such container: id-api']);
	});
});

describe('moving', () => {
	test('j and k move the selection; Enter goes into a directory, Backspace back with it selected', () => {
		const into = press(opened(), 'j', named('return'));
		assert.deepEqual(requests(into).at(-1), {kind: 'files-read', target: into.operations.pane!.target, owner: {container: 'id-api'}, path: '/etc'});
		assert.match(lines(into)[0]!, /opening \/etc/);
		const etc = finish(into, 'files-read', {kind: 'path', content: directory('/etc', [entry('hostname'), entry('hosts'), entry('mtab', 'symlink', '/proc/mounts')])});
		assert.match(lines(etc)[3]!, /l.*mtab -> \/proc\/mounts$/);
		const up = press(etc, named('backspace'));
		assert.equal(requests(up).at(-1)?.kind === 'files-read' && (requests(up).at(-1) as {path: string}).path, '/');
		const root = finish(up, 'files-read', {kind: 'path', content: directory('/', [entry('etc', 'directory'), entry('bin', 'directory')])});
		assert.match(lines(root)[2]!, /^› .*etc\/$/);
	});

	test('a stale answer (for a path no longer asked) is dropped', () => {
		const state = press(opened(), named('return'), 'j', named('return'));
		const request = state.operations.outbox.find(each => each.kind === 'files-read' && each.path === '/bin')!;
		const after = reduceApp(state, {type: 'request/finished', request, result: {kind: 'path', content: directory('/bin', [entry('x')])}});
		assert.equal(after.operations.pane, state.operations.pane);
	});

	test('a file is shown made safe, Esc goes back to its directory, Esc again to the list', () => {
		const asked = press(opened(), 'G', named('return'));
		const file = finish(asked, 'files-read', {kind: 'path', content: {kind: 'file', path: '/.dockerenv', size: 12, bytes: Buffer.from('one\n\u001B[2Jtwo\n'), partial: false}});
		assert.deepEqual(lines(file), ['/.dockerenv', '', 'one', 'two']);
		const back = press(file, named('escape'));
		assert.equal(back.ui.mode, 'pane');
		assert.match(lines(back)[3]!, /^› .*\.dockerenv$/);
		assert.equal(press(back, named('escape')).ui.mode, 'list');
	});

	test('a failed step keeps the listing and says why', () => {
		const state = finish(press(opened(), named('return')), 'files-read', {kind: 'failed', error: 'permission denied'});
		assert.equal(lines(state).length, 4);
		assert.deepEqual(state.ui.message, {text: '/bin: permission denied', tone: 'error'});
	});
});

describe('copying', () => {
	test('c asks for a path here (the name to start from), then copies out', () => {
		const prompt = press(opened(), 'j', 'c');
		assert.equal(prompt.ui.mode, 'copy-out');
		assert.equal(prompt.ui.draft, './etc');
		assert.equal(selectPromptLabel(prompt, undefined), 'copy /etc out to (a path here): ', 'the prompt names what goes out');
		const sent = press(prompt, named('ctrl+u'), '/tmp/out', named('return'));
		assert.equal(sent.ui.mode, 'pane');
		const request = requests(sent).at(-1);
		assert.deepEqual(request?.kind === 'files-copy-out' && [request.owner, request.path, request.destination, request.overwrite], [{container: 'id-api'}, '/etc', '/tmp/out', false]);
		const done = finish(sent, 'files-copy-out', {kind: 'done', text: ''});
		assert.equal(done.ui.message?.text, 'Copied api:/etc to /tmp/out.');
	});

	test('a destination that exists is asked about; yes copies over it, no leaves it', () => {
		const sent = press(opened(), 'j', 'c', named('ctrl+u'), '/tmp/out', named('return'));
		const exists = finish(sent, 'files-copy-out', {kind: 'failed', error: '/tmp/out exists'});
		assert.equal(exists.ui.mode, 'confirm');
		assert.match(formatConfirmation(exists.operations.confirmation!), /\/tmp\/out exists: copy over it/);
		const yes = press(exists, 'y');
		assert.equal(yes.ui.mode, 'pane');
		const again = requests(yes).at(-1);
		assert.equal(again?.kind === 'files-copy-out' && again.overwrite, true);
		const no = press(exists, 'n');
		assert.equal(no.ui.mode, 'pane');
		assert.equal(requests(no).length, requests(exists).length);
	});

	test('C copies a path here into the directory shown, which is listed again', () => {
		assert.equal(selectPromptLabel(press(opened(), 'C'), undefined), 'copy into / from (a path here): ', 'the prompt names where it goes');
		const sent = press(opened(), 'C', '/tmp/upload', named('return'));
		const request = requests(sent).at(-1);
		assert.deepEqual(request?.kind === 'files-copy-in' && [request.container, request.source, request.directory], ['id-api', '/tmp/upload', '/']);
		const done = finish(sent, 'files-copy-in', {kind: 'done', text: ''});
		assert.equal(done.ui.message?.text, 'Copied /tmp/upload into api:/.');
		assert.equal(requests(done).at(-1)?.kind, 'files-read');
	});

	test('copy in is off in read-only mode and for a volume; copy out stays', () => {
		const refused = press(readOnly(opened()), 'C');
		assert.match(refused.ui.message?.text ?? '', /Read-only/);
		assert.equal(press(readOnly(opened()), 'c').ui.mode, 'copy-out');
		const volume = press(everyView(), '3', 'f', 'C');
		assert.match(volume.ui.message?.text ?? '', /read-only/);
		// A volume is read through a helper container berth creates: a pure viewer does not.
		assert.match(press(readOnly(everyView()), '3', 'f').ui.message?.text ?? '', /Read-only/);
	});
});
