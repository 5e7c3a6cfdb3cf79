// The top line: connection state first (it matters most when cut short), counts, engine version, address.
import {Box, Text} from 'ink';
import type {EngineConnection} from '../model/connection.js';
import type {ContainerCounts} from '../model/rows.js';
import {selectGlyphs, type Theme} from './theme.js';

export type HeaderProps = {
	address: string;
	connection: EngineConnection | undefined;
	counts: ContainerCounts;
	shown: number;
	filter: string;
	theme: Theme;
};

export function formatConnectionState(connection: EngineConnection | undefined): string {
	if (connection === undefined) return 'connecting';
	if (connection.status === 'connected') return 'connected';
	return `disconnected, retrying (attempt ${connection.attempt}): ${connection.error}`;
}

export function Header({address, connection, counts, shown, filter, theme}: HeaderProps) {
	const {separator} = selectGlyphs(theme);
	const version = connection?.status === 'connected' ? ` ${separator} Docker ${connection.version}` : '';
	const summary = `${counts.total} containers: ${counts.running} running, ${counts.paused} paused, ${counts.stopped} stopped`;
	const filtered = filter === '' ? '' : ` ${separator} filter "${filter}": ${shown} shown`;
	const lost = connection?.status === 'disconnected';
	return (
		<Box flexShrink={0}>
			<Text wrap="truncate">
				<Text bold={theme.color}>berth</Text>
				{` ${separator} `}
				<Text color={theme.color ? (lost ? 'red' : 'green') : undefined} bold={theme.color && lost}>
					{formatConnectionState(connection)}
				</Text>
				{` ${separator} ${summary}${filtered}${version} ${separator} ${address}`}
			</Text>
		</Box>
	);
}
