import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegistryFile } from '../../../../electron/core/registry/registry-file';
import { emptyRegistry } from '../../../../electron/core/registry/registry-schema';
import { accountRecord } from '../../../helpers/account-records';
import { tempDir } from '../../../helpers/temp-dir';

async function registryIn(dir: string, extra: Partial<ConstructorParameters<typeof RegistryFile>[0]> = {}) {
  return new RegistryFile({ path: join(dir, 'accounts.json'), ...extra });
}

describe('the registry file', () => {
  it('starts empty on first run and creates nothing until something is saved', async () => {
    const dir = await tempDir();
    expect(await (await registryIn(dir)).read()).toEqual(emptyRegistry());
    expect(await readdir(dir)).toEqual([]);
  });

  it('saves changes readable by another instance, in a file only the user can read', async () => {
    const dir = await tempDir();
    await (await registryIn(dir)).update((registry) => {
      registry.engine.paused = true;
    });
    expect((await (await registryIn(dir)).read()).engine.paused).toBe(true);
    if (process.platform !== 'win32') expect((await stat(join(dir, 'accounts.json'))).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['accounts.json']);
  });

  it('keeps a damaged file aside with a timestamp and says where, instead of starting empty in silence', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'accounts.json'), '{"schemaVersion": 1, "accounts": [tru');
    const registry = await registryIn(dir, { now: () => new Date('2026-11-27T10:00:00Z') });
    const error = await registry.read().catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'registry-corrupt' });
    const aside = join(dir, 'accounts.corrupt-2026-11-27T10-00-00-000Z.json');
    expect((error as Error).message).toContain(aside);
    expect(await readFile(aside, 'utf8')).toContain('[tru');
    expect(await registry.read()).toEqual(emptyRegistry());
  });

  it('tells every concurrent reader about a damaged file, not just the one that kept it aside', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'accounts.json'), 'not json');
    const registry = await registryIn(dir);
    const outcomes = await Promise.allSettled([registry.read(), registry.read(), registry.read()]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((await readdir(dir)).filter((name) => name.startsWith('accounts.corrupt-'))).toHaveLength(1);
  });

  it('leaves a file from a newer version untouched and asks for an update', async () => {
    const dir = await tempDir();
    const newer = JSON.stringify({ ...emptyRegistry(), schemaVersion: 2 });
    await writeFile(join(dir, 'accounts.json'), newer);
    await expect((await registryIn(dir)).read()).rejects.toMatchObject({ kind: 'registry-corrupt', message: expect.stringMatching(/newer version/) });
    expect(await readFile(join(dir, 'accounts.json'), 'utf8')).toBe(newer);
  });

  it('reports a failed write as an io error and keeps the previous contents', async () => {
    const dir = await tempDir();
    await (await registryIn(dir)).update((registry) => {
      registry.engine.port = 47_000;
    });
    const failing = await registryIn(dir, { writeFile: async () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) });
    await expect(failing.update((registry) => void (registry.engine.port = 1))).rejects.toMatchObject({ kind: 'io', message: expect.stringMatching(/ENOSPC.*Nothing was changed/) });
    expect((await failing.read()).engine.port).toBe(47_000);
    expect(await readdir(dir)).toEqual(['accounts.json']);
  });

  it('serialises concurrent read-modify-writes so that none is lost', async () => {
    // Repeated: a lost update showed up in about 1 run in 20 while the lock had a race.
    for (let run = 0; run < 20; run += 1) {
      const dir = await tempDir();
      const registries = [await registryIn(dir), await registryIn(dir)];
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          registries[i % 2]!.update((registry) => {
            registry.engine.tokens.push({ name: `t${i}`, hash: 'a'.repeat(64), createdAt: 'now', lastUsedAt: null });
          }),
        ),
      );
      expect((await registries[0]!.read()).engine.tokens).toHaveLength(20);
    }
  });
});

describe('the registry file as people and other versions leave it', () => {
  const account = (id: string, name: string) => accountRecord({ id, name, accountSid: `AC${'a'.repeat(32)}` });
  const fileWith = (accounts: object[], extra: object = {}) => JSON.stringify({ ...emptyRegistry(), activeAccountId: null, accounts, ...extra }, null, 2);

  it('reads a file that starts with a UTF-8 byte order mark (as Notepad saves it)', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'accounts.json'), `\uFEFF${fileWith([account('1', 'Main')])}`);
    expect((await (await registryIn(dir)).read()).accounts.map((a) => a.name)).toEqual(['Main']);
    expect(await readdir(dir)).toEqual(['accounts.json']);
  });

  it('keeps fields it does not know through a write (a newer minor version, a hand edit)', async () => {
    const dir = await tempDir();
    const extra = { ...account('1', 'Main'), color: 'blue' };
    await writeFile(join(dir, 'accounts.json'), fileWith([extra], { uiTheme: { accent: '#f00' }, engine: { port: null, paused: false, tokens: [], bindIpv6: false } }));
    await (await registryIn(dir)).update((registry) => void (registry.engine.paused = true));
    const saved = JSON.parse(await readFile(join(dir, 'accounts.json'), 'utf8'));
    expect(saved).toMatchObject({ uiTheme: { accent: '#f00' }, engine: { paused: true, bindIpv6: false }, accounts: [{ name: 'Main', color: 'blue' }] });
  });

  it('reads a verification error of a kind a newer version added as "internal", keeping its words, instead of calling the file damaged', async () => {
    const dir = await tempDir();
    const verification = { at: '2026-11-27T10:00:00.000Z', ok: false, keyType: null, friendlyName: null, status: null, type: null, warnings: [], error: { kind: 'quota-exceeded', message: 'Twilio says the quota is used up.' } };
    await writeFile(join(dir, 'accounts.json'), fileWith([{ ...account('1', 'Main'), lastVerification: verification }]));
    const [main] = (await (await registryIn(dir)).read()).accounts;
    expect(main?.lastVerification?.error).toMatchObject({ kind: 'internal', message: 'Twilio says the quota is used up.' });
    expect(await readdir(dir)).toEqual(['accounts.json']);
  });

  it.each([
    ['one id twice', [account('1', 'Main'), account('1', 'Backup')], /same id "1" \("Main" and "Backup"\)/],
    ['names equal but for case', [account('1', 'Main'), account('2', 'MAIN')], /named "Main" and "MAIN", which differ only in case/],
  ])('refuses hand-edited duplicates (%s), naming them, and leaves the file as it is', async (_, accounts, words) => {
    const dir = await tempDir();
    const text = fileWith(accounts);
    await writeFile(join(dir, 'accounts.json'), text);
    const registry = await registryIn(dir);
    await expect(registry.read()).rejects.toMatchObject({ kind: 'registry-corrupt', message: expect.stringMatching(words) });
    await expect(registry.update(() => undefined)).rejects.toMatchObject({ kind: 'registry-corrupt' });
    expect(await readFile(join(dir, 'accounts.json'), 'utf8')).toBe(text);
    expect(await readdir(dir)).toEqual(['accounts.json']);
  });
});
