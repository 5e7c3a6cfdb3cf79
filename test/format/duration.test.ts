// Image and layer ages as the docker CLI words them: its own tables (formatter/image_test.go,
// image/formatter_history_test.go) for the dates it shows as N/A.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatImageCreatedSince, formatLayerCreatedSince, goZeroTimeSeconds} from '../../source/format/duration.js';

const now = Date.parse('2026-11-30T12:00:00Z');
const seconds = (iso: string) => Date.parse(iso) / 1000;
const day = 24 * 3600;

describe('formatLayerCreatedSince (docker history CREATED)', () => {
	const cases: Array<[string, number, string]> = [
		['a week ago', now / 1000 - 7 * day, '7 days ago'],
		['the Unix epoch (SOURCE_DATE_EPOCH=0)', 0, 'N/A'],
		['1980-11-10, a reproducible build', seconds('1980-11-10T10:23:00Z'), 'N/A'],
		['exactly 2000-01-01', seconds('2000-01-01T00:00:00Z'), 'N/A'],
		['a second after 2000-01-01', seconds('2000-01-01T00:00:01Z'), '26 years ago'],
		['Go\'s zero time', goZeroTimeSeconds, 'N/A'],
		['17 years ago', seconds('2009-11-30T12:00:00Z'), '17 years ago'],
	];
	for (const [what, created, expected] of cases) test(`${what}: ${expected}`, () => assert.equal(formatLayerCreatedSince(created, now), expected));
});

describe('formatImageCreatedSince (docker images CREATED)', () => {
	const cases: Array<[string, number, string]> = [
		['24 hours ago', now / 1000 - day, '24 hours ago'],
		['Go\'s zero time (-62135596800)', goZeroTimeSeconds, 'N/A'],
		// docker images has no 2000-01-01 cut-off: an image built with SOURCE_DATE_EPOCH=0 is 56 years old there.
		['the Unix epoch', 0, '56 years ago'],
	];
	for (const [what, created, expected] of cases) test(`${what}: ${expected}`, () => assert.equal(formatImageCreatedSince(created, now), expected));
});
