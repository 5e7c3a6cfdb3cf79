// The top line: connection state first (it matters most when cut short), counts, engine version, address.
import {Box, Text} from 'ink';
import {formatHeaderSegments, type HeaderProps} from '../format/header.js';

export {formatConnectionState, type HeaderProps} from '../format/header.js';

export function Header(props: HeaderProps) {
	const segments = formatHeaderSegments(props);
	return (
		<Box flexShrink={0}>
			<Text wrap="truncate">
				{segments.map((segment, index) => (
					// eslint-disable-next-line react/no-array-index-key -- the runs have no identity but their place
					<Text key={index} color={segment.color} bold={segment.bold ?? false} inverse={segment.inverse ?? false}>
						{segment.text}
					</Text>
				))}
			</Text>
		</Box>
	);
}
