// The fake Twilio's answers must fit Twilio's published schemas (twilio-oai), or the tests
// built on it would prove nothing about the real service.
import { describe, expect, it } from 'vitest';
import { startFakeTwilio } from '../../fakes/fake-twilio';
import { fakeTwilioForFile } from '../../helpers/fake-twilio-for-file';
import { checkAgainstSchema, loadApiSubset, responseSchema } from '../../fakes/oai-schema-check';

const spec = loadApiSubset();
const ACCOUNT = '/2010-04-01/Accounts/{Sid}.json';
const NUMBERS = '/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers.json';
const KEYS = '/2010-04-01/Accounts/{AccountSid}/Keys.json';
const KEY = '/2010-04-01/Accounts/{AccountSid}/Keys/{Sid}.json';

const fake = fakeTwilioForFile();

function basic(user: string, password: string): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

async function call(path: string, user: string, password: string, init: RequestInit = {}) {
  const response = await fetch(fake.url + path, { ...init, headers: { ...basic(user, password), ...init.headers } });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null, headers: response.headers };
}

function expectFits(path: string, method: string, status: number, body: unknown) {
  const schema = responseSchema(spec, path, method, status);
  expect(schema).not.toBeNull();
  expect(checkAgainstSchema(spec, schema!, body)).toEqual([]);
}

describe('fake Twilio answers fit the twilio-oai 2010-04-01 schemas', () => {
  it('account fetch (active/Full, suspended/Trial, closed) fits api.v2010.account', async () => {
    for (const spec_ of [{}, { status: 'suspended', type: 'Trial' }, { status: 'closed' }] as const) {
      const account = fake.state.addAccount(spec_);
      const answer = await call(`/2010-04-01/Accounts/${account.sid}.json`, account.sid, account.authToken);
      expect(answer.status).toBe(200);
      expectFits(ACCOUNT, 'get', 200, answer.body);
    }
  });

  it('the phone number probe fits the ListIncomingPhoneNumberResponse schema', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid, { keyType: 'standard' });
    const answer = await call(`/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers.json?PageSize=1`, key.sid, key.secret);
    expect(answer.status).toBe(200);
    expectFits(NUMBERS, 'get', 200, answer.body);
  });

  it('creating a key fits api.v2010.account.new_key and deleting it answers 204 without a body', async () => {
    const account = fake.state.addAccount();
    const body = new URLSearchParams({ FriendlyName: 'SMS-iT Workflow integration' });
    const created = await call(`/2010-04-01/Accounts/${account.sid}/Keys.json`, account.sid, account.authToken, {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(created.status).toBe(201);
    expectFits(KEYS, 'post', 201, created.body);
    const sid = (created.body as { sid: string }).sid;
    const deleted = await call(`/2010-04-01/Accounts/${account.sid}/Keys/${sid}.json`, account.sid, account.authToken, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(responseSchema(spec, KEY, 'delete', 204)).toBeNull();
    expect(deleted.body).toBeNull();
  });

  it('the IAM v1 key creation (the fallback for "Policy evaluation failed") fits iam.v1.new_key', async () => {
    const iam = loadApiSubset('iam-v1');
    const account = fake.state.addAccount({ legacyKeyCreationFails: true });
    const form = { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
    const legacy = await call(`/2010-04-01/Accounts/${account.sid}/Keys.json`, account.sid, account.authToken, { ...form, body: 'FriendlyName=x' });
    expect(legacy).toMatchObject({ status: 401, body: { code: 20003, message: 'Policy evaluation failed' } });
    const created = await call('/v1/Keys', account.sid, account.authToken, { ...form, body: new URLSearchParams({ AccountSid: account.sid, FriendlyName: 'x' }) });
    expect(created.status).toBe(201);
    expect(checkAgainstSchema(iam, responseSchema(iam, '/v1/Keys', 'post', 201)!, created.body)).toEqual([]);
  });

  it('the schema checker itself rejects a wrong status, a bad SID and an invented field', () => {
    const schema = responseSchema(spec, ACCOUNT, 'get', 200)!;
    const problems = checkAgainstSchema(spec, schema, { status: 'frozen', sid: 'SK123', color: 'red' });
    expect(problems).toHaveLength(4);
  });

  it('errors carry the RestException fields (code, message, more_info, status) twilio-node reads', async () => {
    // The spec declares no error schema; FACTS.md gives Twilio's error body.
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid, { keyType: 'standard' });
    const refused = await call(`/2010-04-01/Accounts/${account.sid}.json`, key.sid, key.secret);
    expect(refused).toMatchObject({ status: 401, body: { code: 20003, message: 'Authenticate', status: 401, more_info: 'https://www.twilio.com/docs/errors/20003' } });
    fake.inject({ status: 429, retryAfter: '2' });
    const limited = await call(`/2010-04-01/Accounts/${account.sid}.json`, account.sid, account.authToken);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body).toMatchObject({ code: 20429, status: 429 });
  });
});

describe('fake Twilio applies Twilio\'s access rules', () => {
  it('tells the auth token, Main, Standard and Restricted keys apart on the account and the probe', async () => {
    const account = fake.state.addAccount();
    const probe = `/2010-04-01/Accounts/${account.sid}/IncomingPhoneNumbers.json?PageSize=1`;
    const self = `/2010-04-01/Accounts/${account.sid}.json`;
    const statuses = async (user: string, password: string) => [(await call(self, user, password)).status, (await call(probe, user, password)).status];
    expect(await statuses(account.sid, account.authToken)).toEqual([200, 200]);
    const main = fake.state.addKey(account.sid, { keyType: 'main' });
    expect(await statuses(main.sid, main.secret)).toEqual([200, 200]);
    const standard = fake.state.addKey(account.sid, { keyType: 'standard' });
    expect(await statuses(standard.sid, standard.secret)).toEqual([401, 200]);
    const restricted = fake.state.addKey(account.sid, { keyType: 'restricted' });
    expect(await statuses(restricted.sid, restricted.secret)).toEqual([401, 403]);
    expect(await statuses(standard.sid, 'wrong-secret')).toEqual([401, 401]);
  });

  it('accepts credentials only on the host of the region they were made in', async () => {
    const regional = await startFakeTwilio({ regions: ['us1', 'ie1'] });
    try {
      const account = regional.state.addAccount({ region: 'ie1' });
      const path = `/2010-04-01/Accounts/${account.sid}.json`;
      const onUs1 = await fetch(regional.url + path, { headers: basic(account.sid, account.authToken) });
      const onIe1 = await fetch(regional.urlFor('ie1') + path, { headers: basic(account.sid, account.authToken) });
      expect([onUs1.status, onIe1.status]).toEqual([401, 200]);
      expect(regional.originMap()).toHaveProperty(['https://api.dublin.ie1.twilio.com'], regional.urlFor('ie1'));
    } finally {
      await regional.close();
    }
  });
});
