// Durations in the docker CLI's words (go-units HumanDuration): "Less than a second", "About a minute"; and the
// moments they count from, as the docker CLI prints them.

export function formatHumanDuration(milliseconds: number): string {
	const seconds = Math.trunc(milliseconds / 1000);
	if (seconds < 1) return 'Less than a second';
	if (seconds === 1) return '1 second';
	if (seconds < 60) return `${seconds} seconds`;
	const minutes = Math.trunc(seconds / 60);
	if (minutes === 1) return 'About a minute';
	if (minutes < 60) return `${minutes} minutes`;
	const exactHours = milliseconds / 3_600_000;
	const hours = Math.round(exactHours);
	if (hours === 1) return 'About an hour';
	if (hours < 48) return `${hours} hours`;
	if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
	if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
	if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
	return `${Math.trunc(Math.trunc(exactHours) / 24 / 365)} years`;
}

/**
 * A moment as the operator's clock reads it (the local time zone, as `docker events` prints it), to the
 * second: `2026-12-03 15:57:07`; to the minute with `seconds` false.
 */
export function formatLocalTime(ms: number, seconds = true): string {
	const date = new Date(ms);
	const two = (value: number) => String(value).padStart(2, '0');
	const minute = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
	return seconds ? `${minute}:${two(date.getSeconds())}` : minute;
}

/** Go's zero time (0001-01-01T00:00:00Z) in Unix seconds: what the engine sends for an image without a date. */
export const goZeroTimeSeconds = -62_135_596_800;

/** 2000-01-01T00:00:00Z: the docker CLI shows no age for a layer made at or before it (reproducible builds). */
const historyEpochSeconds = 946_684_800;

/**
 * `docker images` CREATED: N/A for Go's zero time only. An image dated 1970 (SOURCE_DATE_EPOCH=0) is
 * `56 years ago` there, and so here.
 */
export function formatImageCreatedSince(createdSeconds: number, now: number): string {
	if (createdSeconds === goZeroTimeSeconds) return 'N/A';
	return `${formatHumanDuration(now - createdSeconds * 1000)} ago`;
}

/** `docker history` CREATED: N/A at or before 2000-01-01 (Go's zero time included). */
export function formatLayerCreatedSince(createdSeconds: number, now: number): string {
	if (createdSeconds <= historyEpochSeconds) return 'N/A';
	return `${formatHumanDuration(now - createdSeconds * 1000)} ago`;
}
