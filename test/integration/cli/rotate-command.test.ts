// `smsit-twilio accounts rotate` through the real bin, the private keyring and the fake Twilio.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeTwilioForFile } from '../../helpers/fake-twilio-for-file';
import { keyringHomePerTest } from '../../helpers/keyring-home';
import { runSmsitTwilio } from './run-smsit-twilio';

const fake = fakeTwilioForFile();
const home = keyringHomePerTest('smsit-rotate-');

const cli = (args: string[], input = '') => runSmsitTwilio(args, { input, env: { SMSIT_TWILIO_HOME: home.dir, SMSIT_TWILIO_API_BASE: fake.url } });

// Each test runs the real bin four or five times (several seconds each on a loaded 2-core machine).
describe('smsit-twilio accounts rotate', { timeout: 120_000 }, () => {
  it('rotates an upgraded key account: new Standard key in use, old key deleted at Twilio, secrets only in the keychain', async () => {
    const account = fake.state.addAccount();
    await cli(['accounts', 'add', 'Acme', '--account-sid', account.sid], account.authToken);
    await cli(['accounts', 'upgrade', 'Acme']);
    const [before] = fake.state.keysOf(account.sid);
    const run = await cli(['accounts', 'rotate', 'acme']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [after] = fake.state.keysOf(account.sid);
    expect(after!.sid).not.toBe(before!.sid);
    expect(run.stdout).toBe(`"Acme" now uses the new Standard API key ${after!.sid}; it was verified with Twilio before the switch.\nThe old key ${before!.sid} was deleted at Twilio.\n`);
    const headers = JSON.parse((await cli(['headers', 'Acme', '--json'])).stdout);
    expect(headers.headers.Authorization).toBe(`Basic ${Buffer.from(`${after!.sid}:${after!.secret}`).toString('base64')}`);
    const registry = readFileSync(join(home.dir, 'accounts.json'), 'utf8');
    for (const secret of [after!.secret, before!.secret, account.authToken]) expect(registry).not.toContain(secret);
  });

  it('an Auth Token account from a pipe: asks nothing, changes nothing and exits 2 without --yes; rotates with --yes', async () => {
    const account = fake.state.addAccount();
    const oldToken = account.authToken;
    await cli(['accounts', 'add', 'Tok', '--account-sid', account.sid], oldToken);
    const refused = await cli(['accounts', 'rotate', 'Tok']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('every other system that uses it');
    expect(refused.stderr).toContain('run again with --yes');
    expect([account.authToken, account.secondaryAuthToken]).toEqual([oldToken, null]);
    const rotated = await cli(['accounts', 'rotate', 'Tok', '--yes', '--json']);
    expect(rotated.code).toBe(0);
    expect(JSON.parse(rotated.stdout)).toMatchObject({ status: 'rotated', account: { name: 'Tok', authType: 'authToken' }, report: { ok: true } });
    expect(account.authToken).not.toBe(oldToken);
    const verify = await cli(['accounts', 'verify', 'Tok', '--json']);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    expect(rotated.stdout).not.toContain(account.authToken);
  });

  it('a Standard key without the Auth Token: exit 2 and how to get there', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid, { keyType: 'standard' });
    await cli(['accounts', 'add', 'Std', '--account-sid', account.sid, '--api-key-sid', key.sid], key.secret);
    const run = await cli(['accounts', 'rotate', 'Std']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the account\'s Auth Token or a Main API key');
    expect(fake.state.keysOf(account.sid)).toHaveLength(1);
  });
});
