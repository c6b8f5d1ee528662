/**
 * The `httpClient` the twilio library sends every request through, built over an injected
 * `fetch` (Electron's `net.fetch` in the tray app, so the system proxy applies; Node's fetch
 * in the command line; a fake Twilio in tests). It owns three decisions:
 * - the origin: every request goes to `originFor(product)` (the regional host of that product,
 *   e.g. api / iam, or SMSIT_TWILIO_API_BASE), whatever host the library computed, so
 *   TWILIO_REGION / TWILIO_EDGE in the environment cannot silently redirect saved
 *   credentials (twilio-cli's env-override trap, FACTS.md);
 * - 429: retried honouring Retry-After, at most twice, each wait capped at 5 s;
 * - privacy: bodies are never logged, and the `auth_token` Twilio puts in account answers is
 *   dropped here, before the library (or anything holding its objects) can see it.
 */
import type RequestClient from 'twilio/lib/base/RequestClient';
import { AppError } from '../errors';
import { MAX_RATE_LIMIT_RETRIES, retryAfterMs } from './rate-limit-wait';
import { basicAuthorization } from './auth-header';

export interface FetchHttpClientOptions {
  fetch: typeof fetch;
  /** The origin for a Twilio product ("api", "iam"), the first label of the library's host. */
  originFor: (product: string) => string;
  /** Aborts when the operation's time is up; a request cut off by it is a `timeout`. */
  deadline: AbortSignal;
  timeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  now?: () => number;
}

type LibraryRequest = RequestClient.RequestOptions<Record<string, unknown>, Record<string, unknown>>;

function form(values: Record<string, unknown> | undefined): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(name, String(item));
  }
  return params;
}

/** Parses JSON answers and strips every `auth_token` field: it must never leave this client. */
function readBody(text: string): unknown {
  if (text === '') return null;
  try {
    const body = JSON.parse(text) as unknown;
    if (body && typeof body === 'object' && 'auth_token' in body) delete (body as Record<string, unknown>).auth_token;
    return body;
  } catch {
    return text; // the library reports it as an unreadable answer; we never print it
  }
}

function transportError(error: unknown, origin: string, deadline: AbortSignal, timeoutMs: number): AppError {
  if (deadline.aborted) {
    return new AppError('timeout', `Twilio did not answer within ${Math.round(timeoutMs / 1000)} seconds (${origin}). Check your internet connection or proxy and try again; status.twilio.com lists Twilio incidents.`);
  }
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? ` (${cause.code})` : '';
  return new AppError('network', `Could not reach Twilio at ${origin}${code}. Check your internet connection, proxy or firewall, then try again.`, {}, { cause: error });
}

/** A RequestClient for the twilio library that talks through `fetch`. */
export function createFetchHttpClient(options: FetchHttpClientOptions): RequestClient {
  const { deadline, timeoutMs, sleep } = options;
  const now = options.now ?? Date.now;
  const deadlineAt = now() + timeoutMs;

  async function request(req: LibraryRequest) {
    const libraryUrl = new URL(req.uri);
    const base = options.originFor(libraryUrl.hostname.split('.')[0] ?? 'api').replace(/\/+$/, '');
    const shownOrigin = new URL(base).origin;
    const query = form(req.params).toString();
    const search = [libraryUrl.search.replace(/^\?/, ''), query].filter(Boolean).join('&');
    const url = base + libraryUrl.pathname + (search ? `?${search}` : '');
    const headers: Record<string, string> = { ...(req.headers as Record<string, string> | undefined) };
    if (req.username !== undefined && req.password !== undefined) {
      headers.Authorization = basicAuthorization(req.username, req.password);
    }
    const method = req.method.toUpperCase();
    const body = method === 'POST' || method === 'PUT' ? form(req.data).toString() : undefined;
    for (let attempt = 0; ; attempt += 1) {
      let response: Response;
      let text: string;
      try {
        // redirect 'error': Basic credentials are never replayed to another host.
        response = await options.fetch(url, { method, headers, body, signal: deadline, redirect: 'error' });
        text = await response.text();
      } catch (error) {
        throw transportError(error, shownOrigin, deadline, timeoutMs);
      }
      if (response.status === 429 && attempt < MAX_RATE_LIMIT_RETRIES) {
        const wait = retryAfterMs(response.headers.get('retry-after'), now());
        // A wait that would outlast the deadline is not worth starting: report the 429 now.
        if (now() + wait < deadlineAt) {
          await sleep(wait);
          if (!deadline.aborted) continue;
        }
      }
      return { statusCode: response.status, body: readBody(text), headers: Object.fromEntries(response.headers) };
    }
  }

  // The library only ever calls `request`; the rest of its RequestClient class (axios agent) is unused.
  return { request } as unknown as RequestClient;
}
