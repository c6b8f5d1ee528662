// The main and preload bundles stay readable by electronegativity (npm run lint:electron, run by CI):
// its parser stops at a class's #private field ("Unknown node type ClassPrivateProperty") and then
// scans nothing of that bundle. The renderer is not scanned, so its rune classes may use them.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const PRIVATE_FIELD = /^\s*(?:static\s+)?(?:readonly\s+)?#[A-Za-z_$][\w$]*\s*[=;:(]|\bthis\.#[A-Za-z_$]/m;

describe('main bundle lintable', () => {
  it('no source bundled into main or preload (electron/core, main, preload, shared) uses a #private class field', async () => {
    const offenders: string[] = [];
    let count = 0;
    for (const dir of ['electron/core', 'electron/main', 'electron/preload', 'electron/shared']) {
      for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
        count += 1;
        const file = join(entry.parentPath, entry.name);
        if (PRIVATE_FIELD.test(await readFile(file, 'utf8'))) offenders.push(file);
      }
    }
    expect(count).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
