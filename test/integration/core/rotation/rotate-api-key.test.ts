// API key rotation against the fake Twilio: the happy path with a header Twilio accepts after every
// write, the questions and refusals, and a fault injected at each step leaving the account working.
import { describe, expect, it } from 'vitest';
import { rotateApiKey } from '../../../../electron/core/rotation/rotate-api-key';
import { fakeTwilioForFile } from '../../../helpers/fake-twilio-for-file';
import { rotationFixture } from './rotation-fixture';

const fake = fakeTwilioForFile();

const yes = async () => true;
const never = async () => {
  throw new Error('asked, but there was nothing to ask');
};

/** An account at the fake with a Standard key, saved with its Auth Token kept (as after "upgrade", which keeps it). */
async function keyedAccount(options: { keyType?: 'standard' | 'main'; keepToken?: boolean } = {}) {
  const fx = await rotationFixture(fake);
  const twilioAccount = fake.state.addAccount();
  const key = fake.state.addKey(twilioAccount.sid, { keyType: options.keyType ?? 'standard' });
  await fx.accounts.add({
    name: 'Shop',
    accountSid: twilioAccount.sid,
    authType: 'apiKey',
    apiKeySid: key.sid,
    secret: key.secret,
    keyType: options.keyType ?? 'standard',
    ...(options.keepToken === false ? {} : { authToken: twilioAccount.authToken }),
  });
  return { fx, twilioAccount, key, id: (await fx.accounts.find('Shop')).id };
}

describe('accounts rotate (API key)', () => {
  it('makes, stores, verifies and switches to a new Standard key, then deletes the old one; every write leaves a header Twilio accepts', async () => {
    const { fx, twilioAccount, key, id } = await keyedAccount();
    fx.watch('Shop');
    const result = await rotateApiKey(fx.deps, 'Shop', never);
    expect(result).toMatchObject({ status: 'rotated', oldKeySid: key.sid, oldKeyLeft: null, account: { keyType: 'standard', secretCreatedAt: expect.any(String) } });
    const keys = fake.state.keysOf(twilioAccount.sid);
    expect(keys.map((k) => k.sid)).toEqual([result.newKeySid]);
    // Named by the upgrade's rule: the product, the account and the computer.
    expect(keys[0]!.friendlyName).toMatch(/^SMS-iT Workflow integration.*Shop/);
    expect(result.account.apiKeySid).toBe(result.newKeySid);
    expect(fx.entries(id)).toEqual({ 'api-key-secret': keys[0]!.secret, 'auth-token': twilioAccount.authToken });
    expect(await fx.accounts.find('Shop')).not.toHaveProperty('secretInNext');
    expect(fx.checks()).toBeGreaterThan(3);
    expect(fx.refusedAfter).toEqual([]);
  });

  it('asks before a Main key becomes a Standard one: "no" changes nothing; "yes" rotates with the Main key itself and deletes it', async () => {
    const { fx, twilioAccount, key } = await keyedAccount({ keyType: 'main', keepToken: false });
    const asked: string[] = [];
    const no = await rotateApiKey(fx.deps, 'Shop', async (question) => (asked.push(question), false));
    expect(no.status).toBe('cancelled');
    expect(asked[0]).toContain('Main keys can only be made in the Twilio Console');
    expect(asked[0]).toContain('the next rotation will need the account\'s Auth Token');
    expect(fake.state.keysOf(twilioAccount.sid).map((k) => k.sid)).toEqual([key.sid]);
    fx.watch('Shop');
    const rotated = await rotateApiKey(fx.deps, 'Shop', yes);
    expect(rotated).toMatchObject({ status: 'rotated', oldKeyLeft: null, account: { keyType: 'standard' } });
    expect(fake.state.keysOf(twilioAccount.sid).map((k) => [k.sid, k.keyType])).toEqual([[rotated.newKeySid, 'standard']]);
    expect(fx.refusedAfter).toEqual([]);
  });

  it('refuses a Standard key without the Auth Token, saying how to get there, before anything is made', async () => {
    const { fx, twilioAccount } = await keyedAccount({ keepToken: false });
    await expect(rotateApiKey(fx.deps, 'Shop', never)).rejects.toMatchObject({ kind: 'bad-input', message: expect.stringContaining('accounts upgrade NAME" (it keeps the Auth Token)') });
    expect(fake.state.keysOf(twilioAccount.sid)).toHaveLength(1);
  });

  it('a refused key creation changes nothing', async () => {
    const { fx, twilioAccount, key } = await keyedAccount();
    fake.inject({ status: 500, path: /\/Keys\.json$/ });
    await expect(rotateApiKey(fx.deps, 'Shop', never)).rejects.toMatchObject({ kind: 'twilio' });
    expect(fake.state.keysOf(twilioAccount.sid).map((k) => k.sid)).toEqual([key.sid]);
    expect((await fx.accounts.find('Shop')).apiKeySid).toBe(key.sid);
  });

  it('a keychain that cannot store the new secret: the new key is deleted at Twilio, the account keeps the old one', async () => {
    const { fx, twilioAccount, key, id } = await keyedAccount();
    fx.secrets.failOn.add('set');
    await expect(rotateApiKey(fx.deps, 'Shop', never)).rejects.toMatchObject({ kind: 'keychain-unavailable', message: expect.stringContaining('was deleted at Twilio again') });
    fx.secrets.failOn.clear();
    expect(fake.state.keysOf(twilioAccount.sid).map((k) => k.sid)).toEqual([key.sid]);
    expect(fx.entries(id)['api-key-secret']).toBe(key.secret);
  });

  it('a new key that does not verify is deleted again; if that fails too, the message names it', async () => {
    const { fx, twilioAccount, key, id } = await keyedAccount();
    fake.inject({ status: 500, path: /IncomingPhoneNumbers/, count: 1 });
    await expect(rotateApiKey(fx.deps, 'Shop', never)).rejects.toMatchObject({ kind: 'twilio', message: expect.stringContaining('was deleted at Twilio again; the account still uses its old key') });
    expect(fake.state.keysOf(twilioAccount.sid).map((k) => k.sid)).toEqual([key.sid]);
    expect(fx.entries(id)).toEqual({ 'api-key-secret': key.secret, 'auth-token': twilioAccount.authToken });
    fake.inject({ status: 500, path: /IncomingPhoneNumbers/, count: 1 });
    fake.inject({ status: 500, path: /\/Keys\/SK[0-9a-f]{32}\.json$/, count: 1 });
    const error = (await rotateApiKey(fx.deps, "Shop", never).catch((e: Error) => e)) as Error;
    const left = fake.state.keysOf(twilioAccount.sid).find((k) => k.sid !== key.sid)!;
    expect(error.message).toContain(`The new key ${left.sid} could not be deleted at Twilio`);
    expect((await fx.accounts.find('Shop')).apiKeySid).toBe(key.sid);
  });

  it('an old key Twilio will not delete: the account is on the new key and the message names the old one', async () => {
    const { fx, twilioAccount, key } = await keyedAccount();
    fake.inject({ status: 500, path: new RegExp(`/Keys/${key.sid}\\.json$`), count: 1 });
    const result = await rotateApiKey(fx.deps, 'Shop', never);
    expect(result.status).toBe('rotated');
    expect(result.oldKeyLeft).toContain(`The old key ${key.sid} could not be deleted at Twilio`);
    expect(fake.state.keysOf(twilioAccount.sid)).toHaveLength(2);
    expect((await fx.accounts.find('Shop')).apiKeySid).toBe(result.newKeySid);
  });
});
