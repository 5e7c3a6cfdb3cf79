// Sizes and percentages as `docker stats` prints them: go-units BytesSize ("%.4g" + binary units) and "%.2f%%".
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatBytes, formatMemoryUsage, formatPercent} from '../../source/format/units.js';

const KiB = 1024;
const MiB = 1024 * KiB;
const GiB = 1024 * MiB;
const TiB = 1024 * GiB;

describe('formatBytes', () => {
	const cases: Array<[number, string]> = [
		[0, '0B'],
		[1, '1B'],
		[1023, '1023B'],
		[KiB, '1KiB'],
		[1536, '1.5KiB'],
		[MiB * 1.464_843_75, '1.465MiB'],
		// 25270000000 / 1024^3 = 23.5345...: four significant digits.
		[25_270_000_000, '23.53GiB'],
		[MiB, '1MiB'],
		[GiB, '1GiB'],
		[TiB, '1TiB'],
		[2 * TiB + 512 * GiB, '2.5TiB'],
		[1024 ** 8, '1YiB'],
		// 1023.99 KiB has four significant digits "1024", still in KiB: the unit is chosen before rounding.
		[MiB - 10, '1024KiB'],
		[10 * KiB + 256, '10.25KiB'],
		[100 * KiB + 128, '100.1KiB'],
		// An exact half is rounded to the even digit, as Go's %g does (JavaScript's toPrecision rounds it up).
		[1088, '1.062KiB'],
		[MiB + 64 * KiB, '1.062MiB'],
		[1024 * 1000.5, '1000KiB'],
		[1216, '1.188KiB'],
		[1024 * 1001.5, '1002KiB'],
	];

	for (const [size, expected] of cases) {
		test(`${size} bytes is ${expected}`, () => {
			assert.equal(formatBytes(size), expected);
		});
	}
});

describe('formatPercent', () => {
	const cases: Array<[number, string]> = [
		[0, '0.00%'],
		[12.345_67, '12.35%'],
		[12.3, '12.30%'],
		[100, '100.00%'],
		[400.125_1, '400.13%'],
	];

	for (const [value, expected] of cases) {
		test(`${value} is ${expected}`, () => {
			assert.equal(formatPercent(value), expected);
		});
	}
});

describe('formatMemoryUsage', () => {
	test('usage and limit as "usage / limit", as the MEM USAGE / LIMIT column', () => {
		assert.equal(formatMemoryUsage(MiB * 1.464_843_75, 8 * GiB), '1.465MiB / 8GiB');
		assert.equal(formatMemoryUsage(0, 0), '0B / 0B');
		assert.equal(formatMemoryUsage(1536, 25_270_000_000), '1.5KiB / 23.53GiB');
	});
});
