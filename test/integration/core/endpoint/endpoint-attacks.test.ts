/** The endpoint under the attacks of issue 14, each run by a real second local process on loopback, bounded in count and time. */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { request } from 'node:http';
import { chmod, lstat, mkdir, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readAccessLogFile } from '../../../../electron/core/endpoint/access-log-file';
import { tempDir } from '../../../helpers/temp-dir';
import { bearer, call, startFixture, type Fixture } from './endpoint-fixture';

const hostile = fileURLToPath(new URL('./hostile-client.mjs', import.meta.url));

let fx: Fixture;
afterEach(async () => {
  await fx?.endpoint.stop();
});

/** Runs the hostile client to its end and returns what it printed. */
function runHostile(...args: string[]): Promise<any> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [hostile, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('close', () => resolve(JSON.parse(out)));
  });
}

describe('the endpoint under attack', () => {
  it('serves every request of the valid engine while another process floods wrong and missing tokens for 5 s', async () => {
    fx = await startFixture();
    const flood = runHostile('tokens', String(fx.port), '5000');
    let done = false;
    void flood.then(() => (done = true));
    await new Promise((r) => setTimeout(r, 300)); // let the flood get going first
    const statuses: number[] = [];
    while (!done) {
      statuses.push((await call(fx.port, '/v1/headers', { headers: bearer(fx.token) })).status);
      await new Promise((r) => setTimeout(r, 20));
    }
    const { sent } = await flood;
    expect(sent).toBeGreaterThan(200); // it was a flood
    expect(statuses.length).toBeGreaterThan(20);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  it('answers a token-less probe the same before and after a wrong-token flood: the throttle state is not observable', async () => {
    fx = await startFixture({ limits: { maxFailedAttempts: 3, failureWindowMs: 10_000 } });
    const before = await call(fx.port, '/v1/headers');
    for (let i = 0; i < 5; i++) void call(fx.port, '/v1/headers', { headers: bearer(`smsit_guess${i}`) }).catch(() => {});
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    const after = await call(fx.port, '/v1/headers');
    expect(Date.now() - started).toBeLessThan(1000);
    expect([after.status, after.text, after.headers['retry-after']]).toEqual([before.status, before.text, undefined]);
    expect(after.status).toBe(401);
  });

  it('keeps the trail of authenticated use through a flood of token-less and wrong-token requests, which are counted', async () => {
    fx = await startFixture();
    expect((await call(fx.port, '/v1/headers?account=Keyed', { headers: bearer(fx.token) })).status).toBe(200);
    const { sent } = await runHostile('tokens', String(fx.port), '2000');
    await fx.endpoint.stop();
    const log = await readAccessLogFile(join(fx.dir, 'access-log.jsonl'), 100_000);
    expect(log[0]).toMatchObject({ tokenName: 'engine', route: '/v1/headers', account: 'Keyed', status: 200 });
    const summaries = log.slice(1);
    expect(summaries.length).toBeLessThanOrEqual(2); // one line per status (401, and none else), not one per request
    expect(summaries.every((e) => e.route === '(unauthenticated)' && e.tokenName === null)).toBe(true);
    expect(summaries.reduce((n, e) => n + (e.count ?? 0), 0)).toBe(sent);
  });

  it('caps connections: 600 silent sockets from another process push out only their own, the engine is answered', async () => {
    fx = await startFixture({ limits: { maxConnections: 50, idleTimeoutMs: 30_000 } });
    const child = spawn(process.execPath, [hostile, 'idle', String(fx.port), '600'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 300));
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await call(fx.port, '/v1/headers', { headers: bearer(fx.token) })).status);
    child.stdin.write('report\n');
    await new Promise((resolve) => child.on('close', resolve));
    const { open, closed } = JSON.parse(out.slice(out.indexOf('{')));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(open).toBeGreaterThan(500);
    expect(closed).toBeGreaterThanOrEqual(open - 50);
  });

  it('does not read the body of a refused request: a 401 on the webhook route closes the connection', async () => {
    fx = await startFixture({ limits: { requestTimeoutMs: 10_000, idleTimeoutMs: 10_000 } });
    const socket = connect({ port: fx.port, host: '127.0.0.1' });
    socket.on('error', () => {});
    let answer = '';
    socket.on('data', (c) => (answer += c.toString('latin1')));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(`POST /v1/webhooks/validate HTTP/1.1\r\nHost: 127.0.0.1:${fx.port}\r\nContent-Type: application/json\r\nContent-Length: 200000000\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const started = Date.now();
    let open = true;
    void closed.then(() => (open = false));
    while (open && sent < 200_000_000 && Date.now() - started < 5_000) {
      if (!socket.write(chunk)) await new Promise((r) => { socket.once('drain', r); setTimeout(r, 50); });
      sent += chunk.length;
    }
    socket.destroy();
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(sent).toBeLessThan(20_000_000); // the server stopped reading: 200 MB were never taken in
  });

  it('serves the engine on a Unix socket in a 0700 folder of its own user, which another user cannot take over', async () => {
    const dir = join(await tempDir('smsit-sock-'), 'run');
    await mkdir(dir, { mode: 0o755 });
    const socketPath = join(dir, 'engine.sock');
    await writeFile(socketPath, ''); // a stale file left where the socket goes (a crash)
    fx = await startFixture({ socketPath });
    expect(fx.endpoint.status().socketPath).toBe(socketPath);
    const answer = await overSocket(socketPath, '/v1/headers', { Authorization: `Bearer ${fx.token}` });
    expect([answer.status, answer.json.account.name]).toEqual([200, 'Main']);
    // What a squatter would need: to create or replace the socket file. Only the owner can.
    const folder = await stat(dir);
    expect([folder.uid, folder.mode & 0o777]).toEqual([process.getuid!(), 0o700]);
    expect((await lstat(socketPath)).mode & 0o777).toBe(0o600);
    await fx.endpoint.stop();
    await expect(lstat(socketPath)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses to start a second copy on a live socket instead of taking it over', async () => {
    const dir = await tempDir('smsit-sock-');
    await chmod(dir, 0o700);
    const socketPath = join(dir, 'engine.sock');
    const live = createServer().listen(socketPath);
    await new Promise((r) => live.once('listening', r));
    try {
      fx = await startFixture({ socketPath }).catch((e) => e);
      expect(String((fx as unknown as Error).message)).toMatch(/already serves the engine on/);
    } finally {
      live.close();
      fx = undefined as never;
    }
  });
});

/** One request over a Unix socket, the way `curl --unix-socket PATH http://localhost/…` sends it. */
function overSocket(socketPath: string, path: string, headers: Record<string, string>): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, headers: { Host: 'localhost', ...headers } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}
