// What the view shown needs listed: at once, again after events that concern it, and on its refresh period;
// and the processes pane, refreshed while it is open.
import {type Dispatch, useEffect, useRef} from 'react';
import {type ContextEnvironment, readContexts, selectConfigDirectory} from '../../engine/contexts.js';
import type {Engine} from '../../engine/types.js';
import type {AppAction, AppState} from '../../state/app.js';
import {selectView} from '../../views/registry.js';
import {refreshResource} from '../requests.js';

const topRefreshMs = 2000;

export function useListings(state: AppState, engines: readonly Engine[], dispatch: Dispatch<AppAction>, environment: ContextEnvironment): void {
	const view = selectView(state.ui.view);
	const {events} = state.resources;
	const listed = useRef(state.resources.listed);
	listed.current = state.resources.listed;
	const lastSeen = useRef(0);
	useEffect(() => {
		const wanted = view.listings;
		const [first] = wanted;
		if (first === undefined) return;
		const fresh = events.filter(event => event.seq > lastSeen.current);
		lastSeen.current = events.at(-1)?.seq ?? lastSeen.current;
		const never = !listed.current.has(first === 'contexts' ? 'contexts/' : `${first}/${engines[0]?.name ?? ''}`);
		if (!never && !fresh.some(event => view.concerns?.(event) === true)) return;
		// A moment later, so that a burst of events costs one listing.
		const timer = setTimeout(() => {
			if (wanted.includes('contexts')) {
				dispatch({type: 'contexts/read', contexts: readContexts(selectConfigDirectory(environment), environment)});
				return;
			}

			for (const engine of engines) {
				for (const what of wanted) if (what !== 'contexts') void refreshResource(engine, what, dispatch).catch(() => undefined);
			}
		}, never ? 0 : 300);
		return () => {
			clearTimeout(timer);
		};
	}, [view, events, engines, dispatch, environment]);

	const {refreshMs} = view;
	useEffect(() => {
		if (refreshMs === undefined) return;
		const timer = setInterval(() => {
			for (const engine of engines) {
				for (const what of view.listings) if (what !== 'contexts') void refreshResource(engine, what, dispatch).catch(() => undefined);
			}
		}, refreshMs);
		return () => {
			clearInterval(timer);
		};
	}, [view, refreshMs, engines, dispatch]);

	const paneKind = state.operations.pane?.kind;
	useEffect(() => {
		if (paneKind !== 'top') return;
		const timer = setInterval(() => {
			dispatch({type: 'pane/refresh'});
		}, topRefreshMs);
		return () => {
			clearInterval(timer);
		};
	}, [paneKind, dispatch]);
}
