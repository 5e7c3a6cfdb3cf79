// The images view: `docker images`, with layers, pull, run, remove and prune.
import {ask, engineOf, onEngine, openRunForm, showPane, withMessage, withMode} from '../commands/effects.js';
import {changesContainers, tableEmptyText} from './common.js';
import {inScope} from '../commands/types.js';
import {formatImageCreatedSince} from '../format/duration.js';
import {formatContainerName, formatShortId} from '../format/names.js';
import {compareNatural} from '../format/naturalOrder.js';
import {formatImageNames} from '../format/reference.js';
import {filterTableRows, type TableRow} from '../format/tableRow.js';
import {formatCount, formatDecimalSize} from '../format/units.js';
import {containerKey, type ContainersState} from '../state/containers.js';
import type {ResourcesState} from '../state/resources.js';
import {memoizeLast} from '../state/select/memo.js';
import {tableSortCommands} from './sort.js';
import type {TableView} from './types.js';

/** `docker images`: one row per tag, a dangling image as `<none>` `<none>`, newest first. */
export function selectImageRows(resources: ResourcesState, containers: ContainersState, now: number): TableRow[] {
	const images = [...resources.images.values()].sort((a, b) => b.created - a.created || compareNatural(a.repoTags[0] ?? '', b.repoTags[0] ?? ''));
	const rows: TableRow[] = [];
	for (const image of images) {
		const users: string[] = [];
		for (const record of containers.records.values()) {
			if (record.engine === image.engine && record.imageId === image.id) users.push(formatContainerName(record.names));
		}

		users.sort(compareNatural);
		const names = formatImageNames(image.repoTags, image.repoDigests);
		const dangling = image.repoTags.length === 0;
		for (const {repository, tag, reference} of names.length > 0 ? names : [{repository: '<none>', tag: '<none>', reference: '<none>:<none>'}]) {
			rows.push({
				key: `${containerKey(image.engine, image.id)}\u0000${reference}`,
				engine: image.engine,
				id: names.length === 0 ? image.id : reference,
				cells: {
					repository,
					tag,
					id: formatShortId(image.id),
					created: formatImageCreatedSince(image.created, now),
					size: formatDecimalSize(image.size),
					containers: dangling && users.length === 0 ? '(dangling)' : users.join(', '),
				},
				tone: dangling ? 'warning' : undefined,
				order: {created: image.created * 1000, size: image.size},
			});
		}
	}

	return rows;
}

const selectRowsOnce = memoizeLast(selectImageRows);

/** What an image row acts on: its tag, else its digest reference or its id (`nginx:<none>` names nothing). */
function imageName(row: TableRow): string {
	return row.cells.repository && row.cells.repository !== '<none>' && row.cells.tag !== '<none>' ? `${row.cells.repository}:${row.cells.tag}` : row.id;
}

function target(row: TableRow) {
	return {key: row.key, engine: row.engine, id: row.id, name: imageName(row)};
}

const commands = inScope<TableRow>('images', [
	{
		action: 'image-history',
		keys: ['return'],
		help: 'Layers (docker history)',
		hint: 'layers',
		run: (state, {selected}) => (selected ? showPane(state, 'history', target(selected), {kind: 'image-history', target: target(selected)}) : withMessage(state, 'Nothing selected.', 'error')),
	},
	{
		action: 'image-inspect',
		keys: ['i'],
		help: 'Inspect document (docker image inspect), searchable with /',
		hint: 'inspect',
		run: (state, {selected}) => (selected ? showPane(state, 'image', target(selected), {kind: 'image-inspect', target: target(selected)}) : withMessage(state, 'Nothing selected.', 'error')),
	},
	{
		action: 'image-run',
		keys: ['r'],
		help: 'Run a container from this image (the form)',
		hint: 'run',
		mutating: true,
		run: (state, {selected}) => (selected ? openRunForm(state, selected.engine, imageName(selected)) : withMessage(state, 'No image selected.', 'error')),
	},
	{
		action: 'image-pull',
		keys: ['p'],
		help: 'Pull an image by name (repository/name:tag)',
		hint: 'pull',
		mutating: true,
		run: state => withMode({...state, ui: {...state.ui, message: undefined}}, 'pull', ''),
	},
	{
		action: 'image-remove',
		keys: ['d'],
		help: 'Remove (asks; force when containers use it)',
		hint: 'remove',
		mutating: true,
		run(state, {selected}) {
			if (!selected) return withMessage(state, 'No image selected.', 'error');
			const {containers} = selected.cells;
			const users = containers && containers !== '(dangling)' ? ` It is used by ${containers}.` : '';
			const image = target(selected);
			return ask(state, {action: 'image-remove', engine: selected.engine, targets: [image], force: false, question: `Remove image ${image.name}?${users} y / N`});
		},
	},
	{
		action: 'image-prune',
		keys: ['D'],
		help: 'Prune dangling images (asks; says what it reclaimed)',
		hint: 'prune',
		mutating: true,
		run(state, {selected}) {
			const engine = engineOf(state, selected);
			const dangling = [...state.resources.images.values()].filter(image => image.engine === engine && image.repoTags.length === 0).length;
			return ask(state, {action: 'image-prune', engine, targets: [], force: false, question: `Prune ${formatCount(dangling, 'dangling image')}${onEngine(state, engine)} (docker image prune)? y / N`});
		},
	},
	...tableSortCommands(() => imagesView),
]);

export const imagesView: TableView = {
	kind: 'table',
	perEngine: true,
	name: 'images',
	title: 'Images',
	key: '2',
	columns: [
		{id: 'repository', title: 'REPOSITORY', min: 12, ideal: 40, priority: 0, grow: true},
		{id: 'tag', title: 'TAG', min: 6, ideal: 20, priority: 1},
		{id: 'id', title: 'IMAGE ID', min: 12, ideal: 12, priority: 2},
		{id: 'created', title: 'CREATED', min: 12, ideal: 24, priority: 4},
		{id: 'size', title: 'SIZE', min: 7, ideal: 9, priority: 3, align: 'right'},
		{id: 'containers', title: 'CONTAINERS', min: 10, ideal: 40, priority: 5, grow: true},
	],
	sort: {defaultOrder: 'as docker images lists them (newest first)', values: {created: 'time', size: 'size'}},
	selectRows: state => selectRowsOnce(state.resources, state.containers, state.now),
	filterRows: filterTableRows,
	listings: ['images'],
	concerns: event => event.type === 'image' || changesContainers(event),
	ages: true,
	emptyText: tableEmptyText('images'),
	commands,
	// Its ID from its key (engine, image ID, reference): the row's own id is the reference it acts on.
	copyable: row => ({name: imageName(row), id: row.key.split('\u0000')[1]}),
};
