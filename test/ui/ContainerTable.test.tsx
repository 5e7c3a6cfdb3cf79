// The containers list rendered through Ink: heading, rows, selection marker, empty text, colour and glyphs.
import './forceColor.js';
import assert from 'node:assert/strict';
import {afterEach, describe, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import type {ContainerColumn} from '../../source/format/containerColumns.js';
import type {ColumnLayout} from '../../source/format/table.js';
import type {ContainerRow} from '../../source/format/containerColumns.js';
import {ContainerTable} from '../../source/ui/ContainerTable.js';
import {containerFigures} from '../state/records.js';
import type {Theme} from '../../source/ui/theme.js';
import {containerRow, escapeCode, nonAscii, tableLayout, themes} from './rows.js';

afterEach(cleanup);

const MiB = 1024 * 1024;

const rows: ContainerRow[] = [
	containerRow({
		id: 'web',
		name: 'shop-web-1',
		status: 'Up 3 minutes (healthy)',
		ports: '0.0.0.0:8080->80/tcp',
		project: 'shop',
		figures: containerFigures({cpuPercent: 1.5, memoryUsage: 12 * MiB, memoryLimit: 512 * MiB, memoryPercent: 2.34, pids: 4}),
	}),
	containerRow({
		id: 'db',
		name: 'shop-db-1',
		image: 'postgres:16',
		state: 'exited',
		status: 'Exited (137) 4 minutes ago',
		tone: 'bad',
		project: 'shop',
	}),
];

/** Fixed widths (97 + the gutter: inside the 100 columns of the test stdout), so every cell shows whole. */
const layout: ColumnLayout<ContainerColumn> = [
	{id: 'name', title: 'NAME', width: 11, align: 'left'},
	{id: 'image', title: 'IMAGE', width: 12, align: 'left'},
	{id: 'status', title: 'STATUS', width: 27, align: 'left'},
	{id: 'ports', title: 'PORTS', width: 21, align: 'left'},
	{id: 'cpu', title: 'CPU %', width: 7, align: 'right'},
	{id: 'memory', title: 'MEM USAGE', width: 14, align: 'left'},
];

function frameOf(
	theme: Theme,
	given: readonly ContainerRow[] = rows,
	selection: {key?: string; marks?: string[]} = {key: rows[0]!.key},
) {
	const {lastFrame} = render(
		<ContainerTable
			rows={given}
			layout={layout}
			selectedKey={selection.key}
			marks={new Set(selection.marks)}
			height={5}
			theme={theme}
			emptyText="No containers. Start one with docker run."
		/>,
	);
	return lastFrame() ?? '';
}

const lineWith = (frame: string, text: string) => frame.split('\n').find(line => line.includes(text)) ?? '';

describe('ContainerTable', () => {
	test('renders the heading and one line per row with status, ports and figures', () => {
		const frame = frameOf(themes.plain);
		const [heading] = frame.split('\n');
		for (const title of ['NAME', 'IMAGE', 'STATUS', 'PORTS', 'CPU %', 'MEM USAGE']) {
			assert.ok(heading!.includes(title), `heading has ${title}: ${heading}`);
		}

		const web = lineWith(frame, 'shop-web-1');
		assert.match(web, /nginx:1\.25 +Up 3 minutes \(healthy\) +0\.0\.0\.0:8080->80\/tcp +1\.50% 12MiB \/ 512MiB$/);
		const database = lineWith(frame, 'shop-db-1');
		assert.match(database, /postgres:16 +Exited \(137\) 4 minutes ago/);
	});

	test('the cells line up under their titles', () => {
		const frame = frameOf(themes.plain);
		const [heading] = frame.split('\n');
		const web = lineWith(frame, 'shop-web-1');
		assert.equal(web.indexOf('Up 3 minutes'), heading!.indexOf('STATUS'));
		assert.equal(web.indexOf('0.0.0.0:8080'), heading!.indexOf('PORTS'));
		assert.equal(web.indexOf('shop-web-1'), heading!.indexOf('NAME'));
	});

	test('marks the selected row with the pointer, and only that row', () => {
		const frame = frameOf(themes.plain);
		assert.ok(lineWith(frame, 'shop-web-1').startsWith('› '));
		assert.ok(lineWith(frame, 'shop-db-1').startsWith('  '));

		const other = frameOf(themes.plain, rows, {key: rows[1]!.key});
		assert.ok(lineWith(other, 'shop-web-1').startsWith('  '));
		assert.ok(lineWith(other, 'shop-db-1').startsWith('› '));
	});

	test('marked rows carry a * in the gutter, beside the pointer', () => {
		const frame = frameOf(themes.ascii, rows, {key: rows[0]!.key, marks: [rows[0]!.key, rows[1]!.key]});
		assert.ok(lineWith(frame, 'shop-web-1').startsWith('>*'));
		assert.ok(lineWith(frame, 'shop-db-1').startsWith(' *'));
		assert.ok(!frameOf(themes.ascii).includes('*'));
	});

	test('no selection: no pointer', () => {
		assert.ok(!frameOf(themes.plain, rows, {}).includes('›'));
	});

	test('shows the empty text when there are no rows, under the heading', () => {
		const frame = frameOf(themes.plain, []);
		const lines = frame.split('\n');
		assert.ok(lines[0]!.includes('NAME'));
		assert.equal(lines[1]!.trim(), 'No containers. Start one with docker run.');
	});

	test('with colour: the status in its tone and the selected row inverse', () => {
		const frame = frameOf(themes.full);
		assert.match(frame, escapeCode);
		assert.ok(lineWith(frame, 'shop-web-1').includes('\u001B[7m'), 'selected row is inverse');
		assert.ok(lineWith(frame, 'shop-web-1').includes('\u001B[32mUp 3 minutes'), 'healthy status is green');
		assert.ok(lineWith(frame, 'shop-db-1').includes('\u001B[31mExited (137)'), 'killed status is red');
		assert.ok(!lineWith(frame, 'shop-db-1').includes('\u001B[7m'), 'other rows are not inverse');
	});

	test('without colour: no escape code at all, the selection still marked', () => {
		const frame = frameOf(themes.plain);
		assert.doesNotMatch(frame, escapeCode);
		assert.ok(lineWith(frame, 'shop-web-1').startsWith('› '));
	});

	test('with the app’s own content-sized layout every line fits the frame', () => {
		const {lastFrame} = render(
			<ContainerTable
				rows={rows}
				layout={tableLayout(rows)}
				selectedKey={undefined}
				marks={new Set()}
				height={5}
				theme={themes.plain}
				emptyText=""
			/>,
		);
		const lines = (lastFrame() ?? '').split('\n');
		assert.equal(lines.length, 6, 'heading, two rows, blank lines up to the height');
		for (const line of lines) assert.ok([...line].length <= 98, `${line.length}: ${line}`);
		assert.ok(lineWith(lastFrame() ?? '', 'shop-web-1').includes('Up 3 minutes (healthy)'));
	});

	describe('glyphs', () => {
		const cut = [
			containerRow({
				id: 'long',
				name: 'a-container-name-far-too-long-for-any-column-the-layout-could-possibly-give-it',
				status: 'Up 2 hours (unhealthy)',
			}),
		];
		const narrow = (theme: Theme) => {
			const {lastFrame} = render(
				<ContainerTable
					rows={cut}
					layout={tableLayout(cut, 60)}
					selectedKey={cut[0]!.key}
					marks={new Set()}
					height={3}
					theme={theme}
					emptyText="none"
				/>,
			);
			return lastFrame() ?? '';
		};

		test('with Unicode: the pointer and the ellipsis are Unicode', () => {
			const frame = narrow(themes.plain);
			assert.ok(frame.includes('›'));
			assert.ok(frame.includes('…'));
		});

		test('without Unicode: ASCII only, > for the pointer and ~ for a cut', () => {
			const frame = narrow(themes.ascii);
			assert.doesNotMatch(frame, nonAscii);
			assert.ok(lineWith(frame, 'a-container').startsWith('> '));
			assert.ok(frame.includes('~'));
		});

		test('without Unicode and without colour across a whole table: ASCII only', () => {
			assert.doesNotMatch(frameOf(themes.ascii), nonAscii);
			assert.doesNotMatch(frameOf(themes.ascii, []), nonAscii);
		});
	});
});
