/**
 * One request from first byte to access-log entry: browser and Host checks first (before any
 * work), then the route, the engine token (throttled), the pause switch, the route itself.
 * Everything runs in the request's own tick unless a route has to wait (a first keychain read,
 * a request body): the hot path allocates no promise.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { AppError } from '../errors';
import type { AccessLog } from './access-log';
import type { CredentialCache } from './credential-cache';
import { answerSignature, authMessage, isProofHeader, parseProofHeader, type NonceBook } from './engine-proof';
import type { TokenMatcher } from './engine-tokens';
import type { FailedAttemptThrottle, FailureVerdict } from './failed-attempt-throttle';
import { sendBytes, sendError, sendJson } from './json-reply';
import { BodyError } from './read-json-body';
import type { RegistrySnapshot } from './registry-view';
import { bearerToken, checkHost, checkNotFromBrowser } from './request-guards';
import { RawJson, ROUTES, type RouteContext } from './endpoint-routes';

/** The live state a request reads; the endpoint swaps it when the registry changes. */
export interface HandlerState {
  /** The registry as last read, or the error that kept it from being read (then only health answers). */
  current(): RegistrySnapshot;
  hosts(): Set<string>;
  tokenUsed(name: string): void;
}

/** Everything a request may use, built once per start. */
export interface HandlerDeps {
  state: HandlerState;
  secrets: CredentialCache;
  answers: WeakMap<object, RawJson>;
  throttle: FailedAttemptThrottle;
  log: AccessLog;
  apiBase: string | null;
  version: string;
  maxBodyBytes: number;
  /** This run's challenges for the mutual exchange. */
  nonces: NonceBook;
}

/**
 * One request as it goes: what the route reads (the trace is its context: one object per request,
 * not two) and what the access log needs to know, filled in as it goes.
 */
interface Trace extends RouteContext {
  res: ServerResponse;
  deps: HandlerDeps;
  started: number;
  path: string;
  tokenName: string | null;
  /** Extra answer headers (WWW-Authenticate, Allow, Connection). */
  reply: Record<string, string>;
  /** Set for a wrong token: how long its 401 waits, or 'drop'. */
  verdict: FailureVerdict | null;
  /** Set when the engine authenticated with a proof: its 200 answer is signed with this. */
  proof: { serverKey: Buffer; message: string } | null;
}

/** The token a connection presented last and whom it was, against the matcher that said so. */
interface KnownToken {
  matcher: TokenMatcher;
  header: string;
  name: string;
}
const KNOWN_TOKEN = Symbol('engine token this connection presented');
type TokenSocket = { [KNOWN_TOKEN]?: KnownToken };

/**
 * Every token is compared, whatever the throttle says: a valid token is always served. A kept-alive
 * engine sends the same header on every request of its connection: once its token was matched
 * (hashed and compared in constant time), the same header on the same connection is known without
 * hashing again. Only that connection's own earlier header is compared, so nobody else can time it;
 * a registry change (a revoked token) brings a new matcher, which forgets every connection's token.
 */
function authenticate(trace: Trace, matcher: TokenMatcher): string {
  const { deps, reply, req } = trace;
  const header = req.headers.authorization;
  const socket = req.socket as TokenSocket;
  const known = socket[KNOWN_TOKEN];
  if (known !== undefined && known.header === header && known.matcher === matcher) return known.name;
  if (isProofHeader(header)) return authenticateProof(trace, matcher, header as string);
  const token = bearerToken(req.headers);
  if (token === null) {
    reply['WWW-Authenticate'] = 'Bearer realm="smsit-twilio"';
    throw new AppError('unauthorized', 'Send an engine token as "Authorization: Bearer <token>". Create one with `smsit-twilio tokens create NAME`.');
  }
  const name = matcher.match(token);
  if (name === null) {
    trace.verdict = deps.throttle.recordFailure();
    reply.Connection = 'close';
    reply['WWW-Authenticate'] = 'Bearer realm="smsit-twilio"';
    throw new AppError('unauthorized', 'This engine token is not valid: it is wrong or was revoked. Create a new one with `smsit-twilio tokens create NAME`.');
  }
  socket[KNOWN_TOKEN] = { matcher, header: header as string, name };
  return name;
}

/**
 * The mutual exchange (engine-proof.ts): the proof must be made with a stored token over this very
 * request (method, Host, path) and a challenge this run issued, unused and unexpired. A wrong proof
 * counts as a wrong token. Proofs are never remembered per connection: each is good once.
 */
function authenticateProof(trace: Trace, matcher: TokenMatcher, header: string): string {
  const { deps, req, reply } = trace;
  const parsed = parseProofHeader(header);
  reply['WWW-Authenticate'] = 'SMSIT-Proof realm="smsit-twilio"';
  if (parsed === null) {
    throw new AppError('unauthorized', 'This SMSIT-Proof header is malformed: it needs nonce="…" (from GET /v1/challenge), cnonce="…" (16–64 base64url characters) and proof="…" (43). See docs/engine.md.');
  }
  const message = authMessage({ nonce: parsed.nonce, cnonce: parsed.cnonce, method: req.method ?? '', host: req.headers.host ?? '', path: req.url ?? '' });
  const proven = matcher.matchProof(message, parsed.proof);
  if (proven !== null && deps.nonces.redeem(parsed.nonce)) {
    trace.proof = { serverKey: proven.serverKey, message };
    return proven.name;
  }
  trace.verdict = deps.throttle.recordFailure();
  reply.Connection = 'close';
  if (proven === null) {
    throw new AppError(
      'unauthorized',
      matcher.hasBearerOnlyTokens
        ? 'This proof was not made with a valid engine token: it is wrong or revoked, or the token was made before proofs existed (those work with Bearer only). Create a new one with `smsit-twilio tokens create NAME`.'
        : 'This proof was not made with a valid engine token: it is wrong or was revoked. Create a new one with `smsit-twilio tokens create NAME`.',
    );
  }
  throw new AppError('unauthorized', 'This proof\'s challenge is not valid here: it expired (after 30 s), was used already, or was issued before the endpoint restarted. Ask GET /v1/challenge for a new one for every request.');
}

/** Runs the checks and the route; returns the route's answer (a value, or a promise of one). */
function dispatch(trace: Trace, queryAt: number): unknown {
  const { req, deps, path } = trace;
  checkNotFromBrowser(req.headers);
  checkHost(req.headers, deps.state.hosts());
  const route = ROUTES.get(path);
  if (!route) throw new AppError('not-found', `There is no ${path} here. The routes are /v1/health, /v1/challenge, /v1/accounts, /v1/headers and /v1/webhooks/validate.`);
  if (req.method !== route.method) {
    trace.reply.Allow = route.method;
    throw new BodyError(405, `${path} answers ${route.method} only.`);
  }
  const current = deps.state.current();
  if (route.needsToken) {
    if ('error' in current) throw current.error;
    trace.tokenName = authenticate(trace, current.matcher);
    deps.state.tokenUsed(trace.tokenName);
    if (current.registry.engine.paused) {
      throw new AppError('endpoint-paused', 'The engine endpoint is paused. Resume it from the tray menu (Engine access → Resume) to hand out credentials again.');
    }
  }
  if ('registry' in current) trace.registry = current.registry;
  if (queryAt >= 0) trace.query = (req.url as string).slice(queryAt + 1);
  return route.handle(trace);
}

function answer(trace: Trace, body: unknown): void {
  const { proof } = trace;
  if (body instanceof RawJson) {
    sendBytes(trace.res, body.bytes, proof === null ? undefined : answerSignature(proof.serverKey, proof.message, body.bytes));
  } else {
    const text = JSON.stringify(body);
    sendJson(trace.res, 200, text, proof === null ? undefined : { 'Smsit-Signature': answerSignature(proof.serverKey, proof.message, text) });
  }
  finish(trace, 200);
}

/** True when the request announced a body that nobody has read. */
function unreadBody(req: IncomingMessage): boolean {
  return !req.complete && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0);
}

/**
 * Closes the connection of a refused request without reading its body: Node would otherwise
 * drain it (629 MB in 10 s behind one 401). Reading stops at once; the answer goes out with a
 * FIN, and the socket is destroyed shortly after, when the client has had time to read it.
 */
function closeWithoutReading(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  res.once('finish', () => {
    socket.pause();
    socket.end();
    setTimeout(() => socket.destroy(), 1_000).unref();
  });
}

function fail(trace: Trace, error: unknown): void {
  const { req, res, reply, verdict } = trace;
  if ((error instanceof BodyError && error.status === 413) || unreadBody(req)) {
    reply.Connection = 'close';
    closeWithoutReading(res);
  }
  if (res.headersSent) return finish(trace, res.statusCode);
  if (verdict === 'drop') {
    // Too many wrong tokens are already waiting: no answer at all, just the connection closed.
    res.destroy();
    return finish(trace, 401);
  }
  if (verdict && verdict.delayMs > 0) {
    // Counted now: the caller may hang up (or the endpoint stop) before the answer is due.
    finish(trace, 401);
    setTimeout(() => {
      if (!res.destroyed && !res.headersSent) sendError(res, error, undefined, reply);
    }, verdict.delayMs).unref();
    return;
  }
  finish(trace, sendError(res, error, error instanceof BodyError ? error.status : undefined, reply));
}

function finish(trace: Trace, status: number): void {
  const { deps, req, path } = trace;
  // Only authenticated use is logged one by one: token-less and wrong-token requests are counted,
  // so no flood of them can rotate the record of which token fetched which account away.
  if (trace.tokenName === null) return deps.log.countUnauthenticated(status);
  const now = performance.now();
  deps.log.request(
    {
      tokenName: trace.tokenName,
      method: (req.method ?? '').slice(0, 10),
      // Only known routes by name: an unknown path is the caller's text and could hold anything, a token included.
      route: ROUTES.has(path) ? path : '(unknown)',
      account: trace.account,
      status,
      durationMs: Math.round((now - trace.started) * 100) / 100,
    },
    now,
  );
}

/** Builds the server's request listener. */
export function createRequestHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = (queryAt < 0 ? url : url.slice(0, queryAt)).slice(0, 200);
    const trace: Trace = {
      req,
      res,
      deps,
      started: performance.now(),
      path,
      tokenName: null,
      reply: {},
      verdict: null,
      proof: null,
      query: '',
      // Set before any route runs that reads it: health runs without one when the registry can't be read.
      registry: null as unknown as RouteContext['registry'],
      secrets: deps.secrets,
      answers: deps.answers,
      apiBase: deps.apiBase,
      version: deps.version,
      maxBodyBytes: deps.maxBodyBytes,
      nonces: deps.nonces,
      account: null,
    };
    let result: unknown;
    try {
      result = dispatch(trace, queryAt);
    } catch (error) {
      return fail(trace, error);
    }
    if (result instanceof Promise) result.then((body) => answer(trace, body), (error) => fail(trace, error));
    else answer(trace, result);
  };
}
