import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSOLE_PATHS } from '../../../electron/shared/console-paths';

async function messageFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.ts$/.test(e.name) && e.name !== 'console-paths.ts').map((e) => join(e.parentPath, e.name));
}

describe('the Twilio Console path', () => {
  it('is written one way: every message of the core, the command line and the shared checks takes it from CONSOLE_PATHS', async () => {
    const files = [...(await messageFiles('electron/core')), ...(await messageFiles('electron/cli')), ...(await messageFiles('electron/shared'))];
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      // The old ways of writing it ("Account → API keys & tokens"), or the seed's path typed out again.
      if (/Account →|API keys & tokens|Dashboard > Account Info/.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
    expect(CONSOLE_PATHS.apiKeys).toBe('Admin > Account Management > Keys & Credentials > API keys & tokens');
  });
});
