// The form that runs a new container, as `docker run` would: fields, checks, and the equivalent command.
import type {MountSpec, PortSpec, RestartPolicy, RunSpec} from '../engine/types.js';
import {findImage, formatFamiliarReference, type NamedImage, parseImageSpecifier} from '../format/reference.js';

export type RunFormField = 'image' | 'name' | 'command' | 'ports' | 'env' | 'volumes' | 'restart' | 'mode';

export const runFormFields: readonly RunFormField[] = ['image', 'name', 'command', 'ports', 'env', 'volumes', 'restart', 'mode'];

export const runFormLabels: Record<RunFormField, string> = {
	image: 'Image',
	name: 'Name',
	command: 'Command',
	ports: 'Ports',
	env: 'Environment',
	volumes: 'Volumes',
	restart: 'Restart',
	mode: 'Then',
};

export const runFormHints: Record<RunFormField, string> = {
	image: 'repository/name:tag (local images only: pull first)',
	name: 'optional; letters, digits, _ . -',
	command: 'optional; as typed after the image (quotes group words)',
	ports: '[ip:]host:container[/tcp|udp] ..., e.g. 127.0.0.1:8080:80',
	env: 'KEY=value ...',
	volumes: '/host/path:/path[:ro] or volume-name:/path[:ro] ...',
	restart: '<- -> : no, always, unless-stopped, on-failure',
	mode: '<- -> : detached, or a shell attached',
};

export const restartPolicies: readonly RestartPolicy[] = ['no', 'always', 'unless-stopped', 'on-failure'];
export const runModes = ['detached', 'shell'] as const;

export type RunFormState = {
	engine: string;
	values: Record<RunFormField, string>;
	focus: RunFormField;
	errors: Partial<Record<RunFormField, string>>;
	/** What the engine said when it refused (shown under the field it concerns, or on its own). */
	engineError: string | undefined;
	submitting: boolean;
};

export function createRunForm(engine: string, image = ''): RunFormState {
	return {
		engine,
		values: {image, name: '', command: '', ports: '', env: '', volumes: '', restart: 'no', mode: 'detached'},
		focus: image === '' ? 'image' : 'name',
		errors: {},
		engineError: undefined,
		submitting: false,
	};
}

/** Splits as a shell would: spaces separate, quotes group, a backslash escapes. */
export function splitWords(text: string): {ok: true; words: string[]} | {ok: false; error: string} {
	const words: string[] = [];
	let word = '';
	let inWord = false;
	let quote: '"' | "'" | undefined;
	for (let index = 0; index < text.length; index++) {
		const character = text[index]!;
		if (quote) {
			if (character === quote) quote = undefined;
			else if (character === '\\' && quote === '"' && index + 1 < text.length) word += text[++index];
			else word += character;
			continue;
		}

		if (character === '"' || character === "'") {
			quote = character;
			inWord = true;
		} else if (character === '\\' && index + 1 < text.length) {
			word += text[++index];
			inWord = true;
		} else if (/\s/.test(character)) {
			if (inWord) words.push(word);
			word = '';
			inWord = false;
		} else {
			word += character;
			inWord = true;
		}
	}

	if (quote) return {ok: false, error: `a ${quote} quote is not closed`};
	if (inWord) words.push(word);
	return {ok: true, words};
}

function parsePortNumber(text: string, what: string): number | string {
	if (!/^\d+$/.test(text)) return `${what} "${text}" is not a number`;
	const port = Number(text);
	if (port < 1 || port > 65_535) return `${what} ${port} is not between 1 and 65535`;
	return port;
}

/** `[ip:]hostPort:containerPort[/proto]` or `containerPort[/proto]`, as `docker run -p`. */
export function parsePortMapping(text: string): PortSpec | string {
	const slash = text.lastIndexOf('/');
	const protocol = slash === -1 ? 'tcp' : text.slice(slash + 1).toLowerCase();
	if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp') return `"${text}": the protocol must be tcp, udp or sctp`;
	let rest = slash === -1 ? text : text.slice(0, slash);
	let hostIp = '';
	if (rest.startsWith('[')) {
		const close = rest.indexOf(']');
		if (close === -1 || rest[close + 1] !== ':') return `"${text}": an IPv6 address is written [::1]:8080:80`;
		hostIp = rest.slice(1, close);
		rest = rest.slice(close + 2);
	}

	const parts = rest.split(':');
	if (hostIp === '' && parts.length === 3) hostIp = parts.shift()!;
	if (parts.length > 2 || parts.some(part => part === '' && parts.length === 1)) return `"${text}" is not a port mapping ([ip:]host:container[/proto])`;
	if (hostIp !== '' && !/^[\d.]+$|:/.test(hostIp)) return `"${hostIp}" is not an IP address`;
	if (parts.some(part => part.includes('-'))) return `"${text}": port ranges are not taken here, one mapping per port`;
	const containerText = parts.at(-1)!;
	const container = parsePortNumber(containerText, 'the container port');
	if (typeof container === 'string') return `"${text}": ${container}`;
	let hostPort = '';
	if (parts.length === 2 && parts[0] !== '') {
		const host = parsePortNumber(parts[0]!, 'the host port');
		if (typeof host === 'string') return `"${text}": ${host}`;
		hostPort = String(host);
	}

	return {hostIp, hostPort, containerPort: container, protocol};
}

/** `source:target[:ro|rw]`, the source a host path (absolute) or a volume name. */
export function parseMount(text: string): MountSpec | string {
	const parts = text.split(':');
	if (parts.length < 2 || parts.length > 3) return `"${text}" is not source:/path[:ro]`;
	const [source = '', target = '', mode = 'rw'] = parts;
	if (mode !== 'ro' && mode !== 'rw') return `"${text}": the mode must be ro or rw`;
	if (!target.startsWith('/')) return `"${text}": the path in the container must be absolute`;
	if (!source.startsWith('/') && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(source)) {
		return `"${text}": "${source}" is neither an absolute host path nor a volume name`;
	}

	return {source, target, readOnly: mode === 'ro'};
}

export type RunFormResult =
	| {ok: true; spec: RunSpec; shell: boolean}
	| {ok: false; errors: Partial<Record<RunFormField, string>>};

/** Checks every field; names already taken and images not present are checked against what berth knows. */
export function parseRunForm(
	values: Record<RunFormField, string>,
	known: {containerNames: ReadonlySet<string>; images: readonly NamedImage[] | undefined},
): RunFormResult {
	const errors: Partial<Record<RunFormField, string>> = {};
	const image = parseImageSpecifier(values.image);
	let imageName = '';
	if (image.ok) {
		const {specifier} = image;
		// Sent as docker run sends it: the name (a digest without the tag it overrides), or the ID.
		imageName =
			specifier.kind === 'id'
				? specifier.id
				: formatFamiliarReference(specifier.reference.digest ? {...specifier.reference, tag: ''} : specifier.reference);
		const found = known.images ? findImage(specifier, known.images) : undefined;
		if (found && !found.ok) errors.image = found.error;
		// A name that is no tag here but the start of an image's ID runs that image, as the engine would.
		else if (found?.ok && found.by === 'id') imageName = found.image.id;
	} else {
		errors.image = image.error;
	}

	const name = values.name.trim();
	if (name !== '' && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/.test(name)) errors.name = `"${name}" is not a valid name (letters, digits, _ . -, two or more)`;
	else if (name !== '' && known.containerNames.has(name)) errors.name = `the name "${name}" is already taken`;

	const command = splitWords(values.command);
	if (!command.ok) errors.command = command.error;

	const ports: PortSpec[] = [];
	const portWords = splitWords(values.ports.replaceAll(',', ' '));
	for (const word of portWords.ok ? portWords.words : []) {
		const port = parsePortMapping(word);
		if (typeof port === 'string') {
			errors.ports ??= port;
		} else {
			ports.push(port);
		}
	}

	const env: string[] = [];
	const envWords = splitWords(values.env);
	if (!envWords.ok) errors.env = envWords.error;
	for (const word of envWords.ok ? envWords.words : []) {
		const equals = word.indexOf('=');
		if (equals <= 0) errors.env ??= `"${word}" is not KEY=value`;
		else env.push(word);
	}

	const mounts: MountSpec[] = [];
	const volumeWords = splitWords(values.volumes.replaceAll(',', ' '));
	for (const word of volumeWords.ok ? volumeWords.words : []) {
		const mount = parseMount(word);
		if (typeof mount === 'string') errors.volumes ??= mount;
		else mounts.push(mount);
	}

	const restart = values.restart as RestartPolicy;
	if (!restartPolicies.includes(restart)) errors.restart = `one of ${restartPolicies.join(', ')}`;
	if (Object.keys(errors).length > 0) return {ok: false, errors};
	const shell = values.mode === 'shell';
	return {
		ok: true,
		shell,
		spec: {image: imageName, name, command: command.ok ? command.words : [], ports, env, mounts, restart, interactive: shell},
	};
}

function quoteWord(word: string): string {
	return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

/** The `docker run` command line that does what the form asks. */
export function formatRunCommand(values: Record<RunFormField, string>): string {
	const words = ['docker', 'run', values.mode === 'shell' ? '-it' : '-d'];
	if (values.name.trim()) words.push('--name', quoteWord(values.name.trim()));
	const list = (text: string) => {
		const split = splitWords(text.replaceAll(',', ' '));
		return split.ok ? split.words : [text];
	};

	for (const port of list(values.ports)) words.push('-p', quoteWord(port));
	const env = splitWords(values.env);
	for (const entry of env.ok ? env.words : [values.env]) if (entry) words.push('-e', quoteWord(entry));
	for (const volume of list(values.volumes)) words.push('-v', quoteWord(volume));
	if (values.restart !== 'no') words.push('--restart', values.restart);
	words.push(values.image.trim() ? quoteWord(values.image.trim()) : 'IMAGE');
	const command = splitWords(values.command);
	if (command.ok) words.push(...command.words.map(word => quoteWord(word)));
	return words.join(' ');
}

/** Where an engine's refusal belongs in the form. */
export function placeEngineError(error: string): RunFormField | undefined {
	if (/name .*already in use|Conflict\. The container name/i.test(error)) return 'name';
	if (/no such image|pull access denied|repository does not exist|not found: manifest/i.test(error)) return 'image';
	if (/port is already allocated|address already in use|bind for/i.test(error)) return 'ports';
	if (/invalid mount|volume|bind source path|mount/i.test(error)) return 'volumes';
	return undefined;
}
