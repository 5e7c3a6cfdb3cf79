// Durations in the docker CLI's words (go-units HumanDuration): "Less than a second", "About a minute".

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
