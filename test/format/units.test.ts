// Sizes and percentages as `docker stats` prints them: go-units BytesSize ("%.4g" + binary units) and "%.2f%%".
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatBytes, formatDecimalSize, formatGoSignificant, formatMemoryUsage, formatPercent} from '../../source/format/units.js';

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
		// go-units TestBytesSize.
		[3.42 * GiB, '3.42GiB'],
		[5.372 * TiB, '5.372TiB'],
		[2.22 * 1024 * TiB, '2.22PiB'],
		[1024 ** 5 * 1024 ** 5, '1.049e+06YiB'],
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

describe('formatDecimalSize (go-units HumanSizeWithPrecision)', () => {
	const MB = 1000 * 1000;
	const GB = 1000 * MB;
	const TB = 1000 * GB;
	const PB = 1000 * TB;
	// go-units TestHumanSize (HumanSize: four digits, as docker system df and docker volume sizes).
	const fourDigits: Array<[number, string]> = [
		[1000, '1kB'],
		[1024, '1.024kB'],
		[1_000_000, '1MB'],
		[1_048_576, '1.049MB'],
		[2 * MB, '2MB'],
		[3.42 * GB, '3.42GB'],
		[5.372 * TB, '5.372TB'],
		[2.22 * PB, '2.22PB'],
		[10_000_000_000_000 * PB, '1e+04YB'],
		// An exact half goes to the even digit, as Go's %g.
		[1_062_500, '1.062MB'],
		[1_187_500, '1.188MB'],
	];
	for (const [size, expected] of fourDigits) test(`HumanSize(${size}) is ${expected}`, () => assert.equal(formatDecimalSize(size, 4), expected));

	// Three digits, as docker images, docker history and docker stats' NET I/O print sizes.
	const threeDigits: Array<[number, string]> = [
		[0, '0B'],
		[999, '999B'],
		[12_250, '12.2kB'],
		[12_750, '12.8kB'],
		// 12.35 is 12.3499… as a double: Go rounds that down too.
		[12_350, '12.3kB'],
		[12_251, '12.3kB'],
		[2_125_000, '2.12MB'],
		[2_375_000, '2.38MB'],
		// Go's %g switches to the exponent form when rounding reaches the next power of ten within a unit.
		[999_900, '1e+03kB'],
		[999_400, '999kB'],
	];
	for (const [size, expected] of threeDigits) test(`HumanSizeWithPrecision(${size}, 3) is ${expected}`, () => assert.equal(formatDecimalSize(size), expected));
});

describe('formatGoSignificant (Go\'s %.Ng)', () => {
	const cases: Array<[number, number, string]> = [
		[0, 3, '0'],
		[0.5, 3, '0.5'],
		[0.000_012_34, 3, '1.23e-05'],
		[0.000_123_4, 3, '0.000123'],
		[123_456, 3, '1.23e+05'],
		[100, 3, '100'],
		[2.5, 1, '2'],
		[3.5, 1, '4'],
		[-12.25, 3, '-12.2'],
	];
	for (const [value, precision, expected] of cases) {
		test(`%.${precision}g of ${value} is ${expected}`, () => assert.equal(formatGoSignificant(value, precision), expected));
	}
});
