/**
 * The endpoint's in-memory view of the registry: tokens, accounts, the pause switch. Requests read
 * it without touching the disk; it is re-read whenever the file changes, which is how a change
 * made by another process (tray, command line) reaches a running endpoint without a restart.
 */
import { performance } from 'node:perf_hooks';
import { AppError } from '../errors';
import type { Registry } from '../registry/registry-schema';
import { credentialFingerprint, type CredentialCache } from './credential-cache';
import { LAST_USED_WRITE_MS } from './endpoint-limits';
import { TokenMatcher, type TokenRegistry } from './engine-tokens';
import { watchRegistryFile } from './registry-watcher';

/** The registry as last read with its token matcher, or why it could not be read. */
export type RegistrySnapshot = { registry: Registry; matcher: TokenMatcher } | { error: unknown };

/** The file to follow, the cache to drop on credential changes, and whom to tell. */
export interface RegistryViewOptions {
  registry: TokenRegistry & { readonly path: string };
  /** Dropped whenever the accounts' credentials change. */
  secrets: CredentialCache;
  now: () => Date;
  pollMs: number;
  onChange: () => void;
}

/** Holds the current snapshot and keeps it in step with the file. */
export class RegistryView {
  private snapshot: RegistrySnapshot = { error: new AppError('internal', 'The engine endpoint has not read the accounts yet.') };
  private fingerprint = '';
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;
  private stopWatching: (() => void) | null = null;
  private readonly lastUsedWrites = new Map<string, number>();
  private readonly pendingWrites = new Set<Promise<unknown>>();

  constructor(private readonly options: RegistryViewOptions) {}

  /** The snapshot requests use. */
  current(): RegistrySnapshot {
    return this.snapshot;
  }

  /** The engine section as last read (null while the registry can't be read). */
  engine(): Registry['engine'] | null {
    return 'registry' in this.snapshot ? this.snapshot.registry.engine : null;
  }

  /** Starts following the file. */
  watch(): void {
    this.stopWatching ??= watchRegistryFile(this.options.registry.path, () => void this.reload(), this.options.pollMs);
  }

  /** Stops following the file and waits for this view's own pending writes. */
  async unwatch(): Promise<void> {
    this.stopWatching?.();
    this.stopWatching = null;
    await Promise.allSettled([...this.pendingWrites]);
  }

  /** Re-reads the registry; calls that arrive during a read queue exactly one more read. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = (async () => {
      do {
        this.reloadAgain = false;
        await this.read();
      } while (this.reloadAgain);
      this.reloading = null;
    })();
    return this.reloading;
  }

  /** Sets the pause switch in the file (so every process sees it) and in this view at once. */
  async setPaused(paused: boolean): Promise<void> {
    await this.options.registry.update((registry) => {
      registry.engine.paused = paused;
    });
    await this.reload();
  }

  /** Notes that a token was used; written back at most once a minute per token, never awaited by a request. */
  tokenUsed(name: string): void {
    // The monotonic clock decides whether to write (no Date per request); the date written is the clock's.
    const at = performance.now();
    if (at - (this.lastUsedWrites.get(name) ?? -Infinity) < LAST_USED_WRITE_MS) return;
    this.lastUsedWrites.set(name, at);
    const now = this.options.now().getTime();
    const write = this.options.registry
      .update((registry) => {
        const token = registry.engine.tokens.find((t) => t.name === name);
        if (token) token.lastUsedAt = new Date(now).toISOString();
      })
      .catch(() => {}) // a busy registry only delays a "last used" date
      .finally(() => this.pendingWrites.delete(write));
    this.pendingWrites.add(write);
  }

  private async read(): Promise<void> {
    try {
      const registry = await this.options.registry.read();
      const fingerprint = credentialFingerprint(registry.accounts);
      if (fingerprint !== this.fingerprint) this.options.secrets.clear();
      this.fingerprint = fingerprint;
      this.snapshot = { registry, matcher: new TokenMatcher(registry.engine.tokens) };
    } catch (error) {
      // Fail closed: no token is valid and no secret is kept while the registry can't be read.
      this.options.secrets.clear();
      this.fingerprint = '';
      this.snapshot = { error };
    }
    this.options.onChange();
  }
}
