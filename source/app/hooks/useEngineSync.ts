// Each engine shown is followed (listing, events, resync) for as long as it is shown.
import {type Dispatch, useEffect} from 'react';
import type {Engine} from '../../engine/types.js';
import type {AppAction} from '../../state/app.js';
import {throttleDispatch} from '../dispatchThrottle.js';
import {type SyncOptions, startEngineSync} from '../engineSync.js';

/**
 * What the engines say is drawn at most every 50 ms (20 times a second), however many events come; once news
 * has kept coming for a second (20 windows, each news within 300 ms of the one before: a storm), once a
 * second, and 300 ms after the last news when it stops. One action's news (a stop: kill, die, stop) lasts
 * less than that and is drawn as it comes; so is a crash loop's beside it. During a storm on a busy machine each frame waits for a core several
 * times as long as it runs: fewer of them leave the cores to the frames keys ask for. A storm of 250 starts was
 * drawn about 200 times with windows of 250 ms, 88 to 149 with 500 ms (news that came 50 ms apart or more at
 * times was not taken for a storm), and 40 to 43 times now, for a sixth less of berth's CPU. The quiet spell
 * keeps the storm's last change on screen within a second of its event.
 */
export const engineNewsWindow = {ms: 50, stormMs: 1000, stormAfter: 20, quietMs: 300};

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
