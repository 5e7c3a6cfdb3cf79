// The `?` overlay: every binding of the keymap table, grouped by where it applies, scrollable.
import {Box, Text} from 'ink';
import {padCell, truncateText} from '../format/table.js';
import {selectHelpLines, selectHelpRows} from '../commands/keymap.js';
import type {Command, KeyScope} from '../commands/types.js';

export {selectHelpLines};
import {selectGlyphs, type Theme} from './theme.js';

export type HelpOverlayProps = {
	bindings: readonly Command[];
	height: number;
	width: number;
	scroll: number;
	theme: Theme;
	/** Whose keys come first: where the help was opened. */
	first?: KeyScope | undefined;
};

export function HelpOverlay({bindings, height, width, scroll, theme, first}: HelpOverlayProps) {
	const {ellipsis} = selectGlyphs(theme);
	const lines = selectHelpRows(bindings, first, width);
	const room = Math.max(1, height - 1);
	const top = Math.max(0, Math.min(scroll, lines.length - room));
	const shown = lines.slice(top, top + room);
	const keyWidth = Math.max(...lines.map(line => (line.kind === 'binding' ? line.label.length : 0)));
	const more = lines.length > room ? ` (${top + 1}-${top + shown.length} of ${lines.length}, j/k scroll)` : '';
	return (
		<Box flexDirection="column" height={height} flexShrink={0} overflow="hidden">
			<Text bold={theme.color} wrap="truncate">
				{truncateText(`Keys: Esc or ? closes this help${more}`, width, ellipsis)}
			</Text>
			{/* Keyed by the row: a key's line comes again under several views (o, O), so its text is no key. */}
			{shown.map((line, row) =>
				line.kind === 'heading' ? (
					// eslint-disable-next-line react/no-array-index-key -- one <Text> per row of the screen
					<Text key={row} bold={theme.color} underline={theme.color} wrap="truncate">
						{line.text}
					</Text>
				) : (
					// eslint-disable-next-line react/no-array-index-key -- one <Text> per row of the screen
					<Text key={row} wrap="truncate">
						{truncateText(`  ${padCell(line.label, keyWidth)}  ${line.help}`, width, ellipsis)}
					</Text>
				),
			)}
		</Box>
	);
}
