// `smsit-twilio accounts …` through the real bin, the private keyring (run inside
// test/setup/with-private-keyring.mjs) and the fake Twilio; each test has its own data folder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAppContext } from '../../../electron/core/app-context';
import { fakeTwilioForFile } from '../../helpers/fake-twilio-for-file';
import { keyringHomePerTest } from '../../helpers/keyring-home';
import { runSmsitTwilio } from './run-smsit-twilio';

const fake = fakeTwilioForFile();
const home = keyringHomePerTest('smsit-cli-');

const cli = (args: string[], input = '', env: Record<string, string> = {}) =>
  runSmsitTwilio(args, { input, env: { SMSIT_TWILIO_HOME: home.dir, SMSIT_TWILIO_API_BASE: fake.url, ...env } });

describe('smsit-twilio accounts', () => {
  it('adds a verified Standard key, lists it as active, and keeps the secret out of the registry file', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid, { keyType: 'standard' });
    const add = await cli(['accounts', 'add', 'Production', '--account-sid', account.sid, '--api-key-sid', key.sid], `${key.secret}\n`);
    expect(add.code).toBe(0);
    expect(add.stdout).toContain('Saved "Production" and made it the active account');
    const list = await cli(['accounts', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toMatchObject([{ name: 'Production', authType: 'apiKey', keyType: 'standard', active: true }]);
    expect(readFileSync(join(home.dir, 'accounts.json'), 'utf8')).not.toContain(key.secret);
  });

  it('does not save credentials Twilio rejects (exit 1), and saves unchecked ones with --no-verify', async () => {
    const account = fake.state.addAccount();
    const rejected = await cli(['accounts', 'add', 'Bad', '--account-sid', account.sid, '--json'], 'n'.repeat(32));
    expect(rejected.code).toBe(1);
    expect(JSON.parse(rejected.stdout)).toMatchObject({ ok: false, error: { kind: 'invalid-credentials', twilioCode: 20003 } });
    expect(JSON.parse((await cli(['accounts', 'list', '--json'])).stdout)).toEqual([]);
    const before = fake.requests.length;
    expect((await cli(['accounts', 'add', 'Later', '--account-sid', account.sid, '--no-verify'], account.authToken)).code).toBe(0);
    expect(fake.requests.length).toBe(before);
    const check = await cli(['accounts', 'verify', 'later', '--json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, authType: 'authToken', account: { sid: account.sid } });
  });

  it('switches and renames accounts, and exits 2 for an unknown one', async () => {
    const one = fake.state.addAccount();
    const two = fake.state.addAccount();
    await cli(['accounts', 'add', 'One', '--account-sid', one.sid, '--no-verify'], one.authToken);
    await cli(['accounts', 'add', 'Two', '--account-sid', two.sid, '--no-verify'], two.authToken);
    expect((await cli(['accounts', 'use', 'two'])).code).toBe(0);
    expect((await cli(['accounts', 'rename', 'Two', 'Staging'])).code).toBe(0);
    const list = await cli(['accounts', 'list']);
    expect(list.stdout).toMatch(/^\* {2}Staging {2}/m);
    expect(list.stdout).toMatch(/^ {3}One {6}/m);
    expect((await cli(['accounts', 'use', 'Nope'])).code).toBe(2);
  });

  it('upgrades an Auth Token account to a new Standard key, then removes it deleting the key at Twilio', async () => {
    const account = fake.state.addAccount();
    await cli(['accounts', 'add', 'Acme', '--account-sid', account.sid], account.authToken);
    // Kept by default, as in the window: no flag needed.
    const upgrade = await cli(['accounts', 'upgrade', 'Acme', '--json']);
    expect(upgrade.code).toBe(0);
    const { account: upgraded, report } = JSON.parse(upgrade.stdout);
    expect(upgraded).toMatchObject({ authType: 'apiKey', keyType: 'standard', keepsAuthToken: true, secretCreatedAt: expect.any(String) });
    expect(report).toMatchObject({ ok: true, keyType: 'standard' });
    expect(fake.state.keysOf(account.sid).map((k) => k.sid)).toEqual([upgraded.apiKeySid]);
    const remove = await cli(['accounts', 'remove', 'Acme', '--delete-key', '--yes']);
    expect(remove.code).toBe(0);
    expect(remove.stdout).toContain('its API key was deleted at Twilio');
    expect(fake.state.keysOf(account.sid)).toEqual([]);
  });

  it('keeps the Auth Token on upgrade unless --drop-auth-token, and says why where the choice is made', async () => {
    const help = await cli(['accounts', 'upgrade', '--help']);
    expect(help.stdout).toContain('The Auth Token is kept by default (--drop-auth-token removes it from the keychain).');
    expect(help.stdout).toContain('check Twilio webhook signatures');
    const kept = fake.state.addAccount();
    await cli(['accounts', 'add', 'Kept', '--account-sid', kept.sid], kept.authToken);
    const keep = await cli(['accounts', 'upgrade', 'Kept']);
    expect(keep.code).toBe(0);
    expect(keep.stdout).toContain('The Auth Token is kept in the keychain (--drop-auth-token would have removed it).');
    const dropped = fake.state.addAccount();
    await cli(['accounts', 'add', 'Dropped', '--account-sid', dropped.sid], dropped.authToken);
    expect((await cli(['accounts', 'upgrade', 'Dropped', '--drop-auth-token'])).stdout).toContain('The Auth Token was removed from the keychain');
    const list = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as { name: string; keepsAuthToken: boolean }[];
    expect(Object.fromEntries(list.map((a) => [a.name, a.keepsAuthToken]))).toEqual({ Kept: true, Dropped: false });
    expect((await cli(['accounts', 'upgrade', 'Kept', '--keep-auth-token', '--drop-auth-token'])).code).toBe(2);
  });

  it('says a Standard key cannot delete itself (exit 2) and keeps the account', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid, { keyType: 'standard' });
    await cli(['accounts', 'add', 'Std', '--account-sid', account.sid, '--api-key-sid', key.sid], key.secret);
    const remove = await cli(['accounts', 'remove', 'Std', '--delete-key', '--yes']);
    expect(remove.code).toBe(2);
    expect(remove.stderr).toContain('needs the account\'s Auth Token or a Main API key');
    expect(JSON.parse((await cli(['accounts', 'list', '--json'])).stdout)).toHaveLength(1);
  });

  it('removal with the keychain down names the secret left behind; doctor lists it and --clean deletes it', async () => {
    const account = fake.state.addAccount();
    await cli(['accounts', 'add', 'Staging', '--account-sid', account.sid, '--no-verify'], account.authToken);
    const { id } = JSON.parse((await cli(['accounts', 'list', '--json'])).stdout)[0];
    const remove = await cli(['accounts', 'remove', 'Staging'], '', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/smsit-no-bus' });
    expect(remove.stdout).not.toContain('its secrets from the keychain');
    expect(remove.stderr).toContain(`the Auth Token of "Staging" is still in it (entry "${id}/auth-token")`);
    expect(JSON.parse((await cli(['accounts', 'list', '--json'])).stdout)).toEqual([]);

    const doctor = await cli(['doctor']);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toContain(`${id}/auth-token (Auth Token)`);
    expect(doctor.stdout).toContain('smsit-twilio doctor --clean');
    const clean = await cli(['doctor', '--clean', '--json']);
    expect(JSON.parse(clean.stdout)).toMatchObject({ deleted: [`${id}/auth-token`] });
    const { secrets } = createAppContext({ env: { ...process.env, SMSIT_TWILIO_HOME: home.dir } });
    expect((await secrets.list()).filter((ref) => ref.accountId === id)).toEqual([]);
  }, 90_000); // seven runs of the real command, each loading keytar

  it('exits 3 with a way out when no keychain is reachable', async () => {
    const account = fake.state.addAccount();
    const run = await cli(['accounts', 'add', 'Acme', '--account-sid', account.sid, '--no-verify'], account.authToken, {
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/smsit-no-bus',
    });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('Secret Service');
  });
});
