// Image and layer ages as the docker CLI words them: its own tables (formatter/image_test.go,
// image/formatter_history_test.go) for the dates it shows as N/A.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatImageCreatedSince, formatLayerCreatedSince, formatLocalTime, goZeroTimeSeconds} from '../../source/format/duration.js';

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

describe('formatLocalTime (the operator\'s clock)', () => {
	const cases: Array<[zone: string, iso: string, seconds: boolean, expected: string]> = [
		['UTC', '2026-12-03T14:57:07.900Z', true, '2026-12-03 14:57:07'],
		['Europe/Berlin', '2026-12-03T14:57:07Z', true, '2026-12-03 15:57:07'],
		['Europe/Berlin', '2026-07-03T14:57:07Z', false, '2026-07-03 16:57'],
		['America/New_York', '2026-01-01T03:04:05Z', true, '2025-12-31 22:04:05'],
		['Asia/Kolkata', '2026-12-03T23:59:59Z', true, '2026-12-04 05:29:59'],
	];
	for (const [zone, iso, seconds, expected] of cases) {
		test(`${iso} in ${zone}: ${expected}`, () => {
			const before = process.env.TZ;
			try {
				process.env.TZ = zone;
				assert.equal(formatLocalTime(Date.parse(iso), seconds), expected);
			} finally {
				if (before === undefined) delete process.env.TZ;
				else process.env.TZ = before;
			}
		});
	}
});
