// The keys of a y / N question: yes carries out what was asked, anything else cancels.
import {enqueue} from '../state/operations.js';
import {issueContainerAction} from './effects.js';
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
			ui: {...state.ui, mode: 'list', message: {text: 'Cancelled: nothing was changed.', tone: 'info'}},
		}),
	},
	{
		action: 'confirm-volumes',
		keys: ['v'],
		help: 'Remove: also remove anonymous volumes (docker rm -v)',
		run(state) {
			const {confirmation} = state.operations;
			if (confirmation?.action !== 'remove' || confirmation.resource) return state;
			return {...state, operations: {...state.operations, confirmation: {...confirmation, removeVolumes: !confirmation.removeVolumes}}};
		},
	},
]);
