// The logs pane's streams live exactly as long as the pane shows the same containers.
import {type Dispatch, useEffect, useRef} from 'react';
import type {ContainerTiming, Engine} from '../../engine/types.js';
import type {AppAction} from '../../state/app.js';
import type {LogsState} from '../../state/logs.js';
import {LogFollower} from '../logFollower.js';

/** The followed containers' starts (inspect's StartedAt) as one text, for an effect that runs when one changes. */
function startsText(logs: LogsState | undefined, timings: ReadonlyMap<string, ContainerTiming>): string {
	return (logs?.targets ?? []).map(target => `${target.key}\u0001${timings.get(target.key)?.startedAt ?? ''}`).join('\u0002');
}

function startsOf(text: string): Map<string, string> {
	return new Map(
		text
			.split('\u0002')
			.map(entry => entry.split('\u0001') as [string, string])
			.filter(([, start]) => start !== undefined && start !== '' && !start.startsWith('0001-01-01')),
	);
}

export function useLogStreams(
	logs: LogsState | undefined,
	timings: ReadonlyMap<string, ContainerTiming>,
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
	const starts = startsText(logs, timings);
	const latestStarts = useRef(starts);
	latestStarts.current = starts;
	useEffect(() => {
		const current = latest.current;
		follower.current?.follow(current?.targets ?? [], current?.tail ?? 0, current?.generation ?? 0, startsOf(latestStarts.current));
	}, [generation, engineMap]);
	// A container whose log ended and that started again is followed again.
	useEffect(() => {
		follower.current?.started(startsOf(starts));
	}, [starts]);
}
