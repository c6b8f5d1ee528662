/** The renderer section of electron.vite.config.ts as plain Vite config, for builds outside electron-vite (e2e, size report). */
import type { InlineConfig } from 'vite';
import electronViteConfig from '../electron.vite.config';

/** Same root, plugins and inputs as `electron-vite build`; base './' as electron-vite sets it; output to `outDir`. */
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
