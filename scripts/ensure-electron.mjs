#!/usr/bin/env node
// Run by `npm start` and `npm run dist` before Electron is needed: Electron 45's package no longer
// downloads its binary on install, and electron-vite stops with "Electron uninstall" without it.
// When the binary is missing this fetches it once, the way node_modules/electron/install.js does
// (same @electron/get download, same checksums, same extraction and path.txt), saying in one line
// what it fetches and how big, and in plain words what to do when the download fails.
// It imports the ES-module packages instead of require()-ing them, so it runs on Node 20.19+.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkNode } from './check-node.mjs';

const problem = checkNode();
if (problem) {
  console.error(problem);
  process.exit(1);
}

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));

const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch;
const executable = { darwin: 'Electron.app/Contents/MacOS/Electron', mas: 'Electron.app/Contents/MacOS/Electron', win32: 'electron.exe' }[platform] ?? 'electron';
const distDir = join(electronDir, 'dist');

/** The same test as install.js: the right version unpacked, path.txt naming its executable. */
function installed() {
  try {
    return (
      readFileSync(join(distDir, 'version'), 'utf8').trim().replace(/^v/, '') === version &&
      readFileSync(join(electronDir, 'path.txt'), 'utf8') === executable &&
      existsSync(join(distDir, executable))
    );
  } catch {
    return false;
  }
}

const size = (bytes) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** The failure in words: what failed, then what to do. */
function explain(error, mirror) {
  const cause = error?.cause?.code ?? error?.code ?? error?.cause?.message ?? error?.message ?? String(error);
  const status = error?.response?.status;
  const what = status ? `the server answered ${status}` : String(cause);
  return [
    `Could not download Electron ${version} (${platform}-${arch}) from ${mirror}: ${what}.`,
    'The app cannot start without it. What to do:',
    '  - check the internet connection and run the same command again (nothing half-downloaded is kept);',
    '  - behind a proxy: set HTTPS_PROXY (and NO_PROXY) and ELECTRON_GET_USE_PROXY=1, then run it again;',
    '  - where github.com is blocked: set ELECTRON_MIRROR to a mirror of Electron releases (its URL up to',
    `    the v${version}/ folder, ending in /), then run it again.`,
  ].join('\n');
}

if (!installed()) {
  const { downloadArtifact } = await import('@electron/get');
  const { extract } = await import('@electron-internal/extract-zip');
  const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/download/';
  let announced = false;
  const announce = (total) => {
    if (announced) return;
    announced = true;
    console.log(`Downloading Electron ${version} for ${platform}-${arch}${total ? ` (${size(total)})` : ''} from ${new URL(mirror).host}, once…`);
  };
  let zipPath;
  try {
    zipPath = await downloadArtifact({
      version,
      artifactName: 'electron',
      platform,
      arch,
      cacheRoot: process.env.electron_config_cache,
      force: process.env.force_no_cache === 'true',
      checksums: process.env.electron_use_remote_checksums || process.env.npm_config_electron_use_remote_checksums ? undefined : require(join(electronDir, 'checksums.json')),
      downloadOptions: { getProgressCallback: async ({ total }) => announce(total) },
    });
  } catch (error) {
    console.error(explain(error, mirror));
    process.exit(1);
  }
  announce(null);
  await extract(zipPath, { dir: distDir });
  // As install.js: the zip's type definitions move up beside the package.
  if (existsSync(join(distDir, 'electron.d.ts'))) renameSync(join(distDir, 'electron.d.ts'), join(electronDir, 'electron.d.ts'));
  await writeFile(join(electronDir, 'path.txt'), executable);
  console.log(`Electron ${version} is ready.`);
}
