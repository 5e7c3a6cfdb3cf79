// The logs pane: one flat row per screen line, stderr marked, merged logs prefixed by coloured names.
import {Box, Text} from 'ink';
import {memo} from 'react';
import {stripSgr, truncateLogText} from '../format/logText.js';
import {padCell, truncateText} from '../format/table.js';
import type {LogRow} from '../state/logs.js';
import {selectGlyphs, type Theme} from './theme.js';

const namePalette = ['cyan', 'magenta', 'blue', 'green', 'yellow', 'red'] as const;

export type LogViewProps = {
	title: string;
	rows: readonly LogRow[];
	height: number;
	width: number;
	/** Width of the name column in merged logs; 0 for one container. */
	nameWidth: number;
	timestamps: boolean;
	wrap: boolean;
	/** Show the containers' own colour sequences. */
	logColor: boolean;
	search: string;
	theme: Theme;
};

type LogLineProps = {
	gutter: string;
	gutterColor: string | undefined;
	name: string;
	nameColor: string | undefined;
	time: string;
	text: string;
	search: string;
	color: boolean;
};

function splitMatches(text: string, search: string): Array<{text: string; match: boolean}> {
	const parts: Array<{text: string; match: boolean}> = [];
	const lower = text.toLowerCase();
	const needle = search.toLowerCase();
	let from = 0;
	for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
		if (at > from) parts.push({text: text.slice(from, at), match: false});
		parts.push({text: text.slice(at, at + needle.length), match: true});
		from = at + needle.length;
	}

	if (from < text.length) parts.push({text: text.slice(from), match: false});
	return parts;
}

const LogLine = memo(function LogLine({gutter, gutterColor, name, nameColor, time, text, search, color}: LogLineProps) {
	return (
		<Text wrap="truncate">
			<Text color={gutterColor} bold={color && gutterColor !== undefined}>
				{gutter}
			</Text>
			{name === '' ? '' : <Text color={nameColor}>{name}</Text>}
			{time === '' ? '' : <Text dimColor={color}>{time}</Text>}
			{search === ''
				? text
				: splitMatches(text, search).map((part, index) =>
						part.match ? (
							// eslint-disable-next-line react/no-array-index-key -- runs have no identity but their place
							<Text key={index} inverse={color}>
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

export function LogView({title, rows, height, width, nameWidth, timestamps, wrap, logColor, search, theme}: LogViewProps) {
	const {ellipsis} = selectGlyphs(theme);
	const textWidth = Math.max(1, width - 2 - (nameWidth > 0 ? nameWidth + 3 : 0) - (timestamps ? 31 : 0));
	return (
		<Box flexDirection="column" height={height + 1} flexShrink={0}>
			<Text bold={theme.color} wrap="truncate">
				{truncateText(title, width, ellipsis)}
			</Text>
			{rows.map((row, index) => {
				const plain = !theme.color || !logColor || row.matched;
				const raw = plain ? stripSgr(row.text) : row.text;
				const text = wrap ? raw : truncateLogText(raw, textWidth, ellipsis);
				const gutter = row.continuation ? '  ' : row.stream === 'stderr' ? '! ' : row.stream === 'berth' ? '- ' : '  ';
				return (
					<LogLine
						// A line is its place on screen: new lines change the texts instead of making the lines anew.
						// eslint-disable-next-line react/no-array-index-key
						key={index}
						gutter={gutter}
						gutterColor={theme.color && row.stream === 'stderr' ? 'red' : undefined}
						name={nameWidth > 0 ? (row.name === '' ? ' '.repeat(nameWidth + 3) : `${padCell(row.name, nameWidth)} | `) : ''}
						nameColor={theme.color && row.nameIndex >= 0 ? namePalette[row.nameIndex % namePalette.length] : undefined}
						time={timestamps ? (row.timestamp === '' ? ' '.repeat(31) : `${padCell(row.timestamp, 30)} `) : ''}
						text={text}
						search={row.matched ? search : ''}
						color={theme.color}
					/>
				);
			})}
		</Box>
	);
}
