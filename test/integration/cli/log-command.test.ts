// `smsit-twilio log`: the real bin reading the access log a real `serve` process wrote.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { runSmsitTwilio } from './run-smsit-twilio';
import { seedAccounts, startServe } from './serve-process';

let home: string;
let seeded: Awaited<ReturnType<typeof seedAccounts>>;
const cli = (...args: string[]) => runSmsitTwilio(args, { env: { SMSIT_TWILIO_HOME: home, SMSIT_TWILIO_API_BASE: 'http://127.0.0.1:4010' } });
beforeAll(async () => {
  home = await tempDir('smsit-log-');
  seeded = await seedAccounts(home);
});
afterAll(() => seeded.remove());

describe('smsit-twilio log', () => {
  it('prints the requests a serve process answered, with token names and never a secret', async () => {
    const token = (await cli('tokens', 'create', 'logged')).stdout.trim();
    const serve = await startServe(home);
    for (let i = 0; i < 3; i++) await fetch(`http://127.0.0.1:${serve.port}/v1/headers?account=Keyed`, { headers: { Authorization: `Bearer ${token}` } });
    await fetch(`http://127.0.0.1:${serve.port}/v1/headers`, { headers: { Authorization: 'Bearer smsit_wrong' } });
    await serve.stop(); // flushes the log file
    const json = await cli('log', '--json');
    const entries = JSON.parse(json.stdout) as { tokenName: string | null; account: string | null; status: number; route: string }[];
    expect(entries.slice(-2)).toEqual([
      // Three alike requests within a second: one line that counts them.
      expect.objectContaining({ tokenName: 'logged', account: 'Keyed', status: 200, route: '/v1/headers', count: 3 }),
      expect.objectContaining({ tokenName: null, status: 401 }),
    ]);
    const plain = await cli('log', '--limit', '2');
    expect(plain.stdout.trim().split('\n')).toHaveLength(2);
    expect(plain.stdout).toMatch(/200 {2}GET {2}\/v1\/headers {2}token=logged account=Keyed {2}3 requests, longest [\d.]+ ms/);
    expect(plain.stdout).toMatch(/401 {2}1 request without a valid token/);
    for (const secret of [token, seeded.keyed.secret, 'smsit_wrong']) expect(json.stdout + plain.stdout).not.toContain(secret);
  });
});
