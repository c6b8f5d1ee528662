/** Rename-into-place writes: a reader sees the old file or the new one, never half of either. */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

/** How the registry writes a file; tests pass one that fails. */
export type WriteFile = (path: string, data: string) => Promise<void>;

/** Writes `data` to a private temp file beside `path` (mode 0600), flushes it, then renames it over `path`. */
export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
