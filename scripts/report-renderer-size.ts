/**
 * Prints the renderer's JavaScript size, gzipped: what the window loads at start (the entry and
 * its static imports, read from the built index.html) against the goal of 80 KB, and apart from
 * it the chunks loaded lazily (the Console illustrations). Builds the renderer first into a temp
 * folder with the same Vite config as `electron-vite build`, unless given a built folder.
 * Usage: npm run report:size [-- out/renderer]
 */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { rendererViteConfig } from './renderer-vite-config';

const GOAL_KB = 80;

async function gzippedKb(file: string): Promise<number> {
  return gzipSync(await readFile(file), { level: 9 }).length / 1024;
}

/** The JS files index.html loads at start: the module entry and every modulepreload. */
function startupScripts(html: string): string[] {
  const found = [...html.matchAll(/<(?:script[^>]+type="module"[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\.\/([^"]+\.js)"/g)];
  return [...new Set(found.map((match) => match[1]!))];
}

async function main(): Promise<void> {
  const given = process.argv[2];
  const outDir = given ? resolve(given) : await mkdtemp(join(tmpdir(), 'smsit-size-'));
  if (!given) await build(rendererViteConfig(outDir));
  try {
    const html = await readFile(join(outDir, 'index.html'), 'utf8');
    const startup = startupScripts(html);
    const allJs = (await readdir(join(outDir, 'assets'))).filter((name) => name.endsWith('.js')).map((name) => `assets/${name}`);
    const lazy = allJs.filter((file) => !startup.includes(file));
    let startupKb = 0;
    console.log('Loaded at start (gzipped):');
    for (const file of startup) {
      const kb = await gzippedKb(join(outDir, file));
      startupKb += kb;
      console.log(`  ${file.padEnd(44)} ${kb.toFixed(2).padStart(7)} KB`);
    }
    let lazyKb = 0;
    console.log('Loaded lazily (gzipped; the Console illustrations):');
    for (const file of lazy) {
      const kb = await gzippedKb(join(outDir, file));
      lazyKb += kb;
      console.log(`  ${file.padEnd(44)} ${kb.toFixed(2).padStart(7)} KB`);
    }
    const svgs = (await readdir(join(outDir, 'assets'))).filter((name) => name.endsWith('.svg'));
    let svgKb = 0;
    for (const file of svgs) svgKb += await gzippedKb(join(outDir, 'assets', file));
    console.log(`Renderer JS at start: ${startupKb.toFixed(1)} KB gzipped (goal ≤ ${GOAL_KB} KB): ${startupKb <= GOAL_KB ? 'within the goal' : 'OVER the goal'}`);
    console.log(`Lazily loaded: ${lazyKb.toFixed(1)} KB JS + ${svgKb.toFixed(1)} KB SVG (${svgs.length} illustrations), gzipped`);
    if (startupKb > GOAL_KB) process.exitCode = 1;
  } finally {
    if (!given) await rm(outDir, { recursive: true, force: true });
  }
}

await main();
