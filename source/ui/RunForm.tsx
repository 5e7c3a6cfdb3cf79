// The run form: one line per field (the focused one with a cursor), its error under it, the docker command.
import {Box, Text} from 'ink';
import {formatSafeText} from '../format/logText.js';
import {padCell, truncateText} from '../format/table.js';
import {formatRunCommand, runFormFields, runFormHints, runFormLabels, type RunFormState} from '../state/runForm.js';
import {selectGlyphs, type Theme} from './theme.js';

export type RunFormProps = {form: RunFormState; height: number; width: number; theme: Theme};

export function RunForm({form, height, width, theme}: RunFormProps) {
	const {ellipsis, pointer} = selectGlyphs(theme);
	// The engine's refusals and what was typed are text: made safe, then cut to the width.
	const fit = (text: string) => truncateText(formatSafeText(text), width, ellipsis);
	const lines = runFormFields.flatMap(field => {
		const focused = field === form.focus;
		const value = form.values[field];
		const error = form.errors[field];
		const row = (
			<Text key={field} wrap="truncate">
				{focused ? `${pointer} ` : '  '}
				<Text bold={theme.color && focused}>{padCell(runFormLabels[field], 13)}</Text>
				{value}
				{focused ? <Text inverse={theme.color}>{theme.color ? ' ' : '_'}</Text> : ''}
				<Text dimColor={theme.color}>{value === '' || focused ? `  ${runFormHints[field]}` : ''}</Text>
			</Text>
		);
		return error
			? [
					row,
					<Text key={`${field}-error`} color={theme.color ? 'red' : undefined} wrap="truncate">
						{fit(`               ${theme.color ? '' : 'error: '}${error}`)}
					</Text>,
				]
			: [row];
	});
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold={theme.color} wrap="truncate">
				{fit(`Run a new container on ${form.engine}${form.submitting ? ': creating…' : ''}`)}
			</Text>
			{lines}
			<Text> </Text>
			<Text wrap="truncate">{fit(`  ${formatRunCommand(form.values)}`)}</Text>
			{form.engineError ? (
				<Text color={theme.color ? 'red' : undefined} wrap="truncate">
					{fit(`  The engine refused: ${form.engineError}`)}
				</Text>
			) : null}
			<Text dimColor={theme.color} wrap="truncate">
				{fit('  Tab or Down: next field  Up: previous  Left/Right: change a choice  Enter: run  Esc: cancel')}
			</Text>
		</Box>
	);
}
