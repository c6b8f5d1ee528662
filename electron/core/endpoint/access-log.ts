/**
 * The endpoint's access log: the last entries in memory (for the window and the tray) and every
 * entry appended to a JSON-lines file that is rotated to `<file>.1` past a size, so it never grows
 * without bound. Writes are batched and asynchronous: a request never waits on the disk.
 * Authenticated requests are logged one by one; requests without a valid token are only counted
 * and summed up in one line per status every `summaryEveryMs`, so a flood of them (27,767 in a
 * second did it) can never rotate the record of which token fetched which account away.
 */
import { rename, stat } from 'node:fs/promises';
import { appendFileNoFollow } from '../data-folder';
import type { AccessLogEntry } from '../../shared/app-types';
import { LOG_FILE_MAX_BYTES, MEMORY_LOG_ENTRIES, UNAUTHENTICATED_SUMMARY_MS } from './endpoint-limits';

/** Where the log goes and how much it keeps. */
export interface AccessLogOptions {
  /** The JSON-lines file; null keeps the log in memory only. */
  file: string | null;
  maxFileBytes?: number;
  memoryEntries?: number;
  /** Delay that gathers entries into one write. */
  flushDelayMs?: number;
  /** Called after each entry (the endpoint turns it into a throttled change notice). */
  onAdd?: () => void;
  /** How often the counts of unauthenticated requests become summary lines. */
  summaryEveryMs?: number;
  now?: () => Date;
}

/** Memory ring + size-bounded file. Entries must never contain a secret (callers pass names and routes only). */
export class AccessLog {
  /** A fixed-size ring: `next` is where the next entry goes (shift() on every request showed in profiles). */
  private readonly ring: AccessLogEntry[] = [];
  private next = 0;
  private pending: string[] = [];
  private fileSize: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly maxFileBytes: number;
  private readonly memoryEntries: number;
  private readonly flushDelayMs: number;
  /** Unauthenticated requests by status since the last summary. */
  private unauthenticated = new Map<number, number>();
  private summaryTimer: NodeJS.Timeout | null = null;
  /** Failed file writes since start: `exec` tells the user when its record could not be written. */
  writeFailures = 0;

  constructor(private readonly options: AccessLogOptions) {
    this.maxFileBytes = options.maxFileBytes ?? LOG_FILE_MAX_BYTES;
    this.memoryEntries = Math.max(1, options.memoryEntries ?? MEMORY_LOG_ENTRIES);
    this.flushDelayMs = options.flushDelayMs ?? 200;
  }

  /** Records one request. */
  add(entry: AccessLogEntry): void {
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.memoryEntries;
    this.options.onAdd?.();
    if (this.options.file === null) return;
    this.pending.push(`${JSON.stringify(entry)}\n`);
    this.timer ??= setTimeout(() => void this.flush(), this.flushDelayMs);
  }

  /** Counts one request that carried no valid token (refused, or health); summed up later, never logged alone. */
  countUnauthenticated(status: number): void {
    this.unauthenticated.set(status, (this.unauthenticated.get(status) ?? 0) + 1);
    this.summaryTimer ??= setTimeout(() => this.summarize(), this.options.summaryEveryMs ?? UNAUTHENTICATED_SUMMARY_MS).unref();
  }

  /** Turns the counts into one entry per status (route "(unauthenticated)", `count` requests). */
  private summarize(): void {
    if (this.summaryTimer) clearTimeout(this.summaryTimer);
    this.summaryTimer = null;
    const counts = this.unauthenticated;
    if (counts.size === 0) return;
    this.unauthenticated = new Map();
    const time = (this.options.now?.() ?? new Date()).toISOString();
    for (const [status, count] of counts) {
      this.add({ time, tokenName: null, method: '-', route: '(unauthenticated)', account: null, status, durationMs: 0, count });
    }
  }

  /** The entries in memory, newest first. */
  recent(): AccessLogEntry[] {
    return [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)].reverse();
  }

  /** Writes what is pending; resolves when it is on disk (or failed). */
  flush(): Promise<void> {
    this.summarize();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const lines = this.pending;
    this.pending = [];
    if (lines.length > 0) this.writing = this.writing.then(() => this.write(lines.join('')));
    return this.writing;
  }

  private async write(text: string): Promise<void> {
    const file = this.options.file as string;
    try {
      if (this.fileSize === null) this.fileSize = await stat(file).then((s) => s.size, () => 0);
      const bytes = Buffer.byteLength(text);
      if (this.fileSize > 0 && this.fileSize + bytes > this.maxFileBytes) {
        await rename(file, `${file}.1`);
        this.fileSize = 0;
      }
      await appendFileNoFollow(file, text); // never through a link planted in the data folder
      this.fileSize += bytes;
    } catch {
      // The memory log keeps working; the file is retried with the next batch.
      this.writeFailures += 1;
      this.fileSize = null; // re-read the size next time: another process may have rotated it
    }
  }
}
