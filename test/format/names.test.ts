// NAME and IMAGE cells as `docker ps` shows them (ContainerContext.Names and .Image in the docker CLI).
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatContainerName, formatImage, formatShortId} from '../../source/format/names.js';

const imageHex = '4d5f4f2b0e6ab6a1c0ee4a3fbc4e0b4b9f3a2d1c0e9f8a7b6c5d4e3f2a1b0c9d';
const imageId = `sha256:${imageHex}`;
const otherId = `sha256:${'f'.repeat(64)}`;

describe('formatContainerName', () => {
	const cases: Array<{name: string; names: string[]; expected: string}> = [
		{name: 'the leading slash is stripped', names: ['/web'], expected: 'web'},
		{name: 'Podman names have no slash and stay as they are', names: ['pm1'], expected: 'pm1'},
		{
			name: 'link aliases (more slashes) are skipped for the real name',
			names: ['/other/db-alias', '/db'],
			expected: 'db',
		},
		{name: 'the first plain name wins', names: ['/api', '/api-2'], expected: 'api'},
		{name: 'no names at all', names: [], expected: ''},
	];

	for (const {name, names, expected} of cases) {
		test(name, () => {
			assert.equal(formatContainerName(names), expected);
		});
	}
});

describe('formatImage', () => {
	const cases: Array<{name: string; image: string; id: string; expected: string}> = [
		{name: 'a plain reference stays', image: 'nginx:1.25', id: imageId, expected: 'nginx:1.25'},
		{name: 'no tag stays without one', image: 'redis', id: imageId, expected: 'redis'},
		{name: 'the digest is dropped', image: `nginx@sha256:${'a'.repeat(64)}`, id: imageId, expected: 'nginx'},
		{
			name: 'the digest is dropped, the tag kept',
			image: `nginx:1.25@sha256:${'a'.repeat(64)}`,
			id: imageId,
			expected: 'nginx:1.25',
		},
		{
			name: 'a registry with a port is not taken for a tag',
			image: `registry.local:5000/team/app:2@sha256:${'a'.repeat(64)}`,
			id: imageId,
			expected: 'registry.local:5000/team/app:2',
		},
		{name: 'a bare image id is shortened to 12', image: imageId, id: imageId, expected: imageHex.slice(0, 12)},
		{
			name: 'a bare image id without its algorithm is shortened to 12',
			image: imageHex,
			id: imageId,
			expected: imageHex.slice(0, 12),
		},
		{
			name: 'a short id the container was created from stays short',
			image: imageHex.slice(0, 12),
			id: imageId,
			expected: imageHex.slice(0, 12),
		},
		{name: 'no image', image: '', id: imageId, expected: '<no image>'},
		// reference.FamiliarString: the default registry and "library/" are not shown.
		{name: 'docker.io/library is trimmed', image: 'docker.io/library/nginx:latest', id: otherId, expected: 'nginx:latest'},
		{name: 'docker.io is trimmed for other namespaces', image: 'docker.io/grafana/grafana', id: otherId, expected: 'grafana/grafana'},
		{name: 'index.docker.io counts as docker.io', image: 'index.docker.io/library/redis:7', id: otherId, expected: 'redis:7'},
		{
			name: 'library is trimmed only directly under the registry',
			image: 'docker.io/library/team/app',
			id: otherId,
			expected: 'library/team/app',
		},
		{name: 'other registries are kept', image: 'ghcr.io/library/app:1', id: otherId, expected: 'ghcr.io/library/app:1'},
	];

	for (const {name, image, id, expected} of cases) {
		test(name, () => {
			assert.equal(formatImage(image, id), expected);
		});
	}
});

describe('formatShortId', () => {
	test('twelve hex digits, algorithm dropped', () => {
		assert.equal(formatShortId(imageId), imageHex.slice(0, 12));
		assert.equal(formatShortId('abc'), 'abc');
	});
});
