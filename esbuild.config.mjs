// Bundles berth: `node esbuild.config.mjs` writes the npm package's dist/ (the command dist/cli.js, the
// entry dist/berth.js and its lazily loaded chunks); `node esbuild.config.mjs exe` (npm run build:exe)
// writes the one-file bundle dist/exe/berth.mjs and turns it into the single executable
// dist/berth-PLATFORM-ARCH with Node's --build-sea. Every library is bundled: the npm package has no
// run-time dependencies.
import {execFileSync} from 'node:child_process';
import {createHash} from 'node:crypto';
import {readFileSync, statSync} from 'node:fs';
import {mkdir, readFile, rm, writeFile} from 'node:fs/promises';
import {builtinModules} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';

const root = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * A library file's text with some of it replaced, each [before, after] in turn. The build stops when a text is
 * not there any more: the library changed, and `check` says what to look at.
 */
async function replacedIn(path, replacements, check) {
	let source = await readFile(path, 'utf8');
	for (const [before, after] of replacements) {
		if (!source.includes(before)) throw new Error(`${path}: ${before} not found; check ${check}`);
		source = source.replace(before, after);
	}

	return source;
}

/** Ink loads React devtools only under DEV=true with the package installed; berth ships without them. */
const withoutDevtools = {
	name: 'without-devtools',
	setup(context) {
		context.onResolve({filter: /devtools\.js$/}, args =>
			args.importer.includes(`${'node_modules'}/ink/`) ? {path: 'ink-devtools', namespace: 'empty'} : undefined,
		);
		context.onLoad({filter: /.*/, namespace: 'empty'}, () => ({contents: 'export {};', loader: 'js'}));
	},
};

/**
 * dockerode loads gRPC and protobuf (protobufjs, long) for BuildKit sessions and builds, which berth never
 * starts: the bundle leaves both modules out, so they are neither parsed nor evaluated.
 */
const withoutBuildkit = {
	name: 'without-buildkit',
	setup(context) {
		context.onResolve({filter: /^\.\/(session|buildkit)$/}, args =>
			args.importer.includes(`${'node_modules'}/dockerode/`) ? {path: `dockerode-${args.path.slice(2)}`, namespace: 'no-buildkit'} : undefined,
		);
		context.onLoad({filter: /.*/, namespace: 'no-buildkit'}, () => ({
			contents: "module.exports = function () { throw new Error('BuildKit is not part of berth'); };",
			loader: 'js',
		}));
	},
};

/**
 * docker-modem requires its own ssh agent (and with it ssh2) when it is loaded. berth never asks the modem for
 * ssh (source/engine/connection.ts hands it an agent of source/engine/sshChannels.ts, which loads ssh2 at the
 * first ssh connection), so the modem's agent is left out: ssh2 is then a chunk of its own, not read at start.
 */
const withoutModemSsh = {
	name: 'without-modem-ssh',
	setup(context) {
		context.onResolve({filter: /^\.\/ssh$/}, args =>
			args.importer.includes(`${'node_modules'}/docker-modem/`) && args.namespace === 'file' ? {path: 'docker-modem-ssh', namespace: 'without-modem-ssh'} : undefined,
		);
		context.onLoad({filter: /.*/, namespace: 'without-modem-ssh'}, () => ({
			contents: "module.exports = function () { throw new Error('berth reaches ssh engines through its own channels (sshChannels.ts)'); };",
			loader: 'js',
		}));
	},
};

/**
 * docker-modem writes every request out with util.inspect for its debug log, whether that log is on or not
 * (DEBUG=modem): a storm's thousand requests spent 65 ms of berth's 1.6 s on text no one reads. It is
 * written when the log is on.
 */
const modemDebugWhenOn = {
	name: 'modem-debug-when-on',
	setup(context) {
		context.onLoad({filter: /[\\/]node_modules[\\/]docker-modem[\\/]lib[\\/]modem\.js$/}, async args => ({
			contents: await replacedIn(args.path, [["debug('Sending: %s', util.inspect(options, {", "if (debug.enabled) debug('Sending: %s', util.inspect(options, {"]], 'its debug log'),
			loader: 'js',
		}));
	},
};

/**
 * How a file imports one of Node's built-in modules: its default import, its named imports, or undefined
 * when the file's form is not one this reads (a namespace import, a re-export).
 */
export function builtinImports(source, specifier) {
	const quoted = `['"]${specifier.replace(/[/:]/g, match => `\\${match}`)}['"]`;
	if (new RegExp(`(import\\s*\\*|export\\s*[*{][^;]*?from)\\s*[^;]*?${quoted}`).test(source)) return undefined;
	const names = new Set();
	let defaultImport = false;
	for (const match of source.matchAll(new RegExp(`import\\s*([\\w$]+\\s*,?\\s*)?(\\{[^}]*\\})?\\s*from\\s*${quoted}`, 'g'))) {
		if (match[1]) defaultImport = true;
		for (const part of (match[2] ?? '').replace(/[{}]/g, '').split(',')) {
			const name = part.trim().replace(/^type\s+/, '').split(/\s+as\s+/)[0]?.trim();
			if (name && !part.trim().startsWith('type ')) names.add(name);
		}
	}
	return {defaultImport, names: [...names]};
}

/**
 * Node's built-in modules as ES modules read every export when imported (Node's facade does, and so does
 * esbuild's CommonJS interop), and reading loads the lazy ones: node:http loaded undici (Node's fetch),
 * zlib its zip code, crypto all of WebCrypto, util its diff code. Each import here reads only the names its
 * file imports, through require.
 */
const builtinsThroughRequire = {
	name: 'builtins-through-require',
	setup(context) {
		const builtins = new Set(builtinModules);
		context.onResolve({filter: /^[a-z_:/]+$/}, args =>
			(args.kind === 'import-statement' || args.kind === 'dynamic-import') && (args.path.startsWith('node:') || builtins.has(args.path))
				? {
						path: `${args.path}?${args.importer}`,
						namespace: 'builtin',
						pluginData: {specifier: args.path, importer: args.importer, kind: args.kind},
						// Loading a built-in module changes nothing else: an import whose names are not used goes.
						sideEffects: false,
					}
				: undefined,
		);
		context.onLoad({filter: /.*/, namespace: 'builtin'}, async ({pluginData: {specifier, importer, kind}}) => {
			const required = `require(${JSON.stringify(specifier)})`;
			const imports = kind === 'import-statement' ? builtinImports(await readFile(importer, 'utf8'), specifier) : undefined;
			if (!imports) return {contents: `module.exports = ${required};`, loader: 'js'};
			// A plain function (createHash, hash, readFileSync) is called through a wrapper that loads the module
			// at the first call; classes and other values are read when the file is loaded.
			const real = process.getBuiltinModule(specifier);
			const plainFunction = name => typeof real?.[name] === 'function' && /^[a-z]/.test(name);
			return {
				contents: [
					`let builtin; const load = () => (builtin ??= ${required});`,
					...(imports.defaultImport ? ['export default load();'] : []),
					...imports.names
						.filter(name => name !== 'default')
						.map(name =>
							plainFunction(name)
								? `export function ${name}(...values) { return load().${name}(...values); }`
								: `export const ${name} = load().${name};`,
						),
				].join('\n'),
				loader: 'js',
			};
		});
	},
};

/**
 * Ink's layout engine (yoga, WebAssembly) fetches its own base64 data: URL with fetch() when fetch exists:
 * on Node that loads undici and pushes 100 KB through it at every start (about 20 ms). Decoding it directly,
 * as the same code does where fetch is missing, gives the same bytes.
 */
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(context) {
		context.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async args => {
			const before = 'function ya(){return w||"function"!=typeof fetch?';
			return {contents: await replacedIn(args.path, [[before, 'function ya(){return true?']], 'how yoga loads its WebAssembly'), loader: 'js'};
		});
	},
};

/**
 * Ink's Output.get() builds every frame as a grid of cell objects; source/ui/frameRows.ts makes the frames
 * that are rows of flat texts side by side (berth's lists) without it, and leaves any other frame to Ink.
 */
const framesByRows = {
	name: 'frames-by-rows',
	setup(context) {
		context.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]output\.js$/}, async args => {
			const before = '    get() {\n';
			const after = `${before}        const byRows = berthFrameByRows(this.operations, this.width, this.height);\n        if (byRows) return byRows;\n`;
			const rows = JSON.stringify(join(root, 'source', 'ui', 'frameRows.ts'));
			return {
				contents: `import {frameByRows as berthFrameByRows} from ${rows};\n${await replacedIn(args.path, [[before, after]], "how Ink's Output makes a frame")}`,
				loader: 'js',
				resolveDir: dirname(args.path),
			};
		});
	},
};

/**
 * Ink's incremental frames pass over each unchanged row with its own cursor-next-line code (ESC [E): a key
 * that moves the selection in a 60-row list wrote 56 of them, 168 of the frame's 384 bytes, every one for the
 * terminal to parse. A run of unchanged rows is passed in one code with its count (ESC [56E, CNL in ECMA-48,
 * which stops at the bottom line as the single ones do: xterm, tmux, the Linux console).
 */
const unchangedRowsInOneMove = {
	name: 'unchanged-rows-in-one-move',
	setup(context) {
		context.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]log-update\.js$/}, async args => {
			const replacements = [
				[
					'        for (let i = 0; i < visibleCount; i++) {\n',
					"        let berthPassed = 0;\n        const berthPass = () => {\n            if (berthPassed > 0) buffer.push(berthPassed === 1 ? ansiEscapes.cursorNextLine : `\\u001B[${berthPassed}E`);\n            berthPassed = 0;\n        };\n        for (let i = 0; i < visibleCount; i++) {\n",
				],
				['                    buffer.push(ansiEscapes.cursorNextLine);\n                }\n                continue;\n', '                    berthPassed++;\n                }\n                continue;\n'],
				['            const nextLine = nextLines[i];\n', '            berthPass();\n            const nextLine = nextLines[i];\n'],
				['        const cursorSuffix = buildCursorSuffix(nextLines.length - 1, activeCursor);\n        buffer.push(cursorSuffix);\n', '        berthPass();\n        const cursorSuffix = buildCursorSuffix(nextLines.length - 1, activeCursor);\n        buffer.push(cursorSuffix);\n'],
			];
			return {contents: await replacedIn(args.path, replacements, "how Ink's log-update passes over unchanged rows"), loader: 'js'};
		});
	},
};

/**
 * Ink writes a frame that updates the terminal as three writes: the synchronized-update code, the frame, the
 * code that ends it. Each write to a terminal is a system call that wakes the terminal (over ssh, a packet).
 * The three go as one write: what log-update writes for the frame is gathered between the two codes.
 */
const frameInOneWrite = {
	name: 'frame-in-one-write',
	setup(context) {
		context.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]ink\.js$/, namespace: 'file'}, async args => {
			const replacements = [
				[
					"import { bsu, esu, shouldSynchronize } from './write-synchronized.js';\n",
					[
						"import { bsu, esu, shouldSynchronize } from './write-synchronized.js';",
						'function berthOneWrite(stream, before, draw, after) {',
						'    const parts = [before];',
						"    const own = Object.hasOwn(stream, 'write');",
						'    const write = stream.write;',
						'    stream.write = chunk => { parts.push(String(chunk)); return true; };',
						'    try { draw(); } finally { if (own) stream.write = write; else delete stream.write; }',
						'    parts.push(after);',
						"    stream.write(parts.join(''));",
						'}',
						'',
					].join('\n'),
				],
				[
					'                if (shouldSync && shouldWrite) {\n                    this.options.stdout.write(bsu);\n                }\n                this.log(output);\n                if (shouldSync && shouldWrite) {\n                    this.options.stdout.write(esu);\n                }\n',
					'                if (shouldSync && shouldWrite) berthOneWrite(this.options.stdout, bsu, () => this.log(output), esu);\n                else this.log(output);\n',
				],
			];
			return {contents: await replacedIn(args.path, replacements, 'how Ink writes a throttled frame'), loader: 'js'};
		});
	},
};

/**
 * Text that Ink's squash leaves as it is: no control character but newlines and ESC, every ESC the start of a
 * colour code (SGR, digits and semicolons), no combining mark right after a code (Ink moves it in front), no
 * tab, no carriage return. berth's rows are such text; a test holds it to Ink's sanitizeAnsi.
 */
export const needsSanitizingPattern = /[\u0000-\u0009\u000B-\u001A\u001C-\u001F\u007F-\u009F]|\u001B(?!\[[0-9;]*m)|\u001B\[[0-9;]*m\p{M}/u;

/**
 * Ink squashes a <Text>'s text (its pieces joined, control sequences taken out, tabs expanded) each time it
 * measures the text and again each time it draws it, every frame, for every row on screen, changed or not.
 * Each text node keeps its last squash and what it was made from: the same pieces give the same text. A
 * changed row that needs no sanitizing (needsSanitizingPattern) is not cut into tokens and put back together.
 */
const squashOnce = {
	name: 'squash-once',
	setup(context) {
		context.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]squash-text-nodes\.js$/}, async args => {
			const replacements = [
				["import sanitizeAnsi from './sanitize-ansi.js';\n", `import sanitizeAnsi from './sanitize-ansi.js';\nconst berthNeedsSanitizing = ${needsSanitizingPattern};\n`],
				[
					"    text = sanitizeAnsi(text.replaceAll('\\r\\n', '\\n'));\n",
					`    const berthPieces = text;\n    if (node.berthSquashedFrom === berthPieces) return node.berthSquashed;\n    if (!berthNeedsSanitizing.test(text)) {\n        node.berthSquashedFrom = berthPieces;\n        node.berthSquashed = text;\n        return text;\n    }\n    text = sanitizeAnsi(text.replaceAll('\\r\\n', '\\n'));\n`,
				],
				['    return text;\n};', '    node.berthSquashedFrom = berthPieces;\n    node.berthSquashed = text;\n    return text;\n};'],
			];
			return {contents: await replacedIn(args.path, replacements, "how Ink squashes a text's pieces"), loader: 'js'};
		});
	},
};

/**
 * Ink compares a host element's old and new props (and their style) at every commit of every <Text> drawn:
 * Object.keys and Object.entries made an array, and an array per prop, each time. The same comparison walks
 * the props in place.
 */
const propsDiffInPlace = {
	name: 'props-diff-in-place',
	setup(context) {
		context.onLoad({filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/, namespace: 'file'}, async args => {
			const replacements = [
				['    for (const key of Object.keys(before)) {\n', '    for (const key in before) {\n        if (!Object.hasOwn(before, key)) continue;\n'],
				[
					'        for (const [key, value] of Object.entries(after)) {\n',
					'        for (const key in after) {\n            if (!Object.hasOwn(after, key)) continue;\n            const value = after[key];\n',
				],
			];
			return {contents: await replacedIn(args.path, replacements, "how Ink compares a host element's props"), loader: 'js'};
		});
	},
};

/**
 * Printable code points that string-width measures as one column when ambiguous characters are narrow (its
 * default): Latin-1 but the soft hyphen, general punctuation but the bidirectional controls, arrows, box
 * drawing and block elements. berth's screens use them (·, ›, …, ↑, ↓, ▁-█); test/distribution/bundle.test.ts
 * checks every one against string-width itself.
 */
export const narrowTextPattern = /^[\u0020-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2029\u202F-\u205E\u2190-\u21FF\u2500-\u259F]*$/;

/**
 * string-width segments any text that is not plain ASCII into graphemes and tests each against Unicode
 * property expressions (emoji among them): the first frame paid for compiling those and for ICU's segmenter
 * to measure a middle dot. Text made only of the characters above is as wide as it is long; the segmenter is
 * made when first needed, and so is the emoji expression: V8 builds \p{RGI_Emoji}'s sets when the expression is
 * created, about 20 ms of every start.
 */
const narrowTextFastPath = {
	name: 'narrow-text-fast-path',
	setup(context) {
		context.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async args => {
			const replacements = [
				['const segmenter = new Intl.Segmenter();', 'let segmenter;'],
				['segmenter.segment(string)', '(segmenter ??= new Intl.Segmenter()).segment(string)'],
				['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let rgiEmojiRegex;'],
				['rgiEmojiRegex.test(segment)', '(rgiEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(segment)'],
				[
					'if (/^[\\u0020-\\u007E]*$/.test(string)) {',
					`if (/^[\\u0020-\\u007E]*$/.test(string) || (ambiguousIsNarrow && ${narrowTextPattern}.test(string))) {`,
				],
			];
			return {contents: await replacedIn(args.path, replacements, "string-width's fast path"), loader: 'js'};
		});
	},
};

/**
 * Text whose every UTF-16 unit is a grapheme of its own: the narrow characters above, the C0 controls but the
 * carriage return (so no CR LF pair) and DEL. None of these joins a neighbour into one grapheme (none is a
 * combining mark, a joiner, a prepended or a spacing mark), so cutting such text into single units gives the
 * graphemes that Intl.Segmenter gives.
 */
export const singleUnitGraphemesPattern = /^[\u0000-\u000C\u000E-\u007E\u00A0-\u00AC\u00AE-\u00FF\u2010-\u2027\u202F-\u205E\u2190-\u21FF\u2500-\u259F]*$/;

/**
 * ICU's grapheme segmenter loads its data when the first Intl.Segmenter is made (about 10 ms): slice-ansi,
 * wrap-ansi, ansi-tokenize and Ink's line updates each made one when loaded. Each gets a stand-in whose
 * segment() makes the real one at the first call. ansi-tokenize, which Ink runs over every line it draws,
 * cuts text made only of single-unit graphemes (above) without the segmenter: the same graphemes, about a
 * tenth of the time.
 */
const segmentersOnDemand = {
	name: 'segmenters-on-demand',
	setup(context) {
		const stand = (name, options) =>
			`let ${name}Real; const ${name} = {segment: text => (${name}Real ??= new Intl.Segmenter(${options})).segment(text)};`;
		for (const [file, replacements] of [
			[
				/[\\/]node_modules[\\/]slice-ansi[\\/]tokenize-ansi\.js$/,
				[["const GRAPHEME_SEGMENTER = new Intl.Segmenter(undefined, {granularity: 'grapheme'});", stand('GRAPHEME_SEGMENTER', "undefined, {granularity: 'grapheme'}")]],
			],
			[/[\\/]node_modules[\\/]wrap-ansi[\\/]index\.js$/, [['const segmenter = new Intl.Segmenter();', stand('segmenter', '')]]],
			[
				/[\\/]node_modules[\\/]ink[\\/]build[\\/]line-update\.js$/,
				[["const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });", stand('segmenter', "undefined, {granularity: 'grapheme'}")]],
			],
			[
				/[\\/]node_modules[\\/]@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/,
				[
					['const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });', stand('segmenter', "undefined, {granularity: 'grapheme'}")],
					[
						'for (const { segment, index } of segmenter.segment(str)) {',
						`for (const { segment, index } of (${singleUnitGraphemesPattern}.test(str) ? singleUnits(str) : segmenter.segment(str))) {`,
					],
					[
						'export function tokenize(',
						'function* singleUnits(str) {\n    for (let index = 0; index < str.length; index++) yield { segment: str[index], index };\n}\nexport function tokenize(',
					],
				],
			],
		]) {
			context.onLoad({filter: file}, async args => ({contents: await replacedIn(args.path, replacements, 'how it makes its segmenter'), loader: 'js'}));
		}
	},
};

/**
 * signal-exit (Ink's exit hook) loads Node's assert module at start for one assert.equal on its argument:
 * loading assert costs milliseconds of Node's own modules before the first frame.
 */
const signalExitWithoutAssert = {
	name: 'signal-exit-without-assert',
	setup(context) {
		context.onResolve({filter: /^assert$/}, args =>
			/[\\/]node_modules[\\/]signal-exit[\\/]/.test(args.importer) ? {path: 'signal-exit-assert', namespace: 'signal-exit-assert'} : undefined,
		);
		context.onLoad({filter: /.*/, namespace: 'signal-exit-assert'}, () => ({
			contents: 'module.exports = {equal(actual, expected, message) { if (actual != expected) throw new Error(message); }};',
			loader: 'js',
		}));
	},
};

/**
 * A stand-in for require(module) that loads it at the first call or property read, and keeps it: require()
 * itself, even of a module already loaded, costs a fraction of a millisecond, and docker-modem reads
 * `http.request` at every request (a storm's thousand inspects paid 160 ms of it).
 */
const onDemand = module =>
	`(() => { let loaded; const load = () => (loaded ??= require('${module}')); return new Proxy(function () {}, {apply: (_, self, values) => load().apply(self, values), get: (_, key) => load()[key]}); })()`;

/**
 * Modules that libraries load when they are loaded, for things that berth does later or never: dockerode's
 * util module loads tar-fs, zlib (and with it Node's zip code) and a .dockerignore parser for image builds;
 * docker-modem loads https (and with it tls and all of crypto) for TLS engines, and http, which its first
 * request needs (after the first frame, which comes from firstListing.ts). They are loaded when first used.
 */
const requiresOnDemand = {
	name: 'requires-on-demand',
	setup(context) {
		for (const [file, replacements] of [
			[
				/[\\/]node_modules[\\/]dockerode[\\/]lib[\\/]util\.js$/,
				[
					['DockerIgnore', '@balena/dockerignore'],
					['tar', 'tar-fs'],
					['zlib', 'zlib'],
				],
			],
			[
				/[\\/]node_modules[\\/]docker-modem[\\/]lib[\\/]http\.js$/,
				[
					['nativeHttps', 'https'],
					['nativeHttp', 'http'],
				],
			],
			// ink-table hashes its rows' keys with object-hash, which loads crypto and lists its hashes when it is
			// loaded: the list is made at the first hash.
			[
				/[\\/]node_modules[\\/]object-hash[\\/]index\.js$/,
				[
					['crypto', 'crypto'],
					[
						"var hashes = crypto.getHashes ? crypto.getHashes().slice() : ['sha1', 'md5'];\nhashes.push('passthrough');",
						"var hashList; var hashes = new Proxy([], {get: (_, key) => { hashList ??= [...(crypto.getHashes ? crypto.getHashes() : ['sha1', 'md5']), 'passthrough']; const value = hashList[key]; return typeof value === 'function' ? value.bind(hashList) : value; }});",
					],
				],
			],
		]) {
			// [variable, module] for a require; [text, text] for a statement written another way.
			const texts = replacements.map(([name, module]) => (name.includes(' ') ? [name, module] : [`${name} = require('${module}')`, `${name} = ${onDemand(module)}`]));
			context.onLoad({filter: file}, async args => ({contents: await replacedIn(args.path, texts, 'what it loads'), loader: 'js'}));
		}
	},
};

const common = {
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	jsx: 'automatic',
	// ssh2's optional native add-ons (cpu-features, sshcrypto.node) are looked for in a try; without them
	// ssh2 uses its JavaScript and WebAssembly code, as it does when their install scripts did not run.
	external: ['cpu-features', '*.node'],
	banner: {
		// CommonJS libraries in an ES module: require for Node's built-in modules, and the __dirname that
		// ssh2's WebAssembly loader asks for.
		js: [
			"import {createRequire as __berthCreateRequire} from 'node:module';",
			"import {dirname as __berthDirname} from 'node:path';",
			"import {fileURLToPath as __berthFileURLToPath} from 'node:url';",
			'const require = __berthCreateRequire(import.meta.url);',
			'const __filename = __berthFileURLToPath(import.meta.url);',
			'const __dirname = __berthDirname(__filename);',
		].join(' '),
	},
	plugins: [framesByRows, unchangedRowsInOneMove, frameInOneWrite, squashOnce, propsDiffInPlace, requiresOnDemand, signalExitWithoutAssert, builtinsThroughRequire, yogaWithoutFetch, narrowTextFastPath, segmentersOnDemand, withoutDevtools, withoutBuildkit, withoutModemSsh, modemDebugWhenOn],
	define: {
		// React's development build checks and logs every render: a third more CPU for nothing a user sees.
		'process.env.NODE_ENV': '"production"',
		// --version answers from the bundle, without reading package.json.
		BERTH_VERSION: JSON.stringify(manifest.version),
	},
	minify: true,
	legalComments: 'none',
	logLevel: 'warning',
};

// Imported (by a test, for narrowTextPattern), it builds nothing.
const executed = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (!executed) {
	// Nothing to build.
} else if (process.argv[2] === 'exe') {
	// One file: a single executable cannot import modules from the file system. Node's --build-sea then
	// copies the running node binary with the bundle and its V8 code cache inside.
	await build({...common, entryPoints: ['cli.tsx'], outfile: 'dist/exe/berth.mjs'});
	const output = `dist/berth-${process.platform}-${process.arch}`;
	await writeFile(
		'dist/exe/sea-config.json',
		`${JSON.stringify(
			{
				main: 'dist/exe/berth.mjs',
				mainFormat: 'module',
				output,
				disableExperimentalSEAWarning: true,
				useCodeCache: true,
				// The young generation of berth's command (dist/cli.js's first line): the executable has no command line of its own.
				execArgv: ['--max-semi-space-size=1'],
			},
			null,
			'\t',
		)}\n`,
	);
	execFileSync(process.execPath, ['--build-sea', 'dist/exe/sea-config.json'], {cwd: root, stdio: 'inherit'});
	console.log(`${output}: ${Math.round(statSync(join(root, output)).size / 2 ** 20)} MiB (Node ${process.versions.node})`);
} else {
	await rm(join(root, 'dist', 'chunks'), {recursive: true, force: true});
	await mkdir(join(root, 'dist'), {recursive: true});
	// Code splitting: --help and --version load the entry alone; the UI and dockerode are chunks that the
	// entry imports only to start the UI.
	await build({
		...common,
		entryPoints: {berth: 'cli.tsx'},
		outdir: 'dist',
		splitting: true,
		chunkNames: 'chunks/[name]-[hash]',
	});

	// The command itself is a small loader: it turns on Node's compile cache before the bundle is compiled,
	// so every start after the first skips compiling the JavaScript (V8's code of the functions the last run
	// used). The cache is berth's own folder, one subfolder per build (named by its version and the hash of
	// its entry, which names every chunk by its content): $XDG_CACHE_HOME/berth/compile-cache, else
	// ~/.cache/berth/compile-cache. Other builds' subfolders made over 30 days ago are removed, so the cache
	// holds the builds in use (about 1 MB each). A folder that cannot be made or written: no cache, and berth
	// starts as well, compiling as it goes. NODE_COMPILE_CACHE, when set, wins (Node's own setting).
	const buildName = `${manifest.version}-${createHash('sha256').update(await readFile(join(root, 'dist', 'berth.js'))).digest('hex').slice(0, 12)}`;
	await writeFile(
		'dist/cli.js',
		[
			// A young generation of 1 MiB (V8's default grows to 16): berth allocates in small, short-lived pieces
			// (a log flood, listings), and a large young generation mostly keeps resident memory that is garbage.
			// V8's memory saver is turned on after the first frame (source/app/memory.ts): given here, as
			// --optimize-for-size was, it made Node refuse the code cache of its own modules at every start.
			'#!/usr/bin/env -S node --max-semi-space-size=1',
			"import module from 'node:module';",
			// Node's modules through require: imported as ES modules they read every export, and node:fs's
			// promises export alone loads fs/promises.
			'const require = module.createRequire(import.meta.url);',
			'try {',
			"\tconst {mkdirSync, readdirSync, rmSync, statSync} = require('node:fs');",
			"\tconst {homedir} = require('node:os');",
			"\tconst {isAbsolute, join} = require('node:path');",
			"\tconst xdg = process.env.XDG_CACHE_HOME ?? '';",
			"\tlet folder = isAbsolute(xdg) ? xdg : join(homedir(), '.cache');",
			// One level at a time: a recursive mkdir (Node's, and the compile cache's own) never returns under /proc.
			"\tfor (const part of ['', 'berth', 'compile-cache']) {",
			'\t\tfolder = join(folder, part);',
			"\t\ttry { mkdirSync(folder, {mode: 0o700}); } catch (error) { if (error.code !== 'EEXIST') throw error; }",
			'\t}',
			'',
			`\tmodule.enableCompileCache?.(join(folder, ${JSON.stringify(buildName)}));`,
			'\tfor (const name of readdirSync(folder)) {',
			`\t\tif (name !== ${JSON.stringify(buildName)} && Date.now() - statSync(join(folder, name)).mtimeMs > 30 * 86_400_000) rmSync(join(folder, name), {recursive: true, force: true});`,
			'\t}',
			'} catch {}',
			"await import('./berth.js');",
			'',
		].join('\n'),
		{mode: 0o755},
	);
}
