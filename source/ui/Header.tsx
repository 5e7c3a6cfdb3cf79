// The top line: connection state first (it matters most when cut short), counts, engine version, address.
import {Box, Text} from 'ink';
import {formatHeaderSegments, type HeaderProps} from '../format/header.js';
import {styleLine} from './styleSegment.js';

export {formatConnectionState, type HeaderProps} from '../format/header.js';

/** One <Text> holding the segments styled as Ink styles nested <Text>s (styleLine): one text node a frame. */
export function Header(props: HeaderProps) {
	return (
		<Box flexShrink={0}>
			<Text wrap="truncate">{styleLine(formatHeaderSegments(props))}</Text>
		</Box>
	);
}
