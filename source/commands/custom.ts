// Custom commands of the configuration file: a key in a view's scope that runs a shell command once per
// marked (else selected) row, every substituted value shell-quoted.
import {fillShellTemplate} from '../format/shell.js';
import type {AppState} from '../state/app.js';
import type {CustomRun, Request} from '../state/operations.js';
import {withMessage, withRequest} from './effects.js';
import type {Command} from './types.js';

export type CustomCommandSpec = {
	name: string;
	/** As keyNameOf names it. */
	key: string;
	/** The view whose rows it acts on. */
	scope: string;
	/** A shell command line with {{placeholders}}. */
	run: string;
	/** Hands the terminal over (as the shell does); else its output and exit status show in a pane. */
	terminal: boolean;
	confirm: boolean;
	mutating: boolean;
};

export const placeholders = ['id', 'name', 'image', 'project', 'service', 'engine'] as const;

type Values = Record<(typeof placeholders)[number], string>;

/** A row of any view as the placeholders' values. */
export function selectPlaceholderValues(state: AppState, row: Record<string, unknown> & {key: string; engine: string; id: string}): Values {
	const cells = (row.cells ?? {}) as Record<string, string>;
	const record = state.containers.records.get(row.key);
	// An image's row is one of its tags (engine, id, reference): its id is the image's, not the tag.
	const imageRecord = state.resources.images.get(row.key.split('\u0000').slice(0, 2).join('\u0000'));
	const image = typeof row.image === 'string' ? row.image : cells.repository && cells.tag && cells.tag !== '<none>' ? `${cells.repository}:${cells.tag}` : '';
	return {
		id: imageRecord && cells.repository !== undefined ? imageRecord.id : row.id,
		name: typeof row.name === 'string' ? row.name : (cells.name ?? image) || row.id,
		image,
		project: typeof row.project === 'string' ? row.project : '',
		service: record?.labels['com.docker.compose.service'] ?? record?.labels['com.docker.swarm.service.name'] ?? cells.name ?? '',
		engine: row.engine,
	};
}

/** The command line with every placeholder replaced by its value, quoted for where it stands (inert text). */
export function fillCommandLine(template: string, values: Values): string {
	return fillShellTemplate(template, name => (Object.hasOwn(values, name) ? values[name as keyof Values] : undefined));
}

type Row = Record<string, unknown> & {key: string; engine: string; id: string};

/** The marked rows of the view shown (containers keep marks), else the selected one. */
function selectTargets(state: AppState, rows: readonly Row[], selected: Row | undefined): readonly Row[] {
	const marked = rows.filter(row => state.ui.marks.has(row.key));
	if (marked.length > 0) return marked;
	return selected ? [selected] : [];
}

export function customCommands(specs: readonly CustomCommandSpec[]): Command[] {
	return specs.map(spec => ({
		action: `custom:${spec.name}`,
		keys: [spec.key],
		scope: spec.scope,
		help: `${spec.name}: ${spec.run}`,
		hint: spec.name,
		mutating: spec.mutating,
		run(state, context) {
			const targets = selectTargets(state, context.rows as readonly Row[], context.selected as Row | undefined);
			if (targets.length === 0) return withMessage(state, `${spec.name}: nothing selected.`, 'error');
			const runs: CustomRun[] = targets.map(row => {
				const values = selectPlaceholderValues(state, row);
				return {engine: row.engine, target: values.name, command: fillCommandLine(spec.run, values)};
			});
			const request: Omit<Extract<Request, {kind: 'custom'}>, 'id'> = {kind: 'custom', name: spec.name, terminal: spec.terminal, runs};
			if (spec.confirm) {
				const question = `${spec.name} on ${runs.map(run => run.target).join(', ')}? y / N`;
				return {
					...state,
					operations: {...state.operations, confirmation: {action: 'stop', targets: [], force: false, removeVolumes: false, custom: {request, question}}},
					ui: {...state.ui, mode: 'confirm', message: undefined},
				};
			}

			return withMessage(withRequest(state, request), `${spec.name}: running on ${runs.map(run => run.target).join(', ')}…`);
		},
	}));
}
