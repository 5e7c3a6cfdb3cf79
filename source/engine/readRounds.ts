// Sockets read in rounds: the samples of an engine's pass over its containers read together, in one go.
import type net from 'node:net';

/**
 * Answers read in rounds. An engine reads its containers' stats one after another (Docker's collector: a pass
 * every second or so, a few ms a container) and writes each sample as soon as it is read, so 50 streams
 * followed as they come are read and parsed one at a time, 50 times a second, each through Node's reading and
 * berth's code afresh (in berth the first JSON.parse of a sample read on its own took 25 to 55 µs at the
 * median, the same parse again 5). From the first sample of a pass every socket in the round stops reading
 * for `holdMs`; the samples of the rest of the pass wait in the kernel and are then read together, in one go.
 * (Node still wakes once for each held socket when its sample comes, to stop watching it: libuv stops
 * lazily; that runs no JavaScript.) The same goes for a round of one-shot samples, which the engine answers
 * at its next pass. Nothing is lost or cut: a socket that stops reading keeps what the engine writes, and a
 * stream is held only between lines. A new hold starts no sooner than `rearmMs` after the one before, so the
 * samples read when a hold ends do not start another.
 */
export class ReadRounds {
	private readonly sockets = new Set<net.Socket>();
	private holding: NodeJS.Timeout | undefined;
	/** A hold just ended: the held sockets are read in the event loop's next poll, this is false after it. */
	private releasing = false;
	/** The hold holds other sockets than the one that started it (a round of one has no rest to wait for). */
	private holdsOthers = false;
	private nextHoldAt = 0;

	constructor(
		private readonly holdMs = 500,
		private readonly rearmMs = 900,
	) {}

	add(socket: net.Socket): void {
		this.sockets.add(socket);
	}

	delete(socket: net.Socket): void {
		this.sockets.delete(socket);
	}

	/**
	 * Whether a round is being read now: its first sample was handed on and the rest of the pass is held, or
	 * has been let go and is not read yet. A caller that draws samples waits for the rest
	 * (StatsFollower.take), or the pass is drawn in two frames. A round of one socket (the details pane's
	 * stream) has no rest: it is never under way.
	 */
	holdingNow(): boolean {
		return this.holdsOthers && (this.holding !== undefined || this.releasing);
	}

	/** Sockets in the round now. */
	size(): number {
		return this.sockets.size;
	}

	/** After `socket` handed on something whole: whether it goes on reading now (false: held, with the rest). */
	answered(socket: net.Socket): boolean {
		// A socket outside the round is never held: nothing would resume it.
		if (!this.sockets.has(socket)) return true;
		if (this.holding !== undefined) return false;
		const now = Date.now();
		if (now < this.nextHoldAt) return true;
		this.nextHoldAt = now + this.rearmMs;
		this.holdsOthers = this.sockets.size > 1;
		for (const other of this.sockets) {
			if (other !== socket) other.pause();
		}

		this.holding = setTimeout(() => {
			this.holding = undefined;
			for (const held of this.sockets) held.resume();
			// A timer due at the same turn (the screen's clock) still finds the round under way: what the
			// sockets hold is read in the poll that comes before this immediate.
			this.releasing = true;
			setImmediate(() => {
				this.releasing = false;
			}).unref();
		}, this.holdMs);
		// A hold never keeps berth running.
		this.holding.unref();
		return false;
	}
}
