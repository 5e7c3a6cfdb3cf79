// Text made safe for /bin/sh: any value becomes inert text, wherever in a command line it is put.

/** Where in a command line a value lands: outside quotes, inside "double" or inside 'single' quotes. */
export type ShellQuoting = 'bare' | 'double' | 'single';

/**
 * `it's` -> `'it'\''s'` outside quotes: single quotes keep everything literal; a quote inside is closed,
 * escaped, reopened. Every value is quoted, plain words too. Inside double quotes, $ ` " and \ are escaped;
 * inside single quotes, a quote closes, is escaped, and reopens.
 */
export function quoteShellWord(value: string, quoting: ShellQuoting = 'bare'): string {
	switch (quoting) {
		case 'double': {
			return value.replaceAll(/[$`"\\]/g, '\\$&');
		}

		case 'single': {
			return value.replaceAll("'", "'\\''");
		}

		default: {
			return `'${value.replaceAll("'", "'\\''")}'`;
		}
	}
}

/**
 * The command line with each `{{name}}` that `valueOf` knows replaced by its value, quoted for the quotes it
 * stands in (read as /bin/sh reads them); other braces, such as docker's `{{.Names}}`, stay as they are.
 */
export function fillShellTemplate(template: string, valueOf: (name: string) => string | undefined): string {
	let quoting: ShellQuoting = 'bare';
	let result = '';
	for (let index = 0; index < template.length; index++) {
		const character = template[index]!;
		const placeholder = character === '{' ? /^{{\s*(\w+)\s*}}/.exec(template.slice(index)) : null;
		const value = placeholder ? valueOf(placeholder[1]!) : undefined;
		if (placeholder && value !== undefined) {
			result += quoteShellWord(value, quoting);
			index += placeholder[0].length - 1;
			continue;
		}

		result += character;
		if (quoting === 'single') {
			if (character === "'") quoting = 'bare';
		} else if (character === '\\' && index + 1 < template.length) {
			// An escaped character is literal, quotes included.
			result += template[++index];
		} else if (character === '"') {
			quoting = quoting === 'double' ? 'bare' : 'double';
		} else if (character === "'" && quoting === 'bare') {
			quoting = 'single';
		}
	}

	return result;
}
