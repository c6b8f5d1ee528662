/** The endpoint's fixed numbers: default port, size limits, timeouts, throttling. One place to review them. */

/**
 * Default loopback port. 47123 is outside the IANA-registered ranges most local tools use and
 * outside Linux's default ephemeral range (32768–60999 starts above it only on some systems), so
 * a collision is unlikely; `--port` / the registry's `engine.port` override it.
 */
export const DEFAULT_ENGINE_PORT = 47123;

/** Limits that keep slow or hostile local clients from pinning the server. Tests shrink the timeouts. */
export interface EndpointLimits {
  /** Bytes of request line + headers; Node answers 431 above it. */
  maxHeaderBytes: number;
  /** Bytes of a request body (only the webhook route reads one). */
  maxBodyBytes: number;
  /** Time to receive the complete headers, from the first byte. */
  headersTimeoutMs: number;
  /** Time to receive the whole request. */
  requestTimeoutMs: number;
  /** Idle time of a kept-alive connection between requests. */
  keepAliveTimeoutMs: number;
  /** A socket that sends nothing for this long is closed (headersTimeout only starts at the first byte). */
  idleTimeoutMs: number;
  /** How often Node sweeps connections for the two timeouts above. */
  connectionsCheckingIntervalMs: number;
  /** Open connections (all addresses together); past it the idlest is closed. */
  maxConnections: number;
  /** Wrong tokens answered at once within `failureWindowMs`; past that their 401s are spaced out (a valid token is never slowed). */
  maxFailedAttempts: number;
  failureWindowMs: number;
}

/** The limits in production (docs/engine.md and docs/loopback-api.yaml quote them). */
export const DEFAULT_LIMITS: EndpointLimits = {
  maxHeaderBytes: 8 * 1024,
  maxBodyBytes: 64 * 1024,
  headersTimeoutMs: 5_000,
  requestTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  // Long enough for a keychain prompt the user must answer on first use (macOS), short enough to free silent sockets.
  idleTimeoutMs: 30_000,
  connectionsCheckingIntervalMs: 1_000,
  // Far above what engines use (a few keep-alive sockets each), far below the process's fd limit.
  maxConnections: 256,
  maxFailedAttempts: 20,
  failureWindowMs: 10_000,
};

/** Entries the access log keeps in memory for the window and the tray. */
export const MEMORY_LOG_ENTRIES = 200;

/** Size of the access log file before it is rotated to `<file>.1` (so at most twice this on disk). */
export const LOG_FILE_MAX_BYTES = 1024 * 1024;

/** How long a `/v1/challenge` nonce can be used for a proof (once). */
export const NONCE_LIFETIME_MS = 30_000;

/** Authenticated requests alike (token, route, account, answer) within this long share one access-log line with a count. */
export const SAME_LINE_MS = 1_000;

/** Requests without a valid token are counted and written as one summary line per status this often. */
export const UNAUTHENTICATED_SUMMARY_MS = 60_000;

/** How often the registry file is polled for changes made by another process (must stay well under 1 s). */
export const REGISTRY_POLL_MS = 250;

/** A token's `lastUsedAt` is written back at most this often, so requests never wait on the registry. */
export const LAST_USED_WRITE_MS = 60_000;
