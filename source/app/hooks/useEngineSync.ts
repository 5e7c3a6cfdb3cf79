// Each engine shown is followed (listing, events, resync) for as long as it is shown.
import {type Dispatch, useEffect} from 'react';
import type {Engine} from '../../engine/types.js';
import type {AppAction} from '../../state/app.js';
import {type SyncOptions, startEngineSync} from '../engineSync.js';

export function useEngineSync(engines: readonly Engine[], dispatch: Dispatch<AppAction>, options: SyncOptions): void {
	useEffect(() => {
		const stops = engines.map(engine => startEngineSync(engine, dispatch, options));
		return () => {
			for (const stop of stops) stop();
		};
	}, [engines, dispatch, options]);
}
