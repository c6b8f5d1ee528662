import { afterEach, describe, expect, it } from 'vitest';
import twilio from 'twilio';
import { bearer, call, startFixture, type Fixture } from './endpoint-fixture';

let fx: Fixture;
afterEach(async () => {
  await fx?.endpoint.stop();
});

const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

describe('loopback endpoint routes', () => {
  it('answers health without a token, with the version and no-store', async () => {
    fx = await startFixture();
    const answer = await call(fx.port, '/v1/health');
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ok: true, version: '9.9.9-test' });
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('lists accounts with SIDs, auth type, region and the active one, but no secret', async () => {
    fx = await startFixture();
    const answer = await call(fx.port, '/v1/accounts', { headers: bearer(fx.token) });
    expect(answer.status).toBe(200);
    expect(answer.json.accounts).toEqual([
      expect.objectContaining({ name: 'Main', accountSid: fx.main.accountSid, authType: 'authToken', region: 'us1', active: true, canValidateWebhooks: true }),
      expect.objectContaining({ name: 'Keyed', accountSid: fx.keyed.accountSid, authType: 'apiKey', active: false, canValidateWebhooks: false }),
    ]);
    expect(answer.text).not.toContain(fx.main.authToken);
    expect(answer.text).not.toContain(fx.keyed.secret);
  });

  it('hands out the active account Basic header, Account SID and base URL', async () => {
    fx = await startFixture();
    const answer = await call(fx.port, '/v1/headers', { headers: bearer(fx.token) });
    expect(answer.status).toBe(200);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.json).toEqual({
      account: { name: 'Main', accountSid: fx.main.accountSid, authType: 'authToken', region: 'us1' },
      baseUrl: 'https://api.twilio.com',
      headers: { Authorization: basic(fx.main.accountSid, fx.main.authToken) },
    });
  });

  it('hands out a named API-key account with the key SID as user name, by case-insensitive name', async () => {
    fx = await startFixture();
    const answer = await call(fx.port, '/v1/headers?account=keyed', { headers: bearer(fx.token) });
    expect(answer.status).toBe(200);
    expect(answer.json.account).toEqual({ name: 'Keyed', accountSid: fx.keyed.accountSid, authType: 'apiKey', region: 'us1' });
    expect(answer.json.headers.Authorization).toBe(basic(fx.keyed.apiKeySid, fx.keyed.secret));
  });

  it('finds "Café" however the engine spells it: decomposed é and upper case, as `accounts use` does', async () => {
    fx = await startFixture();
    await fx.accounts.rename('Keyed', 'Café');
    await fx.endpoint.reload();
    const decomposed = encodeURIComponent('CAFE\u0301');
    const answer = await call(fx.port, `/v1/headers?account=${decomposed}`, { headers: bearer(fx.token) });
    expect(answer.status).toBe(200);
    expect(answer.json.account.name).toBe('Café');
  });

  it('follows the account region and edge in baseUrl', async () => {
    fx = await startFixture();
    await fx.registry.update((reg) => {
      const keyed = reg.accounts.find((a) => a.name === 'Keyed')!;
      keyed.region = 'ie1';
      keyed.edge = 'dublin';
    });
    await fx.endpoint.stop();
    await fx.endpoint.start();
    fx.port = fx.endpoint.status().port;
    const answer = await call(fx.port, '/v1/headers?account=Keyed', { headers: bearer(fx.token) });
    expect(answer.json.baseUrl).toBe('https://api.dublin.ie1.twilio.com');
  });

  it('uses SMSIT_TWILIO_API_BASE (apiBase) instead of the regional origin', async () => {
    fx = await startFixture({ apiBase: 'http://127.0.0.1:5999/' });
    const answer = await call(fx.port, '/v1/headers', { headers: bearer(fx.token) });
    expect(answer.json.baseUrl).toBe('http://127.0.0.1:5999');
  });

  it('gives no active account, unknown account, paused and keychain unavailable each their own status and kind', async () => {
    fx = await startFixture();
    const unknown = await call(fx.port, '/v1/headers?account=Nope', { headers: bearer(fx.token) });
    expect([unknown.status, unknown.json.error.kind]).toEqual([404, 'unknown-account']);

    fx.secrets.failOn.add('get');
    const keychain = await call(fx.port, '/v1/headers', { headers: bearer(fx.token) });
    expect([keychain.status, keychain.json.error.kind]).toEqual([502, 'keychain-unavailable']);
    fx.secrets.failOn.clear();

    await fx.endpoint.pause();
    const paused = await call(fx.port, '/v1/headers', { headers: bearer(fx.token) });
    expect([paused.status, paused.json.error.kind]).toEqual([503, 'endpoint-paused']);
    expect(paused.json.error.message).toMatch(/Resume/);
    await fx.endpoint.resume();

    await fx.registry.update((reg) => {
      reg.activeAccountId = null;
    });
    await fx.endpoint.stop();
    await fx.endpoint.start();
    fx.port = fx.endpoint.status().port;
    const none = await call(fx.port, '/v1/headers', { headers: bearer(fx.token) });
    expect([none.status, none.json.error.kind]).toEqual([409, 'no-active-account']);
  });

  it('reads each secret from the keychain once and then serves it from memory', async () => {
    fx = await startFixture();
    let reads = 0;
    const get = fx.secrets.get.bind(fx.secrets);
    fx.secrets.get = async (...args) => (reads++, get(...args));
    for (let i = 0; i < 5; i++) expect((await call(fx.port, '/v1/headers', { headers: bearer(fx.token) })).status).toBe(200);
    expect(reads).toBe(1);
  });

  it('validates a Twilio webhook signature with the auth token (form params and JSON body)', async () => {
    fx = await startFixture();
    const url = 'https://example.com/sms?x=1';
    const params = { From: '+15005550006', Body: 'hi' };
    const signature = twilio.getExpectedTwilioSignature(fx.main.authToken, url, params);
    const post = (body: unknown) =>
      call(fx.port, '/v1/webhooks/validate', { method: 'POST', headers: { ...bearer(fx.token), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post({ url, params, signature })).json).toEqual({ valid: true });
    expect((await post({ url, params: { ...params, Body: 'changed' }, signature })).json).toEqual({ valid: false });

    const body = JSON.stringify({ event: 'x' });
    const hash = twilio.getExpectedBodyHash(body);
    const jsonUrl = `https://example.com/hook?bodySHA256=${hash}`;
    const jsonSignature = twilio.getExpectedTwilioSignature(fx.main.authToken, jsonUrl, {});
    expect((await post({ account: 'Main', url: jsonUrl, body, signature: jsonSignature })).json).toEqual({ valid: true });
  });

  it('refuses to validate webhooks for an API-key account without an auth token, saying why', async () => {
    fx = await startFixture();
    const answer = await call(fx.port, '/v1/webhooks/validate', {
      method: 'POST',
      headers: { ...bearer(fx.token), 'Content-Type': 'application/json' },
      body: JSON.stringify({ account: 'Keyed', url: 'https://example.com/', params: {}, signature: 'abc' }),
    });
    expect(answer.status).toBe(422);
    expect(answer.json.error.kind).toBe('cannot-validate');
    expect(answer.json.error.message).toMatch(/auth token/);
  });

  it('answers malformed validation requests with 400, 413 and 415', async () => {
    fx = await startFixture();
    const post = (body: string, type = 'application/json') =>
      call(fx.port, '/v1/webhooks/validate', { method: 'POST', headers: { ...bearer(fx.token), 'Content-Type': type }, body });
    const missing = await post(JSON.stringify({ url: 'https://example.com/' }));
    expect([missing.status, missing.json.error.kind]).toEqual([400, 'bad-input']);
    expect(missing.json.error.message).toContain('signature');
    expect((await post('not json')).status).toBe(400);
    expect((await post('{}', 'text/plain')).status).toBe(415);
    expect((await post(JSON.stringify({ url: 'x', signature: 's', body: 'a'.repeat(70_000) }))).status).toBe(413);
  });

  it('answers unknown routes 404 and wrong methods 405, as JSON with no-store', async () => {
    fx = await startFixture();
    const missing = await call(fx.port, '/v1/nothing', { headers: bearer(fx.token) });
    expect([missing.status, missing.json.error.kind, missing.headers['cache-control']]).toEqual([404, 'not-found', 'no-store']);
    const wrong = await call(fx.port, '/v1/headers', { method: 'DELETE', headers: bearer(fx.token) });
    expect([wrong.status, wrong.headers.allow]).toEqual([405, 'GET']);
  });
});
