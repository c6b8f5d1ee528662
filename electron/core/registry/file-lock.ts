/**
 * A lock file beside the registry, so the tray app and the command line (separate processes)
 * never interleave a read-modify-write. O_EXCL creation is atomic on every platform we ship.
 */
import { open, readFile, rm, stat } from 'node:fs/promises';
import { AppError } from '../errors';

export interface LockOptions {
  timeoutMs?: number;
  /** A lock older than this whose owner is gone is taken over (the owner crashed). */
  staleMs?: number;
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

async function isStale(lockPath: string, staleMs: number): Promise<boolean> {
  try {
    const [info, owner] = await Promise.all([stat(lockPath), readFile(lockPath, 'utf8')]);
    const old = Date.now() - info.mtimeMs > staleMs;
    // An empty file is a lock whose owner has created it but not yet written its pid: held, unless old.
    if (owner.trim() === '') return old;
    return old || !processAlive(Number.parseInt(owner, 10));
  } catch {
    return false; // gone already, or being written: just try again
  }
}

async function tryAcquire(lockPath: string): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx', 0o600);
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Runs `fn` while holding `lockPath`; throws `registry-busy` if another live process keeps it too long. */
export async function withFileLock<T>(lockPath: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const { timeoutMs = 10_000, staleMs = 30_000 } = options;
  const deadline = Date.now() + timeoutMs;
  while (!(await tryAcquire(lockPath))) {
    if (await isStale(lockPath, staleMs)) {
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new AppError(
        'registry-busy',
        `Another SMS-iT Twilio process has been changing your accounts for over ${Math.round(timeoutMs / 1000)} s. ` +
          `Try again in a moment; if this keeps happening, quit the other process or delete the lock file ${lockPath}.`,
        { path: lockPath },
      );
    }
    await sleep(5 + Math.random() * 20);
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}
