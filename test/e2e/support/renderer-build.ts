/** Builds the real renderer (the same Vite config as `electron-vite build`) into a temp folder for one test file. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { rendererViteConfig } from '../../../scripts/renderer-vite-config';

/** Builds into a fresh temp folder and returns it. */
export async function buildRenderer(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'smsit-renderer-'));
  await build(rendererViteConfig(outDir));
  return outDir;
}
