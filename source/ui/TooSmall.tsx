// Shown instead of the panes when the terminal cannot hold them.
import {Text} from 'ink';

export type TooSmallProps = {width: number; height: number; minWidth: number; minHeight: number};

export function TooSmall({width, height, minWidth, minHeight}: TooSmallProps) {
	return (
		<Text wrap="wrap">
			{`Terminal too small: ${width}x${height}, berth needs at least ${minWidth}x${minHeight}. Enlarge the window, or q to quit.`}
		</Text>
	);
}
