// Hands each new alert (or one raised again) to the outlets asked for, once, oldest first.
import {useStdout} from 'ink';
import {type Dispatch, useEffect, useRef} from 'react';
import type {AppAction} from '../../state/app.js';
import type {AlertsState} from '../../state/alerts.js';
import {AlertOutlets, type OutletOptions} from '../alertOutlets.js';

export function useAlertOutlets(alerts: AlertsState, options: OutletOptions | undefined, dispatch: Dispatch<AppAction>): void {
	const {stdout} = useStdout();
	const outlets = useRef<AlertOutlets | undefined>(undefined);
	// Alerts there before the outlets started (none, at start) are not sent.
	const sentUpTo = useRef(alerts.nextId - 1);
	useEffect(() => {
		if (!options || (!options.bell && !options.notify && !options.onAlert)) return undefined;
		const created = new AlertOutlets(options, {
			write: text => stdout.write(text),
			report: text => dispatch({type: 'message/show', message: {text, tone: 'error'}}),
			environment: process.env,
		});
		outlets.current = created;
		return () => {
			created.close();
			outlets.current = undefined;
		};
	}, [options, stdout, dispatch]);
	useEffect(() => {
		const fresh = alerts.list.filter(alert => alert.id > sentUpTo.current);
		if (fresh.length === 0) return;
		sentUpTo.current = Math.max(...fresh.map(alert => alert.id));
		outlets.current?.send([...fresh].reverse());
	}, [alerts.list]);
}
