// The top line: connection state first (it matters most when cut short), counts, engine version, address.
import {Box, Text} from 'ink';
import type {EngineConnection} from '../model/connection.js';
import type {ContainerCounts} from '../model/rows.js';
import {truncateSegments} from '../format/table.js';
import {selectGlyphs, type Theme} from './theme.js';

export type HeaderProps = {
	address: string;
	connection: EngineConnection | undefined;
	counts: ContainerCounts;
	shown: number;
	filter: string;
	theme: Theme;
	width: number;
};

export function formatConnectionState(connection: EngineConnection | undefined): string {
	if (connection === undefined) return 'connecting';
	if (connection.status === 'connected') return 'connected';
	return `disconnected, retrying (attempt ${connection.attempt}): ${connection.error}`;
}

export function Header({address, connection, counts, shown, filter, theme, width}: HeaderProps) {
	const {separator, ellipsis} = selectGlyphs(theme);
	const version = connection?.status === 'connected' ? ` ${separator} Docker ${connection.version}` : '';
	const summary = `${counts.total} containers: ${counts.running} running, ${counts.paused} paused, ${counts.stopped} stopped`;
	const filtered = filter === '' ? '' : ` ${separator} filter "${filter}": ${shown} shown`;
	const lost = connection?.status === 'disconnected';
	const stateColor = theme.color ? (lost ? 'red' : 'green') : undefined;
	const segments = truncateSegments(
		[
			{text: 'berth', bold: theme.color},
			{text: ` ${separator} `},
			{text: formatConnectionState(connection), color: stateColor, bold: theme.color && lost},
			{text: ` ${separator} ${summary}${filtered}${version} ${separator} ${address}`},
		] as Array<{text: string; color?: string | undefined; bold?: boolean}>,
		width,
		ellipsis,
	);
	return (
		<Box flexShrink={0}>
			<Text wrap="truncate">
				{segments.map((segment, index) => (
					// eslint-disable-next-line react/no-array-index-key -- the runs have no identity but their place
					<Text key={index} color={segment.color} bold={segment.bold ?? false}>
						{segment.text}
					</Text>
				))}
			</Text>
		</Box>
	);
}
