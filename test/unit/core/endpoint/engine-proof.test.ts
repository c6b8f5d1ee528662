// The two ends of the mutual exchange agree: the engines' client (docs/engine-client.mjs) and the endpoint's checks.
import { describe, expect, it } from 'vitest';
import { proofRequest } from '../../../../docs/engine-client.mjs';
import { answerSignature, authMessage, NonceBook, parseProofHeader, proofKeys } from '../../../../electron/core/endpoint/engine-proof';
import { createEngineToken, TokenMatcher } from '../../../../electron/core/endpoint/engine-tokens';
import { FakeTokenRegistry } from './fake-token-registry';

describe('the mutual exchange', () => {
  it('a token stores its proof keys, never the token; a client proof names that token, and its answer signature checks out', async () => {
    const registry = new FakeTokenRegistry();
    const { token } = await createEngineToken(registry, 'engine');
    await createEngineToken(registry, 'other');
    const stored = registry.registry.engine.tokens[0]!;
    expect(stored).toMatchObject(proofKeys(token));
    expect(JSON.stringify(registry.registry)).not.toContain(token);

    const made = proofRequest({ token, nonce: 'n.once.x', url: 'http://127.0.0.1:47123/v1/headers?account=Main' });
    const parsed = parseProofHeader(made.authorization)!;
    const message = authMessage({ nonce: parsed.nonce, cnonce: parsed.cnonce, method: 'GET', host: '127.0.0.1:47123', path: '/v1/headers?account=Main' });
    const matcher = new TokenMatcher(registry.registry.engine.tokens);
    const proven = matcher.matchProof(message, parsed.proof);
    expect(proven?.name).toBe('engine');
    expect(matcher.matchProof(message.replace('account=Main', 'account=Other'), parsed.proof)).toBeNull();
    const body = Buffer.from('{"ok":true}');
    expect(made.signedByEndpoint(body, answerSignature(proven!.serverKey, message, body))).toBe(true);
    expect(made.signedByEndpoint(body, answerSignature(Buffer.from(proofKeys('smsit_other').serverKey, 'hex'), message, body))).toBe(false);
  });

  it('a nonce is good once, only in the book that issued it, and only until it expires', () => {
    let now = 1_000_000;
    const book = new NonceBook(() => now, 30_000);
    const { nonce, expiresInSeconds } = book.issue();
    expect(expiresInSeconds).toBe(30);
    expect(new NonceBook(() => now).redeem(nonce)).toBe(false); // another run
    expect(book.redeem(nonce)).toBe(true);
    expect(book.redeem(nonce)).toBe(false);
    const late = book.issue().nonce;
    now += 30_000;
    expect(book.redeem(late)).toBe(false);
    expect(book.redeem(`${late.slice(0, -2)}AA`)).toBe(false);
    expect(book.redeem('not.a-nonce')).toBe(false);
  });

  it('forgets redeemed nonces once they expired, so a busy engine does not grow the book', () => {
    let now = 0;
    const book = new NonceBook(() => now, 30_000);
    for (let i = 0; i < 100; i++) {
      expect(book.redeem(book.issue().nonce)).toBe(true);
      now += 1_000;
    }
    // Only those of the last 30 s are kept (each redeem drops what expired before it).
    expect(book.remembered).toBe(30);
  });
});
