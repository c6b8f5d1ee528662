/**
 * A lock file beside the registry, so the tray app and the command line (separate processes)
 * never interleave a read-modify-write. The lock is created whole (pid and a nonce written to a
 * temp file, then hard-linked into place: atomic, and never seen empty), taken over only when its
 * owner is gone — never because it is old: a keychain prompt, a sleeping laptop or a stopped
 * process holds it as long as it lives — and removed only by the process that holds it.
 */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, rm, stat } from 'node:fs/promises';
import { AppError } from '../errors';

export interface LockOptions {
  timeoutMs?: number;
  /**
   * An EMPTY lock older than this is taken over: only older versions of this app left a lock
   * without a pid (they crashed between creating and writing it). A lock with a pid never expires.
   */
  staleMs?: number;
}

/** Who holds a lock, as written in its file. */
interface LockOwner {
  pid: number;
  since: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(content: string): LockOwner | null {
  const [pid, , since] = content.split('\n');
  const parsed = Number.parseInt(pid ?? '', 10);
  return Number.isInteger(parsed) ? { pid: parsed, since: since ?? '' } : null;
}

/** Creates `path` holding `content`, or returns false if it exists. Readers never see it half-written. */
async function createWhole(path: string, content: string): Promise<boolean> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'wx', 0o600);
    await handle.writeFile(content);
    await handle.close();
    await link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links (FAT, some network shares): plain O_EXCL, briefly empty.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS') return createExclusive(path, content);
    throw error;
  } finally {
    await rm(temp, { force: true });
  }
}

async function createExclusive(path: string, content: string): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o600);
    await handle.writeFile(content);
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

const readOrNull = (path: string) => readFile(path, 'utf8').catch(() => null);

/** Removes `path` only if it still holds `content` (a lock is only ever removed by its holder or over a dead one). */
async function removeIfStill(path: string, content: string): Promise<void> {
  if ((await readOrNull(path)) === content) await rm(path, { force: true });
}

/** True when the lock's owner is gone: its pid is dead, or (an older version's lock) it is empty and old. */
async function abandoned(lockPath: string, content: string, staleMs: number): Promise<boolean> {
  const owner = ownerOf(content);
  if (owner) return !processAlive(owner.pid);
  if (content.trim() !== '') return false; // not ours to judge: wait
  const info = await stat(lockPath).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > staleMs;
}

/**
 * Removes an abandoned lock. Two waiters may find the same dead lock: the takeover runs under a
 * second, short-lived lock so that one of them cannot remove the fresh lock the other just took.
 */
async function takeOver(lockPath: string, seen: string, staleMs: number, mine: string): Promise<void> {
  const guard = `${lockPath}.takeover`;
  if (!(await createWhole(guard, mine))) {
    const guardContent = await readOrNull(guard);
    // The guard is held for microseconds; only a holder that died in them leaves it behind.
    if (guardContent !== null && (await abandoned(guard, guardContent, staleMs))) await removeIfStill(guard, guardContent);
    return;
  }
  try {
    if ((await readOrNull(lockPath)) === seen && (await abandoned(lockPath, seen, staleMs))) await rm(lockPath, { force: true });
  } finally {
    await removeIfStill(guard, mine);
  }
}

function busyError(lockPath: string, content: string | null, timeoutMs: number): AppError {
  const owner = content === null ? null : ownerOf(content);
  const who = owner
    ? `Another SMS-iT Twilio process (process ${owner.pid}${owner.since ? `, since ${owner.since}` : ''}) is changing your accounts and has held the lock for over ${Math.round(timeoutMs / 1000)} s`
    : `Another SMS-iT Twilio process has been changing your accounts for over ${Math.round(timeoutMs / 1000)} s`;
  return new AppError(
    'registry-busy',
    `${who}; it may be waiting for a keychain prompt. Nothing was changed here. Try again once it has finished` +
      (owner ? `; if process ${owner.pid} is stuck, end it, and its lock (${lockPath}) is released.` : `; if this keeps happening, quit the other process or delete the lock file ${lockPath}.`),
    { path: lockPath },
  );
}

/** Runs `fn` while holding `lockPath`; throws `registry-busy` naming the holder if a live process keeps it too long. */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, staleMs = 30_000 } = options;
  const deadline = Date.now() + timeoutMs;
  const mine = `${process.pid}\n${randomBytes(8).toString('hex')}\n${new Date().toISOString()}\n`;
  while (!(await createWhole(lockPath, mine))) {
    const seen = await readOrNull(lockPath);
    if (seen !== null && (await abandoned(lockPath, seen, staleMs))) {
      await takeOver(lockPath, seen, staleMs, mine);
      continue;
    }
    if (Date.now() > deadline) throw busyError(lockPath, seen, timeoutMs);
    await sleep(5 + Math.random() * 20);
  }
  try {
    return await fn();
  } finally {
    await removeIfStill(lockPath, mine);
  }
}
