// Text made safe for /bin/sh: any value becomes one inert word.

/**
 * `it's` -> `'it'\''s'`: single quotes keep everything literal; a quote inside is closed, escaped, reopened.
 * Every value is quoted, plain words too, so that no value is ever read by the shell.
 */
export function quoteShellWord(value: string): string {
	return `'${value.replaceAll("'", "'\\''")}'`;
}
