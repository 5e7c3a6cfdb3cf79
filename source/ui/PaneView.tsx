// A scrolling text pane (details, inspect, top) with the search text highlighted.
import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import {memo, type ReactNode} from 'react';
import {truncateText} from '../format/table.js';
import {selectGlyphs, type Theme} from './theme.js';

export type PaneViewProps = {
	title: string;
	lines: readonly string[];
	scroll: number;
	/** Lines for the text (the title comes on top of them). */
	height: number;
	width: number;
	search: string;
	theme: Theme;
	/** A small table drawn with borders where the terminal has the glyphs (disk usage). */
	table?: ReadonlyArray<Record<string, string>> | undefined;
};

type PaneLineProps = {text: string; search: string; color: boolean};

const PaneLine = memo(function PaneLine({text, search, color}: PaneLineProps) {
	// Ink gives an empty text no row at all: a space keeps the blank line's.
	if (text === '') return <Text> </Text>;
	if (search === '') return <Text wrap="truncate">{text}</Text>;
	const lower = text.toLowerCase();
	const needle = search.toLowerCase();
	const parts: Array<{text: string; match: boolean}> = [];
	let from = 0;
	for (let at = lower.indexOf(needle); at !== -1 && needle !== ''; at = lower.indexOf(needle, at + needle.length)) {
		if (at > from) parts.push({text: text.slice(from, at), match: false});
		parts.push({text: text.slice(at, at + needle.length), match: true});
		from = at + needle.length;
	}

	if (from < text.length) parts.push({text: text.slice(from), match: false});
	return (
		<Text wrap="truncate">
			{parts.map((part, index) =>
				part.match ? (
					// eslint-disable-next-line react/no-array-index-key -- runs have no identity but their place
					<Text key={index} inverse={color} bold={color}>
						{color ? part.text : `[${part.text}]`}
					</Text>
				) : (
					// eslint-disable-next-line react/no-array-index-key -- as above
					<Text key={index}>{part.text}</Text>
				),
			)}
		</Text>
	);
});

export function PaneView({title, lines, scroll, height, width, search, theme, table}: PaneViewProps) {
	const {ellipsis} = selectGlyphs(theme);
	if (table && table.length > 0 && theme.unicode && height >= table.length * 2 + 3) {
		return (
			<Box flexDirection="column" height={height + 1} flexShrink={0}>
				<Text bold={theme.color} wrap="truncate">
					{truncateText(title, width, ellipsis)}
				</Text>
				<Table
					data={[...table]}
					header={({children}: {children?: ReactNode}) => <Text bold={theme.color}>{children}</Text>}
				/>
			</Box>
		);
	}

	const shown = lines.slice(scroll, scroll + height);
	const position = lines.length > height ? ` (lines ${scroll + 1}-${scroll + shown.length} of ${lines.length})` : '';
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold={theme.color} wrap="truncate">
				{truncateText(`${title}${position}`, width, ellipsis)}
			</Text>
			{shown.map((line, index) => (
				// eslint-disable-next-line react/no-array-index-key -- a line is its place in the pane
				<PaneLine key={index} text={truncateText(line.replaceAll('\t', '  '), width, ellipsis)} search={search} color={theme.color} />
			))}
		</Box>
	);
}
