// Sizes and percentages as `docker stats` prints them (go-units BytesSize, "%.2f%%").

const binaryUnits = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

/** Go's %.4g: four significant digits, trailing zeros dropped. */
function formatFourDigits(value: number): string {
	// toPrecision rounds an exact half up; Go rounds it to the even digit (1.0625 -> "1.062").
	const [mantissa = '', exponent = '0'] = value.toExponential(99).split('e');
	const digits = mantissa.replace('.', '');
	if (/^50*$/.test(digits.slice(4)) && Number(digits[3]) % 2 === 0) {
		return String(Number(`${digits[0]}.${digits.slice(1, 4)}e${exponent}`));
	}

	return String(Number(value.toPrecision(4)));
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

export function formatBytes(size: number): string {
	const {value, unit} = scaleSize(size, 1024, binaryUnits);
	return `${formatFourDigits(value)}${unit}`;
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
	return `${String(Number(value.toPrecision(precision)))}${unit}`;
}

/** NET I/O and BLOCK I/O cells: `1.23kB / 648B`. */
export function formatInOut(received: number, sent: number): string {
	return `${formatDecimalSize(received)} / ${formatDecimalSize(sent)}`;
}

export function formatRate(bytesPerSecond: number): string {
	return `${formatDecimalSize(bytesPerSecond)}/s`;
}
