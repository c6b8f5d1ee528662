import { readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock } from '../../../../electron/core/registry/file-lock';
import { tempDir } from '../../../helpers/temp-dir';

describe('the registry lock file', () => {
  it('treats a lock whose owner has not yet written its pid as held, not as abandoned', async () => {
    const lock = join(await tempDir(), 'accounts.json.lock');
    await writeFile(lock, '');
    await expect(withFileLock(lock, async () => 'taken', { timeoutMs: 200 })).rejects.toMatchObject({ kind: 'registry-busy', message: expect.stringContaining(lock) });
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const lock = join(await tempDir(), 'accounts.json.lock');
    await writeFile(lock, '999999999');
    expect(await withFileLock(lock, async () => 'taken', { timeoutMs: 2_000 })).toBe('taken');
  });

  it('takes over an old lock even when it never got a pid (its owner crashed at once)', async () => {
    const lock = join(await tempDir(), 'accounts.json.lock');
    await writeFile(lock, '');
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lock, longAgo, longAgo);
    expect(await withFileLock(lock, async () => 'taken', { timeoutMs: 2_000, staleMs: 30_000 })).toBe('taken');
  });

  it('never takes over a lock whose owner is alive, however old, and says which process holds it', async () => {
    const lock = join(await tempDir(), 'accounts.json.lock');
    await writeFile(lock, `${process.ppid}\nabc\n2026-01-01T00:00:00.000Z\n`);
    const longAgo = new Date(Date.now() - 600_000);
    await utimes(lock, longAgo, longAgo);
    await expect(withFileLock(lock, async () => 'taken', { timeoutMs: 300, staleMs: 1_000 })).rejects.toMatchObject({
      kind: 'registry-busy',
      message: expect.stringContaining(`process ${process.ppid}`),
    });
    expect(await readFile(lock, 'utf8')).toContain('abc');
  });

  it('removes only a lock it holds: a lock that another process took meanwhile is left alone', async () => {
    const lock = join(await tempDir(), 'accounts.json.lock');
    const theirs = `${process.ppid}\nnot-mine\n2026-01-01T00:00:00.000Z\n`;
    await withFileLock(lock, async () => {
      await rm(lock);
      await writeFile(lock, theirs);
    });
    expect(await readFile(lock, 'utf8')).toBe(theirs);
  });

  it('writes its pid into the lock before anyone can see the lock', async () => {
    const lock = join(await tempDir(), 'accounts.json.lock');
    const seen = await withFileLock(lock, () => readFile(lock, 'utf8'));
    expect(seen.split('\n')[0]).toBe(String(process.pid));
  });

  it('lets many concurrent holders in one at a time, with no update lost', async () => {
    const dir = await tempDir();
    const lock = join(dir, 'accounts.json.lock');
    const counter = join(dir, 'counter');
    await writeFile(counter, '0');
    await Promise.all(
      Array.from({ length: 40 }, () =>
        withFileLock(lock, async () => {
          const value = Number(await readFile(counter, 'utf8'));
          await new Promise((resolve) => setTimeout(resolve, 1));
          await writeFile(counter, String(value + 1));
        }, { timeoutMs: 20_000 }),
      ),
    );
    expect(await readFile(counter, 'utf8')).toBe('40');
  });
});
