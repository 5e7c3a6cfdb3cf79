// The bottom line: the `/` or `:` prompt while typing, else the last message (in up to three rows), else the
// main keys.
import {Box, Text} from 'ink';
import type {Message, Mode} from '../state/ui.js';
import {formatSafeText} from '../format/logText.js';
import {formatStatusRows} from '../format/statusLine.js';
import {textWidth, truncateText} from '../format/table.js';
import {selectGlyphs, type Theme} from './theme.js';

export type StatusLineProps = {
	mode: Mode;
	draft: string;
	message: Message | undefined;
	hints: string;
	theme: Theme;
	width: number;
	/** The y / N question while one is asked. */
	question?: string | undefined;
	/** What a prompt asks for (`pull (repository/name:tag): `), while one is open. */
	prompt?: string | undefined;
	/** What was wrong with what the open prompt was given last (its text is back in the draft). */
	promptError?: string | undefined;
};

export function StatusLine({mode, draft, message, hints, theme, width, question, prompt, promptError}: StatusLineProps) {
	const {ellipsis} = selectGlyphs(theme);
	if (mode === 'confirm' && question) {
		return (
			<Text wrap="truncate" color={theme.color ? (theme.colors?.accent ?? 'yellow') : undefined} bold={theme.color}>
				{truncateText(formatSafeText(question.replaceAll(/\s+/g, ' ')), width, ellipsis)}
			</Text>
		);
	}

	if (prompt !== undefined) {
		const label = formatSafeText(prompt);
		// What was wrong with the text sent, the prompt open again for it to be put right: before it, in at most
		// half the line.
		const problem = promptError ? `${truncateText(formatSafeText(promptError.replaceAll(/\s+/g, ' ')), Math.floor(width / 2), ellipsis)}  ` : '';
		return (
			<Text wrap="truncate">
				{problem === '' ? '' : <Text color={theme.color ? 'red' : undefined}>{problem}</Text>}
				{label}
				{truncateText(draft, Math.max(0, width - textWidth(problem) - textWidth(label) - 1), ellipsis)}
				<Text inverse={theme.color}>{theme.color ? ' ' : '_'}</Text>
			</Text>
		);
	}

	const rows = formatStatusRows({message, hints, theme, width}).map((row, index) => (
		// eslint-disable-next-line react/no-array-index-key -- a row is its place in the message
		<Text key={index} wrap="truncate" color={row.color} dimColor={row.dim ?? false}>
			{row.text}
		</Text>
	));
	return rows.length === 1 ? rows[0] : <Box flexDirection="column">{rows}</Box>;
}
