// What a command is: a key binding and its handler, side by side. Types only, so any module can use them.
import type {AppState} from '../state/app.js';
import type {PaneKind} from '../state/operations.js';

export type KeyPress = {
	/** Name from keyNameOf: 'down', 'return', 'ctrl+c', or the character typed. */
	name: string;
	/** True for a character that can be typed into a prompt. */
	printable: boolean;
};

/**
 * Where a binding applies: `list` in every list, a view's name in that view, `logs` in the logs pane, `pane`
 * in details, inspect and top, `confirm` while a y / N question is asked, `help` in the `?` overlay, and
 * `global` everywhere but prompts.
 */
export type KeyScope = string;

/** What a handler is given besides the state: the screen's size, and the list shown with its selection. */
export type CommandContext<Row = unknown> = {
	pageSize: number;
	width: number;
	/** The rows of the view shown, filtered and sorted exactly as on screen. */
	rows: readonly Row[];
	/** The row the selection is on, if any. */
	selected: Row | undefined;
	/** The view's columns as the configuration orders them (the ENGINE column apart), when it does. */
	columns?: readonly string[] | undefined;
	/** The engines berth shows, answered or not, where the App says so. */
	engineCount?: number | undefined;
	/** The keys bound to an action of the view shown (`o`, or what the configuration made it). */
	keysOf?: ((action: string) => string) | undefined;
};

export type Command<Row = unknown> = {
	/** A name that stays when keys are remapped. */
	action: string;
	/** Key names as keyNameOf produces them; the first one names the key in hints. */
	keys: readonly string[];
	scope: KeyScope;
	help: string;
	/** A word or two for the status line; commands without one are only in `?`. */
	hint?: string;
	/** The panes it does something in (a pane's command): its hint shows in those alone. */
	paneKinds?: readonly PaneKind[];
	/** Changes something on an engine: refused in read-only mode. */
	mutating?: boolean;
	/** Acts on the selected row only, marks or not (rename): a read-only engine is looked for there alone. */
	selectedOnly?: boolean;
	/** A method, so that a view's commands, typed by its own rows, stand in the one keymap. */
	run(state: AppState, context: CommandContext<Row>): AppState;
};

/** Commands written without their scope, placed in one: a view's file lists its own this way. */
export function inScope<Row>(scope: KeyScope, commands: ReadonlyArray<Omit<Command<Row>, 'scope'>>): Array<Command<Row>> {
	return commands.map(command => ({...command, scope}));
}
