// The lines a details, inspect or top pane shows, and where its search matches. Pure selectors.
import {formatDetailsLines, formatInspectLines, formatTopLines} from '../format/inspect.js';
import type {Pane} from './operations.js';

export const paneTitles = {details: 'Details', inspect: 'Inspect', top: 'Processes'} as const;

export function selectPaneLines(pane: Pane, now: number): string[] {
	if (pane.error !== undefined) return [`Error: ${pane.error}`];
	if (pane.kind === 'top') return pane.table ? formatTopLines(pane.table) : ['Loading…'];
	if (!pane.document) return ['Loading…'];
	return pane.kind === 'details'
		? formatDetailsLines(pane.document, pane.revealed, now)
		: formatInspectLines(pane.document, pane.revealed);
}

/** Indexes of the lines that contain the search text (case-insensitive). */
export function selectSearchMatches(lines: readonly string[], search: string): number[] {
	const needle = search.toLowerCase();
	if (needle === '') return [];
	const matches: number[] = [];
	for (const [index, line] of lines.entries()) if (line.toLowerCase().includes(needle)) matches.push(index);
	return matches;
}

/** The scroll position that shows a line near the top, within the pane's bounds. */
export function clampScroll(scroll: number, lineCount: number, pageSize: number): number {
	return Math.max(0, Math.min(scroll, lineCount - pageSize));
}
