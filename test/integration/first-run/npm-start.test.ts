// `npm start` on a fresh machine: the Electron binary is missing (Electron 45 no longer downloads
// it on install), so npm start fetches it once — here a stand-in release served from 127.0.0.1
// the way @electron/get expects (ELECTRON_MIRROR, the real zip name, SHASUMS256.txt) whose
// "binary" records how it was started — then builds and starts the app on its main entry.
// node_modules/electron is left as it was found: an existing dist/ and path.txt are put aside and back.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';
import { writeZip } from '../../helpers/zip-store';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron');
const VERSION = (JSON.parse(readFileSync(join(ELECTRON_DIR, 'package.json'), 'utf8')) as { version: string }).version;
const ZIP_NAME = `electron-v${VERSION}-${process.platform}-${process.arch}.zip`;
const PUT_ASIDE = ['dist', 'path.txt'].map((name) => [join(ELECTRON_DIR, name), join(ELECTRON_DIR, `${name}.before-npm-start-test`)] as const);

let server: Server;
let mirror: string;
let work: string;
const requests: string[] = [];

function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Removes what a run unpacked, so the next starts from a machine without the binary. */
function removeInstalledBinary(): void {
  rmSync(join(ELECTRON_DIR, 'dist'), { recursive: true, force: true });
  rmSync(join(ELECTRON_DIR, 'path.txt'), { force: true });
}

beforeAll(async () => {
  for (const [path, aside] of PUT_ASIDE) if (existsSync(path)) renameSync(path, aside);
  work = await tempDir('smsit-npm-start-');
  // The stand-in "binary": a script that records its working folder and arguments.
  const zip = writeZip(join(work, ZIP_NAME), [
    { name: 'electron', mode: 0o755, content: '#!/bin/sh\nprintf \'%s\\n\' "$PWD" "$@" > "$STANDIN_ELECTRON_RECORD"\n' },
    { name: 'version', content: `v${VERSION}` },
  ]);
  const sums = `${createHash('sha256').update(zip).digest('hex')} *${ZIP_NAME}\n`;
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === `/v${VERSION}/${ZIP_NAME}`) response.writeHead(200, { 'content-length': zip.length }).end(zip);
    else if (request.url === `/v${VERSION}/SHASUMS256.txt`) response.writeHead(200).end(sums);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  removeInstalledBinary();
  for (const [path, aside] of PUT_ASIDE) if (existsSync(aside)) renameSync(aside, path);
});

describe('npm start on a machine without the Electron binary', () => {
  it('downloads Electron once, writes path.txt and starts it on the built app; a second npm start downloads nothing', async () => {
    removeInstalledBinary();
    const record = join(work, 'started.txt');
    const env = { ELECTRON_MIRROR: mirror, electron_use_remote_checksums: '1', electron_config_cache: join(work, 'cache'), STANDIN_ELECTRON_RECORD: record };
    const startedAt = Date.now();

    const first = await run('npm', ['start'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Downloading Electron ${VERSION} for ${process.platform}-${process.arch} (1 KB) from 127.0.0.1:${new URL(mirror).port}, once…\n`);
    expect(requests.filter((url) => url.endsWith(`/${ZIP_NAME}`))).toHaveLength(1);
    expect(readFileSync(join(ELECTRON_DIR, 'path.txt'), 'utf8')).toBe('electron');
    // Started in the project folder on ".", whose package.json "main" is the freshly built main entry.
    expect(readFileSync(record, 'utf8')).toBe(`${ROOT.replace(/\/$/, '')}\n.\n`);
    const main = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }).main;
    expect(main).toBe('out/main/index.js');
    expect(statSync(join(ROOT, main)).mtimeMs).toBeGreaterThanOrEqual(startedAt - 1000);

    rmSync(record);
    const second = await run('npm', ['start'], env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).not.toContain('Downloading Electron');
    expect(requests.filter((url) => url.endsWith(`/${ZIP_NAME}`))).toHaveLength(1);
    expect(existsSync(record)).toBe(true);
  }, 300_000);

  it('with no mirror reachable, exits non-zero saying what failed and what to do, without a stack trace', async () => {
    removeInstalledBinary();
    // A port that was just free: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise((resolve) => closed.close(resolve));

    const offline = await run('npm', ['start'], { ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_use_remote_checksums: '1', electron_config_cache: join(work, 'cache-offline') });
    expect(offline.code).not.toBe(0);
    expect(offline.stderr).toContain(`Could not download Electron ${VERSION} (${process.platform}-${process.arch}) from http://127.0.0.1:${port}/: ECONNREFUSED.\nThe app cannot start without it. What to do:\n`);
    expect(offline.stderr).toContain('run the same command again');
    expect(offline.stderr).toContain('HTTPS_PROXY');
    expect(offline.stderr).toContain('set ELECTRON_MIRROR');
    expect(offline.stderr).not.toMatch(/^\s+at /m);
    expect(existsSync(join(ELECTRON_DIR, 'path.txt'))).toBe(false);
  }, 120_000);
});
