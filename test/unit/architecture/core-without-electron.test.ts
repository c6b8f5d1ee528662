import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

async function sourceFiles(dir: string, pattern = /\.(ts|js|mjs|cjs)$/): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && pattern.test(e.name)).map((e) => join(e.parentPath, e.name));
}

// Any import or re-export whose path reaches into electron/core (relative paths from shared/ or renderer/).
const CORE_IMPORT = /(?:from\s+|import\s*\(\s*|import\s+)['"][./]*(?:electron\/)?core\/[^'"]*['"]/;

async function importersOfCore(files: string[]): Promise<string[]> {
  const offenders: string[] = [];
  for (const file of files) if (CORE_IMPORT.test(await readFile(file, 'utf8'))) offenders.push(file);
  return offenders;
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

  it('electron/shared never imports electron/core: the contract is types and data every layer can read', async () => {
    const files = await sourceFiles('electron/shared');
    expect(files.length).toBeGreaterThan(3);
    expect(await importersOfCore(files)).toEqual([]);
  });

  it('the renderer never imports electron/core: it sees errors and state only as shared shapes', async () => {
    const files = await sourceFiles('renderer/src', /\.(ts|svelte)$/);
    expect(files.length).toBeGreaterThan(10);
    expect(await importersOfCore(files)).toEqual([]);
  });

  it('the core-import check recognises imports from shared/ and from the renderer', () => {
    for (const line of ["import type { ErrorInfo } from '../core/errors'", "  import type { ErrorInfo } from '../../../../electron/core/errors';", "export { x } from '../core/paths'"]) {
      expect(CORE_IMPORT.test(line)).toBe(true);
    }
    expect(CORE_IMPORT.test("import type { ErrorInfo } from '../../../electron/shared/errors'")).toBe(false);
    expect(CORE_IMPORT.test("import { score } from './core-scores'")).toBe(false);
  });

  it('the check itself recognises every way of importing electron', () => {
    for (const line of ["import { app } from 'electron'", 'const e = require("electron")', "await import('electron/main')"]) {
      expect(ELECTRON_IMPORT.test(line)).toBe(true);
    }
    expect(ELECTRON_IMPORT.test("import x from 'electron-vite'")).toBe(false);
  });
});
