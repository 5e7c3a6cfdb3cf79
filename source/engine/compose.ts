// The compose CLI found on this machine (`docker compose`, else `docker-compose`), run for one project against
// one engine, its output handed on line by line as it comes.
import {spawn} from 'node:child_process';
import {createInterface} from 'node:readline';

export type ComposeCli = {command: string; prefix: readonly string[]};

const candidates: readonly ComposeCli[] = [
	{command: 'docker', prefix: ['compose']},
	{command: 'docker-compose', prefix: []},
];

async function answers(cli: ComposeCli): Promise<boolean> {
	return new Promise(resolve => {
		const child = spawn(cli.command, [...cli.prefix, 'version'], {stdio: 'ignore'});
		child.on('error', () => resolve(false));
		child.on('exit', code => resolve(code === 0));
	});
}

let found: Promise<ComposeCli | undefined> | undefined;

/** The first compose CLI that answers `version`; looked for once. */
export async function findComposeCli(): Promise<ComposeCli | undefined> {
	found ??= (async () => {
		for (const cli of candidates) if (await answers(cli)) return cli;
		return undefined;
	})();
	return found;
}

export function formatComposeCli(cli: ComposeCli): string {
	return [cli.command, ...cli.prefix].join(' ');
}

export type ComposeRun = {
	/** DOCKER_HOST of the project's engine. */
	host: string;
	project: string;
	files: readonly string[];
	workingDir: string;
	/** The subcommand and its flags (`up -d`). */
	args: readonly string[];
};

/** The arguments after the CLI's own: the project, its files and directory, then the subcommand. */
export function composeArguments(run: ComposeRun): string[] {
	return [
		'-p',
		run.project,
		...run.files.flatMap(file => ['-f', file]),
		...(run.workingDir ? ['--project-directory', run.workingDir] : []),
		...run.args,
	];
}

/** Runs the CLI in the project's working directory; resolves with its exit code (or rejects when it cannot start). */
export async function runCompose(cli: ComposeCli, run: ComposeRun, onLine: (line: string) => void): Promise<number> {
	const child = spawn(cli.command, [...cli.prefix, ...composeArguments(run)], {
		cwd: run.workingDir || undefined,
		env: {...process.env, DOCKER_HOST: run.host, DOCKER_CONTEXT: '', COMPOSE_INTERACTIVE_NO_CLI: '1'},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const read = (stream: NodeJS.ReadableStream) =>
		new Promise<void>(resolve => {
			const lines = createInterface({input: stream, crlfDelay: Number.POSITIVE_INFINITY});
			lines.on('line', onLine);
			lines.on('close', resolve);
		});
	const reading = Promise.all([read(child.stdout), read(child.stderr)]);
	const code = await new Promise<number>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', exit => resolve(exit ?? 1));
	});
	await reading;
	return code;
}
