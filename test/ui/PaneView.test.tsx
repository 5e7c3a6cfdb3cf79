// The text pane: one row of the screen per line, the empty ones too, under its title.
import './forceColor.js';
import assert from 'node:assert/strict';
import {afterEach, test} from 'node:test';
import {cleanup, render} from 'ink-testing-library';
import {PaneView} from '../../source/ui/PaneView.js';
import {themes} from './rows.js';

afterEach(cleanup);

test('an empty line keeps its row: what follows stays where the scroll and the line count say', () => {
	const {lastFrame} = render(
		<PaneView title="Details: web" lines={['Resources', '', 'Name  web', '', '', 'Env   -']} scroll={0} height={8} width={40} search="" theme={themes.plain} />,
	);
	const rows = (lastFrame() ?? '').split('\n').map(row => row.trimEnd());
	assert.deepEqual(rows.slice(0, 7), ['Details: web', 'Resources', '', 'Name  web', '', '', 'Env   -']);
});

test('with a search, an empty line keeps its row too', () => {
	const {lastFrame} = render(<PaneView title="Inspect" lines={['"Env": [', '', '"A=1"']} scroll={0} height={4} width={40} search="a" theme={themes.plain} />);
	const rows = (lastFrame() ?? '').split('\n').map(row => row.trimEnd());
	assert.deepEqual(rows.slice(0, 4), ['Inspect', '"Env": [', '', '"[A]=1"']);
});
