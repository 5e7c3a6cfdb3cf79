// The files pane's keys: move through a container's (or volume's) directories, read a file, copy out and in.
import type {FilesOwner} from '../engine/types.js';
import type {AppState} from '../state/app.js';
import {createFilesPane, type FilesPane, joinPath, keepSelectionInView, moveFileSelection, parentPath, selectFileEntry} from '../state/files.js';
import {enqueue, type PaneTarget} from '../state/operations.js';
import {scrollPane, showPane, withMessage, withMode} from './effects.js';
import {inScope} from './types.js';

/** Opens the files pane on a directory of a container or a volume. */
export function openFiles(state: AppState, target: PaneTarget, owner: FilesOwner, path = '/'): AppState {
	const opened = showPane(state, 'files', {...target, key: `files\u0000${target.key}`}, undefined);
	const pane = opened.operations.pane!;
	const files = createFilesPane(owner, path);
	return {...opened, operations: enqueue({...opened.operations, pane: {...pane, files}}, {kind: 'files-read', target: pane.target, owner, path})};
}

function withFiles(state: AppState, files: FilesPane, scroll?: number): AppState {
	const {pane} = state.operations;
	if (!pane) return state;
	return {...state, operations: {...state.operations, pane: {...pane, files, error: undefined, ...(scroll === undefined ? {} : {scroll})}}};
}

/** Asks for a path of the directory's; the answer replaces the listing (a directory) or shows a file. */
function read(state: AppState, path: string): AppState {
	const {pane} = state.operations;
	if (!pane?.files) return state;
	const asked = withFiles(state, {...pane.files, pending: path});
	return {...asked, operations: enqueue(asked.operations, {kind: 'files-read', target: pane.target, owner: pane.files.owner, path})};
}

/** Moves the selection, scrolling so that it stays on screen (the entries start on the pane's second line). */
function move(to: (selected: number, count: number, pageSize: number) => number) {
	return (state: AppState, {pageSize}: {pageSize: number}): AppState => {
		const files = state.operations.pane?.files;
		if (!files) return state;
		if (files.file) return scrollPane(state, scroll => to(scroll, Number.POSITIVE_INFINITY, pageSize), pageSize);
		const moved = moveFileSelection(files, (selected, count) => to(selected, count, pageSize));
		return withFiles(state, moved, keepSelectionInView(moved, state.operations.pane!.scroll, pageSize));
	};
}

export function selectedPath(state: AppState): string | undefined {
	const files = state.operations.pane?.files;
	if (!files) return undefined;
	if (files.file) return files.file.path;
	const entry = selectFileEntry(files);
	return entry ? joinPath(files.path, entry.name) : undefined;
}

export const filesCommands = inScope<unknown>('files', [
	{action: 'files-up', keys: ['up', 'k'], help: 'Select the entry above', run: move(selected => selected - 1)},
	{action: 'files-down', keys: ['down', 'j'], help: 'Select the entry below', run: move(selected => selected + 1)},
	{action: 'files-page-up', keys: ['pageup', 'ctrl+b'], help: 'Up one page', run: move((selected, _count, page) => selected - page)},
	{action: 'files-page-down', keys: ['pagedown', 'ctrl+f'], help: 'Down one page', run: move((selected, _count, page) => selected + page)},
	{action: 'files-first', keys: ['g', 'home'], help: 'First entry', run: move(() => 0)},
	{action: 'files-last', keys: ['G', 'end'], help: 'Last entry', run: move((_selected, count) => count - 1)},
	{
		action: 'files-open',
		keys: ['return', 'right', 'l'],
		help: 'Into a directory, or show a file\'s text (links followed)',
		hint: 'open',
		run(state) {
			const files = state.operations.pane?.files;
			const entry = files && selectFileEntry(files);
			if (!files || !entry) return state;
			return read(state, joinPath(files.path, entry.name));
		},
	},
	{
		action: 'files-parent',
		keys: ['backspace', 'left', 'h'],
		help: 'Up to the parent directory (from a file: its directory)',
		hint: 'parent',
		run(state) {
			const files = state.operations.pane?.files;
			if (!files) return state;
			if (files.file) return withFiles(state, {...files, file: undefined}, Math.max(0, files.selected + 1 - 8));
			return files.path === '/' ? state : read(state, parentPath(files.path));
		},
	},
	{
		action: 'files-back',
		keys: ['escape'],
		help: 'Back: from a file to its directory, else to the list',
		hint: 'back',
		run(state) {
			const files = state.operations.pane?.files;
			if (files?.file) return withFiles(state, {...files, file: undefined}, Math.max(0, files.selected + 1 - 8));
			return {...state, operations: {...state.operations, pane: undefined}, ui: {...state.ui, mode: 'list'}};
		},
	},
	{
		action: 'files-copy-out',
		keys: ['c'],
		help: 'Copy it out to a path on this machine (asks for the path)',
		hint: 'copy out',
		run(state) {
			const path = selectedPath(state);
			if (!path || path === '/') return withMessage(state, 'Select a file or directory to copy out.', 'error');
			return withMode({...state, ui: {...state.ui, message: undefined}}, 'copy-out', `./${path.split('/').at(-1)}`);
		},
	},
	{
		action: 'files-copy-in',
		keys: ['C'],
		help: 'Copy a path of this machine into the directory shown (asks)',
		hint: 'copy in',
		mutating: true,
		run(state) {
			const files = state.operations.pane?.files;
			if (!files) return state;
			if ('volume' in files.owner) return withMessage(state, 'A volume is shown read-only: copy into a container that mounts it.', 'error');
			return withMode({...state, ui: {...state.ui, message: undefined}}, 'copy-in', '');
		},
	},
]);

/** Enter at the copy-out prompt: the selected path goes to the typed local path (asked again if it exists). */
export function submitCopyOut(state: AppState, text: string): AppState {
	const {pane} = state.operations;
	const path = selectedPath(state);
	const destination = text.trim();
	if (!pane?.files || !path) return state;
	if (destination === '') return withMessage(state, 'Nothing copied: no destination given.', 'error');
	const request = {kind: 'files-copy-out' as const, target: pane.target, owner: pane.files.owner, path, destination, overwrite: false};
	return withMessage({...state, operations: enqueue(state.operations, request)}, `Copying ${path} to ${destination}…`);
}

/** Enter at the copy-in prompt: the typed local path goes into the directory shown. */
export function submitCopyIn(state: AppState, text: string): AppState {
	const {pane} = state.operations;
	const source = text.trim();
	if (!pane?.files || !('container' in pane.files.owner)) return state;
	if (source === '') return withMessage(state, 'Nothing copied: no path given.', 'error');
	const request = {kind: 'files-copy-in' as const, target: pane.target, container: pane.files.owner.container, source, directory: pane.files.path};
	return withMessage({...state, operations: enqueue(state.operations, request)}, `Copying ${source} into ${pane.files.path}…`);
}
