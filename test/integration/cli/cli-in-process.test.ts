// The command line in this process, with a keychain that can be told to fail: the paths a real
// keychain cannot be made to take on demand (a store that fails mid-upgrade), and the hidden prompt.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSecret, type CliIo } from '../../../electron/cli/cli-io';
import { runCli } from '../../../electron/cli/index';
import { memoryHomePerTest, recordedIo } from '../../helpers/memory-home';
import { fakeTwilioForFile } from '../../helpers/fake-twilio-for-file';

const fake = fakeTwilioForFile();

const home = memoryHomePerTest({ prefix: 'smsit-cli-mem-' });

const io = (input = '', terminal = false) => recordedIo(input, { terminal });

const run = (args: string[], input = '', terminal = false) => {
  const { streams, out } = io(input, terminal);
  return runCli(args, streams, { env: { SMSIT_TWILIO_API_BASE: fake.url }, context: async () => home.context }).then((code) => ({ code, ...out }));
};

describe('smsit-twilio accounts upgrade when the keychain fails', () => {
  it('exits 3, deletes the new key at Twilio again and leaves the account on its Auth Token', async () => {
    const account = fake.state.addAccount();
    expect((await run(['accounts', 'add', 'Acme', '--account-sid', account.sid], account.authToken)).code).toBe(0);
    home.secrets.failOn.add('set');
    const upgrade = await run(['accounts', 'upgrade', 'Acme']);
    expect(upgrade.code).toBe(3);
    expect(upgrade.stderr).toContain('was deleted at Twilio again, so nothing is left behind');
    expect(fake.state.keysOf(account.sid)).toEqual([]);
    expect((await home.context.accounts.list())[0]).toMatchObject({ authType: 'authToken' });
  });
});

describe('smsit-twilio accounts remove --delete-key', () => {
  async function saveMainKey(name: string, account = fake.state.addAccount(), key = fake.state.addKey(account.sid, { keyType: 'main' })) {
    const add = await run(['accounts', 'add', name, '--account-sid', account.sid, '--api-key-sid', key.sid], key.secret);
    expect(add.code).toBe(0);
    return { account, key, add };
  }

  it('never deletes a key another saved account uses, even with --yes, and says which account (saving it twice warns)', async () => {
    const { account, key } = await saveMainKey('T');
    const { add } = await saveMainKey('Z', account, key);
    expect(add.stderr).toContain(`Warning: The API key ${key.sid} is also saved as "T"`);
    expect((await run(['accounts', 'use', 'Z'])).code).toBe(0);
    const remove = await run(['accounts', 'remove', 'T', '--delete-key', '--yes']);
    expect(remove.code).toBe(2);
    expect(remove.stderr).toContain(`is also used by "Z" (the engine uses it now)`);
    expect(remove.stderr).not.toContain('--force');
    expect(fake.state.keysOf(account.sid).map((k) => k.sid)).toEqual([key.sid]);
    expect((await home.context.accounts.list()).map((a) => a.name)).toEqual(['T', 'Z']);
    expect((await run(['accounts', 'verify', 'Z'])).code).toBe(0);
  });

  it('without a terminal, needs --yes and deletes nothing without it', async () => {
    const { account, key } = await saveMainKey('M');
    const remove = await run(['accounts', 'remove', 'M', '--delete-key']);
    expect(remove.code).toBe(2);
    expect(remove.stderr).toContain(`Deleting the API key ${key.sid} at Twilio cannot be undone: "M" stops working`);
    expect(remove.stderr).toContain('add --yes to confirm');
    expect(fake.state.keysOf(account.sid)).toHaveLength(1);
    expect(await home.context.accounts.list()).toHaveLength(1);
  });

  it('on a terminal, asks y/N naming the key and what stops working; no keeps everything, yes deletes', async () => {
    const { account, key } = await saveMainKey('M');
    const declined = await run(['accounts', 'remove', 'M', '--delete-key'], '\n', true);
    expect(declined.code).toBe(2);
    expect(declined.stderr).toContain('and so does every server, script or other computer that was given this key');
    expect(declined.stderr).toContain(`Delete ${key.sid} at Twilio and remove "M"? [y/N]`);
    expect(fake.state.keysOf(account.sid)).toHaveLength(1);
    expect(await home.context.accounts.list()).toHaveLength(1);
    const accepted = await run(['accounts', 'remove', 'M', '--delete-key'], 'y\n', true);
    expect(accepted.code).toBe(0);
    expect(fake.state.keysOf(account.sid)).toEqual([]);
    expect(await home.context.accounts.list()).toEqual([]);
  });
});

describe('smsit-twilio accounts add: names that look alike', () => {
  it('warns when a new name looks like a saved one (Cyrillic "Маin" beside "Main") and refuses a bidi override', async () => {
    const one = fake.state.addAccount();
    const two = fake.state.addAccount();
    expect((await run(['accounts', 'add', 'Main', '--account-sid', one.sid, '--no-verify'], one.authToken)).code).toBe(0);
    const twin = await run(['accounts', 'add', '\u041C\u0430in', '--account-sid', two.sid, '--no-verify'], two.authToken);
    expect(twin.code).toBe(0);
    expect(twin.stderr).toContain('Warning: "\u041C\u0430in" looks almost the same as the account "Main"');
    const override = await run(['accounts', 'add', 'Main\u202Enib', '--account-sid', two.sid, '--no-verify'], two.authToken);
    expect(override.code).toBe(2);
    expect(override.stderr).toContain('text-direction controls (here U+202E)');
    expect((await home.context.accounts.list()).map((a) => a.name)).toEqual(['Main', '\u041C\u0430in']);
  });
});

describe('reading the secret', () => {
  it('on a terminal: prompts on stderr, hides the typing, honours backspace, stops at Enter', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[], setRawMode(mode: boolean) { this.modes.push(mode); } });
    let prompt = '';
    const secret = readSecret({ stdout: { write: () => true }, stderr: { write: (t: string) => (prompt += t) }, stdin }, 'Auth Token');
    stdin.write('abcx\u007fd\r');
    expect(await secret).toBe('abcd');
    expect(prompt).toBe('Auth Token (typing is hidden): \n');
    expect(stdin.modes).toEqual([true, false]);
  });

  it('from a pipe: only the first line, even when the pipe stays open', async () => {
    const stdin = new PassThrough();
    const secret = readSecret({ stdout: { write: () => true }, stderr: { write: () => true }, stdin }, 'Auth Token');
    stdin.write('first-line\nsecond-line\n');
    expect(await secret).toBe('first-line');
  });
});

describe('smsit-twilio doctor', () => {
  it('names a rotation\'s leftover Auth Token as an Auth Token (it said "API Key Secret" for auth-token-next)', async () => {
    await home.secrets.set('gone', 'auth-token-next', 'left by a crash mid-rotation');
    const doctor = await run(['doctor']);
    expect(doctor.code).toBe(0);
    expect(doctor.stdout).toContain('gone/auth-token-next (Auth Token)');
  });
});

describe('smsit-twilio --version', () => {
  it('prints the version of the installed package', async () => {
    const { default: pkg } = await import('../../../package.json');
    const { streams, out } = io();
    expect(await runCli(['--version'], streams)).toBe(0);
    expect(out.stdout).toBe(`${pkg.version}\n`);
  });
});
