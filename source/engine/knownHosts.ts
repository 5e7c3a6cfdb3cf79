// Checks an ssh engine's host key against known_hosts, as ssh does: berth talks only to a host it knows.
import {createRequire} from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Node's crypto, loaded at the first use: loading it costs a score of Node's own modules at every start. */
const crypto = () => (process.getBuiltinModule?.('node:crypto') ?? createRequire(import.meta.url)('node:crypto')) as typeof import('node:crypto');

/** How known_hosts names a host: `host`, or `[host]:port` off port 22. */
export function knownHostName(host: string, port: number): string {
	return port === 22 ? host : `[${host}]:${port}`;
}

/** Whether one host pattern of a known_hosts line (plain, wildcard or hashed `|1|salt|hash`) names the host. */
export function matchesHostPattern(pattern: string, name: string): boolean {
	if (pattern.startsWith('|1|')) {
		const [, , salt = '', hash = ''] = pattern.split('|');
		const digest = crypto().createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64');
		return digest === hash;
	}

	if (pattern.includes('*') || pattern.includes('?')) {
		const expression = new RegExp(`^${pattern.replaceAll(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.')}$`);
		return expression.test(name);
	}

	return pattern === name;
}

export type HostKeyVerdict = {ok: true} | {ok: false; reason: string};

/** The verdict on a key the host presented (base64 of its wire form), from the known_hosts texts given. */
export function checkHostKey(knownHostsTexts: readonly string[], host: string, port: number, key: string): HostKeyVerdict {
	const name = knownHostName(host, port);
	let known = false;
	for (const text of knownHostsTexts) {
		for (const rawLine of text.split('\n')) {
			const line = rawLine.trim();
			if (line === '' || line.startsWith('#')) continue;
			const fields = line.split(/\s+/);
			// A marker (@cert-authority, @revoked) comes first when present.
			const marker = fields[0]!.startsWith('@') ? fields.shift() : undefined;
			const [patterns = '', , keyText = ''] = fields;
			const names = patterns.split(',');
			const negated = names.some(pattern => pattern.startsWith('!') && matchesHostPattern(pattern.slice(1), name));
			if (negated || !names.some(pattern => matchesHostPattern(pattern, name))) continue;
			if (marker === '@revoked' && keyText === key) return {ok: false, reason: `the host key of ${name} is marked revoked in known_hosts`};
			if (marker) continue;
			known = true;
			if (keyText === key) return {ok: true};
		}
	}

	return known
		? {ok: false, reason: `the host key of ${name} does not match known_hosts: someone may be in the middle (ssh would refuse too)`}
		: {ok: false, reason: `${name} is not in known_hosts: connect once with ssh (ssh -p PORT USER@HOST) to check and add its key`};
}

/** ~/.ssh/known_hosts and the system's file, as ssh reads them. */
export function readKnownHosts(home = os.homedir()): string[] {
	return [path.join(home, '.ssh', 'known_hosts'), '/etc/ssh/ssh_known_hosts'].flatMap(file => {
		try {
			return [fs.readFileSync(file, 'utf8')];
		} catch {
			return [];
		}
	});
}
