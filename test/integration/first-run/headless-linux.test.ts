// The README's "Headless Linux" commands, run as written in a throw-away home: a D-Bus session with
// an unlocked gnome-keyring per command, an account saved in one session and served from another,
// and the systemd unit's ExecStart stopped as systemd stops a unit (SIGTERM to all its processes).
// Two changes to what is written: "AC…" becomes a real-looking SID (its Auth Token comes on stdin,
// checked by the fake Twilio), and serve gets "--port 0" (47123 may be taken on a shared machine).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilio, type FakeTwilio } from '../../fakes/fake-twilio';
import { tempDir } from '../../helpers/temp-dir';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('## Headless Linux'), README.indexOf('\n## ', README.indexOf('## Headless Linux') + 3));
const blocks = (lang: string) => [...SECTION.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]!);

let fake: FakeTwilio;
let home: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  fake = await startFakeTwilio();
  home = await tempDir('smsit-headless-');
  // A user with no desktop: only HOME, PATH and the proxy to the fake Twilio; no session bus, no XDG folders.
  env = { HOME: home, PATH: `${home}/.local/bin:${process.env.PATH}`, LANG: 'C.UTF-8', SMSIT_TWILIO_API_BASE: fake.url };
});
afterAll(() => fake.close());

function bash(script: string, input = '') {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Starts `command` in a process group of its own (as systemd's cgroup) and waits for "listening on". */
function startGroup(command: string) {
  const child = spawn('/bin/sh', ['-c', command], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = new Promise<void>((resolve) => child.stdout.on('close', () => resolve()));
  const port = new Promise<number>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
      if (match) resolve(Number(match[1]));
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${stderr}`)));
  });
  return { child, port, closed, stderr: () => stderr };
}

describe('README: Headless Linux', () => {
  it('saves an account and an engine token in one keyring session and serves them from another, then the systemd unit stops cleanly', async () => {
    const [script] = blocks('sh');
    expect(script).toBeDefined();
    const account = fake.state.addAccount();
    const lines = script!.split('\n');
    const serveLine = lines.find((line) => /^with_keyring smsit-twilio serve$/.test(line));
    expect(serveLine).toBeDefined();
    const setup = lines
      .filter((line) => line !== serveLine)
      .join('\n')
      .replace('--account-sid AC…', `--account-sid ${account.sid}`);
    const saved = await bash(setup, `${account.authToken}\n`);
    expect(saved.code, saved.stderr).toBe(0);
    expect(saved.stdout).toContain('Saved "Main" and made it the active account; its secret is in the system keychain.');
    expect(readFileSync(join(home, '.config/smsit-twilio/keyring.pass'), 'utf8').length).toBeGreaterThan(20);
    const token = readFileSync(join(home, '.config/smsit-twilio/engine-token'), 'utf8').trim();

    // serve, as written, in a new session: the same keyring opens with the same password.
    const functionDef = script!.slice(script!.indexOf('with_keyring() {'), script!.indexOf('\n}\n') + 3);
    const serve = startGroup(`${functionDef}\n${serveLine!.replace('serve', 'serve --port 0')}`);
    const port = await serve.port;
    const answer = await fetch(`http://127.0.0.1:${port}/v1/headers`, { headers: { Authorization: `Bearer ${token}` } });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { account: { accountSid: string } }).account.accountSid).toBe(account.sid);
    process.kill(-serve.child.pid!, 'SIGTERM');
    await serve.closed;
    expect(serve.stderr()).toContain('stopped\n');

    // The unit's ExecStart, with %h as systemd fills it in, stopped as `systemctl --user stop` does.
    const [unit] = blocks('ini');
    const execStart = /^ExecStart=(.*)$/m.exec(unit!)?.[1];
    expect(execStart).toMatch(/^\/usr\/bin\/dbus-run-session -- /);
    const service = startGroup(`exec ${execStart!.replaceAll('%h', home).replace(' serve\'', ' serve --port 0\'')}`);
    const servicePort = await service.port;
    expect((await fetch(`http://127.0.0.1:${servicePort}/v1/health`)).status).toBe(200);
    process.kill(-service.child.pid!, 'SIGTERM');
    await service.closed;
    expect(service.stderr()).toContain('stopped\n');
    await expect(fetch(`http://127.0.0.1:${servicePort}/v1/health`)).rejects.toThrow();

    // Clean up the keyring entry (the keyring files go with the temp home).
    const removed = await bash(`${functionDef}\nwith_keyring smsit-twilio accounts remove Main`);
    expect(removed.code, removed.stderr).toBe(0);
  }, 120_000);
});
