// The `?` overlay: every binding of the keymap table, as the table says it.
import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {KeyBinding} from '../keys/keymap.js';
import {padCell, truncateText} from '../format/table.js';
import {selectGlyphs, type Theme} from './theme.js';

export type HelpOverlayProps = {
	bindings: readonly KeyBinding[];
	height: number;
	theme: Theme;
	width: number;
};

export function HelpOverlay({bindings, height, theme, width}: HelpOverlayProps) {
	const {ellipsis} = selectGlyphs(theme);
	const data = bindings.map(binding => ({KEY: binding.label, ACTION: binding.help}));
	const keyWidth = Math.max(3, ...data.map(row => row.KEY.length));
	return (
		<Box flexDirection="column" height={height} flexShrink={0} overflow="hidden">
			<Text bold={theme.color}>Keys (Esc or ? closes this help)</Text>
			{theme.unicode && height >= data.length * 2 + 4 && width >= 40 + keyWidth ? (
				<Table
					data={data}
					header={({children}: {children?: ReactNode}) => <Text bold={theme.color}>{children}</Text>}
				/>
			) : (
				// Small screens and consoles without Unicode get the same table without lines.
				data.map(row => <Text key={row.KEY} wrap="truncate">{truncateText(`  ${padCell(row.KEY, keyWidth)}  ${row.ACTION}`, width, ellipsis)}</Text>)
			)}
		</Box>
	);
}
