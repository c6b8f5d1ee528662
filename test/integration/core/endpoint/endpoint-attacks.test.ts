/** The endpoint under the attacks of issue 14, each run by a real second local process on loopback, bounded in count and time. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAccessLogFile } from '../../../../electron/core/endpoint/access-log-file';
import { bearer, call, startFixture, type Fixture } from './endpoint-fixture';

const hostile = fileURLToPath(new URL('./hostile-client.mjs', import.meta.url));

let fx: Fixture;
afterEach(async () => {
  await fx?.endpoint.stop();
});

/** Runs the hostile client to its end and returns what it printed. */
function runHostile(...args: string[]): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hostile, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(out)));
  });
}

describe('the endpoint under attack', () => {
  it('serves every request of the valid engine while another process floods wrong and missing tokens for 5 s', async () => {
    fx = await startFixture();
    const flood = runHostile('tokens', String(fx.port), '5000');
    let done = false;
    void flood.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 300)); // let the flood get going first
    const statuses: number[] = [];
    while (!done) {
      statuses.push((await call(fx.port, '/v1/headers', { headers: bearer(fx.token) })).status);
      await new Promise((r) => setTimeout(r, 20));
    }
    const { sent } = await flood;
    expect(sent).toBeGreaterThan(200); // it was a flood
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('answers a token-less probe the same before and after a wrong-token flood: the throttle state is not observable', async () => {
    fx = await startFixture({ limits: { maxFailedAttempts: 3, failureWindowMs: 10_000 } });
    const before = await call(fx.port, '/v1/headers');
    for (let i = 0; i < 5; i++) void call(fx.port, '/v1/headers', { headers: bearer(`smsit_guess${i}`) }).catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const after = await call(fx.port, '/v1/headers');
    expect(Date.now() - started).toBeLessThan(1000);
    expect([after.status, after.text, after.headers['retry-after']]).toEqual([before.status, before.text, undefined]);
    expect(after.status).toBe(401);
  });

  it('keeps the trail of authenticated use through a flood of token-less and wrong-token requests, which are counted', async () => {
    fx = await startFixture();
    expect((await call(fx.port, '/v1/headers?account=Keyed', { headers: bearer(fx.token) })).status).toBe(200);
    const { sent } = await runHostile('tokens', String(fx.port), '2000');
    await fx.endpoint.stop();
    const log = await readAccessLogFile(join(fx.dir, 'access-log.jsonl'), 100_000);
    expect(log[0]).toMatchObject({ tokenName: 'engine', route: '/v1/headers', account: 'Keyed', status: 200 });
    const summaries = log.slice(1);
    expect(summaries.length).toBeLessThanOrEqual(2); // one line per status (401, and none else), not one per request
    expect(summaries.every((e) => e.route === '(unauthenticated)' && e.tokenName === null)).toBe(true);
    expect(summaries.reduce((n, e) => n + (e.count ?? 0), 0)).toBe(sent);
  });
});
