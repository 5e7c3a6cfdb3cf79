// Each engine shown is followed (listing, events, resync) for as long as it is shown.
import {type Dispatch, useEffect} from 'react';
import type {Engine} from '../../engine/types.js';
import type {AppAction} from '../../state/app.js';
import {throttleDispatch} from '../dispatchThrottle.js';
import {type SyncOptions, startEngineSync} from '../engineSync.js';

/** What the engines say is drawn at most every 50 ms (20 times a second), however many events come. */
export const engineNewsWindowMs = 50;

export function useEngineSync(engines: readonly Engine[], dispatch: Dispatch<AppAction>, options: SyncOptions): void {
	useEffect(() => {
		const news = throttleDispatch<AppAction>(dispatch, actions => ({type: 'batch', actions}), engineNewsWindowMs);
		const stops = engines.map(engine => startEngineSync(engine, news.dispatch, options));
		return () => {
			for (const stop of stops) stop();
			news.close();
		};
	}, [engines, dispatch, options]);
}
