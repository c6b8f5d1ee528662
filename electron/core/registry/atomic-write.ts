/** Rename-into-place writes: a reader sees the old file or the new one, never half of either. */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** How the registry writes a file; tests pass one that fails. */
export type WriteFile = (path: string, data: string) => Promise<void>;

/**
 * Writes `data` to a hidden temp file beside `path`, gives it exactly `mode`, flushes it, then
 * renames it over `path`. The temp file is created owner-only and only then given `mode` (open's
 * mode is cut by the umask): the registry keeps 0600, a rewritten plain file its own mode.
 */
export async function writeFileAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.chmod(mode & 0o7777);
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
