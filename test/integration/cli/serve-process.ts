/** Starts `smsit-twilio serve` as a real process and waits for its "listening on" line; plus account seeding in the keychain. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createAppContext } from '../../../electron/core/app-context';
import { seedMainAndKeyed } from '../../helpers/seeded-accounts';
import { tempDir } from '../../helpers/temp-dir';

const BIN = fileURLToPath(new URL('../../../bin/smsit-twilio.mjs', import.meta.url));

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  port: number;
  stderr: () => string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `serve args…` with SMSIT_TWILIO_HOME=home; rejects with its stderr if it exits before listening. */
export function startServe(home: string, args: string[] = ['--port', '0'], env: Record<string, string> = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { env: { ...process.env, SMSIT_TWILIO_HOME: home, ...env } });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /^listening on http:\/\/127\.0\.0\.1:(\d+)$/m.exec(stdout);
      if (match) {
        resolve({
          child,
          port: Number(match[1]),
          stderr: () => stderr,
          stop: (signal = 'SIGTERM') => (child.kill(signal), exited),
        });
      }
    });
    void exited.then((code) => reject(Object.assign(new Error(`serve exited ${code}: ${stderr}`), { code, stderr })));
  });
}

/** Saves two accounts in the (private, test) keychain of `home`: "Main" (auth token, active) and "Keyed" (API key). */
export async function seedAccounts(home: string) {
  const { accounts } = createAppContext({ env: { ...process.env, SMSIT_TWILIO_HOME: home } });
  const { main, keyed } = await seedMainAndKeyed(accounts);
  return { accounts, main, keyed, remove: async () => void (await accounts.remove('Main'), await accounts.remove('Keyed')) };
}

/** A data folder with "Main" and "Keyed" saved in the private keyring for the whole calling file, removed from it after. */
export function seededHomeForFile(prefix: string): { readonly dir: string; readonly seeded: Awaited<ReturnType<typeof seedAccounts>> } {
  let dir: string | null = null;
  let seeded: Awaited<ReturnType<typeof seedAccounts>> | null = null;
  beforeAll(async () => {
    dir = await tempDir(prefix);
    seeded = await seedAccounts(dir);
  });
  afterAll(() => seeded?.remove());
  const ready = () => {
    if (!dir || !seeded) throw new Error('seededHomeForFile: the folder exists only while the file runs');
    return { dir, seeded };
  };
  return {
    get dir() {
      return ready().dir;
    },
    get seeded() {
      return ready().seeded;
    },
  };
}
