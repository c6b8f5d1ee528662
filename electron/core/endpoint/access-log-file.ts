/** Reads the access log file back (for `smsit-twilio log`, which runs in another process than the server). */
import { readFileNoFollow } from '../data-folder';
import type { AccessLogEntry } from '../../shared/app-types';

async function linesOf(path: string): Promise<string[]> {
  try {
    return (await readFileNoFollow(path)).split('\n').filter((line) => line.trim() !== '');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The last `limit` entries of the log file and its rotated predecessor, oldest first; unreadable lines skipped. */
export async function readAccessLogFile(path: string, limit = 50): Promise<AccessLogEntry[]> {
  const lines = [...(await linesOf(`${path}.1`)), ...(await linesOf(path))].slice(-limit);
  const entries: AccessLogEntry[] = [];
  for (const line of lines) {
    try {
      const entry = JSON.parse(line) as AccessLogEntry;
      if (typeof entry.time === 'string' && typeof entry.status === 'number') entries.push(entry);
    } catch {
      // a line cut by a crash mid-write: skip it
    }
  }
  return entries;
}
