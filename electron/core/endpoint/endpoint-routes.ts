/** The endpoint's routes. Each gets a request context and returns the JSON to answer; errors are thrown as AppError. */
import type { IncomingMessage } from 'node:http';
import type { AccountRecord, Registry } from '../registry/registry-schema';
import type { CredentialCache } from './credential-cache';
import type { NonceBook } from './engine-proof';
import { pickAccount } from '../accounts/account-names';
import { requestSecretPurpose } from '../twilio/auth-header';
import { headersAnswer } from './headers-answer';
import { webhookTokenPurposes } from '../rotation/webhook-tokens';
import { readJsonBody } from './read-json-body';
import { canValidateWebhooks, isValidSignature, parseWebhookCheck, requireWebhookToken } from './webhook-check';

/** A body already serialized to JSON, sent as is; its bytes are encoded once, not per request. */
export class RawJson {
  readonly bytes: Buffer;
  constructor(readonly text: string) {
    this.bytes = Buffer.from(text, 'utf8');
  }
}

/** What a route may use. `account` is set by the route for the access log. */
export interface RouteContext {
  req: IncomingMessage;
  /** The raw query string without `?` (parsed only by routes that read it). */
  query: string;
  registry: Registry;
  secrets: CredentialCache;
  /**
   * Serialized /v1/headers answers per account record. Records are new objects after every
   * registry reload, so an entry lives exactly as long as the registry it was made from.
   */
  answers: WeakMap<object, RawJson>;
  apiBase: string | null;
  version: string;
  maxBodyBytes: number;
  /** This run's challenges for the mutual exchange (engine-proof.ts). */
  nonces: NonceBook;
  account: string | null;
}

/** One route: its method, whether it needs a token, and what it answers. */
export interface Route {
  method: 'GET' | 'POST';
  /** False only for health and challenge: every other route needs an engine token. */
  needsToken: boolean;
  handle(ctx: RouteContext): unknown | Promise<unknown>;
}

async function buildAnswer(ctx: RouteContext, record: AccountRecord): Promise<RawJson> {
  const secret = await ctx.secrets.get(record, requestSecretPurpose(record));
  const answer = new RawJson(JSON.stringify(headersAnswer(record, secret, ctx.apiBase)));
  ctx.answers.set(record, answer);
  return answer;
}

function accountParam(ctx: RouteContext): string | null {
  if (ctx.query === '') return null;
  const value = new URLSearchParams(ctx.query).get('account');
  return value === null || value.trim() === '' ? null : value;
}

/** The routes by exact path (no trailing slash, query ignored except `account`). */
export const ROUTES: ReadonlyMap<string, Route> = new Map<string, Route>([
  ['/v1/health', { method: 'GET', needsToken: false, handle: (ctx) => ({ ok: true, version: ctx.version }) }],
  // A nonce for one proof (engine-proof.ts). Needs no token: it is worthless without one.
  ['/v1/challenge', { method: 'GET', needsToken: false, handle: (ctx) => ctx.nonces.issue() }],
  [
    '/v1/accounts',
    {
      method: 'GET',
      needsToken: true,
      handle: ({ registry }) => ({
        accounts: registry.accounts.map((a) => ({
          name: a.name,
          accountSid: a.accountSid,
          authType: a.authType,
          region: a.region,
          edge: a.edge,
          active: a.id === registry.activeAccountId,
          canValidateWebhooks: canValidateWebhooks(a),
          lastVerification: a.lastVerification ? { at: a.lastVerification.at, ok: a.lastVerification.ok } : null,
        })),
      }),
    },
  ],
  [
    '/v1/headers',
    {
      method: 'GET',
      needsToken: true,
      // Not async: once an answer is known it is sent in the same tick, without a promise.
      handle: (ctx) => {
        const record = pickAccount(ctx.registry, accountParam(ctx));
        ctx.account = record.name;
        return ctx.answers.get(record) ?? buildAnswer(ctx, record);
      },
    },
  ],
  [
    '/v1/webhooks/validate',
    {
      method: 'POST',
      needsToken: true,
      handle: async (ctx) => {
        const check = parseWebhookCheck(await readJsonBody(ctx.req, ctx.maxBodyBytes));
        const record = pickAccount(ctx.registry, check.account ?? null);
        ctx.account = record.name;
        requireWebhookToken(record);
        // Mid-rotation both tokens count (rotation/webhook-tokens.ts); a missing second one does not.
        const [current, ...others] = webhookTokenPurposes(record);
        if (await isValidSignature(await ctx.secrets.get(record, current!), check)) return { valid: true };
        for (const purpose of others) {
          const token = await ctx.secrets.get(record, purpose).catch(() => null);
          if (token !== null && (await isValidSignature(token, check))) return { valid: true };
        }
        return { valid: false };
      },
    },
  ],
]);
