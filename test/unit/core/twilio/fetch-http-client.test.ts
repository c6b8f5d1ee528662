import { describe, expect, it } from 'vitest';
import { createFetchHttpClient } from '../../../../electron/core/twilio/fetch-http-client';

type Call = { url: string; init: RequestInit };

function stubFetch(answers: Response[], calls: Call[]): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), init: init ?? {} });
    const next = answers.shift();
    if (!next) throw new Error('no more answers');
    return next;
  };
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

function client(answers: Response[], calls: Call[], extra: { now?: () => number; timeoutMs?: number; sleep?: (ms: number) => Promise<void> } = {}) {
  return createFetchHttpClient({
    fetch: stubFetch(answers, calls),
    originFor: (product) => `https://proxy.example.com/${product}`,
    deadline: new AbortController().signal,
    timeoutMs: extra.timeoutMs ?? 15_000,
    sleep: extra.sleep ?? (async () => {}),
    ...(extra.now ? { now: extra.now } : {}),
  });
}

describe('the fetch httpClient', () => {
  it('sends to the chosen origin with Basic auth and query params, and never follows redirects', async () => {
    const calls: Call[] = [];
    await client([json(200, {})], calls).request({ method: 'get', uri: 'https://api.ie1.twilio.com/2010-04-01/Accounts/AC1.json', username: 'SK1', password: 'pw', params: { PageSize: 1 } });
    expect(calls[0]!.url).toBe('https://proxy.example.com/api/2010-04-01/Accounts/AC1.json?PageSize=1');
    expect(calls[0]!.init).toMatchObject({ method: 'GET', redirect: 'error', headers: { Authorization: `Basic ${Buffer.from('SK1:pw').toString('base64')}` } });
  });

  it('form-encodes POST data', async () => {
    const calls: Call[] = [];
    await client([json(201, {})], calls).request({ method: 'post', uri: 'https://iam.twilio.com/v1/Keys', data: { AccountSid: 'AC1', FriendlyName: 'SMS-iT Workflow integration' } });
    expect(calls[0]!.url).toBe('https://proxy.example.com/iam/v1/Keys');
    expect(calls[0]!.init.body).toBe('AccountSid=AC1&FriendlyName=SMS-iT+Workflow+integration');
  });

  it('drops the auth token Twilio puts in account answers before the library sees them', async () => {
    const answer = await client([json(200, { sid: 'AC1', auth_token: 'the-token', friendly_name: 'x' })], []).request({ method: 'get', uri: 'https://api.twilio.com/x' });
    expect(answer.body).toEqual({ sid: 'AC1', friendly_name: 'x' });
  });

  it('does not start a 429 wait that would outlast the deadline', async () => {
    const calls: Call[] = [];
    const waits: number[] = [];
    let clock = 0;
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock += ms;
    };
    const limited = () => json(429, { code: 20429, status: 429 }, { 'Retry-After': '4' });
    // 6 s to answer: the first 4 s wait fits, a second one would end after the deadline.
    const answer = await client([limited(), limited()], calls, { now: () => clock, timeoutMs: 6000, sleep }).request({ method: 'get', uri: 'https://api.twilio.com/x' });
    expect(answer.statusCode).toBe(429);
    expect(waits).toEqual([4000]);
    expect(calls).toHaveLength(2);
  });
});
