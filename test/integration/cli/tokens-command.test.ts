// `smsit-twilio tokens` as a user runs it: the real bin against a temp data folder.
import { stat, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../../helpers/eventually';
import { tempDir } from '../../helpers/temp-dir';
import { runSmsitTwilio } from './run-smsit-twilio';
import { seedAccounts, startServe } from './serve-process';

let home: string;
const tokens = (...args: string[]) => runSmsitTwilio(['tokens', ...args], { env: { SMSIT_TWILIO_HOME: home } });

beforeAll(async () => {
  home = await tempDir('smsit-tokens-');
});

describe('smsit-twilio tokens', () => {
  it('create prints the token once, alone on stdout; list shows the name but never the token', async () => {
    const created = await tokens('create', 'printed');
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^smsit_[A-Za-z0-9_-]{43}\n$/);
    expect(created.stderr).toContain('shown this once');
    const list = await tokens('list', '--json');
    expect(JSON.parse(list.stdout)).toContainEqual({ name: 'printed', createdAt: expect.any(String), lastUsedAt: null, proofs: true });
    expect(list.stdout).not.toContain(created.stdout.trim());
    expect(await readFile(join(home, 'accounts.json'), 'utf8')).not.toContain(created.stdout.trim());
  });

  it('list says which tokens were made before the mutual exchange (Bearer only) and what to do', async () => {
    await tokens('create', 'older');
    await tokens('create', 'newer');
    const { RegistryFile } = await import('../../../electron/core/registry/registry-file');
    await new RegistryFile({ path: join(home, 'accounts.json') }).update((registry) => {
      const older = registry.engine.tokens.find((t) => t.name === 'older')!;
      delete older.storedKey; // as a token made by an earlier version has it
      delete older.serverKey;
    });
    const lines = (await tokens('list')).stdout.split('\n');
    expect(lines.find((line) => line.startsWith('older '))).toMatch(/Bearer only \(made before the mutual exchange; create a new token to use it\)$/);
    expect(lines.find((line) => line.startsWith('newer '))).not.toContain('Bearer only');
  });

  it('create --file writes the token to a new file readable by the owner only, and nothing to stdout', async () => {
    const file = join(home, 'engine.token');
    const created = await tokens('create', 'filed', '--file', file);
    expect(created.code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const token = (await readFile(file, 'utf8')).trim();
    expect(token).toMatch(/^smsit_/);
    expect(created.stdout + created.stderr).not.toContain(token);
  });

  it('create --file refuses an existing file and creates no token', async () => {
    const file = join(home, 'existing.token');
    await writeFile(file, 'keep me', { mode: 0o644 });
    const run = await tokens('create', 'clash', '--file', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('already exists (remove it or pick another --file)');
    expect(await readFile(file, 'utf8')).toBe('keep me');
    expect((await tokens('list')).stdout).not.toContain('clash');
  });

  it('refuses a duplicate name, and revoke of an unknown name is bad input (exit 2) naming the tokens there are', async () => {
    await tokens('create', 'twice');
    const again = await tokens('create', 'twice');
    expect([again.code, again.stderr]).toEqual([2, expect.stringContaining('already an engine token named "twice"')]);
    const unknown = await tokens('revoke', 'nope');
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringMatching(/There is no engine token named "nope"\. Engine tokens: .*"twice"/)]);
  });

  it('revoke locks the token out of a running endpoint (another process) within a second', async () => {
    const seeded = await seedAccounts(home);
    const token = (await tokens('create', 'doomed')).stdout.trim();
    const serve = await startServe(home);
    try {
      const ask = () => fetch(`http://127.0.0.1:${serve.port}/v1/accounts`, { headers: { Authorization: `Bearer ${token}` } });
      expect((await ask()).status).toBe(200);
      const revoked = await tokens('revoke', 'doomed');
      expect(revoked.stdout).toContain('revoked');
      // serve learns of the revocation at its next registry poll: wait for that, not for a fixed time.
      let status = 200;
      await eventually(async () => (status = (await ask()).status) !== 200, 1000);
      expect(status).toBe(401);
    } finally {
      await serve.stop();
      await seeded.remove();
    }
  });
});
