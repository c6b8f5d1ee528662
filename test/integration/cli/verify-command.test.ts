// `smsit-twilio verify` as a user runs it: the real bin, the secret on stdin, the fake Twilio.
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { fakeTwilioForFile } from '../../helpers/fake-twilio-for-file';
import { runSmsitTwilio } from './run-smsit-twilio';

const fake = fakeTwilioForFile();

const verify = (args: string[], input: string, apiBase = fake.url) => runSmsitTwilio(['verify', ...args], { input, env: { SMSIT_TWILIO_API_BASE: apiBase } });

function key(type: 'main' | 'standard' | 'restricted', accountSpec = {}) {
  const account = fake.state.addAccount(accountSpec);
  return { account, key: fake.state.addKey(account.sid, { keyType: type }) };
}

describe('smsit-twilio verify', () => {
  it('--json prints exactly the promised object for a Standard key pasted with spaces', async () => {
    const { account, key: standard } = key('standard');
    const run = await verify(['--account-sid', ` ${account.sid} `, '--api-key-sid', standard.sid, '--json'], `  ${standard.secret}  \nignored second line\n`);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toStrictEqual({
      ok: true,
      authType: 'apiKey',
      keyType: 'standard',
      account: { sid: account.sid, friendlyName: null, status: null, type: null },
      warnings: [],
      error: null,
    });
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('tells a person what an Auth Token account is, and that an API key is better', async () => {
    const account = fake.state.addAccount({ friendlyName: 'Acme Production', type: 'Trial' });
    const run = await verify(['--account-sid', account.sid], `${account.authToken}\n`);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Twilio accepted these credentials.');
    expect(run.stdout).toContain('Acme Production (active, Trial)');
    expect(run.stdout).toContain('Trial account');
    expect(run.stdout).toContain('upgrade to an API key');
    expect(run.stdout + run.stderr).not.toContain(account.authToken);
  });

  it('exits 1 with invalid-credentials and the likely causes for a wrong secret', async () => {
    const { account, key: main } = key('main');
    const run = await verify(['--account-sid', account.sid, '--api-key-sid', main.sid, '--json'], 'y'.repeat(32));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).error).toMatchObject({ kind: 'invalid-credentials', httpStatus: 401, twilioCode: 20003, message: expect.stringContaining('region') });
  });

  it('exits 2 for swapped SIDs without calling Twilio, and refuses a secret on the command line', async () => {
    const { account, key: main } = key('main');
    const before = fake.requests.length;
    const swapped = await verify(['--account-sid', main.sid, '--api-key-sid', account.sid], main.secret);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain('swapped');
    const onArgv = await verify(['--account-sid', account.sid, `--auth-token=${account.authToken}`], '');
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).toContain('Secrets are never taken on the command line');
    expect(onArgv.stderr).not.toContain(account.authToken);
    expect(fake.requests.length).toBe(before);
  });

  it('accepts a Restricted key with the beta warning', async () => {
    const restricted = key('restricted');
    const run = await verify(['--account-sid', restricted.account.sid, '--api-key-sid', restricted.key.sid, '--json'], restricted.key.secret);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: true, keyType: 'restricted', warnings: [expect.stringContaining('support@sms-it.ai')] });
  });

  it('a suspended account is not working: exit 1, its own kind and words, with what Twilio said about it', async () => {
    const suspended = key('main', { status: 'suspended', friendlyName: 'Bakery' });
    const args = ['--account-sid', suspended.account.sid, '--api-key-sid', suspended.key.sid];
    const json = await verify([...args, '--json'], suspended.key.secret);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, keyType: 'main', account: { friendlyName: 'Bakery', status: 'suspended' }, error: { kind: 'account-inactive', httpStatus: null, twilioCode: null } });
    const plain = await verify(args, suspended.key.secret);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toBe(
      `Not usable: Twilio accepted the credentials, but the account "Bakery" (${suspended.account.sid}) is suspended: Twilio refuses to send messages from it until the suspension is lifted. ` +
        'Twilio suspends an account for an unpaid balance or a policy review; the Twilio Console (Account Dashboard) or Twilio support says why and how to lift it.\n',
    );
  });

  it('Twilio trouble (HTTP 503) is not a refusal: its own words, exit 4', async () => {
    const account = fake.state.addAccount();
    fake.inject({ status: 503, code: 20500, count: 1 });
    const run = await verify(['--account-sid', account.sid], account.authToken);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/^Twilio had a problem \(nothing is wrong with these credentials\): Twilio answered with an error \(HTTP 503, error 20500/);
    expect(run.stderr).not.toMatch(/not accepted|did not accept/i);
  });

  it('retries a 429 and succeeds; gives up with exit 4 after two retries', async () => {
    const account = fake.state.addAccount();
    fake.inject({ status: 429, retryAfter: '0', count: 2 });
    expect((await verify(['--account-sid', account.sid], account.authToken)).code).toBe(0);
    fake.inject({ status: 429, retryAfter: '0', count: 3 });
    const limited = await verify(['--account-sid', account.sid, '--json'], account.authToken);
    expect(limited.code).toBe(4);
    expect(JSON.parse(limited.stdout).error).toMatchObject({ kind: 'rate-limited', httpStatus: 429, twilioCode: 20429 });
  });

  it('exits 4 for a Twilio 5xx, an unreachable Twilio and a timeout; 1 for not-found', async () => {
    const account = fake.state.addAccount();
    fake.inject({ status: 500 });
    expect(JSON.parse((await verify(['--account-sid', account.sid, '--json'], account.authToken)).stdout).error.kind).toBe('twilio');
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    const offline = await verify(['--account-sid', account.sid, '--json'], account.authToken, `http://127.0.0.1:${port}`);
    expect(offline.code).toBe(4);
    expect(JSON.parse(offline.stdout).error.kind).toBe('network');
    fake.inject({ status: 200, hang: true });
    const slow = await verify(['--account-sid', account.sid, '--timeout', '1', '--json'], account.authToken);
    expect(slow.code).toBe(4);
    expect(JSON.parse(slow.stdout).error.kind).toBe('timeout');
    fake.inject({ status: 404, code: 20404 });
    expect((await verify(['--account-sid', account.sid], account.authToken)).code).toBe(1);
  });

  it('prints help with npx-style invocation and exits 2 on an unknown option', async () => {
    const help = await runSmsitTwilio(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('accounts');
    const wrong = await runSmsitTwilio(['verify', '--acount-sid', 'AC']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Usage:');
  });
});
