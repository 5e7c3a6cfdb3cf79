// The run form's image field: names, IDs and digests of images on the engine, as docker run takes them.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {createRunForm, parseRunForm} from '../../source/state/runForm.js';

const id = `sha256:${'ab12'.repeat(16)}`;
const digest = `sha256:${'9f'.repeat(32)}`;
const images = [
	{id, repoTags: ['berth-test/busybox:latest'], repoDigests: []},
	{id: `sha256:${'cd34'.repeat(16)}`, repoTags: [], repoDigests: [`127.0.0.1:5000/team/app@${digest}`]},
];

function run(image: string) {
	return parseRunForm({...createRunForm('local').values, image}, {containerNames: new Set(), images});
}

test('an image on the engine by tag, ID, short ID or digest is accepted, and sent as docker run sends it', () => {
	const cases: Array<[string, string]> = [
		['berth-test/busybox', 'berth-test/busybox:latest'],
		[id, id],
		[id.slice(7), id],
		['ab12ab12ab12', id],
		[`127.0.0.1:5000/team/app@${digest}`, `127.0.0.1:5000/team/app@${digest}`],
		// The digest wins over a tag, as docker's ParseDockerRef drops it.
		[`127.0.0.1:5000/team/app:v1@${digest}`, `127.0.0.1:5000/team/app@${digest}`],
	];
	for (const [given, sent] of cases) {
		const result = run(given);
		assert.ok(result.ok, `${given}: ${result.ok ? '' : JSON.stringify(result.errors)}`);
		assert.equal(result.spec.image, sent, given);
	}
});

test('an image that is not there, or a name docker refuses, is named in the form', () => {
	const cases: Array<[string, string]> = [
		['busybox', 'no image busybox:latest on this engine: pull it first (images view, p)'],
		['ffff00', 'no image ffff00 on this engine: pull it first (images view, p)'],
		['Busybox', 'invalid reference format: repository name (library/Busybox) must be lowercase'],
	];
	for (const [given, error] of cases) {
		const result = run(given);
		assert.ok(!result.ok, given);
		assert.equal(result.errors.image, error, given);
	}
});
