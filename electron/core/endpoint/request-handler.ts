/**
 * One request from first byte to access-log entry: browser and Host checks first (before any
 * work), then the route, the engine token (throttled), the pause switch, the route itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { AppError } from '../errors';
import type { Registry } from '../registry/registry-schema';
import type { AccessLog } from './access-log';
import type { CredentialCache } from './credential-cache';
import type { TokenMatcher } from './engine-tokens';
import type { RegistrySnapshot } from './registry-view';
import type { FailedAttemptThrottle } from './failed-attempt-throttle';
import { sendError, sendJson } from './json-reply';
import { BodyError } from './read-json-body';
import { bearerToken, checkHost, checkNotFromBrowser } from './request-guards';
import { RawJson, ROUTES, type RouteContext } from './endpoint-routes';

/** The live state a request reads; the endpoint swaps it when the registry changes. */
export interface HandlerState {
  /** The registry as last read, or the error that kept it from being read (then only health answers). */
  current(): RegistrySnapshot;
  hosts(): Set<string>;
  tokenUsed(name: string): void;
}

export interface HandlerDeps {
  state: HandlerState;
  secrets: CredentialCache;
  answers: WeakMap<object, RawJson>;
  throttle: FailedAttemptThrottle;
  log: AccessLog;
  apiBase: string | null;
  version: string;
  maxBodyBytes: number;
  now: () => Date;
}

function authenticate(req: IncomingMessage, matcher: TokenMatcher, deps: HandlerDeps, reply: Record<string, string>): string {
  const blockedMs = deps.throttle.blockedForMs();
  if (blockedMs > 0) {
    reply['Retry-After'] = String(Math.ceil(blockedMs / 1000));
    throw new AppError('rate-limited', 'Too many requests with a wrong engine token. Wait a few seconds, then check the token your engine sends.');
  }
  const token = bearerToken(req.headers);
  reply['WWW-Authenticate'] = 'Bearer realm="smsit-twilio"';
  if (token === null) {
    throw new AppError('unauthorized', 'Send an engine token as "Authorization: Bearer <token>". Create one with `smsit-twilio tokens create NAME`.');
  }
  const name = matcher.match(token);
  if (name === null) {
    deps.throttle.recordFailure();
    throw new AppError('unauthorized', 'This engine token is not valid: it is wrong or was revoked. Create a new one with `smsit-twilio tokens create NAME`.');
  }
  delete reply['WWW-Authenticate'];
  return name;
}

/** Builds the server's request listener. */
export function createRequestHandler(deps: HandlerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const started = performance.now();
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = (queryAt < 0 ? url : url.slice(0, queryAt)).slice(0, 200);
    const ctx = { tokenName: null as string | null, route: null as RouteContext | null };
    const reply: Record<string, string> = {};
    const finish = (status: number) =>
      deps.log.add({
        time: deps.now().toISOString(),
        tokenName: ctx.tokenName,
        method: (req.method ?? '').slice(0, 10),
        // Only known routes by name: an unknown path is the caller's text and could hold anything, a token included.
        route: ROUTES.has(path) ? path : '(unknown)',
        account: ctx.route?.account ?? null,
        status,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      });
    void (async () => {
      checkNotFromBrowser(req.headers);
      checkHost(req.headers, deps.state.hosts());
      const route = ROUTES.get(path);
      if (!route) throw new AppError('not-found', `There is no ${path} here. The routes are /v1/health, /v1/accounts, /v1/headers and /v1/webhooks/validate.`);
      if (req.method !== route.method) {
        reply.Allow = route.method;
        throw new BodyError(405, `${path} answers ${route.method} only.`);
      }
      const current = deps.state.current();
      if (route.needsToken) {
        if ('error' in current) throw current.error;
        ctx.tokenName = authenticate(req, current.matcher, deps, reply);
        deps.state.tokenUsed(ctx.tokenName);
        if (current.registry.engine.paused) {
          throw new AppError('endpoint-paused', 'The engine endpoint is paused. Resume it from the tray menu (Engine access → Resume) to hand out credentials again.');
        }
      }
      const registry = 'registry' in current ? current.registry : null;
      ctx.route = { req, query: new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)), registry: registry as Registry, secrets: deps.secrets, answers: deps.answers, apiBase: deps.apiBase, version: deps.version, maxBodyBytes: deps.maxBodyBytes, account: null };
      const body = await route.handle(ctx.route);
      sendJson(res, 200, body instanceof RawJson ? body.text : body);
      return 200;
    })().then(finish, (error: unknown) => {
      if (error instanceof BodyError && error.status === 413) reply.Connection = 'close';
      if (res.headersSent) return finish(res.statusCode);
      finish(sendError(res, error, error instanceof BodyError ? error.status : undefined, reply));
    });
  };
}
