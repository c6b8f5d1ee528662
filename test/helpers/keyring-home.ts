/**
 * Data folders for tests that run the real bin on the private keyring (run inside
 * test/setup/with-private-keyring.mjs): what a test saves there is removed again after it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createAppContext } from '../../electron/core/app-context';

/** Removes every account saved in `home`, secrets included, through this process (it shares the private keyring). */
export async function removeKeyringAccounts(home: string): Promise<void> {
  const { accounts } = createAppContext({ env: { ...process.env, SMSIT_TWILIO_HOME: home } });
  for (const account of await accounts.list()) await accounts.remove(account.id);
}

/** A new data folder for each test of the calling file; after the test its accounts leave the keyring and the folder is deleted. */
export function keyringHomePerTest(prefix: string): { readonly dir: string } {
  let dir: string | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(async () => {
    if (!dir) return;
    await removeKeyringAccounts(dir);
    rmSync(dir, { recursive: true, force: true });
    dir = null;
  });
  return {
    get dir() {
      if (!dir) throw new Error('keyringHomePerTest: the folder exists only while a test runs');
      return dir;
    },
  };
}
