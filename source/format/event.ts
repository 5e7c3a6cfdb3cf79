// One event of the engine whole, for the event pane: its fields, then every attribute (compose labels too), one
// per line, as `docker events --format '{{json .}}'` holds them. A long value wraps under its own column.
import type {EngineEvent} from '../engine/types.js';
import {formatLocalTime} from './duration.js';
import {wrapUnderLabel} from './logText.js';

export function formatEventLines(event: EngineEvent & {engine: string}, width = Number.POSITIVE_INFINITY): string[] {
	const ms = Math.floor(event.timeNano / 1e6);
	const attributes = Object.entries(event.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const keyWidth = Math.max(0, ...attributes.map(([key]) => key.length));
	const field = (label: string, value: string) => wrapUnderLabel(label.padEnd(12), value, width);
	return [
		...field('Time', `${formatLocalTime(ms)}.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}`),
		...field('Type', event.type),
		...field('Action', event.action),
		...field('ID', event.id),
		...field('Engine', event.engine),
		...(attributes.length === 0
			? []
			: ['', `Attributes (${attributes.length})`, ...attributes.flatMap(([key, value]) => wrapUnderLabel(`  ${key.padEnd(keyWidth)}  `, value, width))]),
	];
}
