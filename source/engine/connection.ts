// How dockerode reaches an engine: unix sockets, tcp with TLS, ssh with known_hosts and the usual key files.
import fs from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import {checkHostKey, readKnownHosts} from './knownHosts.js';
import {SshChannels, sshAgent} from './sshChannels.js';
import type {EngineAddress} from './types.js';

/** Node's https, loaded for a TLS engine only: it brings tls and crypto, a score of Node's modules. */
const nodeHttps = () =>
	(process.getBuiltinModule?.('node:https') ?? createRequire(import.meta.url)('node:https')) as typeof import('node:https');

/** Options for dockerode from an address; TLS files are read here, so this may fail with a message. */
export function dockerOptions(address: EngineAddress): Docker.DockerOptions {
	switch (address.kind) {
		case 'unix':
		case 'npipe': {
			return {socketPath: address.socketPath};
		}

		case 'tcp': {
			if (!address.tls) {
				return {protocol: 'http', host: address.host, port: address.port};
			}

			const read = (name: string): Buffer | undefined => {
				const file = path.join(address.tls === false ? '' : address.tls.certPath, name);
				return fs.existsSync(file) ? fs.readFileSync(file) : undefined;
			};

			const ca = address.tls.verify ? read('ca.pem') : undefined;
			const cert = read('cert.pem');
			const key = read('key.pem');
			return {
				protocol: 'https',
				host: address.host,
				port: address.port,
				...(ca ? {ca} : {}),
				...(cert ? {cert} : {}),
				...(key ? {key} : {}),
				// Not verifying must really not verify: Node checks against its own CAs unless told not to.
				...(address.tls.verify
					? {}
					: ({
							agent: shortInInspect(new (nodeHttps().Agent)({rejectUnauthorized: false, ...(cert ? {cert} : {}), ...(key ? {key} : {})}), 'https agent'),
						} as Docker.DockerOptions)),
			};
		}

		case 'ssh': {
			// Plain HTTP inside the channels of a few shared ssh connections (sshChannels.ts).
			const channels = new SshChannels({
				host: address.host,
				port: address.port,
				// As ssh: no user in the address means the local user (ssh2 refuses to connect without one).
				username: address.username ?? (process.env.USER || os.userInfo().username),
				// The agent's keys first, as ssh tries them; without an agent, the usual key files.
				...(process.env.SSH_AUTH_SOCK ? {agent: process.env.SSH_AUTH_SOCK} : readDefaultSshKey()),
				// ssh2 takes any host key unless told otherwise: known_hosts decides, as with ssh.
				hostVerifier: (key: Buffer) => checkHostKey(readKnownHosts(), address.host, address.port, key.toString('base64')).ok,
			});
			return {protocol: 'http', host: address.host, port: address.port, agent: shortInInspect(sshAgent(channels), 'ssh channels')} as Docker.DockerOptions;
		}
	}
}

/**
 * docker-modem writes every request's options with util.inspect (`depth: null`), agent included, debugging
 * or not: an agent's sockets and the ssh pool's connections are deep graphs (with 20 streams over ssh it kept
 * a core busy). An agent handed to it is written as its name.
 */
function shortInInspect<T extends object>(agent: T, name: string): T {
	Object.defineProperty(agent, Symbol.for('nodejs.util.inspect.custom'), {value: () => name});
	return agent;
}

/** The first of ~/.ssh/id_ed25519, id_ecdsa, id_rsa that exists, as ssh would offer it. */
function readDefaultSshKey(): {privateKey: Buffer} | Record<string, never> {
	for (const name of ['id_ed25519', 'id_ecdsa', 'id_rsa']) {
		const file = path.join(os.homedir(), '.ssh', name);
		if (fs.existsSync(file)) return {privateKey: fs.readFileSync(file)};
	}

	return {};
}

