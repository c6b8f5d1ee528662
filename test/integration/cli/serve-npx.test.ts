// `npx smsit-twilio serve` stopped with SIGTERM: npm and its shell end at once, and the server
// they started (which the signal never reaches) must stop too instead of running on, orphaned.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Resolves true when something accepts a TCP connection on 127.0.0.1:port. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/** Kills what is left of a failed run: processes whose environment names this test's data folder (Linux /proc). */
function killLeftovers(home: string): void {
  if (process.platform !== 'linux') return;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(`SMSIT_TWILIO_HOME=${home}`)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Gone already, or not ours to read.
    }
  }
}

describe('npx smsit-twilio serve', () => {
  it('stops its server when npx is stopped with SIGTERM', async () => {
    const home = await tempDir('smsit-npx-serve-');
    // A cache of its own and offline: npx links this clone, it downloads nothing.
    const env = { ...process.env, SMSIT_TWILIO_HOME: home, npm_config_cache: await tempDir('smsit-npx-cache-'), npm_config_offline: 'true', npm_config_update_notifier: 'false' };
    const npx = spawn('npx', ['smsit-twilio', 'serve', '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    npx.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // The pipes close when the last process holding them (the server) has exited.
    const allExited = new Promise<void>((resolve) => npx.stdout.on('close', () => resolve()));
    const port = await new Promise<number>((resolve, reject) => {
      npx.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
        if (match) resolve(Number(match[1]));
      });
      npx.once('exit', (code) => reject(new Error(`npx exited ${code} before listening: ${stderr}`)));
    });
    expect(await accepts(port)).toBe(true);

    npx.kill('SIGTERM');
    const stoppedInTime = await Promise.race([allExited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
    if (!stoppedInTime) killLeftovers(home);
    expect(stoppedInTime, `the server still holds its output 10 s after SIGTERM to npx; stderr: ${stderr}`).toBe(true);
    expect(await accepts(port)).toBe(false);
    expect(stderr).toContain('stopped: the process that started it (npx or npm) has exited\n');
  });
});
