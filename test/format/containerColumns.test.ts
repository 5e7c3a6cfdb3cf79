// One container as one line of the containers pane: widths, the status segment's tone, the memory cell.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {
	type ContainerColumn,
	containerColumns,
	formatContainerHeading,
	formatContainerLine,
	measureContainerColumns,
	orderColumns,
} from '../../source/format/containerColumns.js';
import {type ColumnLayout, columnGap, layoutColumns} from '../../source/format/table.js';
import type {ContainerRow} from '../../source/format/containerColumns.js';
import {containerFigures} from '../state/records.js';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

function row(overrides: Partial<ContainerRow> = {}): ContainerRow {
	return {
		key: 'local\u0000c1',
		engine: 'local',
		id: 'c1',
		name: 'shop-web-1',
		image: 'nginx:1.25',
		created: 1_714_564_800,
		state: 'running',
		status: 'Up 3 minutes (healthy)',
		tone: 'good',
		ports: '0.0.0.0:8080->80/tcp',
		project: 'shop',
		figures: containerFigures({cpuPercent: 12.345, memoryUsage: 1.5 * MiB, memoryLimit: 8 * GiB, memoryPercent: 0.02, pids: 3}),
		...overrides,
	};
}

function layoutOf(columns: Array<[ContainerColumn, number]>): ColumnLayout<ContainerColumn> {
	return columns.map(([id, width]) => ({id, title: id.toUpperCase(), width, align: id === 'cpu' ? 'right' : 'left'}));
}

function expectedWidth(layout: ColumnLayout<ContainerColumn>): number {
	return layout.reduce((sum, column) => sum + column.width, 0) + (layout.length - 1) * columnGap;
}

const lineText = (segments: ReturnType<typeof formatContainerLine>) => segments.map(segment => segment.text).join('');

describe('formatContainerLine', () => {
	for (const width of [160, 120, 98, 80, 50, 30]) {
		test(`the line is exactly as wide as the layout at ${width}`, () => {
			const layout = orderColumns(layoutColumns(width, containerColumns));
			for (const candidate of [
				row(),
				row({name: 'a-very-long-container-name-that-cannot-possibly-fit-anywhere-at-all', figures: undefined}),
				row({status: '', ports: '', project: '', image: ''}),
			]) {
				const text = lineText(formatContainerLine(candidate, layout));
				assert.equal([...text].length, expectedWidth(layout));
			}
		});
	}

	test('the status segment, and only it, carries the row tone', () => {
		const layout = layoutOf([
			['name', 12],
			['image', 12],
			['status', 24],
			['ports', 22],
		]);
		const segments = formatContainerLine(row({tone: 'warning', status: 'Up 5 seconds (health: starting)'}), layout);
		const toned = segments.filter(segment => segment.tone !== undefined);
		assert.equal(toned.length, 1);
		assert.equal(toned[0]!.tone, 'warning');
		assert.equal(toned[0]!.text, 'Up 5 seconds (health: s…');
		assert.equal(
			lineText(segments),
			'shop-web-1   nginx:1.25   Up 5 seconds (health: s… 0.0.0.0:8080->80/tcp  ',
		);
	});

	test('status first on the line: no empty segment before it', () => {
		const segments = formatContainerLine(row({tone: 'bad', status: 'Dead'}), layoutOf([['status', 6], ['name', 10]]));
		assert.deepEqual(segments, [{text: 'Dead  ', tone: 'bad'}, {text: ' shop-web-1'}]);
	});

	test('memory shows usage / limit when it fits', () => {
		const segments = formatContainerLine(row(), layoutOf([['memory', 20], ['cpu', 8]]));
		assert.equal(lineText(segments), '1.5MiB / 8GiB          12.35%');
	});

	test('memory shows only the usage when usage / limit does not fit', () => {
		const segments = formatContainerLine(row(), layoutOf([['memory', 9]]));
		assert.equal(lineText(segments), '1.5MiB   ');
	});

	test('figures kept from before the row left the screen, or of an engine that does not answer, are marked ?', () => {
		const layout = layoutOf([['memory', 20], ['cpu', 8], ['pids', 5]]);
		const left = {...containerFigures({cpuPercent: 12.345, memoryUsage: 1.5 * MiB, memoryLimit: 8 * GiB, pids: 3}), left: true as const};
		assert.equal(lineText(formatContainerLine(row({figures: left}), layout)), '1.5MiB / 8GiB?        12.35%? 3?   ');
		assert.equal(lineText(formatContainerLine(row({stale: true}), layout)), '1.5MiB / 8GiB?        12.35%? 3?   ');
		assert.equal(lineText(formatContainerLine(row(), layout)), '1.5MiB / 8GiB          12.35% 3    ');
	});

	test('no figures: cpu and memory cells are blank', () => {
		const segments = formatContainerLine(row({figures: undefined}), layoutOf([['cpu', 8], ['memory', 12]]));
		assert.equal(lineText(segments), ' '.repeat(8 + columnGap + 12));
	});

	test('cells cut with the ellipsis given', () => {
		const segments = formatContainerLine(row(), layoutOf([['name', 6], ['project', 3]]), '~');
		assert.equal(lineText(segments), 'shop-~ sh~');
	});
});

describe('formatContainerHeading', () => {
	test('titles padded to the column widths', () => {
		const layout = layoutOf([
			['name', 8],
			['cpu', 7],
		]);
		assert.equal(formatContainerHeading(layout), 'NAME    ' + ' ' + '    CPU');
	});

	test('as wide as the rows', () => {
		const layout = orderColumns(layoutColumns(98, containerColumns));
		assert.equal(formatContainerHeading(layout).length, expectedWidth(layout));
	});
});

describe('orderColumns', () => {
	test('screen order whatever the priorities', () => {
		const layout = orderColumns(layoutColumns(200, containerColumns));
		assert.deepEqual(
			layout.map(column => column.id),
			['name', 'image', 'status', 'restarts', 'ports', 'cpu', 'memory', 'project'],
		);
	});
});

describe('measureContainerColumns', () => {
	test('the widest text of each column; figures at their widest', () => {
		const widths = measureContainerColumns([
			row(),
			row({key: 'k3', name: 'r', restarts: 12}),
			row({key: 'k2', name: 'a-much-longer-name', image: 'i', status: 'Created', ports: '', project: ''}),
		]);
		assert.deepEqual(Object.fromEntries(widths), {
			engine: 'local'.length,
			name: 'a-much-longer-name'.length,
			image: 'nginx:1.25'.length,
			status: 'Up 3 minutes (healthy)'.length,
			restarts: 2,
			ports: '0.0.0.0:8080->80/tcp'.length,
			cpu: 7,
			memory: 20,
			project: 'shop'.length,
			// The other columns of docker ps and docker stats, shown when configured.
			command: 0,
			id: 12,
			mempercent: 7,
			netio: 19,
			blockio: 19,
			pids: 5,
		});
	});

	test('a row made anew for the same container is measured anew; the rows measured before keep their widths', () => {
		const before = row({status: 'Up 3 seconds'});
		const others = [row({key: 'k2', name: 'x', status: 'Created'})];
		assert.equal(measureContainerColumns([before, ...others]).get('status'), 'Up 3 seconds'.length);
		const after = row({status: 'Exited (137) Less than a second ago'});
		assert.equal(measureContainerColumns([after, ...others]).get('status'), 'Exited (137) Less than a second ago'.length);
		assert.equal(measureContainerColumns([before, ...others]).get('status'), 'Up 3 seconds'.length);
	});

	test('lines of content-sized columns are still exactly as wide as the layout', () => {
		const rows = [row(), row({key: 'k2', name: 'x', ports: '', figures: undefined})];
		for (const width of [200, 120, 98, 60]) {
			const layout = orderColumns(layoutColumns(width, containerColumns, measureContainerColumns(rows)));
			assert.ok(expectedWidth(layout) <= width);
			for (const candidate of rows) {
				assert.equal([...lineText(formatContainerLine(candidate, layout))].length, expectedWidth(layout));
			}
		}
	});
});

describe('the RESTARTS column', () => {
	test('shows the engine\'s count, right-aligned, and is dropped before PROJECT on narrow terminals', () => {
		const rows = [row({restarts: 4})];
		const wide = orderColumns(layoutColumns(200, containerColumns, measureContainerColumns(rows)));
		const line = formatContainerLine(rows[0]!, wide).map(segment => segment.text).join('');
		assert.match(line, /\s{4,}4 /);
		const ids = (width: number) => layoutColumns(width, containerColumns, measureContainerColumns(rows)).map(column => column.id);
		for (let width = 40; width < 200; width++) {
			if (ids(width).includes('restarts')) assert.ok(ids(width).includes('project'), `${width}: RESTARTS goes first`);
		}

		assert.ok(!ids(80).includes('restarts'));
		assert.ok(ids(200).includes('restarts'));
	});
});
