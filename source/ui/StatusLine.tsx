// The bottom line: the `/` or `:` prompt while typing, else the last message, else the main keys.
import {Text} from 'ink';
import type {Message, Mode} from '../state/ui.js';
import {formatSafeText} from '../format/logText.js';
import {formatMessageOrHints} from '../format/statusLine.js';
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

	const bottom = formatMessageOrHints({message, hints, theme, width});
	return (
		<Text wrap="truncate" color={bottom.color} dimColor={bottom.dim ?? false}>
			{bottom.text}
		</Text>
	);
}
