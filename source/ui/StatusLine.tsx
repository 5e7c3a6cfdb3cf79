// The bottom line: the `/` or `:` prompt while typing, else the last message, else the main keys.
import {Text} from 'ink';
import type {Message, Mode} from '../model/view.js';
import type {Theme} from './theme.js';

export type StatusLineProps = {
	mode: Mode;
	draft: string;
	message: Message | undefined;
	hints: string;
	theme: Theme;
};

export function StatusLine({mode, draft, message, hints, theme}: StatusLineProps) {
	if (mode === 'filter' || mode === 'command') {
		return (
			<Text wrap="truncate">
				{mode === 'filter' ? '/' : ':'}
				{draft}
				<Text inverse={theme.color}>{theme.color ? ' ' : '_'}</Text>
			</Text>
		);
	}

	if (message) {
		return (
			<Text wrap="truncate" color={theme.color && message.tone === 'error' ? 'red' : undefined}>
				{message.text}
			</Text>
		);
	}

	return (
		<Text wrap="truncate" dimColor={theme.color}>
			{hints}
		</Text>
	);
}
