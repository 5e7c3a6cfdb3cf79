// What of the configuration the screen uses: the keymap, each view's columns in the configured order, and
// the tones' colours, as the screen's props show them.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {defaultConfig} from '../../source/app/configTypes.js';
import {selectDisplay} from '../../source/app/display.js';
import {selectScreenProps} from '../../source/app/screen.js';
import {keymap} from '../../source/commands/keymap.js';
import type {Engine} from '../../source/engine/types.js';
import {type AppState, createAppState, reduceApp} from '../../source/state/app.js';
import {toneColor} from '../../source/ui/theme.js';
import {containerRecord, imageRecord} from '../state/records.js';

const theme = {color: true, unicode: true};
const engines = [{name: 'local', addressText: 'unix:///var/run/docker.sock'}] as unknown as Engine[];

function listed(): AppState {
	let state = reduceApp(createAppState(0), {type: 'engine/connected', engine: 'local', version: '26.1.5'});
	state = reduceApp(state, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'id-api', names: ['/api']})]});
	return reduceApp(state, {type: 'images/listed', engine: 'local', records: [imageRecord({id: 'sha256:aaa', repoTags: ['nginx:1.25']})]});
}

test('no configuration: the keymap and every column as before', () => {
	const display = selectDisplay();
	assert.deepEqual(display.commands, keymap);
	assert.equal(display.colors, undefined);
	const props = selectScreenProps(listed(), engines, {width: 160, height: 24}, theme, display);
	assert.deepEqual(props.table.layout.map(column => column.id), ['name', 'image', 'status', 'ports', 'cpu', 'memory', 'project']);
});

test('columns: only those named, in the order named, for containers and for a table view', () => {
	const display = selectDisplay({...defaultConfig, columns: {containers: ['status', 'name'], images: ['tag', 'repository']}});
	const containers = selectScreenProps(listed(), engines, {width: 160, height: 24}, theme, display);
	assert.deepEqual(containers.table.layout.map(column => column.id), ['status', 'name']);
	const images = selectScreenProps({...listed(), ui: {...listed().ui, view: 'images'}}, engines, {width: 160, height: 24}, theme, display);
	assert.deepEqual(images.resourceTable?.layout.map(column => column.id), ['tag', 'repository']);
});

test('columns: docker ps\'s and docker stats\' other columns, shown only when named, with the figures docker stats gives', async () => {
	const {containerLineOf} = await import('../../source/format/containerColumns.js');
	const {containerFigures} = await import('../state/records.js');
	const display = selectDisplay({...defaultConfig, columns: {containers: ['id', 'name', 'command', 'cpu', 'mempercent', 'netio', 'blockio', 'pids']}});
	let state = listed();
	state = reduceApp(state, {type: 'containers/listed', engine: 'local', records: [containerRecord({id: 'abcdef0123456789ffff', names: ['/api'], command: 'sh -c \'sleep 1\''})]});
	state = {...state, stats: new Map([[`local\u0000abcdef0123456789ffff`, containerFigures({memoryPercent: 1.5, networkRx: 1234, networkTx: 648, blockRead: 0, blockWrite: 4096, pids: 3})]])};
	const props = selectScreenProps(state, engines, {width: 160, height: 24}, theme, display);
	assert.deepEqual(props.table.layout.map(column => column.title), ['CONTAINER ID', 'NAME', 'COMMAND', 'CPU %', 'MEM %', 'NET I/O', 'BLOCK I/O', 'PIDS']);
	const line = containerLineOf(props.table.rows[0]!, props.table.layout, '…');
	const text = `${line.before}${line.status}${line.after}`;
	assert.match(text, /^abcdef012345 +api +"sh -c 'sleep 1'" +\d+\.\d\d% +1\.50% +1\.23kB \/ 648B +0B \/ 4\.1kB +3$/);
	const plain = selectScreenProps(state, engines, {width: 160, height: 24}, theme, selectDisplay());
	assert.ok(!plain.table.layout.some(column => ['id', 'command', 'pids'].includes(column.id)), 'not shown unless named');
});

test('theme: the file\'s tone names colour the screen\'s tones; the others keep theirs', () => {
	const {colors} = selectDisplay({...defaultConfig, theme: {running: 'blue', error: '#ff0000', accent: 'magenta'}});
	assert.deepEqual(colors, {good: 'blue', bad: '#ff0000', accent: 'magenta'});
	assert.equal(toneColor('good', colors), 'blue');
	assert.equal(toneColor('bad', colors), '#ff0000');
	assert.equal(toneColor('warning', colors), 'yellow');
});

test('what a change to the file needs a restart for: engines and what berth starts with', async () => {
	const {selectRestartKeys} = await import('../../source/app/hooks/useConfigFile.js');
	assert.deepEqual(selectRestartKeys(defaultConfig, {...defaultConfig, keys: {stop: ['x']}, theme: {running: 'blue'}, columns: {containers: ['name']}}), []);
	assert.deepEqual(
		selectRestartKeys(defaultConfig, {...defaultConfig, engines: [{context: 'default', readOnly: false}], refresh: 2, logs: {...defaultConfig.logs, wrap: true}}),
		['engines', 'refresh', 'logs'],
	);
	assert.deepEqual(selectRestartKeys(defaultConfig, {...defaultConfig, kiosk: true, alerts: {...defaultConfig.alerts, bell: true}}), ['kiosk', 'alerts']);
});
