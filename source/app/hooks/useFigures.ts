// Figures and ages on screen: the stats plan, the inspect timings of rows shown, and the one clock.
import {type Dispatch, useEffect, useRef} from 'react';
import type {ContainerState, Engine} from '../../engine/types.js';
import type {AppAction, AppState} from '../../state/app.js';
import {isMeasured} from '../../state/stats.js';
import {clockChangesScreen} from '../clock.js';
import {defaultStatsConcurrency, StatsFollower, type StatsTarget} from '../statsFollower.js';
import {TimingFetcher} from '../timingFetcher.js';

type Shown = {key: string; engine: string; id: string; state: ContainerState};

/** Stats requests at once on an engine over ssh. */
export const sshStatsConcurrency = 10;

/** Containers as one text, for an effect that runs again only when the list of them changes. */
function targetsText(targets: readonly StatsTarget[]): string {
	return targets.map(target => `${target.engine}/${target.id}${target.io === false ? ' without I/O' : ''}`).join(',');
}

/**
 * Only containers on screen cost the engine stats: the list's running (and paused) rows, sampled every refreshMs, or the
 * one container whose details are open, streamed; nothing while another view is shown. Where a refresh of a
 * second is asked for, rows are streamed too. The rows' network and block I/O are read only when `listIo`
 * (the NET I/O or BLOCK I/O column is configured): read from the kernel, they are half of a sample's cost.
 * The details pane shows them, and reads them.
 */
export function selectStatsPlan(state: AppState, shown: readonly Shown[], refreshMs: number, listIo = true) {
	const openPane = state.operations.pane;
	const listShown = (state.ui.view === 'containers' || state.ui.view === 'pulse') && !state.logs && !openPane && state.ui.mode !== 'form';
	// Paused ones too, as `docker stats` shows them: their memory, and a CPU of 0.00%.
	const running = listShown ? shown.filter(row => isMeasured(row.state)).map(row => ({engine: row.engine, id: row.id, io: listIo})) : [];
	const streamsRows = refreshMs <= 1000;
	return {
		polled: streamsRows ? [] : running,
		streamed:
			openPane?.kind === 'details' && state.ui.view === 'containers'
				? [{engine: openPane.target.engine, id: openPane.target.id}]
				: streamsRows
					? running
					: [],
	};
}

export function useFigures(state: AppState, shown: readonly Shown[], engineMap: ReadonlyMap<string, Engine>, dispatch: Dispatch<AppAction>, refreshMs: number, listIo = true): void {
	const stats = useRef<StatsFollower | undefined>(undefined);
	const timings = useRef<TimingFetcher | undefined>(undefined);
	useEffect(() => {
		// Over ssh each request at once is a channel and a `docker` process on the remote host (about 24 MiB):
		// 10 at once, each answered at the engine's next reading, sample 50 rows in about 5 s.
		const concurrency = (name: string) => (engineMap.get(name)?.connectionPerRequest ? sshStatsConcurrency : defaultStatsConcurrency);
		stats.current = new StatsFollower(engineMap, {pollMs: refreshMs, concurrency});
		timings.current = new TimingFetcher(engineMap, dispatch);
		return () => {
			stats.current?.close();
			timings.current?.close();
		};
	}, [engineMap, refreshMs, dispatch]);

	// What the clock needs to know of the screen, as of the last render.
	// The pulse view's busiest containers come from the figures of the running ones.
	const containersShown = state.ui.view === 'containers' || state.ui.view === 'pulse' ? shown : [];
	const last = useRef({state, keys: [] as readonly string[]});
	last.current = {state, keys: containersShown.map(row => row.key)};
	// One clock for the whole screen: new figures and texts that age are drawn together, at most once a
	// second, and only when something on screen changes. A text counting seconds ("Up 5 seconds") is drawn
	// at once; one counting minutes waits for the next figures, at most a refresh period.
	useEffect(() => {
		const timer = setInterval(() => {
			const now = Date.now();
			const actions = stats.current?.take() ?? [];
			if (actions.length === 0) {
				const change = clockChangesScreen(last.current.state, last.current.keys, now);
				if (change === 'none' || (change === 'coarse' && now - last.current.state.now < refreshMs)) return;
			}

			dispatch({type: 'batch', actions: [...actions, {type: 'clock/tick', now}]});
		}, 1000);
		return () => {
			clearInterval(timer);
		};
	}, [refreshMs, dispatch]);

	const plan = selectStatsPlan(state, containersShown, refreshMs, listIo);
	const planText = `polled ${targetsText(plan.polled)}; streamed ${targetsText(plan.streamed)}`;
	const planRef = useRef(plan);
	planRef.current = plan;
	useEffect(() => {
		stats.current?.follow(planRef.current);
	}, [planText, engineMap, refreshMs]);

	const untimed = containersShown.filter(row => !state.containers.timings.has(row.key)).map(row => ({engine: row.engine, id: row.id}));
	const untimedText = targetsText(untimed);
	const untimedRef = useRef(untimed);
	untimedRef.current = untimed;
	useEffect(() => {
		timings.current?.request(untimedRef.current);
	}, [untimedText, engineMap]);
}
