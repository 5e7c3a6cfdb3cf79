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

test('an empty engine: zeros, no shares (the docker CLI\'s own table test)', () => {
	assert.deepEqual(formatDiskUsage({layersSize: 0, images: [], containers: [], volumes: [], buildCache: []}), [
		{TYPE: 'Images', TOTAL: '0', ACTIVE: '0', SIZE: '0B', RECLAIMABLE: '0B'},
		{TYPE: 'Containers', TOTAL: '0', ACTIVE: '0', SIZE: '0B', RECLAIMABLE: '0B'},
		{TYPE: 'Local Volumes', TOTAL: '0', ACTIVE: '0', SIZE: '0B', RECLAIMABLE: '0B'},
		{TYPE: 'Build Cache', TOTAL: '0', ACTIVE: '0', SIZE: '0B', RECLAIMABLE: '0B'},
	]);
});

test('images, containers, volumes and build cache as docker 29 counts them', () => {
	const rows = formatDiskUsage({
		// Three images on one 4MB base layer: the layers take 4 + 2 + 3 + 1 = 10MB.
		layersSize: 10_000_000,
		images: [
			{id: 'a', size: 6_000_000, sharedSize: 4_000_000, containers: 2},
			{id: 'b', size: 7_000_000, sharedSize: 4_000_000, containers: 0},
			{id: 'c', size: 1_000_000, sharedSize: 0, containers: 0},
			// Unknown container count or sizes: neither active nor reclaimable.
			{id: 'd', size: 500, sharedSize: 0, containers: -1},
			{id: 'e', size: -1, sharedSize: -1, containers: 0},
		],
		containers: [
			{id: 'c1', sizeRw: 100, state: 'running'},
			{id: 'c2', sizeRw: 300, state: 'exited'},
			{id: 'c3', sizeRw: 50, state: 'paused'},
			{id: 'c4', sizeRw: 50, state: 'restarting'},
			{id: 'c5', sizeRw: 500, state: 'created'},
			{id: 'c6', sizeRw: 0, state: 'dead'},
		],
		volumes: [
			{name: 'v1', size: 2000, refCount: 1},
			{name: 'v2', size: 500, refCount: 0},
			{name: 'v3', size: -1, refCount: -1},
		],
		buildCache: [
			{size: 1000, inUse: true, shared: false},
			{size: 400, inUse: false, shared: false},
			{size: 9000, inUse: false, shared: true},
		],
	});
	assert.deepEqual(rows, [
		// docker 29: Size - SharedSize of the images no container uses (3MB + 1MB), not the layers less the used ones
		// (older CLIs: 10MB - 2MB = 8MB), which counted the shared base layer as reclaimable.
		{TYPE: 'Images', TOTAL: '5', ACTIVE: '1', SIZE: '10MB', RECLAIMABLE: '4MB (40%)'},
		// Running, paused and restarting containers are active.
		{TYPE: 'Containers', TOTAL: '6', ACTIVE: '3', SIZE: '1kB', RECLAIMABLE: '800B (80%)'},
		{TYPE: 'Local Volumes', TOTAL: '3', ACTIVE: '1', SIZE: '2.5kB', RECLAIMABLE: '500B (20%)'},
		// Shared cache records are left out of the size.
		{TYPE: 'Build Cache', TOTAL: '3', ACTIVE: '1', SIZE: '1.4kB', RECLAIMABLE: '400B'},
	]);
});
