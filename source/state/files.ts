// The files pane's state: which directory of a container or volume is shown, its entries, the selection, and
// a file being read. Pure; the engine's answers arrive as PathContent.
import type {FileEntry, FilesOwner, PathContent} from '../engine/types.js';
import {formatFileEntry, formatFileText, sortFileEntries} from '../format/files.js';

export type FilesPane = {
	owner: FilesOwner;
	/** The directory listed (absolute, in the container or the volume). */
	path: string;
	/** Sorted as shown; undefined while the engine is asked. */
	entries: readonly FileEntry[] | undefined;
	selected: number;
	/** A file's text, shown instead of the listing until Esc. */
	file: {path: string; lines: readonly string[]} | undefined;
	/** The path asked for last: an answer for another one is stale. */
	pending: string | undefined;
	/** The directory's archive was too large to read whole: entries may be missing. */
	cut?: boolean;
};

export function createFilesPane(owner: FilesOwner, path: string): FilesPane {
	return {owner, path, entries: undefined, selected: 0, file: undefined, pending: path};
}

/** The absolute path of an entry of the directory shown. */
export function joinPath(directory: string, name: string): string {
	return directory === '/' ? `/${name}` : `${directory}/${name}`;
}

export function parentPath(path: string): string {
	const cut = path.replace(/\/+$/, '').lastIndexOf('/');
	return cut <= 0 ? '/' : path.slice(0, cut);
}

export function selectFileEntry(files: FilesPane): FileEntry | undefined {
	return files.file ? undefined : files.entries?.[files.selected];
}

/** A directory's entries replace the listing; a file's text is shown over it. */
export function applyPathContent(files: FilesPane, content: PathContent): FilesPane {
	if (content.kind === 'directory') {
		const entries = sortFileEntries(content.entries);
		// Back from a child: the child stays selected.
		const from = files.path.startsWith(content.path) && files.path !== content.path ? files.path.slice(content.path.length).replace(/^\//, '').split('/')[0] : undefined;
		const selected = Math.max(0, entries.findIndex(entry => entry.name === from));
		return {...files, path: content.path, entries, selected, file: undefined, pending: undefined, cut: Boolean(content.cut)};
	}

	return {...files, file: {path: content.path, lines: formatFileText(content.bytes, content.size, content.partial)}, pending: undefined};
}

export function moveFileSelection(files: FilesPane, to: (selected: number, count: number) => number): FilesPane {
	const count = files.entries?.length ?? 0;
	if (count === 0 || files.file) return files;
	return {...files, selected: Math.max(0, Math.min(count - 1, to(files.selected, count)))};
}

/**
 * The pane's scroll that shows a folder's selected entry (on the pane's line selected + 1, under the path):
 * the scroll as it is when it does, else the least move that does.
 */
export function keepSelectionInView(files: FilesPane, scroll: number, pageSize: number): number {
	if (files.file) return scroll;
	const line = files.selected + 1;
	const size = Math.max(1, pageSize);
	return line < scroll + 1 ? Math.max(0, line - 1) : line >= scroll + size ? line - size + 1 : scroll;
}

/** The first line says where; then one line per entry (the selected one marked). */
export function formatFilesLines(files: FilesPane, error: string | undefined, pointer = '›'): string[] {
	if (files.file) return [`${files.file.path}`, '', ...files.file.lines];
	const where = `${files.path}${files.pending && files.pending !== files.path ? `  (opening ${files.pending}…)` : ''}`;
	if (error !== undefined) return [where, '', `Error: ${error}`];
	if (!files.entries) return [where, '', 'Loading…'];
	if (files.entries.length === 0) return [`${where}  (empty)`];
	return [
		`${where}  (${files.entries.length} entr${files.entries.length === 1 ? 'y' : 'ies'}${files.cut ? '; the archive was too large to read whole: some may be missing' : ''})`,
		...files.entries.map((entry, index) => `${index === files.selected ? pointer : ' '} ${formatFileEntry(entry)}`),
	];
}
