/**
 * A fake Twilio REST API on 127.0.0.1 (port 0) for tests and the benchmark. Each region the
 * fake is started with gets its own listener, playing that region's API host: credentials
 * only work on the listener of the region they were made in, as on Twilio (FACTS.md,
 * "credentials are regional"). `url` is the US1 host; `urlFor(region)` any other, and
 * `originMap()` maps Twilio's real origins (api and iam hosts) to them for `hostRoutingFetch`.
 * Faults can be injected: latency on every answer, and queued failures (429 with
 * Retry-After, 5xx, or a hang that never answers) for the next matching requests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiOrigin } from '../../electron/shared/regions';
import { errorBody } from './fake-twilio/fake-twilio-bodies';
import { answer, type FakeAnswer } from './fake-twilio/fake-twilio-rules';
import { FakeTwilioState } from './fake-twilio/fake-twilio-state';

export { FakeTwilioState } from './fake-twilio/fake-twilio-state';
export type { FakeAccount, FakeKey, FakeKeyType } from './fake-twilio/fake-twilio-state';

/** A failure to answer with instead of the normal answer, for the next `count` matching requests. */
export interface InjectedFailure {
  status: number;
  code?: number;
  retryAfter?: string;
  /** Never answer (until the fake closes): for timeouts. */
  hang?: boolean;
  path?: RegExp;
  count?: number;
}

/** One request the fake saw: method, path, the SID it authenticated with (never a secret), region. */
export interface SeenRequest {
  method: string;
  path: string;
  user: string | null;
  region: string;
  status: number;
}

/** A running fake Twilio. */
export interface FakeTwilio {
  state: FakeTwilioState;
  url: string;
  urlFor(region: string): string;
  originMap(): Record<string, string>;
  requests: SeenRequest[];
  latencyMs: number;
  inject(failure: InjectedFailure): void;
  close(): Promise<void>;
}

function basicAuth(req: IncomingMessage): { user: string; password: string } | null {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? null : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function failureAnswer(failure: InjectedFailure): FakeAnswer {
  const code = failure.code ?? (failure.status === 429 ? 20429 : 20500);
  const message = failure.status === 429 ? 'Too Many Requests' : 'Internal Server Error';
  const headers: Record<string, string> = failure.retryAfter ? { 'Retry-After': failure.retryAfter } : {};
  return { status: failure.status, body: errorBody(failure.status, code, message), headers };
}

/** Starts a fake Twilio with one listener per region (default: only us1). */
export async function startFakeTwilio(options: { regions?: string[]; latencyMs?: number; state?: FakeTwilioState } = {}): Promise<FakeTwilio> {
  const state = options.state ?? new FakeTwilioState();
  const failures: InjectedFailure[] = [];
  const servers = new Map<string, { server: Server; url: string }>();
  const timers = new Set<NodeJS.Timeout>();
  const fake: FakeTwilio = {
    state,
    url: '',
    requests: [],
    latencyMs: options.latencyMs ?? 0,
    urlFor(region) {
      const entry = servers.get(region);
      if (!entry) throw new Error(`fake Twilio: not started with region ${region}`);
      return entry.url;
    },
    originMap() {
      return Object.fromEntries(
        [...servers].flatMap(([region, { url }]) => {
          const api = apiOrigin(region, null);
          return [[api, url], [api.replace('https://api.', 'https://iam.'), url], [api.replace('https://api.', 'https://accounts.'), url]];
        }),
      );
    },
    inject(failure) {
      failures.push({ count: 1, ...failure });
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(
        [...servers.values()].map(
          ({ server }) => new Promise<void>((resolve) => {
            server.closeAllConnections();
            server.close(() => resolve());
          }),
        ),
      );
    },
  };

  function takeFailure(path: string): InjectedFailure | null {
    const index = failures.findIndex((f) => !f.path || f.path.test(path));
    if (index < 0) return null;
    const failure = failures[index]!;
    failure.count = (failure.count ?? 1) - 1;
    if (failure.count <= 0) failures.splice(index, 1);
    return failure;
  }

  async function handle(region: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const form = new URLSearchParams(await readBody(req));
    const credentials = basicAuth(req);
    const failure = takeFailure(url.pathname);
    if (failure?.hang) return; // the socket stays open until the client gives up or the fake closes
    const result = failure
      ? failureAnswer(failure)
      : answer(state, {
          method: req.method ?? 'GET',
          path: url.pathname,
          query: url.searchParams,
          form,
          principal: credentials ? state.authenticate(credentials.user, credentials.password, region) : null,
        });
    fake.requests.push({ method: req.method ?? 'GET', path: url.pathname, user: credentials?.user ?? null, region, status: result.status });
    const send = () => {
      res.writeHead(result.status, { ...(result.body ? { 'Content-Type': 'application/json' } : {}), ...result.headers });
      res.end(result.body ? JSON.stringify(result.body) : undefined);
    };
    if (fake.latencyMs <= 0) return send();
    const timer = setTimeout(() => {
      timers.delete(timer);
      send();
    }, fake.latencyMs);
    timers.add(timer);
  }

  for (const region of options.regions ?? ['us1']) {
    const server = createServer((req, res) => {
      handle(region, req, res).catch(() => {
        res.writeHead(500);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    servers.set(region, { server, url: `http://127.0.0.1:${port}` });
  }
  fake.url = servers.get('us1')?.url ?? [...servers.values()][0]!.url;
  return fake;
}
