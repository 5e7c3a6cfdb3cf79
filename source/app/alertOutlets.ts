// Where alerts go besides the screen, each only when asked for: the bell, a desktop notification through
// the terminal (OSC 9 and OSC 777), and a hook command run with the alert in its environment.
import {spawn} from 'node:child_process';
import type {Alert} from '../state/alerts.js';

export type OutletOptions = {
	bell: boolean;
	notify: boolean;
	/** Run with /bin/sh -c for each alert; its output is dropped. */
	onAlert: string | undefined;
	/** A hook running longer than this is stopped (and reported, once). */
	hookTimeoutMs?: number;
};

export type OutletIo = {
	/** Bytes for the terminal, between frames. */
	write: (text: string) => void;
	/** A problem to tell the person, once. */
	report: (text: string) => void;
	environment: NodeJS.ProcessEnv;
};

/** At most this many hooks at once; more alerts wait, the oldest waiting dropped beyond `queueCapacity`. */
const hookConcurrency = 2;
const queueCapacity = 50;

/** Text safe inside an OSC string: no control characters (which would end it or start another sequence). */
function plain(text: string): string {
	return text.replaceAll(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
}

export function formatAlertLine(alert: Alert): string {
	return `${alert.kind}${alert.container ? ` ${alert.container}` : ''} on ${alert.engine}: ${alert.text}`;
}

/** OSC 9 (iTerm2, Windows Terminal, kitty…) and OSC 777 (rxvt, foot, Ghostty…); inside tmux, passed through it. */
export function formatNotification(alert: Alert, inTmux: boolean): string {
	const body = plain(formatAlertLine(alert));
	const sequences = [`\u001B]9;berth: ${body}\u0007`, `\u001B]777;notify;berth;${body.replaceAll(';', ',')}\u0007`];
	if (!inTmux) return sequences.join('');
	return sequences.map(sequence => `\u001BPtmux;${sequence.replaceAll('\u001B', '\u001B\u001B')}\u001B\\`).join('');
}

/** The variables a hook gets; the command text itself is never touched. */
export function selectHookEnvironment(alert: Alert): Record<string, string> {
	return {
		BERTH_ALERT_KIND: alert.kind,
		BERTH_ALERT_CONTAINER: alert.container,
		BERTH_ALERT_ENGINE: alert.engine,
		BERTH_ALERT_TEXT: alert.text,
		BERTH_ALERT_TIME: new Date(alert.at).toISOString(),
	};
}

export class AlertOutlets {
	private running = 0;
	private readonly waiting: Alert[] = [];
	private reported = false;
	private readonly children = new Set<ReturnType<typeof spawn>>();

	constructor(
		private readonly options: OutletOptions,
		private readonly io: OutletIo,
	) {}

	send(alerts: readonly Alert[]): void {
		if (alerts.length === 0) return;
		if (this.options.bell) this.io.write('\u0007');
		if (this.options.notify) {
			const inTmux = Boolean(this.io.environment.TMUX);
			this.io.write(alerts.map(alert => formatNotification(alert, inTmux)).join(''));
		}

		if (this.options.onAlert) {
			this.waiting.push(...alerts);
			this.waiting.splice(0, Math.max(0, this.waiting.length - queueCapacity));
			this.pump();
		}
	}

	close(): void {
		this.waiting.length = 0;
		for (const child of this.children) child.kill('SIGKILL');
	}

	private reportOnce(text: string): void {
		if (this.reported) return;
		this.reported = true;
		this.io.report(text);
	}

	private pump(): void {
		while (this.running < hookConcurrency && this.waiting.length > 0) {
			const alert = this.waiting.shift()!;
			this.running++;
			this.runHook(alert, () => {
				this.running--;
				this.pump();
			});
		}
	}

	private runHook(alert: Alert, done: () => void): void {
		let finished = false;
		const finish = () => {
			if (finished) return;
			finished = true;
			clearTimeout(timer);
			done();
		};

		const child = spawn('/bin/sh', ['-c', this.options.onAlert!], {
			env: {...this.io.environment, ...selectHookEnvironment(alert)},
			stdio: 'ignore',
		});
		this.children.add(child);
		const timeoutMs = this.options.hookTimeoutMs ?? 10_000;
		const timer = setTimeout(() => {
			this.reportOnce(`The --on-alert hook ran longer than ${timeoutMs / 1000} s and was stopped (reported once).`);
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('error', error => {
			this.children.delete(child);
			this.reportOnce(`The --on-alert hook could not run: ${error.message} (reported once).`);
			finish();
		});
		child.on('exit', (code, signal) => {
			this.children.delete(child);
			if (code !== 0 && signal === null) this.reportOnce(`The --on-alert hook failed with exit code ${code ?? '?'} (reported once).`);
			finish();
		});
	}
}
