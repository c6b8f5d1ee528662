import { chmod, mkdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAppContext } from '../../../electron/core/app-context';
import { secureDataFolder } from '../../../electron/core/data-folder';
import { engineSocketPath } from '../../../electron/core/paths';
import { AccessLog } from '../../../electron/core/endpoint/access-log';
import { RegistryFile } from '../../../electron/core/registry/registry-file';
import { MemorySecretStore } from '../../../electron/core/secrets/memory-secret-store';
import { accountSid } from '../../helpers/sample-credentials';
import { tempDir } from '../../helpers/temp-dir';

const entry = { time: '2026-01-01T00:00:00.000Z', tokenName: 'engine', method: 'GET', route: '/v1/headers', account: 'Main', status: 200, durationMs: 1 };

describe('the data folder is ours', () => {
  it('never appends the access log through a link planted in the data folder', async () => {
    const dir = await tempDir();
    const elsewhere = join(await tempDir(), 'victim.txt');
    await writeFile(elsewhere, 'precious\n');
    await symlink(elsewhere, join(dir, 'access-log.jsonl'));
    const log = new AccessLog({ file: join(dir, 'access-log.jsonl') });
    log.add(entry);
    await log.flush();
    expect(await readFile(elsewhere, 'utf8')).toBe('precious\n');
    expect(log.recent()).toEqual([entry]); // the memory log keeps working
  });

  it('refuses to read accounts.json through a link, naming it', async () => {
    const dir = await tempDir();
    const planted = join(await tempDir(), 'planted.json');
    await writeFile(planted, JSON.stringify({ version: 1, accounts: [{ id: 'x', name: 'Planted', accountSid: accountSid() }] }));
    await symlink(planted, join(dir, 'accounts.json'));
    const error = await new RegistryFile({ path: join(dir, 'accounts.json') }).read().catch((e) => e);
    expect(error).toMatchObject({ kind: 'io' });
    expect(error.message).toMatch(/accounts\.json is a link/);
  });

  it('tightens an existing 0777 data folder to 0700 at start', async () => {
    const dir = join(await tempDir(), 'data');
    await mkdir(dir);
    await chmod(dir, 0o777);
    await openAppContext({ dataDir: dir, secrets: new MemorySecretStore() });
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('creates a missing data folder 0700', async () => {
    const dir = join(await tempDir(), 'new', 'data');
    await openAppContext({ dataDir: dir, secrets: new MemorySecretStore() });
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });

  it('refuses a data folder that belongs to another user, saying what to do, and leaves it as it was', async () => {
    const dir = join(await tempDir(), 'theirs');
    await mkdir(dir);
    await chmod(dir, 0o777);
    const owner = (await stat(dir)).uid;
    // Seen as a process of another user (uid owner + 1): the folder is someone else's.
    const error = await secureDataFolder(dir, 'linux', owner + 1).catch((e) => e);
    expect(error).toMatchObject({ kind: 'io' });
    expect(error.message).toMatch(new RegExp(`belongs to another user \\(uid ${owner}\\).*SMSIT_TWILIO_HOME`));
    expect((await stat(dir)).mode & 0o777).toBe(0o777);
  });

  it('puts the engine socket in the data folder, in a per-user runtime folder when that path is too long, none on Windows', () => {
    expect(engineSocketPath('/home/me/.config/SMS-iT Twilio Credentials', {}, 'linux')).toBe('/home/me/.config/SMS-iT Twilio Credentials/engine.sock');
    const long = engineSocketPath(`/home/${'x'.repeat(120)}`, { XDG_RUNTIME_DIR: '/run/user/1000' }, 'linux');
    expect(long).toMatch(/^\/run\/user\/1000\/smsit-twilio-\d+\/engine\.sock$/);
    expect(engineSocketPath('C:\\Users\\me\\AppData\\Roaming\\SMS-iT Twilio Credentials', {}, 'win32')).toBeNull();
  });
});
