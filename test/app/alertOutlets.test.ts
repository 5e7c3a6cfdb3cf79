// The alert outlets with a real /bin/sh: the hook's environment (never its command text), a failing or slow
// hook reported once, the bell and the OSC 9 / 777 notifications.
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {AlertOutlets, formatNotification} from '../../source/app/alertOutlets.js';
import type {Alert} from '../../source/state/alerts.js';

const folder = mkdtempSync(path.join(tmpdir(), 'berth-outlets-'));
after(() => rmSync(folder, {recursive: true, force: true}));

const alert = (overrides: Partial<Alert> = {}): Alert => ({
	kind: 'died',
	engine: 'local',
	container: 'web',
	key: 'local\u0000x',
	text: 'exited with code 3, not asked to stop',
	at: Date.parse('2026-11-30T12:00:00Z'),
	id: 1,
	times: 1,
	acknowledged: false,
	...overrides,
});

async function waitFor(check: () => boolean): Promise<void> {
	const started = Date.now();
	while (!check()) {
		if (Date.now() - started > 5000) throw new Error('timed out');
		await new Promise(resolve => setTimeout(resolve, 20));
	}
}

describe('AlertOutlets', () => {
	test('the hook gets the alert in its environment; a hostile name stays a value', async () => {
		const file = path.join(folder, 'env.txt');
		const written: string[] = [];
		const reports: string[] = [];
		const outlets = new AlertOutlets(
			{bell: false, notify: false, onAlert: `printf '%s|%s|%s|%s\\n' "$BERTH_ALERT_KIND" "$BERTH_ALERT_CONTAINER" "$BERTH_ALERT_ENGINE" "$BERTH_ALERT_TEXT" >> ${file}`},
			{write: text => written.push(text), report: text => reports.push(text), environment: process.env},
		);
		outlets.send([alert({container: '$(touch pwned); `id`'}), alert({kind: 'engine-lost', container: '', text: 'engine lost: ENOENT', id: 2})]);
		await waitFor(() => {
			try {
				return readFileSync(file, 'utf8').split('\n').filter(Boolean).length === 2;
			} catch {
				return false;
			}
		});
		const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).sort();
		assert.deepEqual(lines, ['died|$(touch pwned); `id`|local|exited with code 3, not asked to stop', 'engine-lost||local|engine lost: ENOENT']);
		assert.deepEqual(written, []);
		assert.deepEqual(reports, []);
	});

	test('a failing hook is reported once; a slow one is stopped and reported once', async () => {
		const reports: string[] = [];
		const failing = new AlertOutlets({bell: false, notify: false, onAlert: 'echo noise; exit 7'}, {write: () => undefined, report: text => reports.push(text), environment: process.env});
		failing.send([alert(), alert({id: 2}), alert({id: 3})]);
		await waitFor(() => reports.length > 0);
		await new Promise(resolve => setTimeout(resolve, 300));
		assert.deepEqual(reports, ['The --on-alert hook failed with exit code 7 (reported once).']);

		const slowReports: string[] = [];
		const slow = new AlertOutlets({bell: false, notify: false, onAlert: 'sleep 30', hookTimeoutMs: 200}, {write: () => undefined, report: text => slowReports.push(text), environment: process.env});
		const started = Date.now();
		slow.send([alert()]);
		assert.ok(Date.now() - started < 100, 'send does not wait for the hook');
		await waitFor(() => slowReports.length > 0);
		assert.deepEqual(slowReports, ['The --on-alert hook ran longer than 0.2 s and was stopped (reported once).']);
		slow.close();
	});

	test('the bell and the notifications, plain and through tmux', () => {
		const written: string[] = [];
		new AlertOutlets({bell: true, notify: true, onAlert: undefined}, {write: text => written.push(text), report: () => undefined, environment: {}}).send([alert({text: 'bad\u001B]0;x\u0007 exit'})]);
		assert.equal(written[0], '\u0007');
		assert.equal(written[1], '\u001B]9;berth: died web on local: bad ]0;x  exit\u0007\u001B]777;notify;berth;died web on local: bad ]0,x  exit\u0007');
		assert.match(formatNotification(alert(), true), /^\u001BPtmux;\u001B\u001B]9;berth: died web on local: exited with code 3, not asked to stop\u0007\u001B\\/);
	});
});
