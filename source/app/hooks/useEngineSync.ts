// Each engine shown is followed (listing, events, resync) for as long as it is shown.
import {type Dispatch, useEffect} from 'react';
import type {Engine} from '../../engine/types.js';
import type {AppAction} from '../../state/app.js';
import {throttleDispatch} from '../dispatchThrottle.js';
import {type SyncOptions, startEngineSync} from '../engineSync.js';

/**
 * What the engines say is drawn at most every 50 ms (20 times a second), however many events come; once news
 * has kept coming for 4 windows in a row (a storm), every 500 ms until a window passes with none. During a
 * storm on a busy machine each frame waits for a core several times as long as it runs: fewer of them leave
 * the cores to the frames keys ask for. Twice a second keeps the last of a storm on screen within 1 s of its
 * event (the 250 ms of before drew a storm of 250 starts about 200 times; 500 ms about 100, a sixth less CPU).
 */
export const engineNewsWindow = {ms: 50, stormMs: 500, stormAfter: 4};

export function useEngineSync(engines: readonly Engine[], dispatch: Dispatch<AppAction>, options: SyncOptions): void {
	useEffect(() => {
		const news = throttleDispatch<AppAction>(dispatch, actions => ({type: 'batch', actions}), engineNewsWindow);
		const stops = engines.map(engine => startEngineSync(engine, news.dispatch, options));
		return () => {
			for (const stop of stops) stop();
			news.close();
		};
	}, [engines, dispatch, options]);
}
