// The engine's encodings berth writes: a log's `since`.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {toLogSince} from '../../source/engine/decoders.js';

test("an RFC 3339 start (inspect's StartedAt) as the engine's since: seconds.nanoseconds, none lost", () => {
	const cases: Array<[string, string]> = [
		['2026-12-03T17:05:35.123456789Z', '1796317535.123456789'],
		['2026-12-03T17:05:35.1Z', '1796317535.100000000'],
		['2026-12-03T17:05:35Z', '1796317535.000000000'],
		['2026-12-03T18:05:35.5+01:00', '1796317535.500000000'],
	];
	for (const [time, since] of cases) assert.equal(toLogSince(time), since, time);
});

test('a nanosecond after a line: the engine keeps a line of the very time given', () => {
	assert.equal(toLogSince('2026-12-03T17:05:35.123456789Z', true), '1796317535.123456790');
	assert.equal(toLogSince('2026-12-03T17:05:35.999999999Z', true), '1796317536.000000000');
	assert.equal(toLogSince('2026-12-03T17:05:35Z', true), '1796317535.000000001');
});
