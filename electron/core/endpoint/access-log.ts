/**
 * The endpoint's access log: the last entries in memory (for the window and the tray) and every
 * entry appended to a JSON-lines file that is rotated to `<file>.1` past a size, so it never grows
 * without bound. Writes are batched and asynchronous: a request never waits on the disk.
 */
import { appendFile, rename, stat } from 'node:fs/promises';
import type { AccessLogEntry } from '../../shared/app-types';
import { LOG_FILE_MAX_BYTES, MEMORY_LOG_ENTRIES } from './endpoint-limits';

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
  /** Failed file writes since start; the memory log keeps working. */
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

  /** The entries in memory, newest first. */
  recent(): AccessLogEntry[] {
    return [...this.ring.slice(this.next), ...this.ring.slice(0, this.next)].reverse();
  }

  /** Writes what is pending; resolves when it is on disk (or failed). */
  flush(): Promise<void> {
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
      await appendFile(file, text, { mode: 0o600 });
      this.fileSize += bytes;
    } catch {
      this.writeFailures += 1;
      this.fileSize = null; // re-read the size next time: another process may have rotated it
    }
  }
}
