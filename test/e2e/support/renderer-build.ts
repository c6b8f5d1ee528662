/** Builds the real renderer (the same Vite config as `electron-vite build`) into a temp folder for one test file. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type InlineConfig } from 'vite';
import electronViteConfig from '../../../electron.vite.config';

/** The renderer section of electron.vite.config.ts, as plain Vite config (base './' as electron-vite sets it). */
export function rendererViteConfig(outDir: string): InlineConfig {
  const renderer = (electronViteConfig as { renderer?: InlineConfig }).renderer ?? {};
  return {
    ...renderer,
    configFile: false,
    base: './',
    logLevel: 'error',
    build: { ...renderer.build, outDir, emptyOutDir: true },
  };
}

/** Builds into a fresh temp folder and returns it. */
export async function buildRenderer(): Promise<string> {
  const outDir = await mkdtemp(join(tmpdir(), 'smsit-renderer-'));
  await build(rendererViteConfig(resolve(outDir)));
  return outDir;
}
