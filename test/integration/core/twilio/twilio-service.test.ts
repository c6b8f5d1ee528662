// TwilioService through the official twilio library and our fetch httpClient, against the fake Twilio.
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TwilioService } from '../../../../electron/core/twilio/twilio-service';
import { startFakeTwilio, type FakeTwilio } from '../../../fakes/fake-twilio';
import { hostRoutingFetch } from '../../../fakes/host-routing-fetch';

let fake: FakeTwilio;
const waits: number[] = [];
const instantSleep = async (ms: number) => void waits.push(ms);

beforeAll(async () => {
  fake = await startFakeTwilio({ regions: ['us1', 'ie1'] });
});
afterAll(() => fake.close());
afterEach(() => {
  waits.length = 0;
});

const service = (options: { timeoutMs?: number } = {}) => new TwilioService({ apiBase: fake.url, sleep: instantSleep, ...options });

function keyDraft(type: 'main' | 'standard' | 'restricted', accountSpec = {}) {
  const account = fake.state.addAccount(accountSpec);
  const key = fake.state.addKey(account.sid, { keyType: type });
  return { account, key, draft: { authType: 'apiKey' as const, accountSid: account.sid, apiKeySid: key.sid, secret: key.secret } };
}

describe('TwilioService.verify', () => {
  it('accepts an Auth Token with the account name, status and type, and recommends an API key', async () => {
    const account = fake.state.addAccount({ friendlyName: 'Acme Production' });
    const report = await service().verify({ authType: 'authToken', accountSid: account.sid, secret: account.authToken });
    expect(report).toMatchObject({
      ok: true,
      authType: 'authToken',
      keyType: null,
      account: { sid: account.sid, friendlyName: 'Acme Production', status: 'active', type: 'Full' },
      error: null,
    });
    expect(report.warnings).toEqual([expect.stringContaining('Twilio recommends Auth Tokens for local testing only; upgrade to an API key')]);
  });

  it('never lets the auth token from the account answer out of the client', async () => {
    const { account, draft } = keyDraft('main');
    const report = await service().verify(draft);
    expect(report.keyType).toBe('main');
    expect(JSON.stringify(report)).not.toContain(account.authToken);
  });

  it('tells Main, Standard and Restricted keys apart, accepting all three', async () => {
    const main = await service().verify(keyDraft('main', { friendlyName: 'Main acct' }).draft);
    expect(main).toMatchObject({ ok: true, keyType: 'main', account: { friendlyName: 'Main acct' }, warnings: [] });
    const standard = await service().verify(keyDraft('standard').draft);
    expect(standard).toMatchObject({ ok: true, keyType: 'standard', account: { friendlyName: null, status: null }, warnings: [], error: null });
    const restricted = await service().verify(keyDraft('restricted').draft);
    expect(restricted).toMatchObject({ ok: true, keyType: 'restricted' });
    expect(restricted.warnings[0]).toContain('support@sms-it.ai');
  });

  it('rejects a wrong secret with 20003 and the likely causes', async () => {
    const { draft } = keyDraft('standard');
    const report = await service().verify({ ...draft, secret: 'z'.repeat(32) });
    expect(report).toMatchObject({ ok: false, keyType: null, error: { kind: 'invalid-credentials', details: { httpStatus: 401, twilioCode: 20003 } } });
    expect(report.error?.message).toMatch(/Secret is wrong/);
  });

  it('accepts credentials pasted with spaces and line breaks around them', async () => {
    const { draft } = keyDraft('standard');
    const report = await service().verify({ ...draft, accountSid: `  ${draft.accountSid}\n`, apiKeySid: `${draft.apiKeySid} `, secret: `\t${draft.secret}\r\n` });
    expect(report.ok).toBe(true);
  });

  it('refuses AC/SK swaps as bad input without sending anything to Twilio', async () => {
    const { draft } = keyDraft('main');
    const before = fake.requests.length;
    const swapped = await service().verify({ ...draft, accountSid: draft.apiKeySid, apiKeySid: draft.accountSid });
    const keyAsAccount = await service().verify({ authType: 'authToken', accountSid: draft.apiKeySid, secret: 'a'.repeat(32) });
    expect(swapped.error).toMatchObject({ kind: 'bad-input' });
    expect(swapped.error?.details?.httpStatus).toBeUndefined();
    expect(swapped.error?.message).toContain('swapped');
    expect(keyAsAccount.error?.message).toContain('not the Account SID');
    expect(fake.requests.length).toBe(before);
  });

  it('reports suspended and closed accounts as not usable, and warns about trial accounts', async () => {
    const suspended = await service().verify(keyDraft('main', { status: 'suspended' }).draft);
    expect(suspended).toMatchObject({ ok: false, keyType: 'main', account: { status: 'suspended' }, error: { kind: 'account-inactive', message: expect.stringContaining('is suspended') } });
    const closed = await service().verify(keyDraft('main', { status: 'closed' }).draft);
    expect(closed).toMatchObject({ ok: false, error: { kind: 'account-inactive', message: expect.stringContaining('is closed') } });
    const trial = await service().verify(keyDraft('main', { type: 'Trial' }).draft);
    expect(trial).toMatchObject({ ok: true, account: { type: 'Trial' } });
    expect(trial.warnings.join(' ')).toContain('Trial account');
  });

  it('goes to the regional host, and a key of another region is refused with a region hint', async () => {
    const account = fake.state.addAccount({ region: 'ie1' });
    const key = fake.state.addKey(account.sid, { keyType: 'standard' });
    const draft = { authType: 'apiKey' as const, accountSid: account.sid, apiKeySid: key.sid, secret: key.secret };
    const origins: string[] = [];
    const regional = new TwilioService({ fetch: hostRoutingFetch(fake.originMap(), origins), sleep: instantSleep });
    expect((await regional.verify({ ...draft, region: 'ie1' })).ok).toBe(true);
    expect(new Set(origins)).toEqual(new Set(['https://api.dublin.ie1.twilio.com']));
    const wrongRegion = await regional.verify(draft);
    expect(wrongRegion.error?.kind).toBe('invalid-credentials');
    expect(wrongRegion.error?.message).toContain('another Twilio region than US1');
  });

  it('ignores TWILIO_REGION / TWILIO_EDGE in the environment (they must not redirect saved credentials)', async () => {
    const account = fake.state.addAccount();
    const origins: string[] = [];
    process.env.TWILIO_REGION = 'ie1';
    process.env.TWILIO_EDGE = 'dublin';
    try {
      const report = await new TwilioService({ fetch: hostRoutingFetch(fake.originMap(), origins) }).verify({ authType: 'authToken', accountSid: account.sid, secret: account.authToken });
      expect(report.ok).toBe(true);
      expect(origins).toEqual(['https://api.twilio.com']);
    } finally {
      delete process.env.TWILIO_REGION;
      delete process.env.TWILIO_EDGE;
    }
  });

  it('prints nothing, even with TWILIO_LOG_LEVEL=debug (answers carry the auth token)', async () => {
    const account = fake.state.addAccount();
    const printed: unknown[] = [];
    const original = { log: console.log, info: console.info, debug: console.debug };
    console.log = console.info = console.debug = (...args: unknown[]) => void printed.push(args);
    process.env.TWILIO_LOG_LEVEL = 'debug';
    try {
      expect((await service().verify({ authType: 'authToken', accountSid: account.sid, secret: account.authToken })).ok).toBe(true);
    } finally {
      delete process.env.TWILIO_LOG_LEVEL;
      Object.assign(console, original);
    }
    expect(printed).toEqual([]);
  });

  it('retries a 429 honouring Retry-After (capped at 5 s) and then succeeds', async () => {
    const { draft } = keyDraft('main');
    fake.inject({ status: 429, retryAfter: '3', path: /\.json$/, count: 1 });
    fake.inject({ status: 429, retryAfter: '60', path: /\.json$/, count: 1 });
    const report = await service().verify({ authType: 'authToken', accountSid: draft.accountSid, secret: fake.state.accounts.get(draft.accountSid)!.authToken });
    expect(report.ok).toBe(true);
    expect(waits).toEqual([3000, 5000]);
  });

  it('gives up after two retries with rate-limited', async () => {
    const account = fake.state.addAccount();
    fake.inject({ status: 429, retryAfter: '1', count: 3 });
    const report = await service().verify({ authType: 'authToken', accountSid: account.sid, secret: account.authToken });
    expect(report.error).toMatchObject({ kind: 'rate-limited', details: { httpStatus: 429, twilioCode: 20429 } });
    expect(waits).toEqual([1000, 1000]);
  });

  it('reports a Twilio 5xx as kind twilio and a 404 as not-found', async () => {
    const account = fake.state.addAccount();
    const draft = { authType: 'authToken' as const, accountSid: account.sid, secret: account.authToken };
    fake.inject({ status: 503 });
    expect((await service().verify(draft)).error).toMatchObject({ kind: 'twilio', details: { httpStatus: 503, twilioCode: 20500 } });
    fake.inject({ status: 404, code: 20404 });
    expect((await service().verify(draft)).error).toMatchObject({ kind: 'not-found', details: { httpStatus: 404, twilioCode: 20404 } });
  });

  it('reports an unreachable Twilio (closed port) as network', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const account = fake.state.addAccount();
    const report = await new TwilioService({ apiBase: `http://127.0.0.1:${closedPort}` }).verify({ authType: 'authToken', accountSid: account.sid, secret: account.authToken });
    expect(report.error).toMatchObject({ kind: 'network' });
    expect(report.error?.details?.httpStatus).toBeUndefined();
    expect(report.error?.message).toContain('ECONNREFUSED');
  });

  it('reports a Twilio that never answers as timeout', async () => {
    const account = fake.state.addAccount();
    fake.inject({ status: 200, hang: true });
    const report = await service({ timeoutMs: 300 }).verify({ authType: 'authToken', accountSid: account.sid, secret: account.authToken });
    expect(report.error?.kind).toBe('timeout');
  });
});

describe('TwilioService keys', () => {
  it('creates a Standard key named for SMS-iT and deletes it again', async () => {
    const account = fake.state.addAccount();
    const credentials = { authType: 'authToken' as const, accountSid: account.sid, apiKeySid: null, secret: account.authToken, region: 'us1', edge: null };
    const key = await service().createStandardKey(credentials);
    expect(fake.state.keys.get(key.sid)).toMatchObject({ keyType: 'standard', friendlyName: 'SMS-iT Workflow integration', secret: key.secret });
    await service().deleteKey(credentials, key.sid);
    expect(fake.state.keys.has(key.sid)).toBe(false);
    await expect(service().deleteKey(credentials, key.sid)).resolves.toBeUndefined();
  });

  it('falls back to IAM v1 Keys when the 2010 Keys resource answers "Policy evaluation failed"', async () => {
    const account = fake.state.addAccount({ legacyKeyCreationFails: true });
    const credentials = { authType: 'authToken' as const, accountSid: account.sid, apiKeySid: null, secret: account.authToken, region: 'us1', edge: null };
    const key = await service().createStandardKey(credentials);
    expect(fake.state.keys.get(key.sid)).toMatchObject({ accountSid: account.sid, keyType: 'standard', friendlyName: 'SMS-iT Workflow integration' });
    expect(fake.requests.slice(-2).map((r) => `${r.method} ${r.path.replace(account.sid, 'AC…')} ${r.status}`)).toEqual([
      'POST /2010-04-01/Accounts/AC…/Keys.json 401',
      'POST /v1/Keys 201',
    ]);
  });

  it('a Standard key may not create or delete keys (20003), a Restricted one is forbidden (20403)', async () => {
    const { account, key } = keyDraft('standard');
    const asStandard = { authType: 'apiKey' as const, accountSid: account.sid, apiKeySid: key.sid, secret: key.secret, region: 'us1', edge: null };
    await expect(service().createStandardKey(asStandard)).rejects.toMatchObject({ kind: 'invalid-credentials' });
    await expect(service().deleteKey(asStandard, key.sid)).rejects.toMatchObject({ kind: 'invalid-credentials' });
    const restricted = fake.state.addKey(account.sid, { keyType: 'restricted' });
    await expect(service().createStandardKey({ ...asStandard, apiKeySid: restricted.sid, secret: restricted.secret })).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
