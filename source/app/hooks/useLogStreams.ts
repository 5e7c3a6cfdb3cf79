// The logs pane's streams live exactly as long as the pane shows the same containers.
import {type Dispatch, useEffect, useRef} from 'react';
import type {Engine} from '../../engine/types.js';
import type {ContainersState} from '../../state/containers.js';
import type {AppAction} from '../../state/app.js';
import type {LogsState} from '../../state/logs.js';
import {type FollowedState, LogFollower} from '../logFollower.js';

/**
 * The followed containers' states, starts and exits as one text, for an effect that runs when one changes (a
 * start the list did not see as a change of state is a new StartedAt).
 */
function statesText(logs: LogsState | undefined, containers: ContainersState): string {
	return (logs?.targets ?? [])
		.map(target => {
			const timing = containers.timings.get(target.key);
			return [target.key, containers.records.get(target.key)?.state ?? '', timing?.startedAt ?? '', timing?.finishedAt ?? ''].join('\u0001');
		})
		.join('\u0002');
}

function statesOf(text: string): Map<string, FollowedState> {
	const states = new Map<string, FollowedState>();
	for (const entry of text === '' ? [] : text.split('\u0002')) {
		const [key = '', state = '', , finishedAt = ''] = entry.split('\u0001');
		states.set(key, {state, finishedAt: finishedAt.startsWith('0001-01-01') ? '' : finishedAt});
	}

	return states;
}

export function useLogStreams(
	logs: LogsState | undefined,
	containers: ContainersState,
	engineMap: ReadonlyMap<string, Engine>,
	dispatch: Dispatch<AppAction>,
	capacity: number,
): void {
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
	// A container whose log ended and that runs again is followed again.
	const states = statesText(logs, containers);
	useEffect(() => {
		follower.current?.observe(statesOf(states));
	}, [states, generation]);
}
