// formatStatus follows the engine's State.String(); formatHumanDuration is go-units HumanDuration.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import type {ContainerState, ContainerTiming} from '../../source/engine/types.js';
import {formatHumanDuration} from '../../source/format/duration.js';
import {formatStatus, isZeroTime, selectStatusTone, type StatusTone} from '../../source/format/status.js';

const second = 1000;
const minute = 60 * second;
const hour = 60 * minute;
const day = 24 * hour;

describe('formatHumanDuration', () => {
	const cases: Array<[number, string]> = [
		[-5 * second, 'Less than a second'],
		[0, 'Less than a second'],
		[999, 'Less than a second'],
		[1 * second, '1 second'],
		[1999, '1 second'],
		[2 * second, '2 seconds'],
		[59 * second, '59 seconds'],
		[59 * second + 999, '59 seconds'],
		[60 * second, 'About a minute'],
		[119 * second, 'About a minute'],
		[120 * second, '2 minutes'],
		[59 * minute, '59 minutes'],
		[59 * minute + 59 * second, '59 minutes'],
		[60 * minute, 'About an hour'],
		// Hours are rounded (go-units adds 0.5 and truncates), so 1h29m is still about an hour...
		[hour + 29 * minute + 59 * second, 'About an hour'],
		// ...and 1h30m is two.
		[hour + 30 * minute, '2 hours'],
		[2 * hour, '2 hours'],
		[47 * hour, '47 hours'],
		[47 * hour + 29 * minute, '47 hours'],
		[47 * hour + 30 * minute, '2 days'],
		[2 * day, '2 days'],
		[13 * day, '13 days'],
		[13 * day + 23 * hour, '13 days'],
		[14 * day, '2 weeks'],
		[8 * 7 * day, '8 weeks'],
		[59 * day, '8 weeks'],
		[60 * day, '2 months'],
		[364 * day, '12 months'],
		[729 * day, '24 months'],
		[730 * day, '2 years'],
		[3 * 365 * day, '3 years'],
	];

	for (const [milliseconds, expected] of cases) {
		test(`${milliseconds} ms is "${expected}"`, () => {
			assert.equal(formatHumanDuration(milliseconds), expected);
		});
	}
});

const now = Date.parse('2024-05-01T12:00:00Z');
const zeroTime = '0001-01-01T00:00:00Z';

/** `now` less a duration, as the engine writes timestamps (nanoseconds included). */
function ago(milliseconds: number): string {
	return new Date(now - milliseconds).toISOString().replace('Z', '123456Z');
}

function timing(overrides: Partial<ContainerTiming>): ContainerTiming {
	return {
		state: 'exited',
		running: false,
		paused: false,
		restarting: false,
		dead: false,
		removing: false,
		exitCode: 0,
		startedAt: zeroTime,
		finishedAt: zeroTime,
		health: 'none',
		...overrides,
	};
}

describe('formatStatus', () => {
	const cases: Array<{name: string; timing: ContainerTiming; expected: string}> = [
		{name: 'running', timing: timing({running: true, startedAt: ago(3 * minute)}), expected: 'Up 3 minutes'},
		{
			name: 'paused',
			timing: timing({running: true, paused: true, startedAt: ago(2 * hour)}),
			expected: 'Up 2 hours (Paused)',
		},
		{
			name: 'healthy',
			timing: timing({running: true, health: 'healthy', startedAt: ago(5 * second)}),
			expected: 'Up 5 seconds (healthy)',
		},
		{
			name: 'health starting',
			timing: timing({running: true, health: 'starting', startedAt: ago(5 * second)}),
			expected: 'Up 5 seconds (health: starting)',
		},
		{
			name: 'unhealthy',
			timing: timing({running: true, health: 'unhealthy', startedAt: ago(1 * second)}),
			expected: 'Up 1 second (unhealthy)',
		},
		{
			name: 'paused wins over health',
			timing: timing({running: true, paused: true, health: 'healthy', startedAt: ago(2 * hour)}),
			expected: 'Up 2 hours (Paused)',
		},
		{
			name: 'exited, timed from the finish',
			timing: timing({exitCode: 137, startedAt: ago(hour), finishedAt: ago(4 * minute)}),
			expected: 'Exited (137) 4 minutes ago',
		},
		{
			name: 'exited cleanly',
			timing: timing({exitCode: 0, startedAt: ago(3 * day), finishedAt: ago(2 * day)}),
			expected: 'Exited (0) 2 days ago',
		},
		{name: 'created, never started', timing: timing({}), expected: 'Created'},
		{
			name: 'restarting, timed from the last finish',
			timing: timing({
				running: true,
				restarting: true,
				exitCode: 1,
				startedAt: ago(10 * second),
				finishedAt: ago(2 * second),
			}),
			expected: 'Restarting (1) 2 seconds ago',
		},
		{
			name: 'dead',
			timing: timing({dead: true, startedAt: ago(hour), finishedAt: ago(minute)}),
			expected: 'Dead',
		},
		{
			name: 'removal in progress wins over dead',
			timing: timing({removing: true, dead: true, startedAt: ago(hour), finishedAt: ago(minute)}),
			expected: 'Removal In Progress',
		},
		{
			name: 'started but never finished and not running: empty, as the engine says',
			timing: timing({startedAt: ago(minute)}),
			expected: '',
		},
		{
			name: 'a start in the future (clock skew) reads as less than a second',
			timing: timing({running: true, startedAt: new Date(now + 5 * second).toISOString()}),
			expected: 'Up Less than a second',
		},
	];

	for (const {name, timing: given, expected} of cases) {
		test(name, () => {
			assert.equal(formatStatus(given, now), expected);
		});
	}

	test('the text ticks on with now', () => {
		const running = timing({running: true, startedAt: ago(59 * second)});
		assert.equal(formatStatus(running, now), 'Up 59 seconds');
		assert.equal(formatStatus(running, now + second), 'Up About a minute');
	});
});

describe('isZeroTime', () => {
	test('Docker zero time and empty text are never; a real time is not', () => {
		assert.equal(isZeroTime(zeroTime), true);
		assert.equal(isZeroTime(''), true);
		assert.equal(isZeroTime('2024-05-01T12:00:00Z'), false);
	});
});

describe('selectStatusTone', () => {
	const cases: Array<[ContainerState, string, StatusTone]> = [
		['running', 'Up 3 minutes', 'good'],
		['running', 'Up 5 seconds (healthy)', 'good'],
		['running', 'Up 5 seconds (health: starting)', 'warning'],
		['running', 'Up 1 second (unhealthy)', 'bad'],
		['paused', 'Up 2 hours (Paused)', 'warning'],
		['restarting', 'Restarting (1) 2 seconds ago', 'warning'],
		['removing', 'Removal In Progress', 'warning'],
		['exited', 'Exited (0) 4 minutes ago', 'muted'],
		['exited', 'Exited (137) 4 minutes ago', 'bad'],
		['exited', 'Exited (1) 4 minutes ago', 'bad'],
		['dead', 'Dead', 'bad'],
		['created', 'Created', 'neutral'],
	];

	for (const [state, text, expected] of cases) {
		test(`${state} "${text}" is ${expected}`, () => {
			assert.equal(selectStatusTone(state, text), expected);
		});
	}
});
