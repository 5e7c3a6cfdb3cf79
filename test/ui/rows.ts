// Rows and layouts for the component tests.
import {styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import {containerColumns, measureContainerColumns, orderColumns} from '../../source/format/containerColumns.js';
import {layoutColumns} from '../../source/format/table.js';
import type {ContainerRow} from '../../source/format/containerColumns.js';
import type {Theme} from '../../source/ui/theme.js';

/** ink-testing-library's stdout is 100 columns wide (a fixed getter); the table adds a 2-column gutter. */
export const frameWidth = 100;

/** The columns as the app lays them out: sized by content, in the width left beside the gutter. */
export function tableLayout(rows: readonly ContainerRow[], width = frameWidth - 2) {
	return orderColumns(layoutColumns(width - 2, containerColumns, measureContainerColumns(rows)));
}

export const themes: Record<'full' | 'plain' | 'ascii', Theme> = {
	full: {color: true, unicode: true},
	plain: {color: false, unicode: true},
	ascii: {color: false, unicode: false},
};

export function containerRow(overrides: Partial<ContainerRow> & {id: string}): ContainerRow {
	return {
		key: `local\u0000${overrides.id}`,
		engine: 'local',
		name: overrides.id,
		created: 1_714_564_800,
		image: 'nginx:1.25',
		state: 'running',
		status: 'Up 3 minutes',
		tone: 'good',
		ports: '',
		project: '',
		figures: undefined,
		...overrides,
	};
}

export const escapeCode = /\u001B\[/;
export const nonAscii = /[^\u0000-\u007E]/;

/** Each line as the cells a terminal shows: the character and the styles it is drawn with. */
export function cells(output: string): string[][] {
	return output.split('\n').map(line =>
		styledCharsFromTokens(tokenize(line)).map(
			character =>
				`${character.value}|${character.styles
					.map(style => style.code)
					.sort()
					.join('')}`,
		),
	);
}
