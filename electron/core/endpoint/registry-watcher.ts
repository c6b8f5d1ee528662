/**
 * Notices changes another process (the tray app, the command line) makes to the registry file.
 * The file is replaced by rename, so a watch on the old inode would go silent: `fs.watchFile`
 * polls `stat` (in libuv's thread pool, never blocking requests) and sees the new inode, mtime
 * or size within one interval, on every platform alike.
 */
import { unwatchFile, watchFile, type Stats } from 'node:fs';

/** Calls `onChange` after the file at `path` changed (created, replaced, removed); returns a stop function. */
export function watchRegistryFile(path: string, onChange: () => void, intervalMs: number): () => void {
  const listener = (current: Stats, previous: Stats) => {
    if (current.ino !== previous.ino || current.mtimeMs !== previous.mtimeMs || current.size !== previous.size) onChange();
  };
  // persistent: false — the watcher alone must not keep a process alive.
  watchFile(path, { interval: intervalMs, persistent: false }, listener);
  return () => unwatchFile(path, listener);
}
