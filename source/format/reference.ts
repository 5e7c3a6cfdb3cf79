// Image references as docker reads them (distribution/reference): its grammar, Docker Hub normalisation, and
// image IDs and digests told apart from names. Pure.

export type ImageReference = {
	/** Registry host: `docker.io` for Docker Hub, else the first component as given (`localhost:5000`, `[::1]:5000`). */
	domain: string;
	/** Path below the registry, `library/` added for Docker Hub's one-component names. */
	path: string;
	tag: string;
	digest: string;
};

export type ReferenceResult = {ok: true; reference: ImageReference} | {ok: false; error: string};

// distribution/reference regexp.go, piece by piece (JavaScript's \w is Go's ASCII \w).
const alphanumeric = '[a-z0-9]+';
const separator = '(?:[._]|__|[-]+)';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const optionalPort = '(?::[0-9]+)?';
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const ipv6Address = '\\[(?:[a-fA-F0-9:]+)\\]';
const domainName = `${domainNameComponent}(?:\\.${domainNameComponent})*`;
const domainAndPort = `(?:${domainName}|${ipv6Address})${optionalPort}`;
const pathComponent = `${alphanumeric}(?:${separator}${alphanumeric})*`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const namePattern = `(?:${domainAndPort}/)?${remoteName}`;
const referenceRegExp = new RegExp(`^(${namePattern})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`);
const anchoredNameRegExp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const identifierRegExp = /^[a-f0-9]{64}$/;

/** RepositoryNameTotalLengthMax: the path (without the registry) may be 255 characters. */
const nameTotalLengthMax = 255;

/** go-digest's algorithms with the length of their hex; the engine and the CLI link all three. */
const digestLengths: Record<string, number> = {sha256: 64, sha384: 96, sha512: 128};

/** go-digest Validate, in its words. */
function checkDigest(digest: string): string | undefined {
	const colon = digest.indexOf(':');
	if (colon <= 0 || colon === digest.length - 1) return 'invalid checksum digest format';
	const length = digestLengths[digest.slice(0, colon)];
	if (length === undefined) return 'unsupported digest algorithm';
	const encoded = digest.slice(colon + 1);
	if (encoded.length !== length) return 'invalid checksum digest length';
	if (!/^[a-f0-9]+$/.test(encoded)) return 'invalid checksum digest format';
	return undefined;
}

/** reference.Parse: the grammar alone, no Docker Hub defaults. Errors are distribution/reference's words. */
export function parseReference(text: string): ReferenceResult {
	if (text === '') return {ok: false, error: 'repository name must have at least one component'};
	const matches = referenceRegExp.exec(text);
	if (!matches) {
		const lower = text.toLowerCase();
		if (lower !== text && referenceRegExp.test(lower)) return {ok: false, error: 'invalid reference format: repository name must be lowercase'};
		return {ok: false, error: 'invalid reference format'};
	}

	const name = anchoredNameRegExp.exec(matches[1]!);
	const domain = name?.[1] ?? '';
	const path = name?.[2] ?? matches[1]!;
	if (path.length > nameTotalLengthMax) return {ok: false, error: `repository name must not be more than ${nameTotalLengthMax} characters`};
	const digest = matches[3] ?? '';
	if (digest !== '') {
		const problem = checkDigest(digest);
		if (problem) return {ok: false, error: problem};
	}

	return {ok: true, reference: {domain, path, tag: matches[2] ?? '', digest}};
}

/**
 * splitDockerDomain: the first component names a registry when it is `localhost`, has a `.` or `:`, or has a
 * capital letter (`Foo/bar` is the registry Foo, as docker reads it); Docker Hub's one-component names get
 * `library/`, and `index.docker.io` is `docker.io`.
 */
function splitDockerDomain(name: string): {domain: string; remainder: string} {
	const slash = name.indexOf('/');
	if (slash === -1) return {domain: 'docker.io', remainder: `library/${name}`};
	const first = name.slice(0, slash);
	const rest = name.slice(slash + 1);
	let domain = 'docker.io';
	let remainder = name;
	if (first === 'index.docker.io') {
		remainder = rest;
	} else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
		domain = first;
		remainder = rest;
	}

	if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
	return {domain, remainder};
}

/**
 * reference.ParseNormalizedNamed, the way `docker pull` reads a name, with the tag `latest` when neither a tag
 * nor a digest is given (TagNameOnly). A 64-character hex string is an image ID, never a name.
 */
export function parseImageReference(text: string): ReferenceResult {
	const input = text.trim();
	if (input === '') return {ok: false, error: 'an image name is needed (for example busybox or registry:5000/team/app:1.2)'};
	if (/\s/.test(input)) return {ok: false, error: `"${input}" has spaces; an image name has none`};
	if (identifierRegExp.test(input)) return {ok: false, error: `invalid repository name (${input}), cannot specify 64-byte hexadecimal strings`};
	const {domain, remainder} = splitDockerDomain(input);
	const colon = remainder.indexOf(':');
	const remote = colon === -1 ? remainder : remainder.slice(0, colon);
	if (remote.toLowerCase() !== remote) return {ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase`};
	const parsed = parseReference(`${domain}/${remainder}`);
	if (!parsed.ok) return parsed;
	const {reference} = parsed;
	return {ok: true, reference: {...reference, tag: reference.tag === '' && reference.digest === '' ? 'latest' : reference.tag}};
}

/** familiarizeName: Docker Hub's host left out, and `library/` only before a one-component name. */
export function formatFamiliarName(reference: Pick<ImageReference, 'domain' | 'path'>): string {
	if (reference.domain !== 'docker.io') return `${reference.domain}/${reference.path}`;
	const official = reference.path.startsWith('library/') ? reference.path.slice('library/'.length) : '';
	return official !== '' && !official.includes('/') ? official : reference.path;
}

/** The name as the CLI shows it: `busybox:latest`, `localhost:5000/team/app:1.2`, `library/foo/bar:latest`. */
export function formatFamiliarReference(reference: ImageReference): string {
	return `${formatFamiliarName(reference)}${reference.tag ? `:${reference.tag}` : ''}${reference.digest ? `@${reference.digest}` : ''}`;
}

/** What `docker run IMAGE` was given: an image ID (full or a prefix), or a name with a tag or a digest. */
export type ImageSpecifier =
	| {kind: 'id'; id: string}
	| {kind: 'name'; reference: ImageReference; text: string; maybeShortId: boolean};

export type SpecifierResult = {ok: true; specifier: ImageSpecifier} | {ok: false; error: string};

/**
 * reference.ParseAnyReference, as `docker run` reads its image: 64 hex digits or `sha256:` and 64 hex digits is an
 * ID; anything else is a name, and a hex string that the engine finds no name for is tried as a short ID (the
 * engine looks the name up first, then the ID prefix).
 */
export function parseImageSpecifier(text: string): SpecifierResult {
	const input = text.trim();
	if (identifierRegExp.test(input)) return {ok: true, specifier: {kind: 'id', id: `sha256:${input}`}};
	if (/^[a-z0-9]+:/.test(input) && !input.includes('/') && checkDigest(input) === undefined) return {ok: true, specifier: {kind: 'id', id: input}};
	const parsed = parseImageReference(input);
	if (!parsed.ok) return parsed;
	return {ok: true, specifier: {kind: 'name', reference: parsed.reference, text: input, maybeShortId: /^(?:sha256:)?[a-f0-9]+$/.test(input)}};
}

/** The parts of an image record that name it, as the engine lists them. */
export type NamedImage = {id: string; repoTags: readonly string[]; repoDigests: readonly string[]};

export type ImageMatch = {ok: true; image: NamedImage; by: 'name' | 'id'} | {ok: false; error: string};

function sameName(a: ImageReference, b: ImageReference): boolean {
	return a.domain === b.domain && a.path === b.path;
}

/**
 * The image a specifier names among the engine's, found as the engine finds it: by tag, by the digest it was
 * pulled by (RepoDigests), else by an ID or a unique ID prefix.
 */
export function findImage(specifier: ImageSpecifier, images: readonly NamedImage[]): ImageMatch {
	if (specifier.kind === 'name') {
		const wanted = specifier.reference;
		const byName = images.find(image =>
			wanted.digest === ''
				? image.repoTags.some(tag => {
						const parsed = parseImageReference(tag);
						return parsed.ok && sameName(parsed.reference, wanted) && parsed.reference.tag === wanted.tag;
					})
				: image.repoDigests.some(entry => {
						const parsed = parseImageReference(entry);
						return parsed.ok && sameName(parsed.reference, wanted) && parsed.reference.digest === wanted.digest;
					}),
		);
		if (byName) return {ok: true, image: byName, by: 'name'};
		if (!specifier.maybeShortId) return {ok: false, error: `no image ${formatFamiliarReference(wanted)} on this engine: pull it first (images view, p)`};
	}

	const prefix = specifier.kind === 'id' ? specifier.id : specifier.text.startsWith('sha256:') ? specifier.text : `sha256:${specifier.text}`;
	const matches = images.filter(image => image.id.startsWith(prefix));
	if (matches.length === 1) return {ok: true, image: matches[0]!, by: 'id'};
	const shown = specifier.kind === 'id' ? specifier.id : specifier.text;
	if (matches.length > 1) return {ok: false, error: `${shown} is the start of ${matches.length} image IDs: give more of it`};
	return {ok: false, error: `no image ${shown} on this engine: pull it first (images view, p)`};
}

/** One REPOSITORY / TAG row of an image, and the reference that names it (for removing or running it). */
export type ImageName = {repository: string; tag: string; reference: string};

/**
 * `docker images`' rows of one image (imageFormatTaggedAndDigest): a row per tag, and for a repository the image
 * has only a digest of (pulled by digest) one row with the tag `<none>`. None for an image without either
 * (dangling).
 */
export function formatImageNames(repoTags: readonly string[], repoDigests: readonly string[]): ImageName[] {
	const names: ImageName[] = [];
	const repositories = new Set<string>();
	for (const text of repoTags) {
		const parsed = parseImageReference(text);
		if (!parsed.ok || parsed.reference.digest !== '') continue;
		const repository = formatFamiliarName(parsed.reference);
		repositories.add(repository);
		names.push({repository, tag: parsed.reference.tag, reference: text});
	}

	for (const text of repoDigests) {
		const parsed = parseImageReference(text);
		if (!parsed.ok || parsed.reference.digest === '') continue;
		const repository = formatFamiliarName(parsed.reference);
		if (repositories.has(repository)) continue;
		repositories.add(repository);
		names.push({repository, tag: '<none>', reference: `${repository}@${parsed.reference.digest}`});
	}

	return names;
}
