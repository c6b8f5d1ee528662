import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(ts|js|mjs|cjs)$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

// The core runs in the CLI and in tests with no Electron at all; only the shell may import it.
const ELECTRON_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/;

describe('layering', () => {
  it('nothing under electron/core or electron/shared imports electron', async () => {
    const files = [...(await sourceFiles('electron/core')), ...(await sourceFiles('electron/shared'))];
    expect(files.length).toBeGreaterThan(10);
    const offenders: string[] = [];
    for (const file of files) if (ELECTRON_IMPORT.test(await readFile(file, 'utf8'))) offenders.push(file);
    expect(offenders).toEqual([]);
  });

  it('the check itself recognises every way of importing electron', () => {
    for (const line of ["import { app } from 'electron'", 'const e = require("electron")', "await import('electron/main')"]) {
      expect(ELECTRON_IMPORT.test(line)).toBe(true);
    }
    expect(ELECTRON_IMPORT.test("import x from 'electron-vite'")).toBe(false);
  });
});
