// Sizes and percentages as `docker stats` prints them (go-units BytesSize, "%.2f%%").

const binaryUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/**
 * Go's %.Ng (strconv 'g' with N digits): N significant digits, an exact half rounded to the even digit (JavaScript's
 * toPrecision rounds it up: 12.25 -> "12.3" where Go says "12.2"), trailing zeros dropped, and the exponent form
 * (`1e+03`, `1.049e+06`) once the exponent is below -4 or reaches N, as go-units sizes show past their last unit.
 */
export function formatGoSignificant(value: number, precision: number): string {
	if (value === 0 || !Number.isFinite(value)) return String(value);
	const sign = value < 0 ? '-' : '';
	// 100 digits hold every digit of the double that can matter for rounding to a few.
	const [mantissa = '', exponentText = '0'] = Math.abs(value).toExponential(99).split('e');
	const digits = mantissa.replace('.', '');
	let exponent = Number(exponentText);
	let head = digits.slice(0, precision);
	const rest = digits.slice(precision);
	const up = rest[0]! > '5' || (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || Number(head.at(-1)) % 2 === 1));
	if (up) {
		head = String(BigInt(head) + 1n);
		if (head.length > precision) {
			head = head.slice(0, precision);
			exponent++;
		}
	}

	head = head.replace(/0+$/, '') || '0';
	if (exponent < -4 || exponent >= precision) {
		const fraction = head.length > 1 ? `.${head.slice(1)}` : '';
		return `${sign}${head[0]}${fraction}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
	}

	if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${head}`;
	const whole = head.slice(0, exponent + 1).padEnd(exponent + 1, '0');
	const fraction = head.slice(exponent + 1);
	return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** go-units getSizeAndUnit: the size divided down while it reaches the base, and the unit it ends in. */
function scaleSize(size: number, base: number, units: readonly string[]): {value: number; unit: string} {
	let value = size;
	let index = 0;
	while (value >= base && index < units.length - 1) {
		value /= base;
		index++;
	}

	return {value, unit: units[index]!};
}

/**
 * Sizes already worded: every row's memory limit and most rows' usage are the same from one frame to the
 * next, and wording one exactly as Go rounds takes a hundred digits. Bounded: cleared when full.
 */
const bytesWorded = new Map<number, string>();

export function formatBytes(size: number): string {
	const known = bytesWorded.get(size);
	if (known !== undefined) return known;
	const {value, unit} = scaleSize(size, 1024, binaryUnits);
	const text = `${formatGoSignificant(value, 4)}${unit}`;
	if (bytesWorded.size >= 4096) bytesWorded.clear();
	bytesWorded.set(size, text);
	return text;
}

export function formatPercent(value: number): string {
	return `${value.toFixed(2)}%`;
}

export function formatMemoryUsage(usage: number, limit: number): string {
	return `${formatBytes(usage)} / ${formatBytes(limit)}`;
}

const decimalUnits = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

/**
 * go-units HumanSizeWithPrecision: three significant digits as `docker stats` prints NET I/O and BLOCK I/O,
 * four (HumanSize) as `docker system df` prints sizes.
 */
export function formatDecimalSize(size: number, precision = 3): string {
	const {value, unit} = scaleSize(size, 1000, decimalUnits);
	return `${formatGoSignificant(value, precision)}${unit}`;
}

/** What docker stats shows for a figure it has not got. */
export const notRead = '--';

/** NET I/O and BLOCK I/O cells: `1.23kB / 648B`; `--` for counters not read. */
export function formatInOut(received: number | undefined, sent: number | undefined): string {
	return received === undefined || sent === undefined ? notRead : `${formatDecimalSize(received)} / ${formatDecimalSize(sent)}`;
}

export function formatRate(bytesPerSecond: number): string {
	return `${formatDecimalSize(bytesPerSecond)}/s`;
}

/** A count and its noun, the noun plural unless the count is one: `1 image`, `3 images`. */
export function formatCount(count: number, noun: string): string {
	return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
