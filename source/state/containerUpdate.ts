// What the `docker update` prompt takes: the docker CLI's flags for it, read into a ContainerUpdate. Pure.
import type {ContainerUpdate} from '../engine/containerUpdate.js';
import type {RestartPolicy} from '../engine/types.js';
import {formatBytes} from '../format/units.js';
import {restartPolicies, splitWords} from './runForm.js';

/** The flags, as `docker update --help` names them (and `-m` for --memory). */
export const updateFlags = ['--restart', '--memory', '--memory-swap', '--cpus', '--pids-limit'] as const;

const units: Record<string, number> = {'': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5};

/** A size as the docker CLI reads one (go-units RAMInBytes): `512m`, `1.5g`, `64MiB`, `.5g`, `1048576`; powers of 1024. */
export function parseMemorySize(text: string): number | undefined {
	const match = /^(\d*\.?\d*(?:e[+-]?\d+)?) ?(?:([kmgtp])(?:i?b)?|b)?$/i.exec(text.trim());
	const value = Number(match?.[1] || Number.NaN);
	if (!match || !Number.isFinite(value)) return undefined;
	return Math.trunc(value * units[(match[2] ?? '').toLowerCase()]!);
}

/** As the docker CLI reads `--restart`: the policy, and after the first colon a count (on-failure's retries). */
function parseRestart(text: string): ContainerUpdate['restart'] | string {
	const colon = text.indexOf(':');
	const name = colon < 0 ? text : text.slice(0, colon);
	const count = colon < 0 ? '' : text.slice(colon + 1);
	if (!(restartPolicies as readonly string[]).includes(name)) return `--restart takes ${restartPolicies.join(', ')} or on-failure:N, not "${text}"`;
	if (count === '') return {name: name as RestartPolicy};
	if (!/^\d+$/.test(count)) return `--restart: the count after the colon is a whole number (on-failure:3), not "${count}"`;
	if (Number(count) > 0 && name !== 'on-failure') return `--restart: only on-failure takes a count of retries (on-failure:3), not "${text}"`;
	return Number(count) > 0 ? {name: 'on-failure', maximumRetryCount: Number(count)} : {name: name as RestartPolicy};
}

/** The flags typed at the prompt, or what is wrong with them. */
export function parseUpdateFlags(text: string): {ok: true; update: ContainerUpdate} | {ok: false; error: string} {
	const split = splitWords(text);
	if (!split.ok) return split;
	const update: ContainerUpdate = {};
	const words = split.words;
	for (let index = 0; index < words.length; index++) {
		const word = words[index]!;
		const [flag = '', inline] = word.startsWith('--') && word.includes('=') ? [word.slice(0, word.indexOf('=')), word.slice(word.indexOf('=') + 1)] : [word, undefined];
		const name = flag === '-m' ? '--memory' : flag;
		if (!(updateFlags as readonly string[]).includes(name)) return {ok: false, error: `unknown flag "${word}": docker update takes ${updateFlags.join(', ')}`};
		const value = inline ?? words[++index];
		if (value === undefined || value === '') return {ok: false, error: `${name} needs a value`};
		switch (name) {
			case '--restart': {
				const restart = parseRestart(value);
				if (typeof restart === 'string') return {ok: false, error: restart};
				update.restart = restart;
				break;
			}

			case '--memory':
			case '--memory-swap': {
				const bytes = name === '--memory-swap' && value === '-1' ? -1 : parseMemorySize(value);
				// 0 is no change to the engine: not what anyone typing it means.
				if (bytes === 0) return {ok: false, error: `${name} 0 would change nothing: give a size${name === '--memory-swap' ? ', or -1 for no limit' : ''}`};
				if (bytes === undefined) return {ok: false, error: `${name} takes a size (512m, 1g${name === '--memory-swap' ? ', or -1 for no limit' : ''}), not "${value}"`};
				if (name === '--memory') update.memory = bytes;
				else update.memorySwap = bytes;
				break;
			}

			case '--cpus': {
				if (!/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0) return {ok: false, error: `--cpus takes a number of CPUs above 0 (1.5), not "${value}"`};
				update.nanoCpus = Math.round(Number(value) * 1e9);
				break;
			}

			default: {
				if (!/^-?\d+$/.test(value)) return {ok: false, error: `--pids-limit takes a whole number (-1 for no limit), not "${value}"`};
				// The docker CLI sends nothing for 0: no change.
				if (Number(value) === 0) return {ok: false, error: '--pids-limit 0 would change nothing: give a number, or -1 for no limit'};
				update.pidsLimit = Number(value);
			}
		}
	}

	if (Object.keys(update).length === 0) return {ok: false, error: `nothing to change: docker update takes ${updateFlags.join(', ')}`};
	return {ok: true, update};
}

/** What an update changed, in words: `restart unless-stopped, memory 512MiB`. */
export function describeUpdate(update: ContainerUpdate): string {
	const restart = update.restart ? `${update.restart.name}${update.restart.maximumRetryCount ? `:${update.restart.maximumRetryCount}` : ''}` : undefined;
	return [
		restart && `restart ${restart}`,
		update.memory !== undefined && `memory ${formatBytes(update.memory)}`,
		update.memorySwap !== undefined && `memory and swap ${update.memorySwap === -1 ? 'unlimited' : formatBytes(update.memorySwap)}`,
		update.nanoCpus !== undefined && `CPUs ${update.nanoCpus / 1e9}`,
		update.pidsLimit !== undefined && `processes ${update.pidsLimit < 0 ? 'unlimited' : update.pidsLimit}`,
	]
		.filter(Boolean)
		.join(', ');
}
