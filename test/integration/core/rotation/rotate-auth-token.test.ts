// Auth Token rotation against the fake Twilio's AuthTokens resources: secondary stored beside the
// primary, verified, asked, promoted, switched in one step; webhooks checked with either token
// meanwhile; a "no" or a failure before the promotion deletes the secondary again.
import { join } from 'node:path';
import twilio from 'twilio';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/core/errors';
import { EngineEndpoint } from '../../../../electron/core/endpoint/engine-endpoint';
import { createEngineToken } from '../../../../electron/core/endpoint/engine-tokens';
import { rotateAuthToken } from '../../../../electron/core/rotation/rotate-auth-token';
import { fakeTwilioForFile } from '../../../helpers/fake-twilio-for-file';
import { eventually } from '../../../helpers/eventually';
import { bearer, call, TEST_LIMITS } from '../endpoint/endpoint-fixture';
import { rotationFixture } from './rotation-fixture';

const fake = fakeTwilioForFile();

async function tokenAccount() {
  const fx = await rotationFixture(fake);
  const twilioAccount = fake.state.addAccount();
  const oldToken = twilioAccount.authToken;
  await fx.accounts.add({ name: 'Shop', accountSid: twilioAccount.sid, authType: 'authToken', secret: oldToken });
  return { fx, twilioAccount, oldToken, id: (await fx.accounts.find('Shop')).id };
}

describe('accounts rotate (Auth Token)', () => {
  it('promotes a verified secondary only after asking, switches in one step, and webhooks pass with either token meanwhile', async () => {
    const { fx, twilioAccount, oldToken, id } = await tokenAccount();
    const { token } = await createEngineToken(fx.registry, 'engine');
    const endpoint = new EngineEndpoint({ registry: fx.registry, accounts: fx.accounts, port: 0, logFile: join(fx.dir, 'log.jsonl'), version: 't', limits: TEST_LIMITS });
    const { port } = await endpoint.start();
    const url = 'https://example.com/sms';
    const params = { Body: 'hi' };
    const validWith = async (authToken: string) => {
      const answer = await call(port, '/v1/webhooks/validate', {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ url, params, signature: twilio.getExpectedTwilioSignature(authToken, url, params) }),
      });
      return answer.json.valid as boolean;
    };
    try {
      // No write watch here: the endpoint writes the registry too (token use times), and one of its writes may
      // fall between Twilio's promotion and our switch, when the old token is already dead. The next test
      // and the "answer was lost" one watch the rotation's own writes.
      let asked = '';
      let duringChange: boolean[] = [];
      const result = await rotateAuthToken(fx.deps, 'Shop', async (question) => {
        asked = question;
        const secondary = twilioAccount.secondaryAuthToken!;
        // The endpoint follows the registry file asynchronously.
        await eventually(() => validWith(secondary), 10_000);
        duringChange = [await validWith(oldToken), await validWith(secondary), await validWith('0'.repeat(32))];
        return true;
      });
      expect(asked).toContain('every other system that uses it');
      expect(duringChange).toEqual([true, true, false]);
      expect(result).toMatchObject({ status: 'rotated', account: { authType: 'authToken', secretCreatedAt: expect.any(String) } });
      const newToken = twilioAccount.authToken;
      expect(newToken).not.toBe(oldToken);
      expect(twilioAccount.secondaryAuthToken).toBeNull();
      expect(fx.entries(id)['auth-token']).toBe(newToken);
      const record = await fx.accounts.find('Shop');
      expect(record.secretInNext).toBeUndefined();
      expect(Date.parse(record.otherAuthTokenUntil!)).toBeGreaterThan(Date.now() + 9 * 60_000);
      // After the promotion: the new token, and the old one for a while (Twilio takes about a minute to switch).
      const newHeader = `Basic ${Buffer.from(`${twilioAccount.sid}:${newToken}`).toString('base64')}`;
      await eventually(async () => (await call(port, '/v1/headers', { headers: bearer(token) })).json.headers.Authorization === newHeader, 10_000);
      expect([await validWith(newToken), await validWith(oldToken)]).toEqual([true, true]);
    } finally {
      await endpoint.stop();
    }
  });

  it('every write of the rotation leaves a header Twilio accepts, and the secondary ends up as the one Auth Token', async () => {
    const { fx, twilioAccount, id } = await tokenAccount();
    fx.watch('Shop');
    expect((await rotateAuthToken(fx.deps, 'Shop', async () => true)).status).toBe('rotated');
    expect(fx.checks()).toBeGreaterThan(4);
    expect(fx.refusedAfter).toEqual([]);
    expect(fx.entries(id)['auth-token']).toBe(twilioAccount.authToken);
  });

  it('"no" deletes the secondary at Twilio and in the keychain; the old token keeps working', async () => {
    const { fx, twilioAccount, oldToken, id } = await tokenAccount();
    const result = await rotateAuthToken(fx.deps, 'Shop', async () => false);
    expect(result.status).toBe('cancelled');
    expect([twilioAccount.authToken, twilioAccount.secondaryAuthToken]).toEqual([oldToken, null]);
    expect(fx.entries(id)).toEqual({ 'auth-token': oldToken });
    expect((await fx.accounts.find('Shop')).otherAuthTokenUntil).toBeUndefined();
  });

  it('a secondary that does not verify, or a promotion Twilio refuses, deletes the secondary and keeps the old token', async () => {
    const { fx, twilioAccount, oldToken, id } = await tokenAccount();
    // The secondary's check is the next account fetch after the create.
    fake.inject({ status: 500, path: /\/Accounts\/AC[0-9a-f]{32}\.json$/, count: 1 });
    await expect(rotateAuthToken(fx.deps, 'Shop', async () => true)).rejects.toMatchObject({ message: expect.stringContaining('secondary Auth Token was deleted again') });
    expect([twilioAccount.authToken, twilioAccount.secondaryAuthToken]).toEqual([oldToken, null]);
    fake.inject({ status: 500, path: /\/AuthTokens\/Promote$/, count: 1 });
    await expect(rotateAuthToken(fx.deps, 'Shop', async () => true)).rejects.toMatchObject({ kind: 'twilio' });
    expect([twilioAccount.authToken, twilioAccount.secondaryAuthToken]).toEqual([oldToken, null]);
    expect(fx.entries(id)).toEqual({ 'auth-token': oldToken });
  });

  it('a promotion whose answer was lost is noticed (the old token is refused) and the rotation finishes on the new token', async () => {
    const { fx, twilioAccount, id } = await tokenAccount();
    const promote = fx.deps.twilio.promoteSecondaryAuthToken.bind(fx.deps.twilio);
    fx.deps.twilio.promoteSecondaryAuthToken = async (credentials) => {
      await promote(credentials);
      throw new AppError('network', 'Could not reach Twilio (test: the answer was lost).');
    };
    fx.watch('Shop');
    const result = await rotateAuthToken(fx.deps, 'Shop', async () => true);
    expect(result.status).toBe('rotated');
    expect(fx.entries(id)['auth-token']).toBe(twilioAccount.authToken);
    expect(fx.refusedAfter).toEqual([]);
  });

  it('a refused secondary creation changes nothing; a keychain that cannot store it deletes it at Twilio', async () => {
    const { fx, twilioAccount, oldToken, id } = await tokenAccount();
    fake.inject({ status: 500, path: /\/AuthTokens\/Secondary$/, count: 1 });
    await expect(rotateAuthToken(fx.deps, 'Shop', async () => true)).rejects.toMatchObject({ kind: 'twilio' });
    fx.secrets.failOn.add('set');
    await expect(rotateAuthToken(fx.deps, 'Shop', async () => true)).rejects.toMatchObject({ kind: 'keychain-unavailable', message: expect.stringContaining('deleted again') });
    fx.secrets.failOn.clear();
    expect([twilioAccount.authToken, twilioAccount.secondaryAuthToken]).toEqual([oldToken, null]);
    expect(fx.entries(id)).toEqual({ 'auth-token': oldToken });
  });
});
