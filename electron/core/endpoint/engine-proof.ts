/**
 * The mutual exchange over TCP (issue 14 item 2): the engine proves it holds its token without
 * sending it, and the endpoint proves the answer is its own. Whoever listens on the port while the
 * app is down gets nothing it can replay and cannot forge an answer the engine accepts.
 *
 * The shape is SCRAM's (RFC 5802) with the token as the (already random) password:
 *   ClientKey = HMAC(token, "smsit-twilio client key v1"),  StoredKey = SHA256(ClientKey),
 *   ServerKey = HMAC(token, "smsit-twilio server key v1").
 * The registry keeps StoredKey and ServerKey (never the token, never ClientKey). For one request,
 *   AuthMessage = "smsit-twilio proof v1" \n nonce \n cnonce \n METHOD \n host \n path?query,
 *   proof       = ClientKey XOR HMAC(StoredKey, AuthMessage),
 * and the endpoint checks SHA256(proof XOR HMAC(StoredKey, AuthMessage)) = StoredKey in constant
 * time. Its 200 answer carries HMAC(ServerKey, AuthMessage \n body), which only a holder of the
 * token (the engine) or of the registry (this user) can compute. The nonce comes from
 * `GET /v1/challenge`: minted with a key made at each start, valid 30 s, accepted once — so a
 * proof captured by a squatter is worthless on the real endpoint, before or after a restart, and
 * a relay to another port fails on the host the proof was made for.
 * docs/engine.md gives the same recipe for engines; docs/engine-client.mjs implements it.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { NONCE_LIFETIME_MS } from './endpoint-limits';

/** The keys the registry keeps for a token (hex), derived once when the token is made. */
export interface ProofKeys {
  storedKey: string;
  serverKey: string;
}

const CLIENT_KEY_LABEL = 'smsit-twilio client key v1';
const SERVER_KEY_LABEL = 'smsit-twilio server key v1';
const MESSAGE_LABEL = 'smsit-twilio proof v1';

const hmac = (key: Buffer | string, data: string | Buffer): Buffer => createHmac('sha256', key).update(data).digest();

/** StoredKey and ServerKey of `token`. */
export function proofKeys(token: string): ProofKeys {
  const clientKey = hmac(token, CLIENT_KEY_LABEL);
  return {
    storedKey: createHash('sha256').update(clientKey).digest('hex'),
    serverKey: hmac(token, SERVER_KEY_LABEL).toString('hex'),
  };
}

/** What one proof is made over: the challenge, the engine's own nonce and the exact request. */
export interface ProofRequest {
  nonce: string;
  cnonce: string;
  method: string;
  host: string;
  /** Path and query exactly as sent. */
  path: string;
}

/** The AuthMessage both sides sign. The host is compared in lower case (the endpoint accepts it in any case). */
export function authMessage({ nonce, cnonce, method, host, path }: ProofRequest): string {
  return [MESSAGE_LABEL, nonce, cnonce, method.toUpperCase(), host.toLowerCase(), path].join('\n');
}

/** An `Authorization: SMSIT-Proof …` header's parts, or null when it is not one. */
export interface ProofHeader {
  nonce: string;
  cnonce: string;
  proof: Buffer;
}

const PROOF_HEADER = /^SMSIT-Proof +nonce="([A-Za-z0-9._-]{1,100})", *cnonce="([A-Za-z0-9_-]{16,64})", *proof="([A-Za-z0-9_-]{43})" *$/i;

/** True when `value` claims the proof scheme (it may still be malformed). */
export function isProofHeader(value: string | undefined): boolean {
  return value !== undefined && /^SMSIT-Proof /i.test(value);
}

/** Parses the proof header; null when malformed. */
export function parseProofHeader(value: string): ProofHeader | null {
  const match = PROOF_HEADER.exec(value);
  if (!match) return null;
  const proof = Buffer.from(match[3]!, 'base64url');
  return proof.length === 32 ? { nonce: match[1]!, cnonce: match[2]!, proof } : null;
}

/** True when `proof` over `message` was made with the token whose StoredKey is `storedKey`. Constant time. */
export function proofMatches(storedKey: Buffer, message: string, proof: Buffer): boolean {
  const signature = hmac(storedKey, message);
  const clientKey = Buffer.alloc(32);
  for (let i = 0; i < 32; i++) clientKey[i] = proof[i]! ^ signature[i]!;
  return timingSafeEqual(createHash('sha256').update(clientKey).digest(), storedKey);
}

/** The `Smsit-Signature` value of a 200 answer: `v1=` + base64url HMAC(ServerKey, AuthMessage \n body). */
export function answerSignature(serverKey: Buffer, message: string, body: Buffer | string): string {
  return `v1=${createHmac('sha256', serverKey).update(message).update('\n').update(body).digest('base64url')}`;
}

/**
 * Challenges for one run of the endpoint. A nonce is `issued.random.mac` under a key made at
 * construction: minting keeps no state, so a flood of challenges costs nothing to hold and cannot
 * push an engine's nonce out. Only nonces redeemed by a valid proof are remembered, until they expire.
 */
export class NonceBook {
  private readonly key = randomBytes(32);
  private readonly used = new Map<string, number>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly lifetimeMs: number = NONCE_LIFETIME_MS,
  ) {}

  /** A new nonce and how long it is valid. */
  issue(): { nonce: string; expiresInSeconds: number } {
    const body = `${this.now().toString(36)}.${randomBytes(16).toString('base64url')}`;
    return { nonce: `${body}.${this.mac(body)}`, expiresInSeconds: Math.floor(this.lifetimeMs / 1000) };
  }

  /** Accepts `nonce` once if this book issued it and it has not expired; false otherwise. */
  redeem(nonce: string): boolean {
    const parts = nonce.split('.');
    if (parts.length !== 3) return false;
    const body = `${parts[0]}.${parts[1]}`;
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(parts[2]!);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return false;
    const now = this.now();
    const expiresAt = Number.parseInt(parts[0]!, 36) + this.lifetimeMs;
    if (!(now < expiresAt) || this.used.has(nonce)) return false;
    this.forgetExpired(now);
    this.used.set(nonce, expiresAt);
    return true;
  }

  private mac(body: string): string {
    return hmac(this.key, body).subarray(0, 18).toString('base64url');
  }

  /**
   * Drops remembered nonces from the oldest redeemed on, stopping at the first still valid: redeemed
   * in about the order they expire, so each call does O(1) work on average instead of a walk over
   * every nonce of the last 30 s (one still-valid nonce at the head only delays the rest, never keeps them).
   */
  private forgetExpired(now: number): void {
    for (const [nonce, expiresAt] of this.used) {
      if (expiresAt > now) return;
      this.used.delete(nonce);
    }
  }

  /** How many redeemed nonces are remembered (for tests). */
  get remembered(): number {
    return this.used.size;
  }
}
