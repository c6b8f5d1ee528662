/**
 * One data folder in a temp directory with an in-memory keychain: the app context every
 * in-process test builds the core from, and the CLI's streams recorded as strings.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { AccountStore } from '../../electron/core/accounts/account-store';
import type { AppContext } from '../../electron/core/app-context';
import { RegistryFile } from '../../electron/core/registry/registry-file';
import { MemorySecretStore } from '../../electron/core/secrets/memory-secret-store';
import type { CliIo } from '../../electron/cli/cli-io';

/** A fresh data folder and memory keychain; `remove()` deletes the folder. */
export interface MemoryHome {
  dir: string;
  secrets: MemorySecretStore;
  context: AppContext;
  remove(): void;
}

/** Creates the folder now (synchronously, for beforeEach). */
export function memoryHome(prefix = 'smsit-home-'): MemoryHome {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const secrets = new MemorySecretStore();
  const registry = new RegistryFile({ path: join(dir, 'accounts.json') });
  const context: AppContext = { env: {}, dataDir: dir, registry, secrets, accounts: new AccountStore({ registry, secrets }) };
  return { dir, secrets, context, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The CLI's streams: stdin given (`input`, a terminal or a pipe), stdout and stderr recorded. */
export function recordedIo(input = '', options: { terminal?: boolean } = {}) {
  const out = { stdout: '', stderr: '' };
  const stdin = Object.assign(new PassThrough(), options.terminal ? { isTTY: true } : {});
  stdin.end(input);
  const streams: CliIo = { stdout: { write: (t: string) => (out.stdout += t) }, stderr: { write: (t: string) => (out.stderr += t) }, stdin };
  return { streams, out };
}
