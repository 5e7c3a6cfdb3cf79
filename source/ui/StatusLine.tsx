// The bottom line: the `/` or `:` prompt while typing, else the last message, else the main keys.
import {Text} from 'ink';
import type {Message, Mode} from '../state/ui.js';
import {formatMessageOrHints} from '../format/statusLine.js';
import {truncateText} from '../format/table.js';
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
};

export function StatusLine({mode, draft, message, hints, theme, width, question}: StatusLineProps) {
	const {ellipsis} = selectGlyphs(theme);
	if (mode === 'confirm' && question) {
		return (
			<Text wrap="truncate" color={theme.color ? (theme.colors?.accent ?? 'yellow') : undefined} bold={theme.color}>
				{truncateText(question.replaceAll(/\s+/g, ' '), width, ellipsis)}
			</Text>
		);
	}

	if (mode === 'filter' || mode === 'command' || mode === 'pane-search' || mode === 'logs-search' || mode === 'logs-filter' || mode === 'pull' || mode === 'scale' || mode === 'copy-out' || mode === 'copy-in') {
		return (
			<Text wrap="truncate">
				{mode === 'command' ? ':' : mode === 'logs-filter' ? 'only lines with: ' : mode === 'pull' ? 'pull (repository/name:tag): ' : mode === 'scale' ? 'scale to (replicas): ' : mode === 'copy-out' ? 'copy out to (a path here): ' : mode === 'copy-in' ? 'copy in (a path here): ' : '/'}
				{truncateText(draft, Math.max(0, width - 2), ellipsis)}
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
