import { utimes, writeFile } from 'node:fs/promises';
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
});
