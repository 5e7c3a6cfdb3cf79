// The keys of the logs pane: scroll, follow, search, filter, timestamps, wrap, colours, save, backlog.
import type {AppState} from '../state/app.js';
import {createLogs, formatLogsForFile, jumpToLogMatch, type LogsState, scrollLogs} from '../state/logs.js';
import {withMessage, withRequest} from './effects.js';
import {type CommandContext, inScope} from './types.js';

export function withLogs(state: AppState, logs: LogsState, message?: string): AppState {
	const next = {...state, logs};
	return message ? withMessage(next, message) : next;
}

/** The lines of the page the log shows: its title takes one. */
function logHeight(context: CommandContext): number {
	return Math.max(1, context.pageSize - 1);
}

/** A handler that runs only while logs are open. */
function onLogs(run: (state: AppState, logs: LogsState, context: CommandContext) => AppState) {
	return (state: AppState, context: CommandContext) => (state.logs ? run(state, state.logs, context) : state);
}

function scrollBy(lines: (height: number) => number) {
	return onLogs((state, logs, context) => withLogs(state, scrollLogs(logs, lines(logHeight(context)), context.width, logHeight(context))));
}

function jump(direction: 1 | -1) {
	return onLogs((state, logs, context) => {
		if (logs.search === '') return withMessage(state, 'Nothing to search for yet: / first.', 'error');
		const found = jumpToLogMatch(logs, direction, context.width, logHeight(context));
		return found.found ? withLogs(state, found.logs) : withMessage(state, `No line has "${logs.search}".`, 'error');
	});
}

function reload(more: boolean) {
	return onLogs((state, logs) => {
		// Twice as many, and from none (--tail 0) some: 10, the least `-` leaves.
		const tail = more ? Math.min(logs.capacity, Math.max(10, logs.tail * 2)) : Math.max(10, Math.floor(logs.tail / 2));
		const reopened = createLogs(logs.targets, {tail, capacity: logs.capacity, color: logs.color, generation: state.logGeneration + 1});
		return withLogs({...state, logGeneration: reopened.generation}, {...reopened, timestamps: logs.timestamps, wrap: logs.wrap}, `Reloading with the last ${tail} lines.`);
	});
}

/** Enter at the logs' `/` prompt: matches highlighted, the first one after the top shown. */
export function keepLogSearch(state: AppState, search: string, context: CommandContext): AppState {
	const back = {...state, ui: {...state.ui, mode: 'logs' as const, draft: ''}};
	if (!state.logs) return back;
	const searched = {...state.logs, search};
	if (search === '') return withLogs(back, searched);
	const found = jumpToLogMatch(searched, 1, context.width, logHeight(context));
	return found.found
		? withLogs(back, found.logs, `Matches of "${search}" highlighted: n next, N previous.`)
		: withLogs(withMessage(back, `No line has "${search}".`, 'error'), searched);
}

export const logsCommands = inScope<unknown>('logs', [
	{action: 'back', keys: ['escape'], help: 'Back to the list (the log stream closes)', hint: 'back', run: state => ({...state, logs: undefined, ui: {...state.ui, mode: 'list'}})},
	{action: 'move-up', keys: ['up', 'k'], help: 'Scroll up (stops following)', run: scrollBy(() => -1)},
	{action: 'move-down', keys: ['down', 'j'], help: 'Scroll down', hint: 'scroll', run: scrollBy(() => 1)},
	{action: 'page-up', keys: ['pageup', 'ctrl+b'], help: 'Up one page (stops following)', run: scrollBy(height => -height)},
	{action: 'page-down', keys: ['pagedown', 'ctrl+f'], help: 'Down one page', run: scrollBy(height => height)},
	{action: 'move-first', keys: ['g', 'home'], help: 'Oldest line kept', run: onLogs((state, logs) => withLogs(state, {...logs, follow: false, anchor: 0}))},
	{action: 'follow', keys: ['G', 'end'], help: 'Newest line, and follow again', hint: 'follow', run: onLogs((state, logs) => withLogs(state, {...logs, follow: true}, 'Following the newest lines.'))},
	{
		action: 'pane-search',
		keys: ['/'],
		help: 'Search: matches highlighted, Enter jumps to the next',
		hint: 'search',
		run: onLogs((state, logs) => ({...state, ui: {...state.ui, mode: 'logs-search', draft: logs.search}})),
	},
	{action: 'search-next', keys: ['n'], help: 'Next match', run: jump(1)},
	{action: 'search-previous', keys: ['N'], help: 'Previous match', run: jump(-1)},
	{
		action: 'logs-filter',
		keys: ['f'],
		help: 'Filter: show only lines that contain a text (empty: all)',
		hint: 'filter',
		run: onLogs((state, logs) => ({...state, ui: {...state.ui, mode: 'logs-filter', draft: logs.filter}})),
	},
	{action: 'toggle-timestamps', keys: ['T'], help: 'Timestamps on or off', hint: 'time', run: onLogs((state, logs) => withLogs(state, {...logs, timestamps: !logs.timestamps}))},
	{action: 'toggle-wrap', keys: ['w'], help: 'Wrap long lines on or off', hint: 'wrap', run: onLogs((state, logs) => withLogs(state, {...logs, wrap: !logs.wrap}))},
	{
		action: 'toggle-color',
		keys: ['c'],
		help: 'The containers\' own colours on or off',
		hint: 'colour',
		run: onLogs((state, logs) => withLogs(state, {...logs, color: !logs.color}, logs.color ? 'Log colours off.' : 'Log colours on.')),
	},
	{
		action: 'save-logs',
		keys: ['s'],
		help: 'Save the lines kept to a file (says where)',
		hint: 'save',
		run: onLogs((state, logs) => {
			const name = logs.targets.length === 1 ? logs.targets[0]!.name : `${logs.targets.length}-containers`;
			return withRequest(state, {kind: 'save-logs', name, content: formatLogsForFile(logs), lines: logs.lines.length});
		}),
	},
	{action: 'more-backlog', keys: ['+'], help: 'Twice as many backlog lines (reloads)', run: reload(true)},
	{action: 'less-backlog', keys: ['-'], help: 'Half as many backlog lines (reloads)', run: reload(false)},
]);
