// Whether the clock moving on changes anything on screen. Pure: the screen redraws only when it does.
import {formatStatus} from '../format/status.js';
import type {AppState} from '../state/app.js';
import {selectPaneLinesFor} from '../state/select/paneLines.js';
import {selectView} from '../views/registry.js';

/**
 * What moving the clock from `state.now` to `now` changes on screen: nothing; a text that counts seconds
 * ("Up 5 seconds"), which should be redrawn now; or only texts that count minutes or longer ("Up 5
 * minutes"), which can wait a little for the next redraw. Texts that age are the status of a container
 * shown, the times in the details or layers pane, the ages in the images or tasks view. `shownKeys` are
 * the container rows on screen.
 */
export type ClockChange = 'none' | 'seconds' | 'coarse';

export function clockChangesScreen(state: AppState, shownKeys: readonly string[], now: number): ClockChange {
	const from = state.now;
	if (state.logs) return 'none';
	const changed = (before: string, after: string): ClockChange =>
		before === after ? 'none' : /\bseconds?\b/.test(before) || /\bseconds?\b/.test(after) ? 'seconds' : 'coarse';
	const pane = state.operations.pane;
	if (pane) {
		if (pane.kind !== 'details' && pane.kind !== 'history') return 'none';
		const lines = (at: number) => selectPaneLinesFor({...state, now: at}, pane, true).join('\n');
		return changed(lines(from), lines(now));
	}

	const view = selectView(state.ui.view);
	if (view.kind === 'table') {
		if (!view.ages) return 'none';
		const rows = (at: number) => JSON.stringify(view.selectRows({...state, now: at}));
		return changed(rows(from), rows(now));
	}

	switch (view.name) {
		case 'containers': {
			// Sorted by status, a row off screen can move onto it.
			const keys = state.ui.sort.by === 'status' ? state.containers.timings.keys() : shownKeys;
			let change: ClockChange = 'none';
			for (const key of keys) {
				const timing = state.containers.timings.get(key);
				if (!timing) continue;
				const status = changed(formatStatus(timing, from), formatStatus(timing, now));
				if (status === 'seconds') return status;
				if (status === 'coarse') change = status;
			}

			return change;
		}

		default: {
			return 'none';
		}
	}
}
