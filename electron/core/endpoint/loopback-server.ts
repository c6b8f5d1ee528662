/**
 * HTTP servers bound to loopback only: 127.0.0.1 always, ::1 when the machine has IPv6 loopback.
 * Never 0.0.0.0 / ::, so nothing off this machine can connect. Node's parser limits and timeouts
 * are set tight so a slow or garbage-sending client is cut off instead of pinning a socket.
 */
import { connect } from 'node:net';
import { chmod, unlink } from 'node:fs/promises';
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { ConnectionCap } from './connection-cap';
import { AppError } from '../errors';
import type { EndpointLimits } from './endpoint-limits';
import { rawErrorResponse } from './json-reply';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

const PARSER_ANSWERS: Record<string, [number, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'The request took too long to arrive.'],
};

function makeServer(listener: Listener, limits: EndpointLimits, onClientError: (status: number) => void, cap: ConnectionCap): Server {
  const server = createServer(
    {
      maxHeaderSize: limits.maxHeaderBytes,
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.connectionsCheckingIntervalMs,
      requireHostHeader: true,
      insecureHTTPParser: false,
    },
    (req, res) => {
      cap.touch(req.socket);
      listener(req, res);
    },
  );
  server.on('connection', (socket: Socket) => cap.admit(socket));
  // headersTimeout only starts at a request's first byte: a socket that connects and stays silent
  // would be kept forever. An inactivity timeout destroys those (Node does so when no listener is set).
  server.setTimeout(limits.idleTimeoutMs);
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const busy = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent;
    if (error.code === 'ECONNRESET' || !socket.writable || busy) {
      socket.destroy();
      return;
    }
    const [status, message] = PARSER_ANSWERS[error.code ?? ''] ?? [400, 'The request is not valid HTTP/1.1.'];
    onClientError(status);
    socket.end(rawErrorResponse(status, STATUS_CODES[status] ?? 'Error', message));
  });
  return server;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(error);
    server.once('error', onError);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

/** Closes servers and every connection they hold. */
export async function closeServers(servers: readonly Server[]): Promise<void> {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    ),
  );
}

function portInUse(port: number, host: string): AppError {
  return new AppError(
    'port-in-use',
    `Port ${port} is already in use on ${host}: another program (or another copy of SMS-iT Twilio Credentials) listens there. ` +
      `Stop it, or choose another port (smsit-twilio serve --port N, or the port setting in the app).`,
    { field: 'port' },
  );
}

/** Listens on 127.0.0.1 and, if available, ::1 at the same port (0 = any free one). Throws `port-in-use` naming the port. */
export async function listenOnLoopback(listener: Listener, port: number, limits: EndpointLimits, onClientError: (status: number) => void = () => {}): Promise<{ servers: Server[]; port: number }> {
  const cap = new ConnectionCap(limits.maxConnections);
  for (let attempt = 0; ; attempt += 1) {
    const v4 = makeServer(listener, limits, onClientError, cap);
    let bound: number;
    try {
      bound = await listen(v4, port, '127.0.0.1');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw portInUse(port, '127.0.0.1');
      throw new AppError('io', `The engine endpoint could not listen on 127.0.0.1:${port} (${(error as NodeJS.ErrnoException).code}).`, { field: 'port' }, { cause: error });
    }
    const v6 = makeServer(listener, limits, onClientError, cap);
    try {
      await listen(v6, bound, '::1');
      return { servers: [v4, v6], port: bound };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No IPv6 loopback on this machine (containers, IPv6 disabled): 127.0.0.1 alone is fine.
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') return { servers: [v4], port: bound };
      await closeServers([v4]);
      // A free IPv4 port may be taken on ::1; with an ephemeral port just try another one.
      if (code === 'EADDRINUSE' && port === 0 && attempt < 5) continue;
      if (code === 'EADDRINUSE') throw portInUse(bound, '::1');
      throw new AppError('io', `The engine endpoint could not listen on [::1]:${bound} (${code}).`, { field: 'port' }, { cause: error });
    }
  }
}

/** True when something answers on the Unix socket at `path` (a live server, not a stale file). */
function socketAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = connect({ path });
    probe.once('connect', () => {
      probe.destroy();
      resolve(true);
    });
    probe.once('error', () => resolve(false));
  });
}

function listenPath(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ path, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Listens on a Unix socket at `path` (inside a 0700 folder of ours, so no other user can take its
 * place or connect), file mode 0600. A stale socket file from a crash is replaced; a live one
 * (another copy serving) is `port-in-use`.
 */
export async function listenOnSocket(listener: Listener, path: string, limits: EndpointLimits, onClientError: (status: number) => void = () => {}): Promise<Server> {
  const server = makeServer(listener, limits, onClientError, new ConnectionCap(limits.maxConnections));
  try {
    await listenPath(server, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') {
      throw new AppError('io', `The engine endpoint could not listen on the socket ${path} (${(error as NodeJS.ErrnoException).code}).`, { path }, { cause: error });
    }
    if (await socketAnswers(path)) {
      throw new AppError('port-in-use', `Another copy of SMS-iT Twilio Credentials already serves the engine on ${path}. Quit it (or stop its \`smsit-twilio serve\`), then try again.`, { path });
    }
    await unlink(path); // left by a crash: nobody listens on it
    await listenPath(server, path);
  }
  await chmod(path, 0o600);
  return server;
}

/** Removes a Unix socket file after its server closed (missing is fine). */
export async function removeSocketFile(path: string): Promise<void> {
  await unlink(path).catch(() => {});
}
