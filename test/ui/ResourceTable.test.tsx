// The images, volumes, networks and events lists through Ink: wide characters keep the columns in line.
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {eventsView} from '../../source/views/events.js';
import {layoutColumns} from '../../source/format/table.js';
import type {TableRow} from '../../source/format/tableRow.js';
import {measureTableColumns} from '../../source/format/tableRow.js';
import {ResourceTable} from '../../source/ui/ResourceTable.js';
import {frameWidth, themes} from './rows.js';

afterEach(cleanup);

function eventRow(name: string, details: string): TableRow {
	return {
		key: name,
		engine: 'local',
		id: name,
		cells: {time: '2026-11-30 12:00:00', type: 'container', action: 'start', name, details},
	};
}

test('CJK and emoji in names and attributes take two columns each, and the next column starts in line', () => {
	const rows = [eventRow('web', 'team=core'), eventRow('ウェブ', 'team=🚀ロケット'), eventRow('db', 'team=データ基盤 tier=prod')];
	const layout = layoutColumns(frameWidth - 2, eventsView.columns, measureTableColumns(rows));
	const {lastFrame} = render(<ResourceTable rows={rows} layout={layout} selectedKey="web" height={5} theme={themes.plain} emptyText="none" />);
	const lines = (lastFrame() ?? '').split('\n');
	const starts = ['web', 'ウェブ', 'db'].map(name => {
		const line = lines.find(candidate => candidate.includes(` ${name} `)) ?? '';
		return stringWidth(line.slice(0, line.indexOf('team=')));
	});
	assert.equal(new Set(starts).size, 1, `DETAILS starts at one column on every row:\n${lines.join('\n')}`);
	for (const line of lines) assert.ok(stringWidth(line) <= frameWidth, `${line} fits`);
});

test('a cell cut to its column keeps the row within the column, wide characters included', () => {
	const rows = [eventRow('web', 'x'), eventRow('名前がとても長いコンテナ', 'y')];
	const layout = layoutColumns(frameWidth - 2, eventsView.columns, new Map([['name', 10]]));
	const {lastFrame} = render(<ResourceTable rows={rows} layout={layout} selectedKey={undefined} height={5} theme={themes.plain} emptyText="none" />);
	const lines = (lastFrame() ?? '').split('\n');
	const at = (name: string, text: string) => {
		const line = lines.find(candidate => candidate.includes(name)) ?? '';
		return stringWidth(line.slice(0, line.lastIndexOf(text)));
	};
	assert.equal(at('web', 'x'), at('名前が', 'y'), lines.join('\n'));
});
