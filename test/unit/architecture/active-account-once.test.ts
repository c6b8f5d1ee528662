import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(ts|svelte)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('"is this account active"', () => {
  it('is decided in one place: only the core\'s registry and accounts code read the registry\'s pointer; every shell reads the summary\'s flag', async () => {
    const files = [...(await sourceFiles('electron')), ...(await sourceFiles('renderer/src'))];
    const readers: string[] = [];
    for (const file of files) {
      if (/activeAccountId/.test(await readFile(file, 'utf8'))) readers.push(file.split('\\').join('/'));
    }
    // The schema holds the pointer, the store moves it, account-names turns it into isActiveAccount;
    // the summary and key deletion ask isActiveAccount with the registry they were given.
    expect(readers.sort()).toEqual([
      'electron/core/accounts/account-names.ts',
      'electron/core/accounts/account-store.ts',
      'electron/core/accounts/account-summary.ts',
      'electron/core/accounts/key-deletion.ts',
      'electron/core/registry/registry-schema.ts',
    ]);
  });
});
