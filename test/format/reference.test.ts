// Image references as docker reads them: distribution/reference's own test tables (regexp/reference_test.go
// TestReferenceParse, normalize_test.go), and image IDs and digests told apart from names.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	findImage,
	formatFamiliarReference,
	formatImageNames,
	type NamedImage,
	parseImageReference,
	parseImageSpecifier,
	parseReference,
} from '../../source/format/reference.js';

const ffff = `sha256:${'f'.repeat(64)}`;

describe('parseReference (reference.Parse, TestReferenceParse)', () => {
	// [input, domain, repository (domain/path), tag, digest] or [input, error]
	const valid: Array<[string, string, string, string, string]> = [
		['test_com', '', 'test_com', '', ''],
		['test.com:tag', '', 'test.com', 'tag', ''],
		['test.com:5000', '', 'test.com', '5000', ''],
		['test.com/repo:tag', 'test.com', 'test.com/repo', 'tag', ''],
		['test:5000/repo', 'test:5000', 'test:5000/repo', '', ''],
		['test:5000/repo:tag', 'test:5000', 'test:5000/repo', 'tag', ''],
		[`test:5000/repo@${ffff}`, 'test:5000', 'test:5000/repo', '', ffff],
		[`test:5000/repo:tag@${ffff}`, 'test:5000', 'test:5000/repo', 'tag', ffff],
		['lowercase:Uppercase', '', 'lowercase', 'Uppercase', ''],
		[`${'a/'.repeat(127)}a:tag-puts-this-over-max`, 'a', `${'a/'.repeat(127)}a`, 'tag-puts-this-over-max', ''],
		['sub-dom1.foo.com/bar/baz/quux:some-long-tag', 'sub-dom1.foo.com', 'sub-dom1.foo.com/bar/baz/quux', 'some-long-tag', ''],
		['b.gcr.io/test.example.com/my-app:test.example.com', 'b.gcr.io', 'b.gcr.io/test.example.com/my-app', 'test.example.com', ''],
		['xn--n3h.com/myimage:xn--n3h.com', 'xn--n3h.com', 'xn--n3h.com/myimage', 'xn--n3h.com', ''],
		[`xn--7o8h.com/myimage:xn--7o8h.com@${ffff}`, 'xn--7o8h.com', 'xn--7o8h.com/myimage', 'xn--7o8h.com', ffff],
		['foo_bar.com:8080', '', 'foo_bar.com', '8080', ''],
		['foo/foo_bar.com:8080', 'foo', 'foo/foo_bar.com', '8080', ''],
		['192.168.1.1', '', '192.168.1.1', '', ''],
		['192.168.1.1:tag', '', '192.168.1.1', 'tag', ''],
		['192.168.1.1:5000', '', '192.168.1.1', '5000', ''],
		['192.168.1.1/repo', '192.168.1.1', '192.168.1.1/repo', '', ''],
		['192.168.1.1:5000/repo', '192.168.1.1:5000', '192.168.1.1:5000/repo', '', ''],
		['192.168.1.1:5000/repo:5050', '192.168.1.1:5000', '192.168.1.1:5000/repo', '5050', ''],
		['[2001:db8::1]/repo', '[2001:db8::1]', '[2001:db8::1]/repo', '', ''],
		['[2001:db8:1:2:3:4:5:6]/repo:tag', '[2001:db8:1:2:3:4:5:6]', '[2001:db8:1:2:3:4:5:6]/repo', 'tag', ''],
		['[2001:db8::1]:5000/repo', '[2001:db8::1]:5000', '[2001:db8::1]:5000/repo', '', ''],
		['[2001:db8::1]:5000/repo:tag', '[2001:db8::1]:5000', '[2001:db8::1]:5000/repo', 'tag', ''],
		[`[2001:db8::1]:5000/repo@${ffff}`, '[2001:db8::1]:5000', '[2001:db8::1]:5000/repo', '', ffff],
		[`[2001:db8::1]:5000/repo:tag@${ffff}`, '[2001:db8::1]:5000', '[2001:db8::1]:5000/repo', 'tag', ffff],
		['[2001:db8::]:5000/repo', '[2001:db8::]:5000', '[2001:db8::]:5000/repo', '', ''],
		['[::1]:5000/repo', '[::1]:5000', '[::1]:5000/repo', '', ''],
		[`example.com/${'a'.repeat(255)}:tag`, 'example.com', `example.com/${'a'.repeat(255)}`, 'tag', ''],
	];
	for (const [input, domain, repository, tag, digest] of valid) {
		test(`${input.slice(0, 70)} parses`, () => {
			const parsed = parseReference(input);
			assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
			const {reference} = parsed;
			assert.equal(reference.domain, domain);
			assert.equal(reference.domain ? `${reference.domain}/${reference.path}` : reference.path, repository);
			assert.equal(reference.tag, tag);
			assert.equal(reference.digest, digest);
		});
	}

	const invalid: Array<[string, string]> = [
		['', 'repository name must have at least one component'],
		[':justtag', 'invalid reference format'],
		[`@${ffff}`, 'invalid reference format'],
		[`repo@sha256:${'f'.repeat(34)}`, 'invalid checksum digest length'],
		[`validname@invaliddigest:${'f'.repeat(64)}`, 'unsupported digest algorithm'],
		['Uppercase:tag', 'invalid reference format: repository name must be lowercase'],
		['test:5000/Uppercase/lowercase:tag', 'invalid reference format: repository name must be lowercase'],
		[`domain/${'a'.repeat(256)}:tag`, 'repository name must not be more than 255 characters'],
		['aa/asdf$$^/aa', 'invalid reference format'],
		['[2001:db8::1]', 'invalid reference format'],
		['[2001:db8::1]:5000', 'invalid reference format'],
		['[2001:db8::1]:tag', 'invalid reference format'],
		['[fe80::1%eth0]:5000/repo', 'invalid reference format'],
		['[fe80::1%@invalidzone]:5000/repo', 'invalid reference format'],
	];
	for (const [input, error] of invalid) {
		test(`${input.slice(0, 70) || '(empty)'} is refused: ${error}`, () => assert.deepEqual(parseReference(input), {ok: false, error}));
	}
});

describe('parseImageReference (ParseNormalizedNamed)', () => {
	test('TestValidateReferenceName: docker reads these as names', () => {
		const names = [
			'docker/docker',
			'library/debian',
			'debian',
			'localhost/library/debian',
			'localhost/debian',
			'LOCALDOMAIN/library/debian',
			'LOCALDOMAIN/debian',
			'docker.io/docker/docker',
			'docker.io/library/debian',
			'docker.io/debian',
			'index.docker.io/docker/docker',
			'index.docker.io/library/debian',
			'index.docker.io/debian',
			'127.0.0.1:5000/docker/docker',
			'127.0.0.1:5000/library/debian',
			'127.0.0.1:5000/debian',
			'192.168.0.1',
			'192.168.0.1:80',
			'192.168.0.1:8/debian',
			'192.168.0.2:25000/debian',
			'thisisthesongthatneverendsitgoesonandonandonthisisthesongthatnev',
			'[fc00::1]:5000/docker',
			'[fc00::1]:5000/docker/docker',
			'[fc00:1:2:3:4:5:6:7]:5000/library/debian',
			'docker.io/1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
			'Docker/docker',
			'DOCKER/docker',
			// TestValidateRemoteName.
			'docker-rules/docker',
			'docker---rules/docker',
			'doc/docker',
			'd/docker',
			'jess/t',
			'dock__er/docker',
		];
		for (const name of names) {
			const parsed = parseImageReference(name);
			assert.ok(parsed.ok, `${name}: ${parsed.ok ? '' : parsed.error}`);
		}
	});

	test('TestValidateReferenceName and TestValidateRemoteName: docker refuses these', () => {
		const names = [
			'https://github.com/docker/docker',
			'docker/Docker',
			'-docker',
			'-docker/docker',
			'-docker.io/docker/docker',
			'docker///docker',
			'docker.io/docker/Docker',
			'docker.io/docker///docker',
			'[fc00::1]',
			'[fc00::1]:5000',
			'fc00::1:5000/debian',
			'[fe80::1%eth0]:5000/debian',
			'[2001:db8:3:4::192.0.2.33]:5000/debian',
			'1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a',
			'docker-/docker',
			'-docker-/docker',
			'____/____',
			'_docker/_docker',
			'dock..er/docker',
			'dock_.er/docker',
			'dock-.er/docker',
			'docker/',
			`${'this_is_not_a_valid_namespace_because_its_lenth_is_greater_than_255_'.repeat(4)}/docker`,
		];
		for (const name of names) assert.equal(parseImageReference(name).ok, false, name);
	});

	test('a 64-character hex string is an ID, in docker\'s words', () => {
		const id = '1a3f5e7d9c1b3a5f7e9d1c3b5a7f9e1d3c5b7a9f1e3d5d7c9b1a3f5e7d9c1b3a';
		assert.deepEqual(parseImageReference(id), {ok: false, error: `invalid repository name (${id}), cannot specify 64-byte hexadecimal strings`});
	});

	test('a capitalised name is refused as docker refuses it; a capitalised first component is a registry', () => {
		assert.deepEqual(parseImageReference('Busybox'), {ok: false, error: 'invalid reference format: repository name (library/Busybox) must be lowercase'});
		assert.deepEqual(parseImageReference('Bad/Name'), {ok: false, error: 'invalid reference format: repository name (Name) must be lowercase'});
		const registry = parseImageReference('Foo/bar');
		assert.ok(registry.ok);
		assert.deepEqual(registry.reference, {domain: 'Foo', path: 'bar', tag: 'latest', digest: ''});
	});

	test('the 255-character limit counts the path with library/ (ParseNormalizedNamed)', () => {
		assert.equal(parseImageReference('a'.repeat(247)).ok, true);
		assert.deepEqual(parseImageReference('a'.repeat(248)), {ok: false, error: 'repository name must not be more than 255 characters'});
		assert.equal(parseImageReference(`example.com/${'a'.repeat(255)}`).ok, true);
	});

	// TestParseRepositoryInfo and TestNormalizedSplitHostname: [input, domain, path, familiar name].
	const names: Array<[string, string, string, string]> = [
		['localhost/fooo', 'localhost', 'fooo', 'localhost/fooo'],
		['localhost/fooo/bar', 'localhost', 'fooo/bar', 'localhost/fooo/bar'],
		['LOCALDOMAIN/fooo', 'LOCALDOMAIN', 'fooo', 'LOCALDOMAIN/fooo'],
		['LOCALDOMAIN/fooo/bar', 'LOCALDOMAIN', 'fooo/bar', 'LOCALDOMAIN/fooo/bar'],
		['fooo/bar', 'docker.io', 'fooo/bar', 'fooo/bar'],
		['index.docker.io/fooo/bar', 'docker.io', 'fooo/bar', 'fooo/bar'],
		['ubuntu', 'docker.io', 'library/ubuntu', 'ubuntu'],
		['library/ubuntu', 'docker.io', 'library/ubuntu', 'ubuntu'],
		['docker.io/library/ubuntu', 'docker.io', 'library/ubuntu', 'ubuntu'],
		['nonlibrary/ubuntu', 'docker.io', 'nonlibrary/ubuntu', 'nonlibrary/ubuntu'],
		['other/library', 'docker.io', 'other/library', 'other/library'],
		['127.0.0.1:8000/private/moonbase', '127.0.0.1:8000', 'private/moonbase', '127.0.0.1:8000/private/moonbase'],
		['127.0.0.1:8000/privatebase', '127.0.0.1:8000', 'privatebase', '127.0.0.1:8000/privatebase'],
		['example.com/private/moonbase', 'example.com', 'private/moonbase', 'example.com/private/moonbase'],
		['example.com:8000/privatebasee', 'example.com:8000', 'privatebasee', 'example.com:8000/privatebasee'],
		['ubuntu-12.04-base', 'docker.io', 'library/ubuntu-12.04-base', 'ubuntu-12.04-base'],
		['docker.io/foo', 'docker.io', 'library/foo', 'foo'],
		// library/ is Docker Hub's official namespace only before one component: library/foo/bar is its own.
		['library/foo/bar', 'docker.io', 'library/foo/bar', 'library/foo/bar'],
		['docker.io/library/foo/bar', 'docker.io', 'library/foo/bar', 'library/foo/bar'],
		['store/foo/bar', 'docker.io', 'store/foo/bar', 'store/foo/bar'],
		['Foo/bar', 'Foo', 'bar', 'Foo/bar'],
		['FOO/bar', 'FOO', 'bar', 'FOO/bar'],
		['test.com/foo', 'test.com', 'foo', 'test.com/foo'],
		['test_com/foo', 'docker.io', 'test_com/foo', 'test_com/foo'],
		['docker/migrator', 'docker.io', 'docker/migrator', 'docker/migrator'],
		['test.com:8080/foo', 'test.com:8080', 'foo', 'test.com:8080/foo'],
		['test-com:8080/foo', 'test-com:8080', 'foo', 'test-com:8080/foo'],
		['xn--n3h.com:18080/foo', 'xn--n3h.com:18080', 'foo', 'xn--n3h.com:18080/foo'],
		['[fc00::1]:5000/docker', '[fc00::1]:5000', 'docker', '[fc00::1]:5000/docker'],
	];
	for (const [input, domain, path, familiar] of names) {
		test(`${input}: ${domain} ${path}, shown as ${familiar}:latest`, () => {
			const parsed = parseImageReference(input);
			assert.ok(parsed.ok, parsed.ok ? '' : parsed.error);
			assert.equal(parsed.reference.domain, domain);
			assert.equal(parsed.reference.path, path);
			assert.equal(formatFamiliarReference(parsed.reference), `${familiar}:latest`);
		});
	}

	test('TestParseReferenceWithTagAndDigest: a tag and a digest are both kept, no latest added', () => {
		const short = 'busybox:latest@sha256:86e0e091d0da6bde2456dbb48306f3956bbeb2eae1b5b9a43045843f69fe4aaa';
		const parsed = parseImageReference(short);
		assert.ok(parsed.ok);
		assert.equal(formatFamiliarReference(parsed.reference), short);
		const digestOnly = parseImageReference('redis@sha256:dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c');
		assert.ok(digestOnly.ok);
		assert.equal(digestOnly.reference.tag, '');
	});
});

describe('parseImageSpecifier (ParseAnyReference, as docker run reads its image)', () => {
	const hex = 'dbcc1c35ac38df41fd2f5e4130b32ffdb93ebae8b3dbe638c23575912276fc9c';
	test('TestParseAnyReference: IDs and digests apart from names', () => {
		assert.deepEqual(parseImageSpecifier(hex), {ok: true, specifier: {kind: 'id', id: `sha256:${hex}`}});
		assert.deepEqual(parseImageSpecifier(`sha256:${hex}`), {ok: true, specifier: {kind: 'id', id: `sha256:${hex}`}});
		const cases: Array<[string, string, boolean]> = [
			['redis', 'redis:latest', false],
			['docker.io/library/redis:latest', 'redis:latest', false],
			[`redis@sha256:${hex}`, `redis@sha256:${hex}`, false],
			['dmcgowan/myapp', 'dmcgowan/myapp:latest', false],
			// 63 hex digits and short ones are names first (docker.io/library/...), then ID prefixes.
			[hex.slice(0, 63), `${hex.slice(0, 63)}:latest`, true],
			['dbcc1', 'dbcc1:latest', true],
		];
		for (const [input, familiar, maybeShortId] of cases) {
			const parsed = parseImageSpecifier(input);
			assert.ok(parsed.ok && parsed.specifier.kind === 'name', input);
			assert.equal(formatFamiliarReference(parsed.specifier.reference), familiar, input);
			assert.equal(parsed.specifier.maybeShortId, maybeShortId, input);
		}
	});
});

describe('findImage (is the image docker run names on the engine?)', () => {
	const busyboxId = `sha256:${'ab12'.repeat(16)}`;
	const pinnedId = `sha256:${'cd34'.repeat(16)}`;
	const digest = `sha256:${'9f'.repeat(32)}`;
	const images: NamedImage[] = [
		{id: busyboxId, repoTags: ['berth-test/busybox:latest', 'busybox:1.36'], repoDigests: []},
		// Pulled by digest only: no tag, a RepoDigest.
		{id: pinnedId, repoTags: [], repoDigests: [`127.0.0.1:5000/team/app@${digest}`]},
	];
	const find = (text: string) => {
		const parsed = parseImageSpecifier(text);
		assert.ok(parsed.ok, text);
		return findImage(parsed.specifier, images);
	};

	const found: Array<[string, string, 'name' | 'id']> = [
		['berth-test/busybox', busyboxId, 'name'],
		['docker.io/library/busybox:1.36', busyboxId, 'name'],
		[busyboxId, busyboxId, 'id'],
		[busyboxId.slice(7), busyboxId, 'id'],
		['ab12ab12ab12', busyboxId, 'id'],
		['sha256:ab12ab', busyboxId, 'id'],
		[`127.0.0.1:5000/team/app@${digest}`, pinnedId, 'name'],
		[`127.0.0.1:5000/team/app:v1@${digest}`, pinnedId, 'name'],
	];
	for (const [text, id, by] of found) {
		test(`${text} is on the engine (by ${by})`, () => {
			const match = find(text);
			assert.ok(match.ok, match.ok ? '' : match.error);
			assert.equal(match.image.id, id);
			assert.equal(match.by, by);
		});
	}

	test('names, digests and IDs that are not there are named in the error', () => {
		assert.deepEqual(find('busybox'), {ok: false, error: 'no image busybox:latest on this engine: pull it first (images view, p)'});
		assert.deepEqual(find(`127.0.0.1:5000/team/other@${digest}`), {
			ok: false,
			error: `no image 127.0.0.1:5000/team/other@${digest} on this engine: pull it first (images view, p)`,
		});
		assert.deepEqual(find('ffff00'), {ok: false, error: 'no image ffff00 on this engine: pull it first (images view, p)'});
		assert.equal(find('e').ok, false, 'e is no ID prefix of these');
	});

	test('a prefix of more than one ID asks for more', () => {
		const twins: NamedImage[] = [
			{id: `sha256:abc1${'0'.repeat(60)}`, repoTags: [], repoDigests: []},
			{id: `sha256:abc2${'0'.repeat(60)}`, repoTags: [], repoDigests: []},
		];
		const parsed = parseImageSpecifier('abc');
		assert.ok(parsed.ok);
		assert.deepEqual(findImage(parsed.specifier, twins), {ok: false, error: 'abc is the start of 2 image IDs: give more of it'});
	});
});

describe('formatImageNames (docker images: REPOSITORY and TAG of one image)', () => {
	const digest = `sha256:${'9f'.repeat(32)}`;
	test('a row per tag; a digest of a tagged repository adds none', () => {
		assert.deepEqual(formatImageNames(['busybox:1.36', 'busybox:latest'], [`busybox@${digest}`]), [
			{repository: 'busybox', tag: '1.36', reference: 'busybox:1.36'},
			{repository: 'busybox', tag: 'latest', reference: 'busybox:latest'},
		]);
	});

	test('pulled by digest only: the repository with the tag <none>, named by its digest', () => {
		assert.deepEqual(formatImageNames([], [`127.0.0.1:5000/team/app@${digest}`]), [
			{repository: '127.0.0.1:5000/team/app', tag: '<none>', reference: `127.0.0.1:5000/team/app@${digest}`},
		]);
		assert.deepEqual(formatImageNames(['app:1'], [`docker.io/library/redis@${digest}`, `redis@${digest}`]), [
			{repository: 'app', tag: '1', reference: 'app:1'},
			{repository: 'redis', tag: '<none>', reference: `redis@${digest}`},
		]);
	});

	test('no tags and no digests: none (the caller shows <none> <none>)', () => {
		assert.deepEqual(formatImageNames([], []), []);
		assert.deepEqual(formatImageNames(['<none>:<none>'], ['<none>@<none>']), []);
	});
});
