// What berth starts before its UI is loaded: the choice of engines and their first listings.
import {type EngineChoice, type EngineChoiceResult, selectEngines} from '../engine/contexts.js';
import {toContainerRecord, toEngineVersion} from '../engine/decoders.js';
import {startFirstListing} from '../engine/firstListing.js';
import type {ContainerRecord, EngineVersion} from '../engine/types.js';
import type {EngineSpec} from './configTypes.js';

/** An engine's first listing, decoded once for the first frame painted and for the App. */
export type EarlyListing = {version: EngineVersion; records: ContainerRecord[]};

export type EarlyStart = {
	chosen: EngineChoiceResult;
	/** By the index of chosen.engines: the first listing under way, or undefined (dockerode asks later). */
	listings: Array<Promise<EarlyListing | undefined> | undefined>;
	/** The engines the configuration file makes read-only on their own. */
	readOnlyEngines: readonly string[];
};

type Selection = {hosts: readonly string[]; contexts: readonly string[]; allContexts: boolean};

/** The configuration file's engines, each named as it says (else by its context or host), when no flag chose. */
export function selectConfiguredEngines(specs: readonly EngineSpec[], environment: NodeJS.ProcessEnv): EngineChoiceResult & {readOnly?: string[]} {
	const engines: EngineChoice[] = [];
	const readOnly: string[] = [];
	for (const spec of specs) {
		const chosen = selectEngines({hosts: spec.host ? [spec.host] : [], contexts: spec.context ? [spec.context] : [], allContexts: false}, environment);
		if (!chosen.ok) return {ok: false, error: `configuration, engine ${spec.name ?? spec.host ?? spec.context}: ${chosen.error}`};
		const base = spec.name ?? spec.context ?? chosen.engines[0]!.addressText;
		let name = base;
		for (let count = 2; engines.some(engine => engine.name === name); count++) name = `${base}#${count}`;
		engines.push({...chosen.engines[0]!, name});
		if (spec.readOnly) readOnly.push(name);
	}

	return {ok: true, engines, readOnly};
}

export function startEarly(selection: Selection, environment: NodeJS.ProcessEnv, configured: readonly EngineSpec[] = []): EarlyStart {
	const fromFlags = selection.hosts.length > 0 || selection.contexts.length > 0 || selection.allContexts;
	const picked = !fromFlags && configured.length > 0 ? selectConfiguredEngines(configured, environment) : selectEngines(selection, environment);
	const chosen: EngineChoiceResult = picked.ok ? {ok: true, engines: picked.engines} : picked;
	return {
		chosen,
		listings: chosen.ok
			? chosen.engines.map(choice =>
					startFirstListing(choice.address)?.then(listing =>
						listing
							? {
									version: toEngineVersion(listing.version),
									records: listing.containers.map(info => toContainerRecord(choice.name, info as Parameters<typeof toContainerRecord>[1])),
								}
							: undefined,
					),
				)
			: [],
		readOnlyEngines: (picked as {readOnly?: string[]}).readOnly ?? [],
	};
}
