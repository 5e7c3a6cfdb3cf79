// The top line: connection state, counts, filter, engine version and address.
import './forceColor.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {EngineConnection} from '../../source/state/connection.js';
import {formatConnectionState, Header, type HeaderProps} from '../../source/ui/Header.js';
import {escapeCode, frameWidth, nonAscii, themes} from './rows.js';

afterEach(cleanup);

const connected: EngineConnection = {status: 'connected', version: '27.1.1'};
const lost: EngineConnection = {status: 'disconnected', error: 'connect ECONNREFUSED 127.0.0.1:2375', since: 0, attempt: 2};

function frameOf(overrides: Partial<HeaderProps> = {}): string {
	const props: HeaderProps = {
		address: 'ssh://box',
		connection: connected,
		counts: {total: 5, running: 3, paused: 1, stopped: 1},
		shown: 5,
		filter: '',
		theme: themes.plain,
		width: frameWidth,
		...overrides,
	};
	const {lastFrame} = render(<Header {...props} />);
	return lastFrame() ?? '';
}

describe('Header', () => {
	test('connected: state first, then counts, version and address', () => {
		const frame = frameOf();
		assert.equal(
			frame,
			'berth · connected · 5 containers: 3 running, 1 paused, 1 stopped · Docker 27.1.1 · ssh://box',
		);
	});

	test('one container, one image, one alert: no plural', () => {
		const frame = frameOf({counts: {total: 1, running: 1, paused: 0, stopped: 0}, alerts: 1, connection: {...connected, info: {images: 1}} as EngineConnection, width: 200});
		assert.match(frame, /1 alert \(!\)\S* · 1 container: 1 running, 0 paused, 0 stopped · 1 image · Docker/);
		assert.match(frameOf({connection: {...connected, info: {images: 2}} as EngineConnection}), /· 2 images · /);
	});

	test('disconnected: the error and the attempt, no version', () => {
		const frame = frameOf({connection: lost});
		assert.ok(frame.includes('disconnected, retrying (attempt 2): connect ECONNREFUSED 127.0.0.1:2375'));
		assert.ok(!frame.includes('Docker '));
	});

	test('before the first answer: connecting', () => {
		assert.ok(frameOf({connection: undefined}).startsWith('berth · connecting · '));
	});

	test('a kept filter and how many rows it shows', () => {
		assert.ok(frameOf({filter: 'web', shown: 2}).includes(' · filter "web": 2 shown · 5 containers'));
		assert.ok(!frameOf().includes('filter'));
		// Before the counts: on 80 columns the counts are cut, and rows a filter hides must not read as all there are.
		assert.match(frameOf({filter: 'web', shown: 2, alerts: 1, width: 64}).replaceAll(/\u001B\[\d+m/g, ''), /^berth · connected · 1 alert \(!\) · filter "web": 2 shown/);
	});

	test('cut to the width with an ellipsis, the connection state kept', () => {
		const frame = frameOf({connection: lost, width: 40});
		assert.equal([...frame].length, 40);
		assert.ok(frame.endsWith('…'));
		assert.ok(frame.startsWith('berth · disconnected'));
	});

	test('colour: the state green when connected, red when lost; none without colour', () => {
		assert.ok(frameOf({theme: themes.full}).includes('\u001B[32mconnected'));
		assert.match(frameOf({theme: themes.full, connection: lost}), /\u001B\[31m(\u001B\[1m)?disconnected|\u001B\[1m\u001B\[31mdisconnected/);
		assert.doesNotMatch(frameOf({theme: themes.plain, connection: lost}), escapeCode);
		assert.doesNotMatch(frameOf({theme: themes.plain}), escapeCode);
	});

	test('without Unicode: | as separator, ~ for a cut, ASCII only', () => {
		const frame = frameOf({theme: themes.ascii});
		assert.ok(frame.startsWith('berth | connected | 5 containers'));
		assert.doesNotMatch(frame, nonAscii);
		const cut = frameOf({theme: themes.ascii, width: 30});
		assert.ok(cut.endsWith('~'));
		assert.doesNotMatch(cut, nonAscii);
	});
});

describe('formatConnectionState', () => {
	test('three states in words', () => {
		assert.equal(formatConnectionState(undefined), 'connecting');
		assert.equal(formatConnectionState(connected), 'connected');
		assert.equal(
			formatConnectionState({status: 'disconnected', error: 'EOF', since: 0, attempt: 0}),
			'disconnected, retrying: EOF',
		);
	});
});

describe('an engine that does not answer', () => {
	const silent: EngineConnection = {status: 'connected', version: '26.1.5', unanswered: {since: 1000, at: 13_000}};
	test('says so for that engine, with the seconds of silence, and its figures are stale', () => {
		assert.equal(formatConnectionState(silent), 'not answering for 12 s');
		const frame = frameOf({connection: silent, totals: {cpuPercent: 12, memoryUsage: 1_000_000, measured: 3, running: 3}});
		assert.match(frame, /not answering for 12 s/);
		assert.match(frame, /stale: CPU 12/);
	});

	test('among several engines, only that one', () => {
		const frame = frameOf({engines: [{name: 'a', connection: connected}, {name: 'b', connection: silent}]});
		assert.match(frame, /a: up \(Docker 27\.1\.1\), b: not answering for 12 s/);
	});
});
