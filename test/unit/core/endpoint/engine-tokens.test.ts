import { describe, expect, it } from 'vitest';
import {
  TOKEN_PREFIX,
  TokenMatcher,
  createEngineToken,
  hashEngineToken,
  listEngineTokens,
  revokeEngineToken,
} from '../../../../electron/core/endpoint/engine-tokens';
import { FakeTokenRegistry } from './fake-token-registry';

describe('engine tokens', () => {
  it('creates a prefixed high-entropy token and stores only its sha256 hash', async () => {
    const registry = new FakeTokenRegistry();
    const { name, token } = await createEngineToken(registry, ' workflow ');
    expect(name).toBe('workflow');
    expect(token).toMatch(new RegExp(`^${TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`));
    const stored = JSON.stringify(registry.registry);
    expect(stored).not.toContain(token);
    expect(registry.registry.engine.tokens[0]).toMatchObject({ name: 'workflow', hash: hashEngineToken(token), lastUsedAt: null });
  });

  it('never makes the same token twice', async () => {
    const registry = new FakeTokenRegistry();
    const a = await createEngineToken(registry, 'a');
    const b = await createEngineToken(registry, 'b');
    expect(a.token).not.toBe(b.token);
  });

  it('refuses a duplicate name (case-insensitive) and a name with spaces or symbols', async () => {
    const registry = new FakeTokenRegistry();
    await createEngineToken(registry, 'engine');
    await expect(createEngineToken(registry, 'Engine')).rejects.toMatchObject({ kind: 'name-taken' });
    await expect(createEngineToken(registry, 'my engine')).rejects.toMatchObject({ kind: 'bad-input' });
    await expect(createEngineToken(registry, '')).rejects.toMatchObject({ kind: 'bad-input' });
  });

  it('lists names and dates without hashes', async () => {
    const registry = new FakeTokenRegistry();
    await createEngineToken(registry, 'one');
    const list = await listEngineTokens(registry);
    expect(list).toEqual([{ name: 'one', createdAt: expect.any(String), lastUsedAt: null, proofs: true }]);
    expect(JSON.stringify(list)).not.toMatch(/[0-9a-f]{64}/);
  });

  it('revokes by name and says so when the name is unknown', async () => {
    const registry = new FakeTokenRegistry();
    await createEngineToken(registry, 'one');
    await revokeEngineToken(registry, 'ONE');
    expect(await listEngineTokens(registry)).toEqual([]);
    await expect(revokeEngineToken(registry, 'one')).rejects.toMatchObject({ kind: 'bad-input', message: expect.stringMatching(/^There is no engine token named "one"\. /), details: { field: 'name' } });
  });

  it('matches a presented token to its name, and nothing else', async () => {
    const registry = new FakeTokenRegistry();
    const one = await createEngineToken(registry, 'one');
    const two = await createEngineToken(registry, 'two');
    const matcher = new TokenMatcher(registry.registry.engine.tokens);
    expect(matcher.match(one.token)).toBe('one');
    expect(matcher.match(two.token)).toBe('two');
    expect(matcher.match(`${one.token}x`)).toBeNull();
    expect(matcher.match('')).toBeNull();
    expect(new TokenMatcher([]).match(one.token)).toBeNull();
  });
});
