// The fake's Accounts v1 AuthTokens resources: answers that fit twilio-oai twilio_accounts_v1.json,
// and Twilio's rules (both tokens work until the promotion; then only the new one).
import { describe, expect, it } from 'vitest';
import { fakeTwilioForFile } from '../../helpers/fake-twilio-for-file';
import { checkAgainstSchema, loadApiSubset, responseSchema } from '../../fakes/oai-schema-check';

const spec = loadApiSubset('accounts-v1');
const fake = fakeTwilioForFile();

async function call(method: string, path: string, user: string, password: string) {
  const response = await fetch(fake.url + path, { method, headers: { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` } });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}
const accountOk = async (sid: string, token: string) => (await call('GET', `/2010-04-01/Accounts/${sid}.json`, sid, token)).status === 200;

describe('fake Twilio: Accounts v1 AuthTokens', () => {
  it('creates a secondary token (accounts.v1.secondary_auth_token), both work, promotion (accounts.v1.auth_token_promotion) retires the old one', async () => {
    const account = fake.state.addAccount();
    const old = account.authToken;
    const created = await call('POST', '/v1/AuthTokens/Secondary', account.sid, old);
    expect(created.status).toBe(201);
    expect(checkAgainstSchema(spec, responseSchema(spec, '/v1/AuthTokens/Secondary', 'post', 201)!, created.body)).toEqual([]);
    const secondary = created.body!.secondary_auth_token as string;
    expect([await accountOk(account.sid, old), await accountOk(account.sid, secondary)]).toEqual([true, true]);
    const promoted = await call('POST', '/v1/AuthTokens/Promote', account.sid, secondary);
    expect(promoted.status).toBe(200);
    expect(checkAgainstSchema(spec, responseSchema(spec, '/v1/AuthTokens/Promote', 'post', 200)!, promoted.body)).toEqual([]);
    expect(promoted.body!.auth_token).toBe(secondary);
    expect([await accountOk(account.sid, old), await accountOk(account.sid, secondary)]).toEqual([false, true]);
  });

  it('deletes an unused secondary (204, no body), refuses API keys (20003) and a promotion with no secondary (20404)', async () => {
    const account = fake.state.addAccount();
    await call('POST', '/v1/AuthTokens/Secondary', account.sid, account.authToken);
    const secondary = account.secondaryAuthToken!;
    const deleted = await call('DELETE', '/v1/AuthTokens/Secondary', account.sid, account.authToken);
    expect([deleted.status, deleted.body, responseSchema(spec, '/v1/AuthTokens/Secondary', 'delete', 204)]).toEqual([204, null, null]);
    expect(await accountOk(account.sid, secondary)).toBe(false);
    const main = fake.state.addKey(account.sid, { keyType: 'main' });
    expect(await call('POST', '/v1/AuthTokens/Secondary', main.sid, main.secret)).toMatchObject({ status: 401, body: { code: 20003 } });
    expect(await call('POST', '/v1/AuthTokens/Promote', account.sid, account.authToken)).toMatchObject({ status: 404, body: { code: 20404 } });
  });
});
