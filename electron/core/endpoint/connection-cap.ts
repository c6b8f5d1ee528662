/**
 * A cap on open connections, shared by the endpoint's servers. Without one, 20,100 silent sockets
 * took the server to its file-descriptor limit and the engine got 3 of 82 requests through. Past
 * the cap the idlest connection is shed — the one whose last request is oldest and that is not
 * waiting for an answer — so a flood of idle sockets only ever pushes out its own, and an engine
 * that has just connected and sent a request is kept.
 */
import type { Socket } from 'node:net';

/** Open connections in order of last activity (a Map keeps insertion order: first = idlest). */
export class ConnectionCap {
  private readonly sockets = new Map<Socket, true>();

  constructor(private readonly max: number) {}

  /** Counts a new connection and sheds the idlest one when past the cap. */
  admit(socket: Socket): void {
    this.sockets.set(socket, true);
    socket.once('close', () => this.sockets.delete(socket));
    if (this.sockets.size > this.max) this.shedIdlest(socket);
  }

  /** Marks a connection as just used (a request arrived on it). */
  touch(socket: Socket): void {
    if (this.sockets.delete(socket)) this.sockets.set(socket, true);
  }

  /** How many connections are open. */
  get size(): number {
    return this.sockets.size;
  }

  private shedIdlest(newest: Socket): void {
    let victim: Socket | null = null;
    for (const socket of this.sockets.keys()) {
      // Node sets _httpMessage while a response is pending on the socket: that one is at work, not idle.
      if (socket !== newest && !(socket as Socket & { _httpMessage?: unknown })._httpMessage) {
        victim = socket;
        break;
      }
    }
    // Every other connection awaits an answer: the newcomer is the one that waits its turn.
    victim ??= newest;
    this.sockets.delete(victim);
    victim.destroy();
  }
}
