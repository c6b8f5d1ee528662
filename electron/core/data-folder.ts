/**
 * The data folder is ours alone. An access log appended through a link planted in it, an
 * accounts file read through one, or a folder other users can write to would let another local
 * user plant, redirect or wipe what the app trusts (issue 14 item 5). So files are opened
 * without following links (O_NOFOLLOW where the OS has it), and the folder's owner and mode are
 * checked at start: too open is tightened to 0700, someone else's is refused.
 */
import { constants } from 'node:fs';
import { chmod, lstat, mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { AppError } from './errors';

/** O_NOFOLLOW, or 0 where the OS has none (Windows: links there need privileges to create). */
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;

function linkRefused(path: string, cause: unknown): AppError {
  return new AppError(
    'io',
    `${path} is a link to another file, and this app opens only real files in its data folder (a link there may have been planted to redirect it). ` +
      'Remove the link, then try again.',
    { path },
    { cause },
  );
}

/** Opens `path` with `flags` (fs.constants) without following a final symbolic link; a link is refused with `io`. */
export async function openNoFollow(path: string, flags: number, mode = 0o600): Promise<FileHandle> {
  try {
    return await open(path, flags | NO_FOLLOW, mode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw linkRefused(path, error);
    throw error;
  }
}

/** Reads a text file without following a link at `path` (ENOENT passes through as is). */
export async function readFileNoFollow(path: string): Promise<string> {
  const handle = await openNoFollow(path, constants.O_RDONLY);
  try {
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Appends to a file (created 0600) without following a link at `path`. */
export async function appendFileNoFollow(path: string, text: string): Promise<void> {
  const handle = await openNoFollow(path, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT);
  try {
    await handle.appendFile(text);
  } finally {
    await handle.close();
  }
}

/** What securing the folder did. */
export interface DataFolderCheck {
  created: boolean;
  /** The mode it had when it was tightened to 0700 (null: it was already private). */
  tightenedFrom: number | null;
}

/**
 * Makes sure `dir` exists, belongs to this user and is 0700: creates it, tightens a folder others
 * may read or write, and refuses (`io`, naming the owner and what to do) a folder — or a link to
 * one — owned by someone else. POSIX only; on Windows the per-user AppData ACL does this job.
 */
export async function secureDataFolder(
  dir: string,
  platform: NodeJS.Platform = process.platform,
  uid: number | undefined = process.getuid?.(),
): Promise<DataFolderCheck> {
  if (platform === 'win32' || uid === undefined) return { created: false, tightenedFrom: null };
  let created = false;
  const link = await lstat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (link === null) {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    created = true;
  } else if (link.isSymbolicLink() && link.uid !== uid) {
    throw notOurs(dir, link.uid, 'is a link owned by');
  }
  const info = await stat(dir);
  if (!info.isDirectory()) {
    throw new AppError('io', `The data folder ${dir} is not a folder. Move that file away (or set SMSIT_TWILIO_HOME to another folder), then try again.`, { path: dir });
  }
  if (info.uid !== uid) throw notOurs(dir, info.uid, 'belongs to');
  const mode = info.mode & 0o777;
  if ((mode & 0o077) === 0) return { created, tightenedFrom: null };
  await chmod(dir, 0o700);
  return { created, tightenedFrom: mode };
}

function notOurs(dir: string, owner: number, what: string): AppError {
  return new AppError(
    'io',
    `The data folder ${dir} ${what} another user (uid ${owner}), so it cannot be trusted with your accounts and engine tokens. ` +
      'Remove it or set SMSIT_TWILIO_HOME to a folder of your own, then try again.',
    { path: dir },
  );
}
