// Log text made safe to draw: escape sequences neutralised (colour kept), controls shown, widths measured.
import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatSafeText, measureLogText, sanitizeLogText, stripSgr, truncateLogText, wrapLogText, wrapUnderLabel} from '../../source/format/logText.js';
import {tableCell} from '../../source/format/tableRow.js';
import {formatHeaderSegments} from '../../source/format/header.js';

const esc = '\u001B';
const bel = '\u0007';
const st = `${esc}\\`;

describe('sanitizeLogText', () => {
	const cases: Array<{name: string; raw: string; expected: string}> = [
		{name: 'plain text', raw: 'hello world', expected: 'hello world'},
		{name: 'empty', raw: '', expected: ''},
		// Colour (SGR) is kept: the colour switch decides later whether it is shown.
		{name: 'SGR colour kept', raw: `${esc}[31mred${esc}[0m`, expected: `${esc}[31mred${esc}[0m`},
		{name: 'SGR reset without parameters kept', raw: `${esc}[1;4mbold${esc}[m`, expected: `${esc}[1;4mbold${esc}[m`},
		{name: '256-colour SGR kept', raw: `${esc}[38;5;196mx`, expected: `${esc}[38;5;196mx`},
		{name: 'true-colour SGR with colons kept', raw: `${esc}[38:2:255:0:0mx`, expected: `${esc}[38:2:255:0:0mx`},
		// Cursor and screen.
		{name: 'cursor position dropped', raw: `a${esc}[10;10Hb`, expected: 'ab'},
		{name: 'cursor home dropped', raw: `a${esc}[Hb`, expected: 'ab'},
		{name: 'screen clear and home dropped', raw: `${esc}[2J${esc}[Hafter`, expected: 'after'},
		{name: 'line erase dropped', raw: `x${esc}[2Ky`, expected: 'xy'},
		{name: 'cursor up dropped', raw: `x${esc}[5Ay`, expected: 'xy'},
		{name: 'scroll region dropped', raw: `x${esc}[1;5ry`, expected: 'xy'},
		{name: 'alternate screen (private mode) dropped', raw: `x${esc}[?1049hy`, expected: 'xy'},
		{name: 'cursor hidden (private mode) dropped', raw: `x${esc}[?25ly`, expected: 'xy'},
		{name: 'CSI with an intermediate byte dropped', raw: `x${esc}[2 qy`, expected: 'xy'},
		{name: 'a CSI that ends in m but is no SGR is dropped', raw: `x${esc}[>4;2my`, expected: 'xy'},
		// Operating system commands and device strings, ended by BEL or ST.
		{name: 'window title (OSC 0, BEL) dropped', raw: `${esc}]0;PWNED${bel}after`, expected: 'after'},
		{name: 'window title (OSC 2, ST) dropped', raw: `${esc}]2;PWNED${st}after`, expected: 'after'},
		{name: 'OSC 52 clipboard write dropped', raw: `a${esc}]52;c;cHduZWQ=${bel}b`, expected: 'ab'},
		{name: 'OSC 52 with ST dropped', raw: `a${esc}]52;c;cHduZWQ=${st}b`, expected: 'ab'},
		{name: 'hyperlink (OSC 8) dropped, its text kept', raw: `${esc}]8;;http://example.invalid${st}link${esc}]8;;${st}`, expected: 'link'},
		{name: 'colour palette change (OSC 4) dropped', raw: `a${esc}]4;1;rgb:ff/00/00${bel}b`, expected: 'ab'},
		{name: 'device control string dropped', raw: `a${esc}P+q544e${st}b`, expected: 'ab'},
		{name: 'application program command dropped', raw: `a${esc}_hidden${st}b`, expected: 'ab'},
		{name: 'privacy message dropped', raw: `a${esc}^hidden${st}b`, expected: 'ab'},
		{name: 'start of string dropped', raw: `a${esc}Xhidden${st}b`, expected: 'ab'},
		{name: 'an OSC that never ends takes the rest of the line', raw: `a${esc}]0;PWNED`, expected: 'a'},
		// Two-character escapes.
		{name: 'full reset (ESC c) dropped', raw: `a${esc}cb`, expected: 'ab'},
		{name: 'save cursor (ESC 7) dropped', raw: `a${esc}7b`, expected: 'ab'},
		{name: 'reverse index (ESC M) dropped', raw: `a${esc}Mb`, expected: 'ab'},
		{name: 'a lone ESC at the end dropped', raw: `abc${esc}`, expected: 'abc'},
		// C0 controls as ^X.
		{name: 'NUL as ^@', raw: 'a\u0000b', expected: 'a^@b'},
		{name: 'BEL as ^G', raw: `ring${bel}`, expected: 'ring^G'},
		{name: 'backspace as ^H', raw: 'ab\bc', expected: 'ab^Hc'},
		{name: 'vertical tab and form feed', raw: 'a\u000Bb\u000Cc', expected: 'a^Kb^Lc'},
		{name: 'shift out / shift in (charset switches)', raw: 'a\u000Eb\u000Fc', expected: 'a^Nb^Oc'},
		{name: 'DEL as ^?', raw: 'a\u007Fb', expected: 'a^?b'},
		{name: 'a newline inside a line', raw: 'a\nb', expected: 'a^Jb'},
		// C1 controls are dropped: their 8-bit forms (CSI, OSC, ST...) would be commands to some terminals.
		{name: 'C1 CSI dropped', raw: 'a\u009B2Jb', expected: 'a2Jb'},
		{name: 'C1 OSC and ST dropped', raw: 'a\u009D0;PWNED\u009Cb', expected: 'a0;PWNEDb'},
		{name: 'C1 NEL dropped', raw: 'a\u0085b', expected: 'ab'},
		{name: 'Latin-1 letters after C1 kept', raw: 'caf\u00E9 \u00A0x', expected: 'caf\u00E9 \u00A0x'},
		// Tabs to the next multiple of 8 columns.
		{name: 'tab at the start', raw: '\tx', expected: `${' '.repeat(8)}x`},
		{name: 'tab after one column', raw: 'a\tb', expected: `a${' '.repeat(7)}b`},
		{name: 'tab after seven columns', raw: '1234567\tx', expected: '1234567 x'},
		{name: 'tab after eight columns', raw: '12345678\tx', expected: `12345678${' '.repeat(8)}x`},
		{name: 'two tabs', raw: 'abc\tde\tf', expected: `abc${' '.repeat(5)}de${' '.repeat(6)}f`},
		{name: 'colour takes no column before a tab', raw: `${esc}[31ma\tb`, expected: `${esc}[31ma${' '.repeat(7)}b`},
		{name: 'a dropped sequence takes no column before a tab', raw: `${esc}]0;t${bel}a\tb`, expected: `a${' '.repeat(7)}b`},
		{name: 'a ^X takes two columns before a tab', raw: '\u0001\tx', expected: `^A${' '.repeat(6)}x`},
		// Carriage returns: what was written after the last one.
		{name: 'progress bar overwritten', raw: 'downloading 10%\rdownloading 100%', expected: 'downloading 100%'},
		{name: 'several returns', raw: 'one\rtwo\rthree', expected: 'three'},
		{name: 'a return before an escape', raw: `x\r${esc}[31mred`, expected: `${esc}[31mred`},
	];

	for (const {name, raw, expected} of cases) {
		test(name, () => {
			assert.equal(sanitizeLogText(raw), expected);
		});
	}

	test('the result never holds an escape but SGR, nor a control character', () => {
		const nasty = [
			`${esc}(0lqqk${esc}(B`,
			`${esc}#8`,
			`${esc}]0;a${esc}]2;b${bel}`,
			`${esc}[${'9'.repeat(5000)}H`,
			`${esc}[31;${esc}[2J`,
			`${esc}${esc}[H`,
			'\u0000\u0001\u0002\u001A\u001B\u001C\u001F\u007F\u0080\u009F',
			`${esc}P${esc}]${esc}[`,
		];
		for (const raw of nasty) {
			const safe = sanitizeLogText(raw);
			const withoutSgr = stripSgr(safe);
			assert.doesNotMatch(withoutSgr, /[\u0000-\u001F\u007F-\u009F]/, `${JSON.stringify(raw)} -> ${JSON.stringify(safe)}`);
		}
	});

	test(
		'a tab after a wide character goes to the next 8-column stop on screen',
		() => {
			const safe = sanitizeLogText('\u65E5\tx');
			// 日 takes 2 columns, so the tab fills 6 and x lands in column 8 as `cat` would show it.
			assert.equal(measureLogText(safe.slice(0, safe.indexOf('x'))), 8);
		},
	);
});

describe('formatSafeText: an engine\'s text (labels, environment, commands, errors) drawn as text', () => {
	test('escape sequences go, colour too; other control characters show as ^X; plain text is the same string', () => {
		assert.equal(formatSafeText('ev\u001B[2J\u001B]0;PWNED\u0007il'), 'evil');
		assert.equal(formatSafeText('clip\u001B]52;c;cHduZWQ=\u0007board'), 'clipboard');
		assert.equal(formatSafeText('a\u001B[31mred\u001B[0m'), 'ared');
		assert.equal(formatSafeText('bell\u0007'), 'bell^G');
		const plain = 'web-1 Up 3 minutes';
		assert.equal(formatSafeText(plain), plain);
	});

	test('a table cell and the header are made safe where they are drawn', () => {
		assert.equal(tableCell({key: 'k', engine: 'local', id: 'x', cells: {name: 'net\u001B]0;PWNED\u0007'}}, 'name'), 'net');
		const segments = formatHeaderSegments({
			address: 'tcp://far:2376',
			connection: {status: 'connected', version: '26.1.5', info: {name: 'host\u001B]0;PWNED\u0007', images: 1}} as never,
			counts: {total: 0, running: 0, paused: 0, stopped: 0},
			shown: 0,
			filter: '',
			theme: {color: false, unicode: true},
			width: 200,
		});
		const text = segments.map(segment => segment.text).join('');
		assert.match(text, /· host Docker 26\.1\.5 ·/);
		assert.doesNotMatch(text, /\u001B/);
	});
});

describe('stripSgr', () => {
	const cases: Array<{name: string; text: string; expected: string}> = [
		{name: 'no sequences', text: 'plain', expected: 'plain'},
		{name: 'colour and reset', text: `${esc}[31mred${esc}[0m`, expected: 'red'},
		{name: 'several parameters and a bare reset', text: `${esc}[1;4;38;5;21mx${esc}[m`, expected: 'x'},
		{name: 'colon parameters', text: `${esc}[38:2:1:2:3mx`, expected: 'x'},
		{name: 'colours between words', text: `a ${esc}[32mb${esc}[39m c`, expected: 'a b c'},
		{name: 'shown controls stay', text: '^@^G', expected: '^@^G'},
	];
	for (const {name, text, expected} of cases) {
		test(name, () => {
			assert.equal(stripSgr(text), expected);
		});
	}
});

describe('measureLogText', () => {
	const cases: Array<{name: string; text: string; expected: number}> = [
		{name: 'empty', text: '', expected: 0},
		{name: 'ASCII', text: 'abc', expected: 3},
		{name: 'colour takes no columns', text: `${esc}[31mabc${esc}[0m`, expected: 3},
		{name: 'a CJK character takes two', text: '\u65E5', expected: 2},
		{name: 'three CJK characters', text: '\u65E5\u672C\u8A9E', expected: 6},
		{name: 'an emoji takes two', text: '\u{1F600}', expected: 2},
		{name: 'full-width Latin', text: '\uFF21\uFF22', expected: 4},
		{name: 'a combining accent takes none', text: 'e\u0301', expected: 1},
		{name: 'mixed', text: `a\u65E5${esc}[1mb`, expected: 4},
		{name: 'a shown control takes two', text: '^@', expected: 2},
		{name: 'the replacement character takes one', text: '\uFFFD', expected: 1},
	];
	for (const {name, text, expected} of cases) {
		test(name, () => {
			assert.equal(measureLogText(text), expected);
		});
	}
});

describe('wrapLogText', () => {
	const cases: Array<{name: string; text: string; width: number; maxRows?: number; expected: string[]}> = [
		{name: 'fits', text: 'abc', width: 5, expected: ['abc']},
		{name: 'exactly the width', text: 'abcde', width: 5, expected: ['abcde']},
		{name: 'empty text is one empty row', text: '', width: 5, expected: ['']},
		{name: 'ASCII in pieces', text: 'abcdefghij', width: 4, expected: ['abcd', 'efgh', 'ij']},
		{name: 'at most maxRows', text: 'abcdefghij', width: 2, maxRows: 2, expected: ['ab', 'cd']},
		{
			name: 'a wide character that would straddle the edge goes to the next row',
			text: '\u65E5\u672C\u8A9E\u30C6\u30AD',
			width: 5,
			expected: ['\u65E5\u672C', '\u8A9E\u30C6', '\u30AD'],
		},
		{
			name: 'an emoji is not split into halves',
			text: 'ab\u{1F600}cd',
			width: 3,
			expected: ['ab', '\u{1F600}c', 'd'],
		},
		{
			name: 'a coloured line keeps its colour on every row, and each row is closed with a reset',
			text: `${esc}[31mabcdef`,
			width: 3,
			expected: [`${esc}[31mabc${esc}[39m${esc}[0m`, `${esc}[31mdef${esc}[0m`],
		},
		{
			name: 'a colour that ends inside a row is not opened again after it',
			text: `${esc}[32mabcd${esc}[0mefgh`,
			width: 3,
			expected: [`${esc}[32mabc${esc}[39m${esc}[0m`, `${esc}[32md${esc}[0mef${esc}[0m`, 'gh'],
		},
		{
			name: 'a family emoji (one grapheme of five code points) is not split',
			text: 'ab\u{1F469}\u200D\u{1F469}\u200D\u{1F467}cd',
			width: 3,
			expected: ['ab', '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}c', 'd'],
		},
	];
	for (const {name, text, width, maxRows, expected} of cases) {
		test(name, () => {
			assert.deepEqual(wrapLogText(text, width, maxRows), expected);
		});
	}

	test('no row is wider than the width, nothing is lost, colour is closed on every coloured row', () => {
		const texts = [
			'x'.repeat(1000),
			'\u65E5\u672C\u8A9E'.repeat(50),
			`${esc}[31m${'red '.repeat(40)}${esc}[0m plain ${esc}[1;32mgreen${esc}[0m`,
			`a\u{1F600}b\u{1F600}\u{1F600}c${'\uFF21'.repeat(30)}`,
			sanitizeLogText(`tab\there\tand\tthere ${esc}[2J ${esc}]0;title${bel} ^ \u0000`.repeat(10)),
		];
		for (const text of texts) {
			for (const width of [2, 3, 7, 10, 33, 80]) {
				const rows = wrapLogText(text, width);
				const label = `${JSON.stringify(text.slice(0, 30))} at ${width}`;
				for (const row of rows) assert.ok(measureLogText(row) <= width, `${label}: ${JSON.stringify(row)} is wider`);
				assert.equal(rows.map(row => stripSgr(row)).join(''), stripSgr(text), `${label}: the text survives`);
				for (const row of rows) {
					if (/\u001B\[/.test(row)) assert.ok(row.endsWith(`${esc}[0m`), `${label}: ${JSON.stringify(row)} closes its colour`);
				}

				// Every row of the red run is red: it opens the colour again where the previous row closed it.
				if (text.includes(`${esc}[31m`)) {
					const redRows = rows.filter(row => stripSgr(row).includes('red'));
					for (const row of redRows) assert.ok(row.startsWith(`${esc}[31m`), `${label}: ${JSON.stringify(row)} is red`);
				}
			}
		}
	});
});

describe('truncateLogText', () => {
	const cases: Array<{name: string; text: string; width: number; expected: string}> = [
		{name: 'fits', text: 'abc', width: 5, expected: 'abc'},
		{name: 'exactly the width', text: 'abcde', width: 5, expected: 'abcde'},
		{name: 'cut with a mark', text: 'abcdefgh', width: 5, expected: 'abcd\u2026'},
		{name: 'colour does not count, and the cut closes it', text: `${esc}[31mabcdefgh${esc}[0m`, width: 5, expected: `${esc}[31mabcd\u2026${esc}[39m${esc}[0m`},
		{name: 'coloured text that fits is kept whole', text: `${esc}[31mabc${esc}[0m`, width: 3, expected: `${esc}[31mabc${esc}[0m`},
		{name: 'wide characters', text: '\u65E5\u672C\u8A9E\u30C6\u30AD', width: 5, expected: '\u65E5\u672C\u2026'},
		{name: 'a wide character that would not fit before the mark', text: '\u65E5\u672C\u8A9E', width: 4, expected: '\u65E5\u2026'},
	];
	for (const {name, text, width, expected} of cases) {
		test(name, () => {
			assert.equal(truncateLogText(text, width, '\u2026'), expected);
		});
	}

	test('never wider than the width, whatever the text', () => {
		const texts = ['x'.repeat(100_000), '\u65E5'.repeat(1000), `${esc}[31m${'\u{1F600}'.repeat(500)}`, sanitizeLogText('\u0000'.repeat(999))];
		for (const text of texts) {
			// From 3 columns a wide character and the mark fit; narrower widths are the case below.
			for (const width of [3, 4, 5, 17, 80, 158]) {
				const cut = truncateLogText(text, width, '~');
				assert.ok(measureLogText(cut) <= width, `${JSON.stringify(text.slice(0, 10))} at ${width}: ${measureLogText(cut)} columns`);
				assert.ok(stripSgr(cut).endsWith('~'));
			}
		}
	});

	test(
		'two columns and a wide first character: only the mark',
		() => {
			assert.ok(measureLogText(truncateLogText('\u65E5\u672C', 2, '~')) <= 2);
		},
	);
});

describe('wrapUnderLabel: a labelled value too long for the width', () => {
	test('fits: one line as it is', () => {
		assert.deepEqual(wrapUnderLabel('Name    ', 'web', 40), ['Name    web']);
	});

	test('goes on under the value\'s column, at word ends', () => {
		assert.deepEqual(wrapUnderLabel('Command     ', 'sh -c "sleep 1 && echo done; exit 3"', 32), [
			'Command     sh -c "sleep 1 &&',
			'            echo done; exit 3"',
		]);
	});

	test('a label that leaves under 20 columns: the value goes on below it, 4 in', () => {
		assert.deepEqual(wrapUnderLabel('  com.docker.compose.project.config_files  ', '/srv/shop/compose.yaml', 50), [
			'  com.docker.compose.project.config_files',
			'    /srv/shop/compose.yaml',
		]);
	});

	test('a label wider than the width is wrapped at its own indent, none of it cut', () => {
		const rows = wrapUnderLabel('  com.docker.compose.project.config_files  ', '/srv/shop/compose.yaml', 30);
		assert.deepEqual(rows, ['  com.docker.compose.project.c', '  onfig_files', '    /srv/shop/compose.yaml']);
		assert.ok(rows.every(row => row.length <= 30));
	});
});
