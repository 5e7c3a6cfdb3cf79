// Shells and attached terminals over the Engine API's hijacked streams.
import type {Duplex, Readable} from 'node:stream';
import type Docker from 'dockerode';
import type {TerminalSession} from './types.js';

/** Runs a command without a terminal and says whether it exited 0: how a shell's presence is found. */
export async function commandRuns(container: Docker.Container, command: string[]): Promise<boolean> {
	try {
		const exec = await container.exec({Cmd: command, AttachStdout: true, AttachStderr: true});
		const stream = (await exec.start({hijack: true, stdin: false})) as unknown as Duplex;
		await new Promise<void>(resolve => {
			stream.on('end', resolve);
			stream.on('close', resolve);
			stream.on('error', () => resolve());
			stream.resume();
		});
		const result = await exec.inspect();
		return result.ExitCode === 0;
	} catch {
		return false;
	}
}

export function terminalSession(
	stream: Duplex,
	open: Set<Readable>,
	resize: (columns: number, rows: number) => Promise<void>,
	size: {columns: number; rows: number},
): TerminalSession {
	open.add(stream);
	const finished = new Promise<void>(resolve => {
		const done = () => {
			open.delete(stream);
			resolve();
		};

		stream.on('end', done);
		stream.on('close', done);
		stream.on('error', done);
	});
	const session: TerminalSession = {
		output: stream,
		input: stream,
		async resize(columns, rows) {
			await resize(columns, rows).catch(() => undefined);
		},
		finished,
		close() {
			stream.destroy();
		},
	};
	void session.resize(size.columns, size.rows);
	return session;
}

