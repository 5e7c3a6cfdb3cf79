// One event of the engine whole, for the event pane: its fields, then every attribute (compose labels too), one
// per line, as `docker events --format '{{json .}}'` holds them.
import type {EngineEvent} from '../engine/types.js';
import {formatLocalTime} from './duration.js';

export function formatEventLines(event: EngineEvent & {engine: string}): string[] {
	const ms = Math.floor(event.timeNano / 1e6);
	const attributes = Object.entries(event.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	const keyWidth = Math.max(0, ...attributes.map(([key]) => key.length));
	return [
		`Time        ${formatLocalTime(ms)}.${String(((ms % 1000) + 1000) % 1000).padStart(3, '0')}`,
		`Type        ${event.type}`,
		`Action      ${event.action}`,
		`ID          ${event.id}`,
		`Engine      ${event.engine}`,
		...(attributes.length === 0 ? [] : ['', `Attributes (${attributes.length})`, ...attributes.map(([key, value]) => `  ${key.padEnd(keyWidth)}  ${value}`)]),
	];
}
