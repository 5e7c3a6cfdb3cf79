// The first frame painted before the UI loads shows the same cells as Ink's frame of the same screen.
import './forceColor.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {readPlainCommandLine} from '../../source/app/commandLine.js';
import {type Config, defaultConfig} from '../../source/app/configTypes.js';
import {selectDisplay} from '../../source/app/display.js';
import {selectScreenProps} from '../../source/app/screen.js';
import {type FirstAnswer, type RunOptions, selectStartState} from '../../source/app/startState.js';
import type {ContainerRecord} from '../../source/engine/types.js';
import type {AppState} from '../../source/state/types.js';
import {Screen, type ScreenProps} from '../../source/ui/Screen.js';
import {paintContainerScreen} from '../../source/ui/screenText.js';
import {styleSegment} from '../../source/ui/styleSegment.js';
import type {Theme} from '../../source/ui/theme.js';
import {containerRecord} from '../state/records.js';
import {cells, frameWidth, themes} from './rows.js';

afterEach(cleanup);

const now = Date.UTC(2026, 10, 30, 12);
const seconds = Math.floor(now / 1000);

const records: ContainerRecord[] = [
	containerRecord({id: 'shop-web-1', status: 'Up 3 hours', created: seconds - 3 * 3600, ports: [{privatePort: 80, publicPort: 8080, type: 'tcp', ip: '127.0.0.1'}], labels: {'com.docker.compose.project': 'shop'}}),
	containerRecord({id: 'shop-db-1', state: 'exited', status: 'Exited (1) 2 minutes ago', created: seconds - 600, labels: {'com.docker.compose.project': 'shop'}}),
	containerRecord({id: 'cache', state: 'paused', status: 'Up 5 minutes (Paused)', image: 'redis:7'}),
	containerRecord({id: 'fresh', state: 'created', status: 'Created', image: 'busybox'}),
	containerRecord({id: 'a-very-long-container-name-that-the-layout-has-to-cut-short-somewhere', status: 'Up 2 days (healthy)'}),
];

function options(argv: string[] = []): RunOptions {
	const command = readPlainCommandLine(argv);
	assert.ok(command && typeof command === 'object' && command.kind === 'run');
	return command.options;
}

function startState(theme: Theme, answers: FirstAnswer[], config: Config = defaultConfig): AppState {
	return selectStartState({answers, options: options(), config, theme, readOnlyEngines: []}, now);
}

function screenProps(state: AppState, theme: Theme, config: Config = defaultConfig, height = 12): ScreenProps {
	const display = selectDisplay(config);
	return selectScreenProps(state, [{name: 'local', addressText: 'unix:///var/run/docker.sock'}], {width: frameWidth, height}, {...theme, colors: display.colors}, display);
}

/** The cells of each line, without the unstyled spaces that end it (Ink leaves them out). */
function shown(frame: string): string[][] {
	return cells(frame).map(line => {
		const kept = [...line];
		while (kept.at(-1) === ' |') kept.pop();
		return kept;
	});
}

function assertSameAsInk(props: ScreenProps): string[] {
	const painted = paintContainerScreen(props);
	assert.ok(painted, 'the containers list is painted');
	assert.equal(painted.length, props.height);
	const {lastFrame} = render(<Screen {...props} />);
	assert.deepEqual(shown(painted.join('\n')), shown(lastFrame() ?? ''));
	return painted;
}

const listed: FirstAnswer = {engine: 'local', ok: true, version: {version: '26.1.5', apiVersion: '1.45', product: 'Docker'} as FirstAnswer extends {version: infer V} ? V : never, records};

describe('the first frame, painted as Ink would draw it', () => {
	for (const [name, theme] of Object.entries(themes)) {
		test(`the start state of a listing, ${name} theme: the same cells as Ink's`, () => {
			const painted = assertSameAsInk(screenProps(startState(theme, [listed]), theme));
			assert.match(painted[0]!, /5 containers: 2 running, 1 paused, 2 stopped/);
		});
	}

	test('a selected, a marked and an alerted row; a message in red', () => {
		const theme = themes.full;
		const props = screenProps(startState(theme, [listed]), theme);
		const rows = props.table.rows.map((row, index) => (index === 2 ? {...row, alerted: true} : row));
		assertSameAsInk({
			...props,
			table: {...props.table, rows, selectedKey: rows[1]!.key, marks: new Set([rows[3]!.key])},
			status: {...props.status, message: {text: 'Stopping   shop-db-1 failed', tone: 'error'}},
		});
	});

	test('a message in two rows: the list gives up a row to it', () => {
		const theme = themes.full;
		const state = startState(theme, [listed]);
		const text = `Cannot stop shop-db-1 on local: ${'the engine said something long about it '.repeat(3)}`;
		const props = screenProps({...state, ui: {...state.ui, message: {text, tone: 'error'}}}, theme);
		assert.equal(props.table.height, props.height - 4);
		const painted = assertSameAsInk(props);
		assert.match(painted.at(-2)!, /Cannot stop shop-db-1 on local/);
		assert.match(painted.at(-1)!, /about it/);
	});

	test('the colours of the configuration file (names and #rrggbb)', () => {
		const config: Config = {...defaultConfig, theme: {running: '#ff8800', stopped: 'magentaBright', paused: 'blue'}};
		const painted = assertSameAsInk(screenProps(startState(themes.full, [listed], config), themes.full, config));
		// Not the default colours: green for running, red for stopped.
		assert.ok(!painted.some(line => /\u001B\[32mUp /.test(line)) && painted.some(line => /mUp /.test(line)), 'the running colour is the configured one');
	});

	test('no containers; an engine that did not answer; more rows than fit', () => {
		assertSameAsInk(screenProps(startState(themes.full, [{...listed, records: []}]), themes.full));
		const lost: FirstAnswer = {engine: 'local', ok: false, error: 'connect ECONNREFUSED', at: now};
		assertSameAsInk(screenProps(startState(themes.full, [lost]), themes.full));
		const many = Array.from({length: 30}, (_, index) => containerRecord({id: `row-${String(index).padStart(2, '0')}`}));
		const painted = assertSameAsInk(screenProps(startState(themes.plain, [{...listed, records: many}]), themes.plain, defaultConfig, 10));
		assert.equal(painted.filter(line => line.includes('row-')).length, 7);
	});

	test('any other screen is left to Ink: another view, a prompt, the help, too small', () => {
		const state = startState(themes.full, [listed]);
		assert.equal(paintContainerScreen(screenProps({...state, ui: {...state.ui, view: 'images'}}, themes.full)), undefined);
		assert.equal(paintContainerScreen(screenProps({...state, ui: {...state.ui, mode: 'filter'}}, themes.full)), undefined);
		assert.equal(paintContainerScreen(screenProps({...state, ui: {...state.ui, mode: 'help'}}, themes.full)), undefined);
		assert.equal(paintContainerScreen({...screenProps(state, themes.full), width: 40}), undefined);
	});

	test('a run styled as Ink styles it: dim, colour, bold, inverse, in that order', () => {
		assert.equal(styleSegment({text: 'x'}), 'x');
		assert.equal(styleSegment({text: 'x', color: 'red', bold: true, inverse: true}), '\u001B[7m\u001B[1m\u001B[31mx\u001B[39m\u001B[22m\u001B[27m');
		assert.equal(styleSegment({text: 'x', dim: true}), '\u001B[2mx\u001B[22m');
	});
});
