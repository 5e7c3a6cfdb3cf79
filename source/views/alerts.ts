// The alerts view: what the alert rules raised, newest first; acknowledged one at a time or all at once.
import {withMessage} from '../commands/effects.js';
import {inScope} from '../commands/types.js';
import {formatLocalTime} from '../format/duration.js';
import type {StatusTone} from '../format/status.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import {type Alert, countOpenAlerts, reduceAlerts} from '../state/alerts.js';
import {selectKnownEngines} from '../state/select/containers.js';
import {memoizeLast} from '../state/select/memo.js';
import {tableSortCommands} from './sort.js';
import type {TableView} from './types.js';

const alertTones: Record<Alert['kind'], StatusTone> = {
	'crash-loop': 'bad',
	oom: 'bad',
	unhealthy: 'bad',
	died: 'bad',
	'engine-lost': 'bad',
	'engine-back': 'good',
};

export function formatAlertTime(at: number): string {
	return formatLocalTime(at);
}

/** Whom an alert is about: its container (with several engines, `web on far`), else its engine. */
export function formatAlertSubject(alert: Pick<Alert, 'container' | 'engine'>, engineCount: number): string {
	if (!alert.container) return alert.engine;
	return engineCount > 1 ? `${alert.container} on ${alert.engine}` : alert.container;
}

/** The alert whole, for the status line once it is acknowledged: what, whom, when, and why. */
export function formatAlertSeen(alert: Alert, engineCount: number): string {
	const times = alert.times > 1 ? ` (${alert.times} times)` : '';
	return `Seen: ${formatAlertSubject(alert, engineCount)} ${alert.kind} at ${formatAlertTime(alert.at)}: ${alert.text}${times}`;
}

export function selectAlertRows(alerts: readonly Alert[]): TableRow[] {
	return alerts.map(alert => ({
		key: `alert\u0000${alert.kind}\u0000${alert.key}`,
		engine: alert.engine,
		id: String(alert.id),
		cells: {
			seen: alert.acknowledged ? 'seen' : 'NEW',
			time: formatAlertTime(alert.at),
			kind: alert.kind,
			engine: alert.engine,
			container: alert.container || '-',
			text: `${alert.text}${alert.times > 1 ? ` (${alert.times} times)` : ''}`,
		},
		tone: alert.acknowledged ? 'muted' : alertTones[alert.kind],
		order: {time: alert.at},
	}));
}

const selectRowsOnce = memoizeLast(selectAlertRows);

const commands = inScope<TableRow>('alerts', [
	{
		action: 'alert-acknowledge',
		keys: ['return', 'a'],
		help: 'Acknowledge the selected alert and show it whole (back if it recurs)',
		hint: 'acknowledge',
		run(state, {selected}) {
			const alert = selected && state.alerts.list.find(each => String(each.id) === selected.id);
			if (!alert) return withMessage(state, 'No alert selected.', 'error');
			const alerts = reduceAlerts(state.alerts, {type: 'alert/acknowledged', id: alert.id});
			return withMessage({...state, alerts}, formatAlertSeen(alert, selectKnownEngines(state).length));
		},
	},
	{
		action: 'alerts-acknowledge-all',
		keys: ['A'],
		help: 'Acknowledge every alert',
		hint: 'all seen',
		run(state) {
			return withMessage({...state, alerts: reduceAlerts(state.alerts, {type: 'alerts/acknowledged'})}, 'Every alert acknowledged.');
		},
	},
	...tableSortCommands(() => alertsView),
]);

export const alertsView: TableView = {
	kind: 'table',
	// ENGINE comes first by itself with several engines; with one it says nothing (the cell stays, for `/`).
	perEngine: true,
	name: 'alerts',
	title: 'Alerts',
	key: '!',
	columns: [
		{id: 'seen', title: 'STATE', min: 5, ideal: 5, priority: 3},
		{id: 'time', title: 'TIME', min: 8, ideal: 19, priority: 1},
		{id: 'kind', title: 'KIND', min: 6, ideal: 11, priority: 0},
		{id: 'container', title: 'CONTAINER', min: 9, ideal: 30, priority: 0, grow: true},
		{id: 'text', title: 'WHAT HAPPENED', min: 12, ideal: 80, priority: 2, grow: true},
	],
	sort: {defaultOrder: 'newest first', values: {time: 'time'}},
	selectRows: state => selectRowsOnce(state.alerts.list),
	filterRows: filterTableRows,
	listings: [],
	emptyText: (_state, filter) => (filter === '' ? 'No alerts.' : `Nothing matches "${filter}".`),
	caption: state => `${countOpenAlerts(state.alerts)} new, newest first`,
	commands,
};
