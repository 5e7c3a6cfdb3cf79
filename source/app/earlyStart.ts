// What berth starts before its UI is loaded: the choice of engines and their first listings.
import {selectEngines} from '../engine/contexts.js';
import {type FirstListing, startFirstListing} from '../engine/firstListing.js';

export type EarlyStart = {
	chosen: ReturnType<typeof selectEngines>;
	/** By the index of chosen.engines: the first listing under way, or undefined (dockerode asks later). */
	listings: Array<Promise<FirstListing | undefined> | undefined>;
};

export function startEarly(
	selection: {hosts: readonly string[]; contexts: readonly string[]; allContexts: boolean},
	environment: NodeJS.ProcessEnv,
): EarlyStart {
	const chosen = selectEngines(selection, environment);
	return {chosen, listings: chosen.ok ? chosen.engines.map(choice => startFirstListing(choice.address)) : []};
}
