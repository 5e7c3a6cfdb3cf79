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

/** The container states docker 29 counts as ACTIVE (moby client containerDiskUsageFromLegacyAPI). */
const activeStates = new Set(['running', 'paused', 'restarting']);

function sum<T>(entries: readonly T[], size: (entry: T) => number): number {
	return entries.reduce((total, entry) => total + size(entry), 0);
}

/**
 * The four rows as the docker 29 CLI builds them from an engine's `/system/df` (API below 1.52 answers with
 * lists, and the client adds them up): an image is reclaimable when no container uses it, less the layers it
 * shares; an image whose container count is unknown (-1) is neither active nor reclaimable.
 */
export function formatDiskUsage(usage: DiskUsage): DiskUsageRow[] {
	const activeImages = usage.images.filter(image => image.containers > 0);
	const unusedImages = usage.images.filter(image => image.containers === 0 && image.size !== -1 && image.sharedSize !== -1);
	const imagesReclaimable = sum(unusedImages, image => image.size - image.sharedSize);

	const activeContainers = usage.containers.filter(container => activeStates.has(container.state));
	const containerSize = sum(usage.containers, container => container.sizeRw);
	const containersReclaimable = containerSize - sum(activeContainers, container => container.sizeRw);

	// A volume without usage data (refCount -1) is neither active nor sized; sizes of -1 are not added.
	const activeVolumes = usage.volumes.filter(volume => volume.refCount > 0);
	const volumeSize = sum(usage.volumes, volume => Math.max(volume.size, 0));
	const volumesReclaimable = volumeSize - sum(activeVolumes, volume => volume.size);

	// Shared cache records belong to other builders' totals too: the CLI leaves them out of the size.
	const cacheSize = sum(usage.buildCache, entry => (entry.shared ? 0 : entry.size));
	const cacheReclaimable = cacheSize - sum(usage.buildCache, entry => (entry.inUse && !entry.shared ? entry.size : 0));
	return [
		{
			TYPE: 'Images',
			TOTAL: String(usage.images.length),
			ACTIVE: String(activeImages.length),
			SIZE: formatHumanSize(usage.layersSize),
			RECLAIMABLE: reclaimable(imagesReclaimable, usage.layersSize),
		},
		{
			TYPE: 'Containers',
			TOTAL: String(usage.containers.length),
			ACTIVE: String(activeContainers.length),
			SIZE: formatHumanSize(containerSize),
			RECLAIMABLE: reclaimable(containersReclaimable, containerSize),
		},
		{
			TYPE: 'Local Volumes',
			TOTAL: String(usage.volumes.length),
			ACTIVE: String(activeVolumes.length),
			SIZE: formatHumanSize(volumeSize),
			RECLAIMABLE: reclaimable(volumesReclaimable, volumeSize),
		},
		{
			TYPE: 'Build Cache',
			TOTAL: String(usage.buildCache.length),
			ACTIVE: String(usage.buildCache.filter(entry => entry.inUse).length),
			SIZE: formatHumanSize(cacheSize),
			RECLAIMABLE: formatHumanSize(cacheReclaimable),
		},
	];
}
