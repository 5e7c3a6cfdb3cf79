// The first frame, painted as soon as the first listings are in, before the UI (React, Ink, dockerode) is
// loaded: the same state and screen props the App starts from, drawn as text (ui/screenText.ts). Ink draws
// the same frame over it once it runs; keys typed meanwhile wait in the terminal for it.
import {paintContainerScreen} from '../ui/screenText.js';
import type {Config} from './configTypes.js';
import {selectDisplay} from './display.js';
import type {EarlyStart} from './earlyStart.js';
import {selectScreenProps} from './screen.js';
import {type FirstAnswer, type RunOptions, selectStartState, selectTheme} from './startState.js';

/** How long the listings may take before berth stops waiting to paint and loads the UI instead. */
export const paintWaitMs = 300;

const enterScreen = '\u001B[?1049h\u001B[?25l\u001B[H';
const leaveScreen = '\u001B[?25h\u001B[?1049l';

/**
 * Paints the containers list when every engine's first listing came early (over a socket, within
 * paintWaitMs) and the terminal is a TTY; otherwise paints nothing. Returns whether it painted.
 */
export async function paintFirstFrame(
	options: RunOptions,
	early: EarlyStart,
	config: Config,
	terminal: {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream} = process,
): Promise<boolean> {
	const {stdin, stdout} = terminal;
	if (!early.chosen.ok || !stdout.isTTY || !stdin.isTTY || options.kiosk) return false;
	const engines = early.chosen.engines;
	let timer: NodeJS.Timeout | undefined;
	const listings = await Promise.race([
		Promise.all(early.listings),
		new Promise<undefined>(resolve => {
			timer = setTimeout(() => {
				resolve(undefined);
			}, paintWaitMs);
		}),
	]);
	clearTimeout(timer);
	if (!listings || listings.some(listing => listing === undefined)) return false;
	const answers: FirstAnswer[] = listings.map((listing, index) => ({engine: engines[index]!.name, ok: true, ...listing!}));
	const theme = selectTheme(options, process.env);
	const display = selectDisplay(config);
	const state = selectStartState({answers, options, config, theme, readOnlyEngines: early.readOnlyEngines}, Date.now());
	if (state.ui.view !== 'containers') return false;
	const size = {width: stdout.columns, height: stdout.rows};
	const lines = paintContainerScreen(selectScreenProps(state, engines, size, {...theme, colors: display.colors}, display));
	if (!lines) return false;
	// Keys typed before Ink reads them must not be echoed over the frame. The cursor goes home, where Ink starts
	// drawing its frame over this one.
	stdin.setRawMode(true);
	stdout.write(`${enterScreen}${lines.join('\r\n')}\u001B[H`);
	return true;
}

/**
 * Takes the screen for Ink when nothing was painted: the alternate screen with the cursor home. Ink draws from
 * where the cursor is, and keys typed before berth set its terminal raw were echoed there (a `/` sent at once
 * put every frame one column to the right), or the shell left it lower.
 */
export function takeScreen(stdout: NodeJS.WriteStream = process.stdout): void {
	stdout.write(enterScreen);
}

/** Gives the terminal back as it was when berth ends without Ink having taken it over. */
export function unpaint(terminal: {stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream} = process): void {
	terminal.stdin.setRawMode(false);
	terminal.stdout.write(leaveScreen);
}
