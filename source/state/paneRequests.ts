// The outcomes of the files pane's and the compose projects' requests: into the pane, a message, or a question.
import {appendOutput} from './compose.js';
import {applyPathContent} from './files.js';
import {enqueue, type OperationsState, type Request, type RequestResult} from './operations.js';
import type {UiState} from './ui.js';

type Parts = {operations: OperationsState; ui: UiState};

type PaneRequest = Extract<Request, {kind: 'files-read' | 'files-copy-out' | 'files-copy-in' | 'compose'}>;

function say({operations, ui}: Parts, text: string, tone: 'info' | 'error'): Parts {
	return {operations, ui: {...ui, message: {text, tone}}};
}

function finishRead(parts: Parts, request: Extract<PaneRequest, {kind: 'files-read'}>, result: RequestResult): Parts {
	const {pane} = parts.operations;
	if (pane?.kind !== 'files' || !pane.files || pane.target.key !== request.target.key || pane.files.pending !== request.path) return parts;
	if (result.kind === 'path') {
		const files = applyPathContent(pane.files, result.content);
		const scroll = files.file ? 0 : Math.max(0, files.selected + 1 - 8);
		return {...parts, operations: {...parts.operations, pane: {...pane, files, scroll, error: undefined}}};
	}

	const error = result.kind === 'failed' ? result.error : 'no answer';
	const files = {...pane.files, pending: undefined};
	// A listing stays on screen; the error is said below it.
	if (pane.files.entries) return say({...parts, operations: {...parts.operations, pane: {...pane, files}}}, `${request.path}: ${error}`, 'error');
	return {...parts, operations: {...parts.operations, pane: {...pane, files, error}}};
}

/** A request's outcome for the files pane or a compose project. */
export function finishPaneRequest(parts: Parts, request: PaneRequest, result: RequestResult): Parts {
	switch (request.kind) {
		case 'files-read': {
			return finishRead(parts, request, result);
		}

		case 'files-copy-out': {
			if (result.kind !== 'failed') return say(parts, `Copied ${request.target.name}:${request.path} to ${request.destination}.`, 'info');
			if (!request.overwrite && /exists$/.test(result.error)) {
				const {id: _id, ...again} = {...request, overwrite: true};
				const question = `${request.destination} exists: copy over it (what is in both is replaced)? y / N`;
				return {
					operations: {...parts.operations, confirmation: {action: 'remove', targets: [], force: false, removeVolumes: false, then: {question, request: again, back: 'pane'}}},
					ui: {...parts.ui, mode: 'confirm', message: undefined},
				};
			}

			return say(parts, `Could not copy ${request.path} out: ${result.error}`, 'error');
		}

		case 'files-copy-in': {
			if (result.kind === 'failed') return say(parts, `Could not copy ${request.source} in: ${result.error}`, 'error');
			const {pane} = parts.operations;
			// The directory is listed again, so that what came in is there.
			const relist =
				pane?.kind === 'files' && pane.files && pane.target.key === request.target.key && !pane.files.file && pane.files.path === request.directory
					? enqueue({...parts.operations, pane: {...pane, files: {...pane.files, pending: pane.files.path}}}, {kind: 'files-read', target: pane.target, owner: pane.files.owner, path: pane.files.path})
					: parts.operations;
			return say({...parts, operations: relist}, `Copied ${request.source} into ${request.target.name}:${request.directory}.`, 'info');
		}

		case 'compose': {
			const {pane} = parts.operations;
			const text = result.kind === 'failed' ? result.error : result.kind === 'done' ? result.text : 'Done.';
			const shown =
				pane?.kind === 'compose' && pane.target.key === request.project.key && result.kind === 'failed'
					? {...parts.operations, pane: {...pane, output: appendOutput(pane.output, [`berth: ${text}`])}}
					: parts.operations;
			const down = new Map(shown.downProjects);
			if (result.kind !== 'failed' && request.action === 'down') down.set(request.project.key, request.project);
			if (result.kind !== 'failed' && request.action === 'up') down.delete(request.project.key);
			const operations = {...shown, downProjects: down};
			return say({...parts, operations}, text, result.kind === 'failed' ? 'error' : 'info');
		}
	}
}

/** Lines the compose CLI wrote, for the compose pane of that project (if it is still the one open). */
export function appendPaneOutput(operations: OperationsState, key: string, lines: readonly string[]): OperationsState {
	const {pane} = operations;
	if (pane?.kind !== 'compose' || pane.target.key !== key) return operations;
	return {...operations, pane: {...pane, output: appendOutput(pane.output, lines)}};
}
