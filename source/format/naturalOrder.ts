// Natural order as the docker CLI sorts names (fvbommel/sortorder NaturalLess): `web-2` before `web-10`. Pure.

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

/**
 * NaturalLess: runs of ASCII digits compare by value (leading zeros only break ties, fewer first: `2` before
 * `02`), everything else by code point, which is the order of Go's bytewise comparison of UTF-8.
 */
export function isNaturalLess(a: string, b: string): boolean {
	let i = 0;
	let j = 0;
	while (i < a.length && j < b.length) {
		const left = a.codePointAt(i)!;
		const right = b.codePointAt(j)!;
		const leftDigit = isDigit(left);
		const rightDigit = isDigit(right);
		if (leftDigit !== rightDigit) {
			// One non-digit run has ended where the other goes on: the ended one (now at a digit) sorts first.
			return leftDigit;
		}

		if (!leftDigit) {
			if (left !== right) return left < right;
			i += left > 0xff_ff ? 2 : 1;
			j += right > 0xff_ff ? 2 : 1;
			continue;
		}

		while (i < a.length && a[i] === '0') i++;
		while (j < b.length && b[j] === '0') j++;
		const leftStart = i;
		const rightStart = j;
		while (i < a.length && isDigit(a.charCodeAt(i))) i++;
		while (j < b.length && isDigit(b.charCodeAt(j))) j++;
		// Without leading zeros, a shorter number is smaller, and equal lengths compare as text.
		if (i - leftStart !== j - rightStart) return i - leftStart < j - rightStart;
		const leftNumber = a.slice(leftStart, i);
		const rightNumber = b.slice(rightStart, j);
		if (leftNumber !== rightNumber) return leftNumber < rightNumber;
		// Same number: everything before it was equal, so fewer leading zeros means an earlier start.
		if (leftStart !== rightStart) return leftStart < rightStart;
	}

	// Equal so far and one has ended: the one that goes on sorts last.
	return a.length < b.length;
}

/** A comparator for Array.prototype.sort in natural order; 0 only for equal strings. */
export function compareNatural(a: string, b: string): number {
	if (isNaturalLess(a, b)) return -1;
	return isNaturalLess(b, a) ? 1 : 0;
}
