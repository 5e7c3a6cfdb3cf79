// Where a key goes: the prompt or form being typed in, else the command bound in the mode's scopes, past
// the read-only gate. The one place a key press becomes a new state.
import type {AppState} from '../state/app.js';
import {reduceUi, type Mode} from '../state/ui.js';
import {selectCurrentList} from '../views/current.js';
import {reduceFormKey} from './form.js';
import {findCommand, formatKeyLabel, keymap, selectHelpRows} from './keymap.js';
import {prompts, reducePromptKey} from './prompts.js';
import type {Command, CommandContext, KeyPress, KeyScope} from './types.js';

/** The scopes whose keys work in a mode, the most specific first. */
export function selectScopes(mode: Mode, view: string, paneKind?: string): readonly KeyScope[] {
	switch (mode) {
		case 'help': {
			return ['help', 'global'];
		}

		case 'confirm': {
			return ['confirm'];
		}

		case 'pane': {
			return paneKind === 'files' ? ['files', 'global'] : ['pane', 'global'];
		}

		case 'logs': {
			return ['logs', 'global'];
		}

		case 'list': {
			return [view, 'list', 'global'];
		}

		default: {
			// Prompts and the form take their keys themselves.
			return [];
		}
	}
}

/** Whose keys the help shows first: those of where it was opened (the view, the logs, the pane). */
export function selectHelpFirst(state: AppState): KeyScope {
	return selectScopes(state.ui.helpReturn ?? 'list', state.ui.view, state.operations.pane?.kind)[0] ?? 'list';
}

/** What a kiosk's keys may do: show another view, move along a list. */
const kioskActions = /^(view-.+|move-(up|down|first|last)|page-(up|down))$/;

export type KeyContext = {
	pageSize: number;
	width: number;
	/** Each view's columns as configured (display.columns), in their order. */
	columns?: ReadonlyMap<string, ReadonlyArray<{id: string}>> | undefined;
	/** The engines berth shows, answered or not (the screen adds ENGINE columns by it). */
	engineCount?: number | undefined;
};

/** What a handler is given: the current list, the same rows the screen shows. */
function selectContext(state: AppState, {pageSize, width, columns, engineCount}: KeyContext, commands?: readonly Command[]): CommandContext {
	// In the help, its own lines are what scrolls.
	if (state.ui.mode === 'help') return {pageSize, width, rows: selectHelpRows(commands, selectHelpFirst(state), width), selected: undefined};
	const list = selectCurrentList(state);
	// The keys of an action of this view or of every list as the configuration binds them, for the words that
	// name them; a list's key that this view's own command takes does not do that action here.
	const all = commands ?? keymap;
	const keysOf = (action: string) => {
		const own = all.find(command => command.scope === list.view.name && command.action === action);
		if (own) return formatKeyLabel(own.keys);
		const taken = new Set(all.filter(command => command.scope === list.view.name).flatMap(command => command.keys));
		return formatKeyLabel(all.find(command => command.scope === 'list' && command.action === action)?.keys.filter(key => !taken.has(key)) ?? []);
	};
	return {pageSize, width, rows: list.rows, selected: list.selected, columns: columns?.get(list.view.name)?.map(column => column.id), engineCount, keysOf};
}

/** A read-only engine among those of the marked rows (else, or for a command of the selected row only, the selected one) of the current list. */
function selectReadOnlyEngine(state: AppState, selectedOnly = false): string | undefined {
	const engines = state.ui.readOnlyEngines;
	if (!engines || engines.size === 0) return undefined;
	// Marks count even when the filter hides their rows; a pane acts on what the list had selected.
	const marked = [...(selectedOnly ? [] : state.ui.marks)].flatMap(key => {
		const record = state.containers.records.get(key);
		return record ? [{engine: record.engine}] : [];
	});
	const {selected} = selectCurrentList(state);
	const targets = marked.length > 0 ? marked : selected ? [selected as {engine: string}] : [];
	return targets.find(row => engines.has(row.engine))?.engine;
}

export function reduceKeyPress(state: AppState, press: KeyPress, size: KeyContext, commands?: readonly Command[]): AppState {
	const {mode} = state.ui;
	// Ctrl-C quits from anywhere, prompts and questions included.
	if (press.name === 'ctrl+c') return {...state, ui: reduceUi(state.ui, {type: 'quit'})};
	if (mode === 'form') return reduceFormKey(state, press);
	const prompt = prompts[mode];
	if (prompt) return reducePromptKey(state, prompt, press, selectContext(state, size, commands));
	const command = findCommand(selectScopes(mode, state.ui.view, state.operations.pane?.kind), press.name, commands);
	// A wall screen says what its keys do to whoever walks up to it, whatever key they try.
	if (!command) return state.ui.kiosk ? {...state, ui: {...state.ui, message: {text: 'Kiosk mode: the view keys and the arrows work.', tone: 'error'}}} : state;
	if (state.ui.kiosk && !kioskActions.test(command.action)) {
		return {...state, ui: {...state.ui, message: {text: `Kiosk mode: "${formatKeyLabel(command.keys)}" is off; the view keys and the arrows work.`, tone: 'error'}}};
	}

	if (state.ui.readOnly && command.mutating) {
		return {...state, ui: {...state.ui, message: {text: `Read-only mode: "${formatKeyLabel(command.keys)}" would change what the engine holds, so it is off.`, tone: 'error'}}};
	}

	const readOnlyEngine = command.mutating ? selectReadOnlyEngine(state, command.selectedOnly) : undefined;
	if (readOnlyEngine !== undefined) {
		return {...state, ui: {...state.ui, message: {text: `The engine ${readOnlyEngine} is read-only: "${formatKeyLabel(command.keys)}" would change it, so it is off.`, tone: 'error'}}};
	}

	const cleared = state.ui.message && mode !== 'confirm' ? {...state, ui: {...state.ui, message: undefined}} : state;
	return command.run(cleared, selectContext(cleared, size, commands));
}
