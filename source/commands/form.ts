// The keys of the run form: move between fields, type (through the one line editor), choose, run, cancel.
import type {AppState} from '../state/app.js';
import {enqueue} from '../state/operations.js';
import {parseRunForm, restartPolicies, runFormFields, runModes} from '../state/runForm.js';
import {editLine} from './lineEditor.js';
import type {KeyPress} from './types.js';

function cycle<Value>(values: readonly Value[], current: Value, by: number): Value {
	const index = values.indexOf(current);
	return values[(index + by + values.length) % values.length]!;
}

/** Enter: the form checked as `docker run` would check it, then one run request, or the errors in place. */
function submitForm(state: AppState): AppState {
	const {form} = state;
	if (!form) return state;
	const containerNames = new Set(
		[...state.containers.records.values()].filter(record => record.engine === form.engine).flatMap(record => record.names.map(entry => entry.replace(/^\//, ''))),
	);
	const listed = state.resources.listed.has(`images/${form.engine}`);
	const imageNames = listed
		? // By tag, or by id (a dangling image has no tag: `r` on it fills in its id, as `docker run <id>` takes it).
			new Set([...state.resources.images.values()].filter(image => image.engine === form.engine).flatMap(image => [...image.repoTags, image.id]))
		: undefined;
	const result = parseRunForm(form.values, {containerNames, imageNames});
	if (!result.ok) {
		const first = runFormFields.find(field => result.errors[field] !== undefined) ?? form.focus;
		return {...state, form: {...form, errors: result.errors, engineError: undefined, focus: first}};
	}

	const operations = enqueue(state.operations, {kind: 'run', engine: form.engine, spec: result.spec, shell: result.shell});
	return {...state, operations, form: {...form, errors: {}, engineError: undefined, submitting: true}};
}

export function reduceFormKey(state: AppState, press: KeyPress): AppState {
	const {form} = state;
	if (!form) return {...state, ui: {...state.ui, mode: 'list'}};
	if (form.submitting) return state;
	const {name} = press;
	const set = (next: Partial<typeof form>) => ({...state, form: {...form, ...next}});
	const index = runFormFields.indexOf(form.focus);
	const choice = form.focus === 'restart' ? restartPolicies : form.focus === 'mode' ? runModes : undefined;
	if (name === 'escape') {
		return {...state, form: undefined, ui: {...state.ui, mode: 'list', message: {text: 'Run cancelled: nothing was created.', tone: 'info'}}};
	}

	if (name === 'tab' || name === 'down') return set({focus: runFormFields[(index + 1) % runFormFields.length]!});
	if (name === 'up') return set({focus: runFormFields[(index - 1 + runFormFields.length) % runFormFields.length]!});
	if (name === 'return') return submitForm(state);
	if (choice) {
		if (name !== 'left' && name !== 'right' && name !== ' ') return state;
		return set({values: {...form.values, [form.focus]: cycle<string>(choice, form.values[form.focus], name === 'left' ? -1 : 1)}});
	}

	const edit = editLine(form.values[form.focus], press);
	if (edit.kind !== 'typed') return state;
	return set({values: {...form.values, [form.focus]: edit.draft}, errors: {...form.errors, [form.focus]: undefined}});
}
