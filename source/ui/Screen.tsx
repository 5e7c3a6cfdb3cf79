// The whole screen from props: header, the list or the help overlay, and the status line.
import {Box} from 'ink';
import type {Command, KeyScope} from '../commands/types.js';
import {ContainerTable, type ContainerTableProps} from './ContainerTable.js';
import {Header, type HeaderProps} from './Header.js';
import {HelpOverlay} from './HelpOverlay.js';
import {LogView, type LogViewProps} from './LogView.js';
import {PaneView, type PaneViewProps} from './PaneView.js';
import {ResourceTable, type ResourceTableProps} from './ResourceTable.js';
import {RunForm} from './RunForm.js';
import type {RunFormState} from '../state/runForm.js';
import {StatusLine, type StatusLineProps} from './StatusLine.js';
import type {Theme} from './theme.js';
import {TooSmall} from './TooSmall.js';

export type ScreenProps = {
	width: number;
	height: number;
	minimum: {width: number; height: number};
	theme: Theme;
	header: HeaderProps;
	table: ContainerTableProps;
	status: StatusLineProps;
	bindings: readonly Command[];
	/** Details, inspect or top, shown instead of the list. */
	pane?: Omit<PaneViewProps, 'height' | 'width' | 'theme'> | undefined;
	helpScroll: number;
	/** Whose keys the help shows first. */
	helpFirst?: KeyScope | undefined;
	/** Images, volumes, networks or events, shown instead of the containers. */
	resourceTable?: Omit<ResourceTableProps, 'height' | 'theme'> | undefined;
	form?: RunFormState | undefined;
	/** The logs pane, shown instead of the list. */
	logs?: Omit<LogViewProps, 'height' | 'width' | 'theme'> | undefined;
};

export function Screen({width, height, minimum, theme, header, table, status, bindings, pane, helpScroll, helpFirst, logs, resourceTable, form}: ScreenProps) {
	if (width < minimum.width || height < minimum.height) {
		return <TooSmall width={width} height={height} minWidth={minimum.width} minHeight={minimum.height} />;
	}

	return (
		<Box flexDirection="column" width={width} height={height}>
			<Header {...header} />
			{status.mode === 'help' ? (
				<HelpOverlay bindings={bindings} height={table.height + 1} theme={theme} width={width} scroll={helpScroll} first={helpFirst} />
			) : form ? (
				<RunForm form={form} height={table.height} width={width} theme={theme} />
			) : logs ? (
				<LogView {...logs} height={table.height} width={width} theme={theme} />
			) : pane ? (
				<PaneView {...pane} height={table.height} width={width} theme={theme} />
			) : resourceTable ? (
				<ResourceTable {...resourceTable} height={table.height} theme={theme} />
			) : (
				<ContainerTable {...table} />
			)}
			<StatusLine {...status} />
		</Box>
	);
}
