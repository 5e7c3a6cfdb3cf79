// Bundles cli.tsx into dist/cli.js: one file to load makes start-up faster than resolving hundreds of modules.
import {writeFile} from 'node:fs/promises';
import {build} from 'esbuild';

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
 * dockerode loads gRPC and protobuf for BuildKit sessions (image builds), which berth never starts: the
 * bundle leaves them out, so starting berth does not evaluate them.
 */
const withoutBuildkitSessions = {
	name: 'without-buildkit-sessions',
	setup(context) {
		context.onResolve({filter: /^\.\/session$/}, args =>
			args.importer.includes(`${'node_modules'}/dockerode/`) ? {path: 'dockerode-session', namespace: 'no-session'} : undefined,
		);
		context.onLoad({filter: /.*/, namespace: 'no-session'}, () => ({
			contents: "module.exports = function () { throw new Error('BuildKit sessions are not part of berth'); };",
			loader: 'js',
		}));
	},
};

await build({
	entryPoints: ['cli.tsx'],
	outfile: 'dist/berth.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	jsx: 'automatic',
	// ssh2's optional native add-ons are loaded by ssh2 itself, from node_modules.
	external: ['ssh2', 'cpu-features'],
	banner: {
		js: "import {createRequire as __berthCreateRequire} from 'node:module'; const require = __berthCreateRequire(import.meta.url);",
	},
	plugins: [withoutDevtools, withoutBuildkitSessions],
	// React's development build checks and logs every render: a third more CPU for nothing a user sees.
	define: {'process.env.NODE_ENV': '"production"'},
	minify: true,
	legalComments: 'none',
	logLevel: 'warning',
});

// The command itself is a small loader: it turns on Node's compile cache before the bundle is compiled,
// so every start after the first skips compiling three megabytes of JavaScript.
await writeFile(
	'dist/cli.js',
	[
		// A young generation of 1 MiB (V8's default grows to 16): berth allocates in small, short-lived pieces
		// (a log flood, listings), and a large young generation mostly keeps resident memory that is garbage.
		// --optimize-for-size: a heap that grows less and gives memory back once a flood is over (175 -> 123
		// MiB during a log flood, 175 -> 103 MiB after it), for some CPU.
		'#!/usr/bin/env -S node --max-semi-space-size=1 --optimize-for-size',
		"import module from 'node:module';",
		'module.enableCompileCache?.();',
		"await import('./berth.js');",
		'',
	].join('\n'),
	{mode: 0o755},
);
