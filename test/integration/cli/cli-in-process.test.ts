// The command line in this process, with a keychain that can be told to fail: the paths a real
// keychain cannot be made to take on demand (a store that fails mid-upgrade), and the hidden prompt.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountStore } from '../../../electron/core/accounts/account-store';
import type { AppContext } from '../../../electron/core/app-context';
import { RegistryFile } from '../../../electron/core/registry/registry-file';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { readSecret, type CliIo } from '../../../electron/cli/cli-io';
import { runCli } from '../../../electron/cli/index';
import { startFakeTwilio, type FakeTwilio } from '../../fakes/fake-twilio';

let fake: FakeTwilio;
let dir: string;
let context: AppContext;
let secrets: MemorySecretStore;

beforeAll(async () => {
  fake = await startFakeTwilio();
});
afterAll(() => fake.close());
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'smsit-cli-mem-'));
  secrets = new MemorySecretStore();
  const registry = new RegistryFile({ path: join(dir, 'accounts.json') });
  context = { env: {}, dataDir: dir, registry, secrets, accounts: new AccountStore({ registry, secrets }) };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(input = '') {
  const out = { stdout: '', stderr: '' };
  const stdin = new PassThrough();
  stdin.end(input);
  const streams: CliIo = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, stdin };
  return { streams, out };
}

const run = (args: string[], input = '') => {
  const { streams, out } = io(input);
  return runCli(args, streams, { env: { SMSIT_TWILIO_API_BASE: fake.url }, context: async () => context }).then((code) => ({ code, ...out }));
};

describe('smsit-twilio accounts upgrade when the keychain fails', () => {
  it('exits 3, deletes the new key at Twilio again and leaves the account on its Auth Token', async () => {
    const account = fake.state.addAccount();
    expect((await run(['accounts', 'add', 'Acme', '--account-sid', account.sid], account.authToken)).code).toBe(0);
    secrets.failOn.add('set');
    const upgrade = await run(['accounts', 'upgrade', 'Acme']);
    expect(upgrade.code).toBe(3);
    expect(upgrade.stderr).toContain('was deleted at Twilio again, so nothing is left behind');
    expect(fake.state.keysOf(account.sid)).toEqual([]);
    expect((await context.accounts.list())[0]).toMatchObject({ authType: 'authToken' });
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

describe('smsit-twilio --version', () => {
  it('prints the version of the installed package', async () => {
    const { default: pkg } = await import('../../../package.json');
    const { streams, out } = io();
    expect(await runCli(['--version'], streams)).toBe(0);
    expect(out.stdout).toBe(`${pkg.version}\n`);
  });
});
