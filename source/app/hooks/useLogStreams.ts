// The logs pane's streams live exactly as long as the pane shows the same containers.
import {type Dispatch, useEffect, useRef} from 'react';
import type {Engine} from '../../engine/types.js';
import type {AppAction} from '../../state/app.js';
import type {LogsState} from '../../state/logs.js';
import {LogFollower} from '../logFollower.js';

export function useLogStreams(logs: LogsState | undefined, engineMap: ReadonlyMap<string, Engine>, dispatch: Dispatch<AppAction>, capacity: number): void {
	const follower = useRef<LogFollower | undefined>(undefined);
	useEffect(() => {
		follower.current = new LogFollower(engineMap, dispatch, capacity);
		return () => {
			follower.current?.close();
		};
	}, [engineMap, dispatch, capacity]);
	// The generation stands for the targets and the tail: a new one opens new streams.
	const latest = useRef(logs);
	latest.current = logs;
	const generation = logs?.generation ?? 0;
	useEffect(() => {
		const current = latest.current;
		follower.current?.follow(current?.targets ?? [], current?.tail ?? 0, current?.generation ?? 0);
	}, [generation, engineMap]);
}
