// The prompts: what Enter and Esc do at each (filter, command line, searches, pull, scale, rename, update), over one line editor.
import {formatFamiliarReference, parseImageReference} from '../format/reference.js';
import type {AppState} from '../state/app.js';
import {reduceUi, type Mode} from '../state/ui.js';
import {views} from '../views/registry.js';
import {requestScale} from '../views/services.js';
import {describeUpdate, parseUpdateFlags} from '../state/containerUpdate.js';
import {engineOf, showPane, withMessage, withMode, withRequest} from './effects.js';
import {editLine} from './lineEditor.js';
import {showView} from './list.js';
import {keepLogSearch, withLogs} from './logs.js';
import {selectedPath, submitCopyIn, submitCopyOut} from './files.js';
import {keepPaneSearch} from './pane.js';
import type {CommandContext, KeyPress} from './types.js';

type Prompt = {
	/** What the status line says before the draft. */
	label: string | ((state: AppState, selected: {engine: string; cells?: Record<string, string>} | undefined) => string);
	/** Where Esc and a finished prompt go back to. */
	back: Mode;
	accepts?: (character: string) => boolean;
	complete?: (draft: string) => string;
	submit: (state: AppState, text: string, context: CommandContext) => AppState;
	cancel?: (state: AppState) => AppState;
};

/** Completes a partial view name when exactly one view starts with it, or to their common prefix. */
export function completeViewName(text: string): string {
	const partial = text.trim().toLowerCase();
	const matches = views.map(view => view.name).filter(name => name.startsWith(partial));
	if (matches.length === 0) return text;
	if (matches.length === 1) return matches[0]!;
	let prefix: string = matches[0]!;
	for (const name of matches) {
		while (!name.startsWith(prefix)) prefix = prefix.slice(0, -1);
	}

	return prefix.length > partial.length ? prefix : text;
}

/** `:name` shows a view (a unique prefix will do), `:q` quits, `:help` opens the help. */
function runCommandLine(state: AppState, text: string): AppState {
	const command = text.trim().toLowerCase();
	if (command === '') return state;
	if (command === 'q' || command === 'quit') return {...state, ui: reduceUi(state.ui, {type: 'quit'})};
	// As `?` opens it: at its top, going back to the list (not where the help was last opened from).
	if (command === 'help') return {...state, ui: reduceUi(state.ui, {type: 'help/toggle'})};
	const name = completeViewName(command);
	if (views.some(view => view.name === name)) return showView(state, name);
	return withMessage(state, `Unknown command ":${command}". Views: ${views.map(view => view.name).join(', ')}.`, 'error');
}

function pull(state: AppState, text: string, {selected}: CommandContext): AppState {
	const parsed = parseImageReference(text);
	if (!parsed.ok) return withMessage(state, `Cannot pull: ${parsed.error}`, 'error');
	const reference = formatFamiliarReference(parsed.reference);
	const engine = engineOf(state, selected as {engine: string} | undefined);
	const target = {key: `pull\u0000${reference}`, engine, id: reference, name: reference};
	return withMessage(showPane(state, 'pull', target, {kind: 'pull', engine, reference}), `Pulling ${reference}…`);
}

/** `docker rename`: the container the prompt was opened for, to the name typed; the engine checks it and says why not. */
function rename(state: AppState, text: string): AppState {
	const target = state.ui.renameTarget;
	const left = {...state, ui: {...state.ui, renameTarget: undefined}};
	const name = text.trim();
	if (!target) return withMessage(left, 'No container selected.', 'error');
	// Gone while the name was typed: nothing else is renamed in its place.
	if (!state.containers.records.has(target.key)) return withMessage(left, `${target.name} is gone: nothing renamed.`, 'error');
	if (name === '' || name === target.name) return withMessage(left, `${target.name} keeps its name.`);
	return withMessage(withRequest(left, {kind: 'container-rename', target, name}), `Renaming ${target.name} to ${name}…`);
}

/** `docker update` of the containers the prompt was opened for; flags it cannot read keep the prompt open. */
function update(state: AppState, text: string): AppState {
	const targets = state.ui.updateTargets ?? [];
	const left = {...state, ui: {...state.ui, updateTargets: undefined}};
	if (text.trim() === '') return withMessage(left, 'Nothing updated.');
	const parsed = parseUpdateFlags(text);
	if (!parsed.ok) return withMode({...state, ui: {...state.ui, promptError: {mode: 'update', text: `Cannot update: ${parsed.error}.`}}}, 'update', text);
	// Gone while the flags were typed: the others are updated.
	const there = targets.filter(target => state.containers.records.has(target.key));
	if (there.length === 0) return withMessage(left, `${targets.map(target => target.name).join(', ')}: gone, nothing updated.`, 'error');
	return withMessage(withRequest(left, {kind: 'container-update', targets: there, update: parsed.update}), `Updating ${there.map(target => target.name).join(', ')}: ${describeUpdate(parsed.update)}…`);
}

function scale(state: AppState, text: string, {selected}: CommandContext): AppState {
	const replicas = text.trim();
	if (!/^\d{1,6}$/.test(replicas)) return withMessage(state, `Cannot scale to "${replicas}": type a number of replicas (0 or more).`, 'error');
	return requestScale(state, selected as Parameters<typeof requestScale>[1], {to: Number(replicas)});
}

export const prompts: Partial<Record<Mode, Prompt>> = {
	filter: {
		label: '/',
		back: 'list',
		// The list passed in is already narrowed by the draft: its first row becomes the selection.
		submit: (state, _text, context) => ({...state, ui: reduceUi(state.ui, {type: 'filter/keep', list: {keys: context.rows.map(row => (row as {key: string}).key), pageSize: context.pageSize}})}),
		cancel: state => ({...state, ui: reduceUi(state.ui, {type: 'filter/clear'})}),
	},
	command: {label: ':', back: 'list', complete: completeViewName, submit: runCommandLine},
	'pane-search': {label: '/', back: 'pane', submit: (state, text, context) => keepPaneSearch(state, text, context.pageSize, context.width)},
	'logs-search': {label: '/', back: 'logs', submit: (state, text, context) => keepLogSearch(state, text, context)},
	'logs-filter': {
		label: 'only lines with: ',
		back: 'logs',
		submit(state, text) {
			const filter = text.trim();
			if (!state.logs) return state;
			return withLogs(state, {...state.logs, filter}, filter === '' ? 'Filter off: every line shown.' : `Showing only lines with "${filter}".`);
		},
		// Esc leaves a search as it was, and clears a filter.
		cancel(state) {
			const back = {...state, ui: {...state.ui, mode: 'logs' as const, draft: ''}};
			return state.logs ? withLogs(back, {...state.logs, filter: ''}) : back;
		},
	},
	pull: {
		// With several engines, the one the image comes into: the selected row's.
		label: (state, selected) => (state.connection.size > 1 ? `pull into ${engineOf(state, selected)} (repository/name:tag): ` : 'pull (repository/name:tag): '),
		back: 'list',
		submit: pull,
	},
	scale: {
		label: (_state, selected) => (selected?.cells?.name ? `scale ${selected.cells.name} to (replicas): ` : 'scale to (replicas): '),
		back: 'list',
		accepts: character => /^\d$/.test(character),
		submit: scale,
	},
	rename: {
		label: state => `rename ${state.ui.renameTarget?.name ?? ''} to: `,
		back: 'list',
		// A name as the engine takes one: letters, digits, _ . - (no spaces: Enter would send them).
		accepts: character => /^[\w.-]$/.test(character),
		submit: rename,
		cancel: state => ({...state, ui: {...state.ui, mode: 'list', draft: '', renameTarget: undefined}}),
	},
	update: {
		label: state => {
			const targets = state.ui.updateTargets ?? [];
			const who = targets.length === 1 ? targets[0]!.name : `${targets.length} containers`;
			// The flags it takes until something is typed; then the room is the draft's.
			return state.ui.draft === '' ? `update ${who} (--restart --memory --cpus --pids-limit): ` : `update ${who}: `;
		},
		back: 'list',
		submit: update,
		cancel: state => ({...state, ui: {...state.ui, mode: 'list', draft: '', updateTargets: undefined}}),
	},
	'copy-out': {label: state => `copy ${selectedPath(state) ?? ''} out to (a path here): `, back: 'pane', submit: submitCopyOut},
	'copy-in': {label: state => `copy into ${state.operations.pane?.files?.path ?? ''} from (a path here): `, back: 'pane', submit: submitCopyIn},
};

/** What the open prompt asks for, or undefined when no prompt is open. */
export function selectPromptLabel(state: AppState, selected: {engine: string; cells?: Record<string, string>} | undefined): string | undefined {
	const label = prompts[state.ui.mode]?.label;
	return typeof label === 'function' ? label(state, selected) : label;
}

/** A key at a prompt: typing edits the draft; Enter and Esc leave the prompt, then do what it is for. */
export function reducePromptKey(state: AppState, prompt: Prompt, press: KeyPress, context: CommandContext): AppState {
	const edit = editLine(state.ui.draft, press, prompt.accepts);
	const left = {...state, ui: {...state.ui, mode: prompt.back, draft: '', promptError: undefined}};
	switch (edit.kind) {
		case 'typed': {
			// Typing puts right what was wrong: that goes.
			return {...state, ui: {...state.ui, draft: edit.draft, promptError: undefined}};
		}

		case 'complete': {
			return prompt.complete ? {...state, ui: {...state.ui, draft: prompt.complete(state.ui.draft)}} : state;
		}

		case 'cancel': {
			return prompt.cancel ? prompt.cancel({...state, ui: {...state.ui, promptError: undefined}}) : left;
		}

		case 'submit': {
			// The filter keeps its mode until it has narrowed the list; the others leave the prompt first.
			return state.ui.mode === 'filter' ? prompt.submit(state, edit.text, context) : prompt.submit(left, edit.text, context);
		}

		case 'ignored': {
			return state;
		}
	}
}

