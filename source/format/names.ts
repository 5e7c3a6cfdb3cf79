// NAME and IMAGE cells as `docker ps` shows them.

/**
 * The container's own name: the engine lists it with a leading "/" (and link aliases with more slashes).
 * Only a leading "/" is removed: Podman lists names without it.
 */
export function formatContainerName(names: readonly string[]): string {
	const stripped = names.map(name => (name.startsWith('/') ? name.slice(1) : name));
	return stripped.find(name => !name.includes('/')) ?? stripped[0] ?? '';
}

/** The image as the container was created from it, a bare image id shortened to 12 digits and a digest dropped. */
export function formatImage(image: string, imageId: string): string {
	if (image === '') return '<no image>';
	const shortId = (text: string) => text.replace(/^sha256:/, '').slice(0, 12);
	if (/^(sha256:)?[0-9a-f]{64}$/.test(image) || shortId(image) === shortId(imageId)) {
		return shortId(image);
	}

	const at = image.indexOf('@');
	return familiarReference(at === -1 ? image : image.slice(0, at));
}

/** As reference.FamiliarString: the default registry and its "library/" namespace are not shown. */
function familiarReference(reference: string): string {
	const path = /^(?:docker\.io|index\.docker\.io)\/(.+)$/.exec(reference)?.[1];
	if (path === undefined) return reference;
	const official = path.startsWith('library/') ? path.slice('library/'.length) : undefined;
	return official !== undefined && !official.includes('/') ? official : path;
}

/**
 * What an event names: its name whole; without one, its id, shortened as `docker ps` shortens ids (a
 * container's, an image's sha256, a swarm object's 25 characters), but an image's reference whole.
 */
export function formatEventName(name: string | undefined, id: string, type: string): string {
	if (name !== undefined) return /^sha256:[\da-f]{64}$/.test(name) ? formatShortId(name) : name;
	const swarm = ['service', 'node', 'secret', 'config'].includes(type) && /^[\da-z]{25}$/.test(id);
	return swarm || /^(?:sha256:)?[\da-f]{64}$/.test(id) ? formatShortId(id) : id;
}

/** Docker's short id. */
export function formatShortId(id: string): string {
	return id.replace(/^sha256:/, '').slice(0, 12);
}
