// A client for the SMS-iT Twilio Credentials endpoint that never sends its engine token and
// accepts only answers the real endpoint signed (docs/engine.md, "The mutual exchange").
// Node 18+, no dependencies: copy it into your engine. Tested against the real endpoint and a
// port squatter by test/integration/core/endpoint/endpoint-squatter.test.ts.
//
//   import { twilioAuth } from './engine-client.mjs';
//   const { account, baseUrl, headers } = await twilioAuth({ token });
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const hmac = (key, data) => createHmac('sha256', key).update(data).digest();

/** An error answer of the endpoint (`kind` as in docs/engine.md "Errors"), or a refused answer. */
export class EndpointError extends Error {
  constructor(kind, message, status) {
    super(`SMS-iT Twilio Credentials: ${kind}: ${message}`);
    this.kind = kind;
    this.status = status;
  }
}

/**
 * One proof: the `Authorization` value for `method` `url` under challenge `nonce`, and a check of
 * the answer's `Smsit-Signature` against the body bytes. Good for exactly one request.
 */
export function proofRequest({ token, nonce, method = 'GET', url }) {
  const clientKey = hmac(token, 'smsit-twilio client key v1');
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = hmac(token, 'smsit-twilio server key v1');
  const target = new URL(url);
  const cnonce = randomBytes(18).toString('base64url');
  const message = ['smsit-twilio proof v1', nonce, cnonce, method.toUpperCase(), target.host.toLowerCase(), target.pathname + target.search].join('\n');
  const signature = hmac(storedKey, message);
  const proof = Buffer.from(clientKey.map((byte, i) => byte ^ signature[i])).toString('base64url');
  return {
    authorization: `SMSIT-Proof nonce="${nonce}", cnonce="${cnonce}", proof="${proof}"`,
    /** True when `signatureHeader` signs `body` (a Buffer of the answer's bytes) with this token. */
    signedByEndpoint(body, signatureHeader) {
      const expected = Buffer.from(`v1=${createHmac('sha256', serverKey).update(message).update('\n').update(body).digest('base64url')}`);
      const given = Buffer.from(signatureHeader ?? '');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}

/**
 * Asks the endpoint for an account's Twilio credentials (the active one unless `account` names
 * one). Ask per run: the user may switch accounts. Throws EndpointError when the endpoint refuses,
 * and kind "not-the-endpoint" when the answer was not signed with this token: then something
 * else listens on that port (the app is not running) — do not use what it said.
 */
export async function twilioAuth({ token, endpoint = 'http://127.0.0.1:47123', account } = {}) {
  const challenge = await fetch(new URL('/v1/challenge', endpoint));
  const { nonce } = await challenge.json().catch(() => ({}));
  if (!challenge.ok || typeof nonce !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(nonce)) {
    throw new EndpointError('not-the-endpoint', `${endpoint} gave no usable challenge: is SMS-iT Twilio Credentials running there?`, challenge.status);
  }
  const url = new URL('/v1/headers', endpoint);
  if (account) url.searchParams.set('account', account);
  const proof = proofRequest({ token, nonce, url });
  const res = await fetch(url, { headers: { Authorization: proof.authorization } });
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) {
    let error = {};
    try {
      error = JSON.parse(body.toString('utf8')).error ?? {};
    } catch {}
    throw new EndpointError(error.kind ?? 'unknown', error.message ?? `HTTP ${res.status}`, res.status);
  }
  if (!proof.signedByEndpoint(body, res.headers.get('smsit-signature'))) {
    throw new EndpointError('not-the-endpoint', `The answer from ${endpoint} is not signed with this engine token: something other than SMS-iT Twilio Credentials answered. Do not use it.`, res.status);
  }
  return JSON.parse(body.toString('utf8'));
}
