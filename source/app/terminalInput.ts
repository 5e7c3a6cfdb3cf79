// Handing the terminal to a child process without racing it for what the operator types.
import fs from 'node:fs';

type ReadingHandle = {reading?: boolean; readStart?: () => number; readStop?: () => number};

/**
 * Stops berth reading its terminal until the returned function is called. Node goes on reading a TTY stdin
 * that has no listener or is paused (until its buffer fills), so a child given the terminal would race berth
 * for each line typed: berth could take the line, or block in a read the child's shell made blocking.
 */
export function holdTerminalInput(stdin: NodeJS.ReadStream): () => void {
	const handle = (stdin as unknown as {_handle?: ReadingHandle})._handle;
	if (!handle?.readStop || !handle.readStart || !handle.reading) return () => undefined;
	handle.reading = false;
	handle.readStop();
	return () => {
		handle.reading = true;
		handle.readStart!();
	};
}

/**
 * The terminal for a child: a file of its own on the controlling terminal, so what the child sets on it (a
 * shell clears non-blocking mode) is not set on berth's; 'inherit' where there is none.
 */
export function openChildTerminal(): {stdio: 'inherit' | [number, number, number]; close: () => void} {
	try {
		const fd = fs.openSync('/dev/tty', 'r+');
		return {
			stdio: [fd, fd, fd],
			close() {
				fs.closeSync(fd);
			},
		};
	} catch {
		return {stdio: 'inherit', close: () => undefined};
	}
}
