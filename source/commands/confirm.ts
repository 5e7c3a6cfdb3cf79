// The keys of a y / N question: yes carries out what was asked, anything else cancels.
import {enqueue} from '../state/operations.js';
import {composeWords} from '../state/compose.js';
import {issueContainerAction, showPane} from './effects.js';
import {inScope} from './types.js';

export const confirmCommands = inScope<unknown>('confirm', [
	{
		action: 'confirm-yes',
		keys: ['y', 'Y'],
		help: 'Yes, do it',
		run(state) {
			const {confirmation} = state.operations;
			if (!confirmation) return {...state, ui: {...state.ui, mode: 'list'}};
			if (confirmation.custom) {
				const operations = enqueue(state.operations, confirmation.custom.request);
				return {...state, operations: {...operations, confirmation: undefined}, ui: {...state.ui, mode: 'list', message: {text: `${confirmation.custom.request.name}: running…`, tone: 'info'}}};
			}

			if (confirmation.then) {
				const {then} = confirmation;
				const request = then.request.kind === 'compose' ? {...then.request, volumes: confirmation.removeVolumes} : then.request;
				if (request.kind === 'compose') {
					// The compose CLI's output is shown as it comes, in a pane of its own.
					const {project} = request;
					const shown = showPane({...state, operations: {...state.operations, confirmation: undefined}}, 'compose', {key: project.key, engine: project.engine, id: project.name, name: project.name}, request);
					return {...shown, operations: {...shown.operations, pane: {...shown.operations.pane!, output: [], follow: true}}, ui: {...shown.ui, message: {text: `${composeWords[request.action].doing} ${project.name}…`, tone: 'info'}}};
				}

				const operations = enqueue(state.operations, request);
				return {...state, operations: {...operations, confirmation: undefined}, ui: {...state.ui, mode: then.back, message: {text: 'Under way…', tone: 'info'}}};
			}

			if (confirmation.resource) {
				const {resource} = confirmation;
				const operations = enqueue(state.operations, {kind: 'resource-action', action: resource.action, engine: resource.engine, targets: resource.targets, force: resource.force});
				return {...state, operations: {...operations, confirmation: undefined}, ui: {...state.ui, mode: 'list', message: {text: 'Asking the engine…', tone: 'info'}}};
			}

			return issueContainerAction(state, confirmation.action, confirmation.targets, {force: confirmation.force, removeVolumes: confirmation.removeVolumes});
		},
	},
	{
		action: 'confirm-no',
		keys: ['n', 'N', 'escape', 'return'],
		help: 'No (the default)',
		run: state => ({
			...state,
			operations: {...state.operations, confirmation: undefined},
			ui: {...state.ui, mode: state.operations.confirmation?.then?.back ?? 'list', message: {text: 'Cancelled: nothing was changed.', tone: 'info'}},
		}),
	},
	{
		action: 'confirm-volumes',
		keys: ['v'],
		help: 'Remove: also anonymous volumes (docker rm -v); compose down: volumes',
		run(state) {
			const {confirmation} = state.operations;
			const composeDown = confirmation?.then?.request.kind === 'compose' && confirmation.then.request.action === 'down';
			if (!confirmation || (!composeDown && (confirmation.action !== 'remove' || confirmation.resource || confirmation.then))) return state;
			return {...state, operations: {...state.operations, confirmation: {...confirmation, removeVolumes: !confirmation.removeVolumes}}};
		},
	},
]);
