// `docker system df`: what the engine stores and what could be reclaimed, as the CLI words it. Pure.
import type {DiskUsage} from '../engine/types.js';
import {formatDecimalSize} from './units.js';

/** go-units HumanSize: four significant digits in decimal units, as `docker system df` prints sizes. */
export function formatHumanSize(size: number): string {
	return formatDecimalSize(size, 4);
}

export type DiskUsageRow = {TYPE: string; TOTAL: string; ACTIVE: string; SIZE: string; RECLAIMABLE: string};

function reclaimable(amount: number, total: number): string {
	// The CLI adds the share only where there is a size to share out, in whole percent (integer division).
	return total > 0 ? `${formatHumanSize(amount)} (${Math.trunc((amount * 100) / total)}%)` : formatHumanSize(amount);
}

export function formatDiskUsage(usage: DiskUsage): DiskUsageRow[] {
	const activeImages = usage.images.filter(image => image.containers > 0);
	const usedByContainers = activeImages.reduce(
		(sum, image) => (image.size === -1 || image.sharedSize === -1 ? sum : sum + image.size - image.sharedSize),
		0,
	);
	const containerSize = usage.containers.reduce((sum, container) => sum + container.sizeRw, 0);
	const stoppedSize = usage.containers.filter(container => !container.running).reduce((sum, container) => sum + container.sizeRw, 0);
	const measured = usage.volumes.filter(volume => volume.size >= 0);
	const volumeSize = measured.reduce((sum, volume) => sum + volume.size, 0);
	const unusedVolumes = measured.filter(volume => volume.refCount === 0).reduce((sum, volume) => sum + volume.size, 0);
	const cacheSize = usage.buildCache.reduce((sum, entry) => sum + entry.size, 0);
	const idleCache = usage.buildCache.filter(entry => !entry.inUse && !entry.shared).reduce((sum, entry) => sum + entry.size, 0);
	return [
		{
			TYPE: 'Images',
			TOTAL: String(usage.images.length),
			ACTIVE: String(activeImages.length),
			SIZE: formatHumanSize(usage.layersSize),
			RECLAIMABLE: reclaimable(usage.layersSize - usedByContainers, usage.layersSize),
		},
		{
			TYPE: 'Containers',
			TOTAL: String(usage.containers.length),
			ACTIVE: String(usage.containers.filter(container => container.running).length),
			SIZE: formatHumanSize(containerSize),
			RECLAIMABLE: reclaimable(stoppedSize, containerSize),
		},
		{
			TYPE: 'Local Volumes',
			TOTAL: String(usage.volumes.length),
			ACTIVE: String(usage.volumes.filter(volume => volume.refCount > 0).length),
			SIZE: formatHumanSize(volumeSize),
			RECLAIMABLE: reclaimable(unusedVolumes, volumeSize),
		},
		{
			TYPE: 'Build Cache',
			TOTAL: String(usage.buildCache.length),
			ACTIVE: String(usage.buildCache.filter(entry => entry.inUse).length),
			SIZE: formatHumanSize(cacheSize),
			RECLAIMABLE: formatHumanSize(idleCache),
		},
	];
}
