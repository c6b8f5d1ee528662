/**
 * Engine tokens: the bearer secrets a local workflow engine presents. Only a sha256 hash is kept
 * in the registry; the token is shown once. 32 random bytes make guessing hopeless, so a fast hash
 * (not a password KDF) is the right tool and keeps the per-request check cheap.
 */
import { createHash, hash, randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';
import type { EngineTokenSummary } from '../../shared/app-types';
import type { EngineTokenRecord, Registry } from '../registry/registry-schema';
import { proofMatches, proofKeys } from './engine-proof';

/** The slice of RegistryFile the token functions need. */
export interface TokenRegistry {
  read(): Promise<Registry>;
  update<T>(change: (registry: Registry) => T | Promise<T>): Promise<T>;
}

/** Recognisable prefix, so secret scanners and people can tell an engine token when they see one. */
export const TOKEN_PREFIX = 'smsit_';
const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A new token: prefix + 32 random bytes in base64url (43 characters). */
export function generateEngineToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** The hash stored in the registry: sha256 of the token, hex. */
export function hashEngineToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function checkTokenName(name: string): string {
  const trimmed = name.trim();
  if (!TOKEN_NAME.test(trimmed)) {
    throw new AppError(
      'bad-input',
      'A token name is 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit (e.g. "workflow-engine").',
      { field: 'name' },
    );
  }
  return trimmed;
}

/** Creates a token named `name` and returns it: the only time the token itself is available. */
export async function createEngineToken(registry: TokenRegistry, name: string): Promise<{ name: string; token: string }> {
  const checked = checkTokenName(name);
  const token = generateEngineToken();
  await registry.update((reg) => {
    if (reg.engine.tokens.some((t) => t.name.toLowerCase() === checked.toLowerCase())) {
      throw new AppError('name-taken', `There is already an engine token named "${checked}". Revoke it first or pick another name.`, { field: 'name' });
    }
    reg.engine.tokens.push({ name: checked, hash: hashEngineToken(token), ...proofKeys(token), createdAt: new Date().toISOString(), lastUsedAt: null });
  });
  return { name: checked, token };
}

/** One token as the UI and `tokens list` show it: name, dates and whether it can prove itself, never a hash or key. */
export function toTokenSummary({ name, createdAt, lastUsedAt, storedKey, serverKey }: EngineTokenRecord): EngineTokenSummary {
  return { name, createdAt, lastUsedAt, proofs: storedKey !== undefined && serverKey !== undefined };
}

/** The tokens as the UI and `tokens list` show them. */
export async function listEngineTokens(registry: TokenRegistry): Promise<EngineTokenSummary[]> {
  return (await registry.read()).engine.tokens.map(toTokenSummary);
}

/** Removes a token; a running endpoint refuses it within a second. Throws `bad-input` naming the tokens there are for an unknown name. */
export async function revokeEngineToken(registry: TokenRegistry, name: string): Promise<void> {
  await registry.update((reg) => {
    const index = reg.engine.tokens.findIndex((t) => t.name.toLowerCase() === name.trim().toLowerCase());
    if (index < 0) {
      const known = reg.engine.tokens.length > 0 ? `Engine tokens: ${reg.engine.tokens.map((t) => `"${t.name}"`).join(', ')}.` : 'There are no engine tokens.';
      throw new AppError('bad-input', `There is no engine token named "${name.trim()}". ${known}`, { field: 'name' });
    }
    reg.engine.tokens.splice(index, 1);
  });
}

/** A token a proof was made with: its name and the key that signs the answer. */
export interface ProvenToken {
  name: string;
  serverKey: Buffer;
}

/** Matches presented tokens against the stored hashes, and proofs against the stored keys, in constant time per stored token. */
export class TokenMatcher {
  private readonly entries: { name: string; hash: Buffer; storedKey: Buffer | null; serverKey: Buffer | null }[];

  constructor(tokens: readonly EngineTokenRecord[]) {
    this.entries = tokens.map((t) => ({
      name: t.name,
      hash: Buffer.from(t.hash, 'hex'),
      storedKey: t.storedKey ? Buffer.from(t.storedKey, 'hex') : null,
      serverKey: t.serverKey ? Buffer.from(t.serverKey, 'hex') : null,
    }));
  }

  /** The name of the token `presented` is, or null. Every stored hash is compared, match or not. */
  match(presented: string): string | null {
    // One-shot hash: half the cost of createHash() on the per-request path.
    const digest = hash('sha256', presented, 'buffer');
    let found: string | null = null;
    for (const entry of this.entries) {
      // Equal lengths always (32 bytes), so timingSafeEqual never throws here.
      if (timingSafeEqual(digest, entry.hash) && found === null) found = entry.name;
    }
    return found;
  }

  /** The token `proof` over `message` was made with, or null. Every token with keys is tried, match or not. */
  matchProof(message: string, proof: Buffer): ProvenToken | null {
    let found: ProvenToken | null = null;
    for (const entry of this.entries) {
      if (entry.storedKey === null || entry.serverKey === null) continue;
      if (proofMatches(entry.storedKey, message, proof) && found === null) found = { name: entry.name, serverKey: entry.serverKey };
    }
    return found;
  }

  /** True when some token predates the mutual exchange (its refusal then says to make a new one). */
  get hasBearerOnlyTokens(): boolean {
    return this.entries.some((entry) => entry.storedKey === null);
  }
}
