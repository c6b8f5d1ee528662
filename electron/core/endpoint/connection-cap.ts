/**
 * A cap on open connections, shared by the endpoint's servers. Without one, 20,100 silent sockets
 * took the server to its file-descriptor limit and the engine got 3 of 82 requests through. Past
 * the cap the idlest connection is shed — the one whose last request is oldest and that is not
 * waiting for an answer — so a flood of idle sockets only ever pushes out its own, and an engine
 * that has just connected and sent a request is kept.
 */
import type { Socket } from 'node:net';

const LAST_USED = Symbol('when a request last arrived on this connection');
type UsedSocket = Socket & { [LAST_USED]?: number };

/**
 * The open connections, each stamped with the number of its last request: a request only writes
 * its stamp (re-ordering a Map on every request showed in profiles), and the rare shedding past
 * the cap looks for the lowest.
 */
export class ConnectionCap {
  private readonly sockets = new Set<UsedSocket>();
  private requests = 0;

  constructor(private readonly max: number) {}

  /** Counts a new connection and sheds the idlest one when past the cap. */
  admit(socket: Socket): void {
    const used = socket as UsedSocket;
    used[LAST_USED] = this.requests;
    this.sockets.add(used);
    socket.once('close', () => this.sockets.delete(used));
    if (this.sockets.size > this.max) this.shedIdlest(used);
  }

  /** Marks a connection as just used (a request arrived on it). */
  touch(socket: Socket): void {
    (socket as UsedSocket)[LAST_USED] = ++this.requests;
  }

  /** How many connections are open. */
  get size(): number {
    return this.sockets.size;
  }

  private shedIdlest(newest: UsedSocket): void {
    let victim: UsedSocket | null = null;
    for (const socket of this.sockets) {
      // Node sets _httpMessage while a response is pending on the socket: that one is at work, not idle.
      if (socket === newest || (socket as Socket & { _httpMessage?: unknown })._httpMessage) continue;
      // Oldest last request first; among equals the one connected first (a Set keeps insertion order).
      if (victim === null || (socket[LAST_USED] ?? 0) < (victim[LAST_USED] ?? 0)) victim = socket;
    }
    // Every other connection awaits an answer: the newcomer is the one that waits its turn.
    victim ??= newest;
    this.sockets.delete(victim);
    victim.destroy();
  }
}
