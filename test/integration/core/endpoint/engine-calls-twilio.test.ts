// The engine's side: take baseUrl + headers from the endpoint, call (fake) Twilio with them, unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountStore } from '../../../../electron/core/accounts/account-store';
import { EngineEndpoint } from '../../../../electron/core/endpoint/engine-endpoint';
import { createEngineToken } from '../../../../electron/core/endpoint/engine-tokens';
import type { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store';
import { startFakeTwilio, type FakeTwilio } from '../../../fakes/fake-twilio';
import { memoryHome } from '../../../helpers/memory-home';
import { tempDir } from '../../../helpers/temp-dir';
import { eventually } from '../../../helpers/eventually';

let fake: FakeTwilio;
let endpoint: EngineEndpoint;
let secrets: MemorySecretStore;
let accounts: AccountStore;
let token: string;
let port: number;

beforeAll(async () => {
  fake = await startFakeTwilio();
  const home = memoryHome({ dir: await tempDir('smsit-engine-') });
  ({ secrets } = home);
  ({ accounts } = home.context);
  const { registry } = home.context;
  token = (await createEngineToken(registry, 'engine')).token;
  endpoint = new EngineEndpoint({ registry, accounts, port: 0, apiBase: fake.url, logFile: null, version: 'test' });
  port = (await endpoint.start()).port;
});
afterAll(async () => {
  await endpoint.stop();
  await fake.close();
});

interface HeadersAnswer {
  account: { accountSid: string };
  baseUrl: string;
  headers: Record<string, string>;
}

/** What an engine does: ask the endpoint, then call Twilio with exactly what it got. */
async function engineCall(account: string, path: (sid: string) => string): Promise<Response> {
  const ask = () => fetch(`http://127.0.0.1:${port}/v1/headers?account=${account}`, { headers: { Authorization: `Bearer ${token}` } });
  let answer = await ask();
  // The account was just added by this test: the endpoint sees it within one registry poll.
  await eventually(async () => (answer = await ask()).status === 200, 1000);
  const { account: acct, baseUrl, headers } = (await answer.json()) as HeadersAnswer;
  return fetch(`${baseUrl}${path(acct.accountSid)}`, { headers });
}

const numbers = (sid: string) => `/2010-04-01/Accounts/${sid}/IncomingPhoneNumbers.json?PageSize=1`;

describe('an engine calling Twilio with what the endpoint hands out', () => {
  it('is accepted with an Account SID + Auth Token account', async () => {
    const twilioAccount = fake.state.addAccount();
    await accounts.add({ name: 'TokenAcct', accountSid: twilioAccount.sid, authType: 'authToken', secret: twilioAccount.authToken });
    expect((await engineCall('TokenAcct', (sid) => `/2010-04-01/Accounts/${sid}.json`)).status).toBe(200);
    expect((await engineCall('TokenAcct', numbers)).status).toBe(200);
  });

  it('is accepted with an API key account (key SID as user, Account SID in the path)', async () => {
    const twilioAccount = fake.state.addAccount();
    const key = fake.state.addKey(twilioAccount.sid, { keyType: 'standard' });
    await accounts.add({ name: 'KeyAcct', accountSid: twilioAccount.sid, authType: 'apiKey', apiKeySid: key.sid, secret: key.secret });
    const response = await engineCall('KeyAcct', numbers);
    expect(response.status).toBe(200);
    expect(fake.requests.at(-1)).toMatchObject({ user: key.sid, status: 200 });
  });

  it('is refused by Twilio when the stored secret is wrong (so the acceptances above mean something)', async () => {
    const twilioAccount = fake.state.addAccount();
    await accounts.add({ name: 'WrongAcct', accountSid: twilioAccount.sid, authType: 'authToken', secret: 'f'.repeat(32) });
    expect((await engineCall('WrongAcct', numbers)).status).toBe(401);
  });
});
