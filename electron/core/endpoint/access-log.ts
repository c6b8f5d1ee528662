/**
 * The endpoint's access log: the last entries in memory (for the window and the tray) and every
 * entry appended to a JSON-lines file that is rotated to `<file>.1` past a size, so it never grows
 * without bound. Writes are batched and asynchronous: a request never waits on the disk.
 * Authenticated requests are logged by token, route, account and answer: requests alike within
 * `sameLineMs` share one line with their `count` (an engine asking for headers before every Twilio
 * call would otherwise write a line per call, and the per-request JSON was a fifth of the
 * endpoint's CPU). Requests without a valid token are only counted and summed up in one line per
 * status every `summaryEveryMs`, so a flood of them (27,767 in a second did it) can never rotate
 * the record of which token fetched which account away.
 */
import { rename, stat } from 'node:fs/promises';
import { appendFileNoFollow } from '../data-folder';
import type { AccessLogEntry } from '../../shared/app-types';
import { performance } from 'node:perf_hooks';
import { LOG_FILE_MAX_BYTES, MEMORY_LOG_ENTRIES, SAME_LINE_MS, UNAUTHENTICATED_SUMMARY_MS } from './endpoint-limits';

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
  /** How long requests alike keep being counted on one line (they never are once it was written). */
  sameLineMs?: number;
  now?: () => Date;
}

/** One authenticated request, as the request handler reports it. */
export interface RequestRecord {
  tokenName: string;
  method: string;
  route: string;
  account: string | null;
  status: number;
  durationMs: number;
}

/** Memory ring + size-bounded file. Entries must never contain a secret (callers pass names and routes only). */
export class AccessLog {
  /** A fixed-size ring: `next` is where the next entry goes (shift() on every request showed in profiles). */
  private readonly ring: AccessLogEntry[] = [];
  private next = 0;
  /** Entries not yet written; serialized when written, as the open line may still be counting. */
  private pending: AccessLogEntry[] = [];
  /** The line alike requests are still counted on, and when (performance.now()) it was opened. */
  private open: AccessLogEntry | null = null;
  private openedAt = 0;
  private fileSize: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();
  private readonly maxFileBytes: number;
  private readonly memoryEntries: number;
  private readonly flushDelayMs: number;
  private readonly sameLineMs: number;
  /** Unauthenticated requests by status since the last summary. */
  private unauthenticated = new Map<number, number>();
  private summaryTimer: NodeJS.Timeout | null = null;
  /** Failed file writes since start: `exec` tells the user when its record could not be written. */
  writeFailures = 0;

  constructor(private readonly options: AccessLogOptions) {
    this.maxFileBytes = options.maxFileBytes ?? LOG_FILE_MAX_BYTES;
    this.memoryEntries = Math.max(1, options.memoryEntries ?? MEMORY_LOG_ENTRIES);
    this.flushDelayMs = options.flushDelayMs ?? 200;
    this.sameLineMs = options.sameLineMs ?? SAME_LINE_MS;
  }

  /**
   * Records one authenticated request. Alike the open line (same token, method, route, account
   * and status, within `sameLineMs`, not yet written) it only counts there, keeping the longest
   * duration; otherwise it opens a new line.
   */
  request(request: RequestRecord, at: number = performance.now()): void {
    const line = this.open;
    if (
      line !== null &&
      at - this.openedAt < this.sameLineMs &&
      line.tokenName === request.tokenName &&
      line.route === request.route &&
      line.account === request.account &&
      line.status === request.status &&
      line.method === request.method
    ) {
      line.count = (line.count ?? 1) + 1;
      if (request.durationMs > line.durationMs) line.durationMs = request.durationMs;
      this.options.onAdd?.();
      return;
    }
    const entry: AccessLogEntry = { time: (this.options.now?.() ?? new Date()).toISOString(), ...request };
    this.add(entry);
    this.open = entry;
    this.openedAt = at;
  }

  /** Records one entry as it is (a summary line, an `exec` use). */
  add(entry: AccessLogEntry): void {
    this.open = null;
    this.ring[this.next] = entry;
    this.next = (this.next + 1) % this.memoryEntries;
    this.options.onAdd?.();
    if (this.options.file === null) return;
    this.pending.push(entry);
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
    this.open = null; // written now: later requests start a new line
    const entries = this.pending;
    this.pending = [];
    if (entries.length > 0) {
      const text = entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');
      this.writing = this.writing.then(() => this.write(text));
    }
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
