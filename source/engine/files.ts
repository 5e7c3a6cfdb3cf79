// The files facet: files inside containers and volumes through the engine's archive API (a tar each way).
import {createWriteStream, existsSync} from 'node:fs';
import {chmod, link, lstat, mkdir, rm, symlink, utimes} from 'node:fs/promises';
import path from 'node:path';
import type {Readable} from 'node:stream';
import {pipeline} from 'node:stream/promises';
import type Docker from 'dockerode';
import tarFs from 'tar-fs';
import tarStream from 'tar-stream';
import type {EngineFiles, FileEntry, FilesOwner} from './types.js';

/** Where a volume is mounted in the helper container. */
export const volumeMountPoint = '/volume';
/** The label that marks berth's helper containers, so that a leftover one can be recognised. */
export const helperLabel = 'berth.helper';

const entryTypes: Record<string, FileEntry['type']> = {
	file: 'file',
	'contiguous-file': 'file',
	directory: 'directory',
	symlink: 'symlink',
	link: 'link',
	fifo: 'fifo',
	'character-device': 'device',
	'block-device': 'device',
};

function toEntry(name: string, header: tarStream.Headers): FileEntry {
	return {
		name,
		type: entryTypes[header.type ?? 'file'] ?? 'other',
		size: header.size ?? 0,
		mode: (header.mode ?? 0) & 0o7777,
		modified: header.mtime ? header.mtime.getTime() : 0,
		linkTarget: header.linkname ?? '',
	};
}

/** The path of an entry relative to the archive's root entry: '' for the root, undefined for one outside it. */
export function relativeToRoot(root: string, name: string): string | undefined {
	const trimmed = name.replace(/\/+$/, '');
	if (trimmed === root) return '';
	return trimmed.startsWith(`${root}/`) ? trimmed.slice(root.length + 1) : undefined;
}

/** A directory's archive is read this far at most (it holds everything below it): the listing then says it was cut. */
export const directoryArchiveLimit = 512 * 1024 * 1024;

type ArchiveContent =
	| {kind: 'directory'; entries: FileEntry[]; cut: boolean}
	| {kind: 'file'; size: number; bytes: Buffer; partial: boolean}
	| {kind: 'link'; target: string};

/**
 * Reads an archive the engine sends for a path: the directory's own entries (not deeper), or the first `limit`
 * bytes of a file; a link is given back as such, for the caller to follow. What is not needed is not read: the
 * connection is closed once a file's first bytes are in, or after `directoryLimit` bytes of a directory's.
 */
export async function readArchive(archive: Readable, limit: number, directoryLimit = directoryArchiveLimit): Promise<ArchiveContent> {
	return new Promise((resolve, reject) => {
		const extract = tarStream.extract();
		let root: string | undefined;
		let settled = false;
		let seen = 0;
		const entries: FileEntry[] = [];
		let link: ArchiveContent | undefined;
		// Once what is needed is in, the rest is not read: the connection closes.
		const finish = (content: ArchiveContent) => {
			if (settled) return;
			settled = true;
			resolve(content);
			archive.unpipe(extract);
			archive.destroy();
			extract.destroy();
		};

		const fail = (error: Error) => {
			if (settled) return;
			settled = true;
			reject(error);
			archive.destroy();
		};

		extract.on('entry', (header, stream, next) => {
			const name = header.name;
			if (root === undefined) {
				root = name.replace(/\/+$/, '');
				if (header.type === 'symlink' || header.type === 'link') {
					link = {kind: 'link', target: header.linkname ?? ''};
				} else if (header.type !== 'directory') {
					const size = header.size ?? 0;
					const chunks: Buffer[] = [];
					let taken = 0;
					const done = () => {
						const bytes = Buffer.concat(chunks).subarray(0, limit);
						finish({kind: 'file', size, bytes, partial: bytes.length < size});
					};

					stream.on('data', (chunk: Buffer) => {
						chunks.push(chunk);
						taken += chunk.length;
						if (taken >= limit && taken < size) done();
					});
					stream.on('end', done);
					return;
				}
			} else {
				const relative = relativeToRoot(root, name);
				if (relative && !relative.includes('/')) entries.push(toEntry(relative, header));
				seen += header.size ?? 0;
				if (seen > directoryLimit) {
					finish({kind: 'directory', entries, cut: true});
					return;
				}
			}

			stream.on('end', () => next());
			stream.resume();
		});
		extract.on('finish', () => finish(link ?? {kind: 'directory', entries, cut: false}));
		extract.on('error', fail);
		archive.on('error', fail);
		archive.pipe(extract);
	});
}

/** A link's target as an absolute path in the container, from the directory the link is in. */
export function resolveLink(linkPath: string, target: string): string {
	return path.posix.resolve(path.posix.dirname(linkPath), target);
}

/** Where an entry goes: inside the target, and never through a link this extraction wrote (a link may point anywhere). */
function placeEntry(target: string, relative: string, links: ReadonlySet<string>): string {
	const file = relative === '' ? target : path.join(target, relative);
	const inside = file === target || file.startsWith(`${target}${path.sep}`);
	if (!inside || [...links].some(written => file.startsWith(`${written}${path.sep}`))) throw new Error(`the archive names a path outside ${target}: ${relative}`);
	return file;
}

async function writeEntry(header: tarStream.Headers, stream: Readable, file: string, target: string, root: string, links: Set<string>): Promise<void> {
	const mode = (header.mode ?? 0o644) & 0o7777;
	const existing = await lstat(file).catch(() => undefined);
	if (header.type === 'directory') {
		if (existing && !existing.isDirectory()) await rm(file, {force: true});
		await mkdir(file, {recursive: true});
		await chmod(file, mode);
		return;
	}

	// What was there goes, so that nothing is written through a link that was already there.
	if (existing) await rm(file, {force: true, recursive: true});
	if (header.type === 'file' || header.type === 'contiguous-file') {
		await pipeline(stream, createWriteStream(file, {mode}));
		await chmod(file, mode);
		if (header.mtime) await utimes(file, header.mtime, header.mtime);
	} else if (header.type === 'symlink') {
		// Kept as the container has it (`/proc/mounts`), as `docker cp` keeps it.
		await symlink(header.linkname ?? '', file);
		links.add(file);
	} else if (header.type === 'link') {
		const relative = relativeToRoot(root, header.linkname ?? '');
		if (relative !== undefined) await link(placeEntry(target, relative, links), file);
	}
}

/** Extracts an archive from the engine so that its root entry becomes `target` (files, directories and links). */
export async function extractArchive(archive: Readable, target: string): Promise<void> {
	const extract = tarStream.extract();
	const links = new Set<string>();
	let root: string | undefined;
	extract.on('entry', (header, stream, next) => {
		root ??= header.name.replace(/\/+$/, '');
		const relative = relativeToRoot(root, header.name);
		const base = root;
		const written = (async () => {
			if (relative !== undefined) await writeEntry(header, stream, placeEntry(target, relative, links), target, base, links);
		})();
		// The entry's stream is drained before the next entry is asked for (tar-stream's streams have no readableEnded).
		let ended = false;
		stream.on('end', () => {
			ended = true;
		});
		const done = (error?: Error) => {
			if (ended) next(error);
			else {
				stream.on('end', () => next(error));
				stream.resume();
			}
		};

		written.then(
			() => done(),
			(error: unknown) => done(error instanceof Error ? error : new Error(String(error))),
		);
	});
	await pipeline(archive, extract);
}

export function createFiles(docker: Docker): EngineFiles {
	/** Runs `use` with a container that shows the owner's files: the container itself, or a helper for a volume. */
	const withContainer = async <T>(owner: FilesOwner, use: (container: Docker.Container, base: string) => Promise<T>): Promise<T> => {
		if ('container' in owner) return use(docker.getContainer(owner.container), '');
		const images = await docker.listImages();
		const image = images.find(candidate => (candidate.RepoTags ?? []).some(tag => tag !== '<none>:<none>'));
		if (!image) throw new Error('the engine has no image to make a helper container from (the volume is read through one)');
		// Never started: the archive API works on a created container, with its volumes mounted read-only.
		const helper = await docker.createContainer({
			Image: image.Id,
			Cmd: ['true'],
			Labels: {[helperLabel]: 'volume-files'},
			HostConfig: {Binds: [`${owner.volume}:${volumeMountPoint}:ro`], NetworkMode: 'none'},
		});
		try {
			return await use(helper, volumeMountPoint);
		} finally {
			await helper.remove({force: true}).catch(() => undefined);
		}
	};

	const getArchive = async (container: Docker.Container, where: string) => (await container.getArchive({path: where})) as unknown as Readable;

	return {
		async read(owner, wanted, limit) {
			return withContainer(owner, async (container, base) => {
				let current = path.posix.resolve('/', wanted);
				for (let hops = 0; hops < 16; hops++) {
					const read = await readArchive(await getArchive(container, base + current), limit);
					if (read.kind === 'link') {
						current = resolveLink(current, read.target);
						continue;
					}

					return read.kind === 'directory'
						? {kind: 'directory', path: current, entries: read.entries, cut: read.cut}
						: {kind: 'file', path: current, size: read.size, bytes: read.bytes, partial: read.partial};
				}

				throw new Error(`too many levels of symbolic links at ${wanted}`);
			});
		},

		async copyOut(owner, from, destination, options) {
			const target = path.resolve(destination);
			if (!options.overwrite && existsSync(target)) throw new Error(`${target} exists`);
			// As `docker cp`: the directory it goes into must be there already.
			if (!existsSync(path.dirname(target))) throw new Error(`no such directory here: ${path.dirname(target)}`);
			await withContainer(owner, async (container, base) => {
				await extractArchive(await getArchive(container, base + path.posix.resolve('/', from)), target);
			});
		},

		async copyIn(id, source, directory) {
			const from = path.resolve(source);
			await lstat(from);
			const pack = tarFs.pack(path.dirname(from), {entries: [path.basename(from)]});
			await docker.getContainer(id).putArchive(pack, {path: directory});
		},
	};
}
