// The containers list: a heading and one flat <Text> per visible row (only what fits is rendered).
import {Box, Text} from 'ink';
import {memo} from 'react';
import {
	type ContainerColumn,
	containerLineOf,
	containerRowRuns,
	formatContainerHeading,
} from '../format/containerColumns.js';
import type {ColumnLayout} from '../format/table.js';
import type {ContainerRow} from '../format/containerColumns.js';
import {styleLine} from './styleSegment.js';
import {selectGlyphs, type Theme, type Tone, toneColor} from './theme.js';

type RowLineProps = {
	before: string;
	status: string;
	tone: Tone | undefined;
	after: string;
	selected: boolean;
	marked: boolean;
	/** An open alert concerns it: `!` where no mark is. */
	alerted: boolean;
	pointer: string;
	color: boolean;
	colors: Theme['colors'];
};

/**
 * Props are plain strings, so a row whose text did not change is not rendered again. The row is one <Text>
 * holding one string with its colour codes in it (styled as Ink styles nested <Text>s: styleSegment.ts): a
 * changed row is one text node changed, and Ink does not style the row again at every frame.
 */
const RowLine = memo(function RowLine({before, status, tone, after, selected, marked, alerted, pointer, color, colors}: RowLineProps) {
	const {inverse, runs} = containerRowRuns({before, status, tone, after}, {selected, marked, alerted}, pointer, color && toneColor(tone, colors));
	return <Text wrap="truncate">{styleLine(runs, inverse)}</Text>;
});

export type ContainerTableProps = {
	rows: readonly ContainerRow[];
	layout: ColumnLayout<ContainerColumn>;
	selectedKey: string | undefined;
	marks: ReadonlySet<string>;
	/** Lines for the rows (the heading comes on top of them). */
	height: number;
	theme: Theme;
	emptyText: string;
};

export function ContainerTable({rows, layout, selectedKey, marks, height, theme, emptyText}: ContainerTableProps) {
	const glyphs = selectGlyphs(theme);
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold={theme.color} wrap="truncate">
				{'  '}
				{formatContainerHeading(layout, glyphs.ellipsis)}
			</Text>
			{rows.length === 0 ? (
				<Text wrap="truncate">{`  ${emptyText}`}</Text>
			) : (
				rows.map((row, index) => {
					const {before, status, tone, after} = containerLineOf(row, layout, glyphs.ellipsis);
					return (
						<RowLine
							// A row is its place on screen: scrolling changes the rows' texts instead of making them anew.
							// eslint-disable-next-line react/no-array-index-key
							key={index}
							before={before}
							status={status}
							tone={tone}
							after={after}
							selected={row.key === selectedKey}
							marked={marks.has(row.key)}
							alerted={row.alerted === true}
							pointer={glyphs.pointer}
							color={theme.color}
							colors={theme.colors}
						/>
					);
				})
			)}
		</Box>
	);
}
