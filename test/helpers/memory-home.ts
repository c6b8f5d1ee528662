/**
 * One data folder in a temp directory with an in-memory keychain: the app context every
 * in-process test builds the core from, and the CLI's streams recorded as strings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach } from 'vitest';
import { AccountStore } from '../../electron/core/accounts/account-store';
import type { AppContext } from '../../electron/core/app-context';
import { RegistryFile, type RegistryFileOptions } from '../../electron/core/registry/registry-file';
import { MemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import type { CliIo } from '../../electron/cli/cli-io';

/** A fresh data folder and memory keychain; `remove()` deletes the folder. */
export interface MemoryHome {
  dir: string;
  secrets: MemorySecretStore;
  context: AppContext;
  remove(): void;
}

/** Where the home lives and how its registry behaves; every field is optional. */
export interface MemoryHomeOptions {
  /** Name prefix of a new temp folder (ignored when `dir` is given). */
  prefix?: string;
  /** An existing folder to use (e.g. from `tempDir`, removed with the test file). */
  dir?: string;
  /** SMSIT_TWILIO_API_BASE as the context carries it. */
  apiBase?: string | null;
  /** Registry options besides its path (a lock timeout, a write that a test watches). */
  registry?: Omit<RegistryFileOptions, 'path'>;
}

/** Creates the home now (synchronously, for beforeEach). */
export function memoryHome(options: MemoryHomeOptions = {}): MemoryHome {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), options.prefix ?? 'smsit-home-'));
  const secrets = new MemorySecretStore();
  const registry = new RegistryFile({ path: join(dir, 'accounts.json'), ...options.registry });
  const context: AppContext = { env: {}, dataDir: dir, registry, secrets, accounts: new AccountStore({ registry, secrets }), apiBase: options.apiBase ?? null };
  return { dir, secrets, context, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A new home for each test of the calling file (made before, removed after); read its fields inside tests. */
export function memoryHomePerTest(options: MemoryHomeOptions = {}): MemoryHome {
  let current: MemoryHome | null = null;
  beforeEach(() => {
    current = memoryHome(options);
  });
  afterEach(() => {
    current?.remove();
    current = null;
  });
  const now = (): MemoryHome => {
    if (!current) throw new Error('memoryHomePerTest: the home exists only while a test runs');
    return current;
  };
  return {
    get dir() {
      return now().dir;
    },
    get secrets() {
      return now().secrets;
    },
    get context() {
      return now().context;
    },
    remove: () => now().remove(),
  };
}

/** The CLI's streams: stdin given (`input`, a terminal or a pipe), stdout and stderr recorded. */
export function recordedIo(input = '', options: { terminal?: boolean } = {}) {
  const out = { stdout: '', stderr: '' };
  const stdin = Object.assign(new PassThrough(), options.terminal ? { isTTY: true } : {});
  stdin.end(input);
  const streams: CliIo = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, stdin };
  return { streams, out };
}
