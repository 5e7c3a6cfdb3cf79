// `docker system df` as the CLI words it: totals, active, sizes and what could be reclaimed.
import assert from 'node:assert/strict';
import {test} from 'node:test';
import {formatDiskUsage, formatHumanSize} from '../../source/format/diskUsage.js';

test('sizes have four significant digits in decimal units (go-units HumanSize)', () => {
	assert.equal(formatHumanSize(0), '0B');
	assert.equal(formatHumanSize(16_430_000), '16.43MB');
	assert.equal(formatHumanSize(1_234_567), '1.235MB');
	assert.equal(formatHumanSize(999), '999B');
});

test('images, containers, volumes and build cache as docker system df counts them', () => {
	const rows = formatDiskUsage({
		layersSize: 10_000_000,
		images: [
			{id: 'a', size: 6_000_000, sharedSize: 1_000_000, containers: 2},
			{id: 'b', size: 4_000_000, sharedSize: 0, containers: 0},
		],
		containers: [
			{id: 'c1', sizeRw: 100, running: true},
			{id: 'c2', sizeRw: 300, running: false},
		],
		volumes: [
			{name: 'v1', size: 2000, refCount: 1},
			{name: 'v2', size: 500, refCount: 0},
			{name: 'v3', size: -1, refCount: -1},
		],
		buildCache: [],
	});
	assert.deepEqual(rows, [
		// Used by containers: 6MB less the 1MB shared; 5MB of 10MB could go.
		{TYPE: 'Images', TOTAL: '2', ACTIVE: '1', SIZE: '10MB', RECLAIMABLE: '5MB (50%)'},
		{TYPE: 'Containers', TOTAL: '2', ACTIVE: '1', SIZE: '400B', RECLAIMABLE: '300B (75%)'},
		{TYPE: 'Local Volumes', TOTAL: '3', ACTIVE: '1', SIZE: '2.5kB', RECLAIMABLE: '500B (20%)'},
		{TYPE: 'Build Cache', TOTAL: '0', ACTIVE: '0', SIZE: '0B', RECLAIMABLE: '0B'},
	]);
});
