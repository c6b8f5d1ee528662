// `smsit-twilio exec` through the real bin and the private keyring: a child that builds a real
// twilio client from the variables it gets, exit codes, stdin and signals passing through, the
// access log, and no secret anywhere but in the child's environment.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppContext } from '../../../electron/core/app-context';
import { removeKeyringAccounts } from '../../helpers/keyring-home';
import { accountSid, apiKeySecret, apiKeySid, authToken } from '../../helpers/sample-credentials';
import { tempDir } from '../../helpers/temp-dir';

const BIN = fileURLToPath(new URL('../../../bin/smsit-twilio.mjs', import.meta.url));
const CHILD = fileURLToPath(new URL('../../fixtures/twilio-env-child.mjs', import.meta.url));
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

let home: string;
const token = { accountSid: accountSid(), authToken: authToken() };
const keyed = { accountSid: accountSid(), apiKeySid: apiKeySid(), secret: apiKeySecret() };
const secrets = [token.authToken, keyed.secret];

beforeAll(async () => {
  home = await tempDir('smsit-exec-');
  const { accounts } = createAppContext({ env: { ...process.env, SMSIT_TWILIO_HOME: home } });
  await accounts.add({ name: 'Tokened', accountSid: token.accountSid, authType: 'authToken', secret: token.authToken });
  await accounts.add({ name: 'Dublin key', accountSid: keyed.accountSid, authType: 'apiKey', apiKeySid: keyed.apiKeySid, secret: keyed.secret, region: 'ie1', edge: 'dublin' });
});
afterAll(() => removeKeyringAccounts(home));

interface Exec {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code once the output has been read. */
  done: Promise<number | null>;
  /** Resolves when the child's stdout has printed `text`. */
  printed(text: string): Promise<void>;
}

/** Starts `smsit-twilio args…` with exactly `env` added to a copy of this environment without TWILIO_* (callers may add some back). */
function startCli(args: string[], env: Record<string, string> = {}): Exec {
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(base)) if (name.startsWith('TWILIO_')) delete base[name];
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...base, SMSIT_TWILIO_HOME: home, ...env } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    waiters.splice(0).forEach((wake) => wake());
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let closed = false;
  const done = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      closed = true;
      waiters.splice(0).forEach((wake) => wake());
      resolve(code);
    }),
  );
  // Woken by each chunk of output and by the end of the child: no timer.
  const printed = async (text: string) => {
    while (!stdout.includes(text)) {
      if (closed) throw new Error(`exited before printing "${text}": ${stderr}`);
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  return { child, stdout: () => stdout, stderr: () => stderr, done, printed };
}

async function run(args: string[], env: Record<string, string> = {}, input = '') {
  const exec = startCli(args, env);
  exec.child.stdin.end(input);
  const code = await exec.done;
  return { code, stdout: exec.stdout(), stderr: exec.stderr() };
}

/** Every file under `dir`, recursively, as text. */
function filesUnder(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, 'latin1') }];
  });
}

/** The command line of every process this user can see right now. */
function everyArgv(): Array<{ pid: string; argv: string }> {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .flatMap((pid) => {
      try {
        return [{ pid, argv: readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ') }];
      } catch {
        return []; // gone since the listing
      }
    });
}

describe('smsit-twilio exec', () => {
  it('gives a real twilio client the named API key account, its key, region and edge', async () => {
    const result = await run(['exec', 'Dublin key', '--', process.execPath, CHILD, 'client']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      username: keyed.apiKeySid,
      accountSid: keyed.accountSid,
      region: 'ie1',
      edge: 'dublin',
      passwordSha256: sha256(keyed.secret),
    });
    expect(result.stderr).toBe('');
  });

  it('uses the active account when no name is given: twilio() with no arguments reads the Auth Token', async () => {
    const result = await run(['exec', '--', process.execPath, CHILD, 'client']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ username: token.accountSid, accountSid: token.accountSid, region: null, edge: null, passwordSha256: sha256(token.authToken) });
  });

  it('names the TWILIO_* variables it replaced, drops a caller\'s stray Auth Token beside an API key, and keeps other TWILIO_ variables', async () => {
    const stray = { TWILIO_AUTH_TOKEN: 'f'.repeat(32), TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`, TWILIO_PHONE_NUMBER: '+15005550006' };
    const result = await run(['exec', 'dublin KEY', '--', process.execPath, CHILD, 'env'], stray);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({
      names: ['TWILIO_ACCOUNT_SID', 'TWILIO_API_KEY', 'TWILIO_API_SECRET', 'TWILIO_EDGE', 'TWILIO_PHONE_NUMBER', 'TWILIO_REGION'],
      sid: keyed.accountSid,
      other: '+15005550006',
    });
    expect(result.stderr).toBe('smsit-twilio: replaced TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN from your environment with the credentials of "Dublin key".\n');
  });

  it('passes the arguments untouched (our --help and --json included) and the child\'s exit status back', async () => {
    const args = await run(['exec', '--', process.execPath, CHILD, 'args', '--help', '--json', 'a b']);
    expect([args.code, JSON.parse(args.stdout)]).toEqual([0, ['--help', '--json', 'a b']]);
    const failed = await run(['exec', '--', process.execPath, CHILD, 'wait', '7'], {}, 'hello\n');
    expect([failed.code, failed.stdout]).toEqual([7, 'ready\nread 5 characters\n']);
  });

  it('passes SIGTERM to the child and returns what it exits with; a SIGINT that ends the child gives 130', async () => {
    const trapped = startCli(['exec', '--', process.execPath, CHILD, 'trap']);
    await trapped.printed('ready');
    trapped.child.kill('SIGTERM');
    expect(await trapped.done).toBe(42);
    expect(trapped.stdout()).toBe('ready\nchild got SIGTERM\n');
    const interrupted = startCli(['exec', '--', process.execPath, CHILD, 'trap']);
    await interrupted.printed('ready');
    interrupted.child.kill('SIGINT');
    expect(await interrupted.done).toBe(130);
  });

  it('exits 127 for a command that is not there, and 2 for a missing -- or an unknown account', async () => {
    const missing = await run(['exec', '--', 'smsit-no-such-command-here']);
    expect([missing.code, missing.stderr]).toEqual([127, expect.stringContaining('"smsit-no-such-command-here" was not found')]);
    const noDash = await run(['exec', 'node', 'x.js']);
    expect([noDash.code, noDash.stderr]).toEqual([2, expect.stringContaining('Put -- before the command')]);
    const unknown = await run(['exec', 'Ghost', '--', process.execPath, CHILD, 'args']);
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringContaining('"Ghost"')]);
  });

  it('records each use in the access log: account, command name, time and exit status, never the arguments', async () => {
    const before = Date.now();
    await run(['exec', 'Tokened', '--', process.execPath, CHILD, 'args', '--marker-not-logged']);
    const log = await run(['log', '--json']);
    const entries = JSON.parse(log.stdout) as Array<Record<string, unknown>>;
    const last = entries.at(-1)!;
    expect(last).toMatchObject({ method: 'EXEC', route: 'node', account: 'Tokened', status: 0, tokenName: null });
    expect(Date.parse(last.time as string)).toBeGreaterThanOrEqual(before - 1000);
    expect(log.stdout).not.toContain('marker-not-logged');
    expect(log.stdout).not.toContain(CHILD);
  });

  it('leaves no secret in the data folder, the access log, any process\'s argv, the parent\'s environment or our output', async () => {
    const seen: Array<{ pid: string; argv: string }> = [];
    const outputs: string[] = [];
    for (const name of ['Tokened', 'Dublin key']) {
      const exec = startCli(['exec', name, '--', process.execPath, CHILD, 'wait', '0']);
      await exec.printed('ready');
      // While the child holds the secret: every process's command line, and the exec process's own environment.
      seen.push(...everyArgv());
      seen.push({ pid: `${exec.child.pid} environ`, argv: readFileSync(`/proc/${exec.child.pid}/environ`, 'utf8') });
      exec.child.stdin.end('done\n');
      expect(await exec.done).toBe(0);
      outputs.push(exec.stdout(), exec.stderr());
    }
    expect(seen.length).toBeGreaterThan(4);
    expect(seen.some(({ argv }) => argv.includes(CHILD))).toBe(true);
    const files = filesUnder(home);
    expect(files.map((file) => file.path)).toContain(join(home, 'access-log.jsonl'));
    for (const secret of secrets) {
      expect(seen.filter(({ argv }) => argv.includes(secret))).toEqual([]);
      expect(files.filter(({ text }) => text.includes(secret)).map((file) => file.path)).toEqual([]);
      expect(outputs.filter((text) => text.includes(secret))).toEqual([]);
    }
  });
});
