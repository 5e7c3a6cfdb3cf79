// The shape the code keeps: no import cycle in source/, no source file over 400 lines, App.tsx small.
import assert from 'node:assert/strict';
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';

const sourceRoot = fileURLToPath(new URL('../source/', import.meta.url));

function sourceFiles(directory = sourceRoot): string[] {
	return readdirSync(directory, {withFileTypes: true}).flatMap(entry => {
		const full = path.join(directory, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.tsx?$/.test(entry.name) ? [full] : [];
	});
}

/** The source files a file imports (types included: a cycle of types is still a knot in the design). */
export function importsOf(file: string, text: string): string[] {
	const found: string[] = [];
	for (const match of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g)) {
		const target = path.resolve(path.dirname(file), match[1]!).replace(/\.js$/, '');
		for (const extension of ['.ts', '.tsx']) found.push(target + extension);
	}

	return found;
}

/** Each cycle found once, as the chain of files that closes it. */
export function findImportCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
	const cycles: string[][] = [];
	const state = new Map<string, 'open' | 'done'>();
	const stack: string[] = [];
	const visit = (file: string) => {
		state.set(file, 'open');
		stack.push(file);
		for (const next of graph.get(file) ?? []) {
			if (!graph.has(next)) continue;
			if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}

		stack.pop();
		state.set(file, 'done');
	};

	for (const file of graph.keys()) if (!state.has(file)) visit(file);
	return cycles;
}

const files = sourceFiles();
const texts = new Map(files.map(file => [file, readFileSync(file, 'utf8')]));

test('the cycle finder finds a cycle and says where', () => {
	const graph = new Map([
		['a', ['b']],
		['b', ['c']],
		['c', ['a']],
		['d', ['a']],
	]);
	assert.deepEqual(findImportCycles(graph), [['a', 'b', 'c', 'a']]);
	assert.deepEqual(findImportCycles(new Map([['a', ['b']], ['b', []]])), []);
});

test('no import cycle anywhere in source/', () => {
	const graph = new Map(files.map(file => [file, importsOf(file, texts.get(file)!)]));
	assert.ok(graph.size > 50, `read ${graph.size} source files`);
	const cycles = findImportCycles(graph).map(cycle => cycle.map(file => path.relative(sourceRoot, file)).join(' -> '));
	assert.deepEqual(cycles, []);
});

test('no source file over 400 lines, App.tsx under 200', () => {
	const long = files
		.map(file => ({file: path.relative(sourceRoot, file), lines: texts.get(file)!.split('\n').length}))
		.filter(({file, lines}) => lines > (file === path.join('app', 'App.tsx') ? 200 : 400));
	assert.deepEqual(long, []);
});

test('status-line hints are not written by hand: no source file holds a hint string of keys', () => {
	// The old hand-written hints read like "? help  / filter  s stop"; hints now come from the keymap.
	const handWritten = files.filter(file => /['`][^'`\n]*\? help {2}[^'`\n]*['`]/.test(texts.get(file)!));
	assert.deepEqual(handWritten.map(file => path.relative(sourceRoot, file)), []);
});
