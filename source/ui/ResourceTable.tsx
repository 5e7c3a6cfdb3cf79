// A list of images, volumes, networks or events: a heading and one flat <Text> per visible row.
import {Box, Text} from 'ink';
import {memo} from 'react';
import {type ColumnLayout, columnGap, cutOf, padCell} from '../format/table.js';
import {tableCell, type TableRow} from '../format/tableRow.js';
import {selectGlyphs, type Theme, type Tone, toneColor} from './theme.js';

type LineProps = {text: string; tone: Tone | undefined; selected: boolean; pointer: string; color: boolean; colors: Theme['colors']};

const Line = memo(function Line({text, tone, selected, pointer, color, colors}: LineProps) {
	const gutter = `${selected ? pointer : ' '} `;
	return (
		<Text wrap="truncate" inverse={color && selected} color={color ? toneColor(tone, colors) : undefined}>
			{gutter}
			{text}
		</Text>
	);
});

export type ResourceTableProps = {
	rows: readonly TableRow[];
	layout: ColumnLayout<string>;
	selectedKey: string | undefined;
	height: number;
	theme: Theme;
	emptyText: string;
};

export function ResourceTable({rows, layout, selectedKey, height, theme, emptyText}: ResourceTableProps) {
	const {ellipsis, pointer} = selectGlyphs(theme);
	const gap = ' '.repeat(columnGap);
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold={theme.color} wrap="truncate">
				{'  '}
				{layout.map(column => padCell(column.title, column.width, column.align, ellipsis)).join(gap)}
			</Text>
			{rows.length === 0 ? (
				<Text wrap="truncate">{`  ${emptyText}`}</Text>
			) : (
				rows.map((row, index) => (
					<Line
						// A row is its place on screen: scrolling changes the rows' texts instead of making them anew.
						// eslint-disable-next-line react/no-array-index-key
						key={index}
						text={layout.map(column => padCell(tableCell(row, column.id), column.width, column.align, ellipsis, cutOf(column.id))).join(gap)}
						tone={row.tone}
						selected={row.key === selectedKey}
						pointer={pointer}
						color={theme.color}
						colors={theme.colors}
					/>
				))
			)}
		</Box>
	);
}
