// What a finished request does to the state: its outcome as a message, in a pane or in the run form.
import {containerKey} from './containers.js';
import {actionWords, describeTargets, enqueue, fillPane, openPane, type Request, type RequestResult} from './operations.js';
import {finishPaneRequest} from './paneRequests.js';
import {placeEngineError} from './runForm.js';
import type {AppState} from './types.js';

/** The outcome of a request, as a message or in the pane; container states arrive through the events. */
export function finishRequest(state: AppState, request: Request, result: RequestResult): AppState {
	const message = (text: string, tone: 'info' | 'error') => ({...state.ui, message: {text, tone}});
	switch (request.kind) {
		case 'container-action': {
			const words = actionWords[request.action];
			if (result.kind !== 'container-action' || result.failures.length === 0) {
				return {...state, ui: message(`${words.done} ${describeTargets(request.targets)}.`, 'info')};
			}

			const failures = result.failures.map(failure => `${failure.name}: ${failure.error}`).join('; ');
			const done = request.targets.length - result.failures.length;
			return {
				...state,
				ui: message(`Could not ${words.verb} ${failures}${done > 0 ? ` (${words.done.toLowerCase()} ${done})` : ''}`, 'error'),
			};
		}

		case 'resource-action': {
			if (result.kind === 'failed') return {...state, ui: message(result.error, 'error')};
			if (result.kind !== 'resource-action') return state;
			if (result.failures.length > 0) {
				const [first] = result.failures;
				// An image in use: the engine refuses plain removal; ask once more, to force it.
				if (request.action === 'image-remove' && !request.force && /conflict|being used|in use|must be forced/i.test(first!.error)) {
					const targets = request.targets;
					return {
						...state,
						operations: {
							...state.operations,
							confirmation: {
								action: 'remove',
								targets: [],
								force: true,
								removeVolumes: false,
								resource: {
									action: 'image-remove',
									engine: request.engine,
									targets,
									force: true,
									question: `Force-remove ${targets.map(target => target.name).join(', ')} (docker rmi -f)? y / N. The engine refused plain removal: ${first!.error}`,
								},
							},
						},
						ui: {...state.ui, mode: 'confirm', message: undefined},
					};
				}

				return {...state, ui: message(result.failures.map(failure => `${failure.name}: ${failure.error}`).join('; '), 'error')};
			}

			return {...state, ui: message(result.lines.join('; ') || 'Done.', 'info')};
		}

		case 'pull': {
			return {...state, ui: message(result.kind === 'failed' ? `Pull of ${request.reference} failed: ${result.error}` : `Pulled ${request.reference}.`, result.kind === 'failed' ? 'error' : 'info')};
		}

		case 'run': {
			if (result.kind === 'failed') {
				if (!state.form) return {...state, ui: message(result.error, 'error')};
				const field = placeEngineError(result.error);
				return {
					...state,
					form: {
						...state.form,
						submitting: false,
						engineError: field ? undefined : result.error,
						errors: field ? {...state.form.errors, [field]: result.error} : state.form.errors,
						...(field ? {focus: field} : {}),
					},
				};
			}

			const shown = {...message(result.kind === 'done' ? result.text : 'Started.', 'info'), mode: 'list' as const};
			// The list's cursor goes to the new container, where it shows as soon as the engine's event lists it.
			const onNew = result.kind === 'done' && result.id && state.ui.view === 'containers' ? {selectedKey: containerKey(request.engine, result.id)} : {};
			const started = {...state, form: undefined, ui: {...shown, ...onNew}};
			// "A shell attached": the new container's main process, as `docker run -it` gives it.
			if (request.shell && result.kind === 'done' && result.id) {
				const target = {key: containerKey(request.engine, result.id), engine: request.engine, id: result.id, name: request.spec.name || result.id.slice(0, 12), state: 'running' as const};
				return {...started, operations: enqueue(started.operations, {kind: 'attach', target})};
			}

			return started;
		}

		case 'refresh': {
			return state;
		}

		case 'service-scale':
		case 'service-update':
		case 'container-rename':
		case 'container-update': {
			if (result.kind === 'failed') return {...state, ui: message(result.error, 'error')};
			return {...state, ui: message(result.kind === 'done' ? result.text : 'Done.', 'info')};
		}

		case 'use-context': {
			return result.kind === 'failed' ? {...state, ui: message(result.error, 'error')} : state;
		}

		case 'image-history':
		case 'image-inspect':
		case 'volume-inspect':
		case 'network-inspect':
		case 'inspect':
		case 'top': {
			const pane = fillPane(state.operations.pane, request.target, result);
			return pane === state.operations.pane ? state : {...state, operations: {...state.operations, pane}};
		}

		case 'clipboard': {
			if (result.kind === 'failed') return {...state, ui: message(`Could not copy ${request.what}: ${result.error}`, 'error')};
			// Sent: whether the terminal (or tmux) took it, it does not say.
			return {...state, ui: message(`Sent ${request.what} to the terminal's clipboard (OSC 52).`, 'info')};
		}

		case 'save-logs': {
			if (result.kind === 'saved') return {...state, ui: message(`Saved ${result.lines} lines to ${result.path}`, 'info')};
			return {...state, ui: message(`Could not save the log: ${result.kind === 'failed' ? result.error : 'unknown error'}`, 'error')};
		}

		case 'custom': {
			if (result.kind === 'failed') return {...state, ui: message(`${request.name}: ${result.error}`, 'error')};
			const lines = result.kind === 'custom' ? result.lines : [];
			const failed = result.kind === 'custom' ? result.failed : 0;
			const outcome = failed > 0 ? `${request.name}: ${failed} of ${request.runs.length} failed.` : `${request.name}: done.`;
			// The terminal showed the output: the status line says how each run ended.
			if (request.terminal) return {...state, ui: message(`${request.name}: ${lines.join('; ')}.`, failed > 0 ? 'error' : 'info')};
			// Its output in a pane, with the exit status of each run.
			const target = {key: `custom:${request.id}`, engine: request.runs[0]?.engine ?? '', id: '', name: request.name};
			return {
				...state,
				operations: {...state.operations, pane: {...openPane('output', target), output: lines}},
				ui: {...message(outcome, failed > 0 ? 'error' : 'info'), mode: 'pane'},
			};
		}

		case 'files-read':
		case 'files-copy-out':
		case 'files-copy-in':
		case 'compose': {
			return {...state, ...finishPaneRequest({operations: state.operations, ui: state.ui}, request, result)};
		}

		case 'shell':
		case 'attach': {
			const error = result.kind === 'terminal' || result.kind === 'failed' ? result.error : undefined;
			if (error) return {...state, ui: message(error, 'error')};
			const what = request.kind === 'shell' ? 'Shell in' : 'Detached from';
			return {...state, ui: message(`${what} ${request.target.name}${request.kind === 'shell' ? ' closed' : ''}.`, 'info')};
		}
	}
}
