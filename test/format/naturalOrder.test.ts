// Natural order: the table of fvbommel/sortorder's own tests (TestNaturalLess, TestStringSort), which the docker
// CLI sorts services, tasks, volumes, networks and nodes by.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {compareNatural, isNaturalLess} from '../../source/format/naturalOrder.js';

describe('isNaturalLess', () => {
	const cases: Array<[string, string, boolean]> = [
		['0', '00', true],
		['00', '0', false],
		['aa', 'ab', true],
		['ab', 'abc', true],
		['abc', 'ad', true],
		['ab1', 'ab2', true],
		['ab1c', 'ab1c', false],
		['ab12', 'abc', true],
		['ab2a', 'ab10', true],
		['a0001', 'a0000001', true],
		['a10', 'abcdefgh2', true],
		['аб2аб', 'аб10аб', true],
		['2аб', '3аб', true],
		['a1b', 'a01b', true],
		['a01b', 'a1b', false],
		['ab01b', 'ab010b', true],
		['ab010b', 'ab01b', false],
		['a01b001', 'a001b01', true],
		['a001b01', 'a01b001', false],
		['a1', 'a1x', true],
		['1ax', '1b', true],
		['1b', '1ax', false],
		['082', '83', true],
		['083a', '9a', false],
		['9a', '083a', true],
		// The names of the issue: docker service ls shows web-2 before web-10.
		['web-2', 'web-10', true],
		['web-10', 'web-2', false],
		// Bytewise in Go is code-point order in UTF-8: an astral character sorts after every BMP one.
		['a\u{1F600}', 'a\uFF01', false],
		['a\uFF01', 'a\u{1F600}', true],
	];
	for (const [left, right, less] of cases) {
		test(`${left} < ${right} is ${less}`, () => {
			assert.equal(isNaturalLess(left, right), less);
		});
	}
});

describe('compareNatural', () => {
	test('sorts as sortorder.Natural does (TestStringSort)', () => {
		const sorted = ['abc5', 'abc1', 'abc01', 'ab', 'abc10', 'abc2'].sort(compareNatural);
		assert.deepEqual(sorted, ['ab', 'abc1', 'abc01', 'abc2', 'abc5', 'abc10']);
	});

	test('is 0 only for equal names', () => {
		assert.equal(compareNatural('web-1', 'web-1'), 0);
		assert.equal(compareNatural('web-1', 'web-01'), -1);
		assert.equal(compareNatural('web-01', 'web-1'), 1);
	});
});
