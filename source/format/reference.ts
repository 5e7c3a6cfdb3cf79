// Image references as the docker CLI reads them: `repository/name:tag`, the tag defaulting to latest. Pure.

export type ImageReference = {
	/** Registry host when the first part names one (has a `.` or `:`, or is `localhost`). */
	domain: string;
	/** Path below the registry, `library/` added for Docker Hub's official images. */
	path: string;
	tag: string;
	digest: string;
};

export type ReferenceResult = {ok: true; reference: ImageReference} | {ok: false; error: string};

const componentPattern = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const tagPattern = /^\w[\w.-]{0,127}$/;
const digestPattern = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

export function parseImageReference(text: string): ReferenceResult {
	const input = text.trim();
	if (input === '') return {ok: false, error: 'an image name is needed (for example busybox or registry:5000/team/app:1.2)'};
	if (/\s/.test(input)) return {ok: false, error: `"${input}" has spaces; an image name has none`};

	let rest = input;
	let digest = '';
	const at = rest.indexOf('@');
	if (at !== -1) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
		if (!digestPattern.test(digest)) return {ok: false, error: `"${digest}" is not a digest (sha256:…)`};
	}

	let tag = '';
	const lastSlash = rest.lastIndexOf('/');
	const lastColon = rest.lastIndexOf(':');
	if (lastColon > lastSlash) {
		tag = rest.slice(lastColon + 1);
		rest = rest.slice(0, lastColon);
		if (!tagPattern.test(tag)) return {ok: false, error: `"${tag}" is not a valid tag`};
	}

	const parts = rest.split('/');
	let domain = '';
	if (parts.length > 1 && (/[.:]/.test(parts[0]!) || parts[0] === 'localhost')) {
		domain = parts.shift()!;
		if (!/^[a-zA-Z0-9.-]+(?::\d+)?$/.test(domain)) return {ok: false, error: `"${domain}" is not a registry host`};
	}

	for (const part of parts) {
		if (part !== part.toLowerCase()) return {ok: false, error: `"${input}": repository names must be lowercase`};
		if (!componentPattern.test(part)) return {ok: false, error: `"${input}" is not a valid repository name`};
	}

	const dockerHub = domain === '' || domain === 'docker.io' || domain === 'index.docker.io';
	const path = dockerHub && parts.length === 1 ? `library/${parts[0]}` : parts.join('/');
	return {
		ok: true,
		reference: {domain: dockerHub ? 'docker.io' : domain, path, tag: tag === '' && digest === '' ? 'latest' : tag, digest},
	};
}

/** The name as the CLI shows it: `busybox:latest`, `localhost:5000/team/app:1.2`. */
export function formatFamiliarReference(reference: ImageReference): string {
	const name =
		reference.domain === 'docker.io'
			? reference.path.replace(/^library\//, '')
			: `${reference.domain}/${reference.path}`;
	return `${name}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}
