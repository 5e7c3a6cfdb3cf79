// The top line: which engine, its version, the container counts and whether berth is connected.
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

export function Header({address, connection, counts, shown, filter, theme}: HeaderProps) {
	const {separator} = selectGlyphs(theme);
	const version = connection?.status === 'connected' ? `Docker ${connection.version}` : '';
	const summary = `${counts.total} containers: ${counts.running} running, ${counts.paused} paused, ${counts.stopped} stopped`;
	const filtered = filter === '' ? '' : ` ${separator} filter "${filter}": ${shown} shown`;
	const state =
		connection === undefined
			? 'connecting'
			: connection.status === 'connected'
				? 'connected'
				: `disconnected, retrying (attempt ${connection.attempt}): ${connection.error}`;
	const stateColor = theme.color ? (connection?.status === 'disconnected' ? 'red' : 'green') : undefined;
	return (
		<Box flexShrink={0}>
			<Text wrap="truncate">
				<Text bold={theme.color}>berth</Text>
				{` ${separator} ${address}${version ? ` ${separator} ${version}` : ''} ${separator} ${summary}${filtered} ${separator} `}
				<Text color={stateColor} bold={theme.color && connection?.status === 'disconnected'}>
					{state}
				</Text>
			</Text>
		</Box>
	);
}
