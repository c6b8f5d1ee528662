import { connect, type Socket } from 'node:net';
import { networkInterfaces } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { revokeEngineToken } from '../../../../electron/core/endpoint/engine-tokens';
import { eventually } from '../../../helpers/eventually';
import { bearer, call, startFixture, type Fixture } from './endpoint-fixture';

let fx: Fixture;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await fx?.endpoint.stop();
});

/** Sends raw bytes and resolves with everything the server wrote before closing. */
function raw(port: number, bytes: string | Buffer, host = '127.0.0.1'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host });
    let text = '';
    socket.on('data', (c) => (text += c.toString('latin1')));
    socket.on('close', () => resolve(text));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

const noCors = (headers: Record<string, unknown>) => Object.keys(headers).filter((h) => h.startsWith('access-control-'));

describe('loopback endpoint hardening', () => {
  it('refuses a request without a token with 401 and says how to get one', async () => {
    fx = await startFixture();
    const answer = await call(fx.port, '/v1/headers');
    expect([answer.status, answer.json.error.kind]).toEqual([401, 'unauthorized']);
    expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(answer.json.error.message).toContain('tokens create');
  });

  it('refuses a wrong token, a token in the query string, and a Basic header', async () => {
    fx = await startFixture();
    expect((await call(fx.port, '/v1/headers', { headers: bearer(`${fx.token}x`) })).status).toBe(401);
    expect((await call(fx.port, `/v1/headers?token=${fx.token}`)).status).toBe(401);
    expect((await call(fx.port, '/v1/headers', { headers: { Authorization: `Basic ${fx.token}` } })).status).toBe(401);
  });

  it('refuses a revoked token within a second, without a restart', async () => {
    fx = await startFixture();
    expect((await call(fx.port, '/v1/headers', { headers: bearer(fx.token) })).status).toBe(200);
    await revokeEngineToken(fx.registry, 'engine');
    await eventually(async () => (await call(fx.port, '/v1/headers', { headers: bearer(fx.token) })).status === 401, 1000);
  });

  it('refuses a foreign Host (DNS rebinding) even with a valid token', async () => {
    fx = await startFixture();
    for (const host of ['evil.example', `evil.example:${fx.port}`, `127.0.0.1:${fx.port + 1}`, `192.168.1.5:${fx.port}`]) {
      const answer = await call(fx.port, '/v1/headers', { headers: { ...bearer(fx.token), Host: host } });
      expect([host, answer.status, answer.json.error.kind]).toEqual([host, 403, 'forbidden']);
    }
    for (const host of [`localhost:${fx.port}`, `LOCALHOST:${fx.port}`, `[::1]:${fx.port}`]) {
      expect((await call(fx.port, '/v1/health', { headers: { Host: host } })).status).toBe(200);
    }
  });

  it('refuses any request carrying Origin or a browser Sec-Fetch-Site, and never answers CORS', async () => {
    fx = await startFixture();
    for (const headers of [{ Origin: 'https://evil.example' } as Record<string, string>, { Origin: 'null' }, { Origin: `http://127.0.0.1:${fx.port}` }, { 'Sec-Fetch-Site': 'cross-site' }]) {
      const answer = await call(fx.port, '/v1/headers', { headers: { ...bearer(fx.token), ...headers } });
      expect(answer.status).toBe(403);
      expect(answer.text).not.toContain('Basic');
      expect(noCors(answer.headers)).toEqual([]);
    }
  });

  it('refuses a CORS preflight without any Access-Control header', async () => {
    fx = await startFixture();
    const answer = await call(fx.port, '/v1/headers', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(answer.status).toBe(403);
    expect(noCors(answer.headers)).toEqual([]);
    const bare = await call(fx.port, '/v1/headers', { method: 'OPTIONS' });
    expect([bare.status, noCors(bare.headers)]).toEqual([405, []]);
  });

  it('answers oversized headers with 431 and keeps serving', async () => {
    fx = await startFixture();
    const answer = await call(fx.port, '/v1/health', { headers: { 'X-Padding': 'a'.repeat(10_000) } });
    expect(answer.status).toBe(431);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect((await call(fx.port, '/v1/health')).status).toBe(200);
  });

  it('cuts off a client that sends its headers too slowly', async () => {
    fx = await startFixture();
    const socket = connect({ port: fx.port, host: '127.0.0.1' });
    sockets.push(socket);
    let text = '';
    socket.on('data', (c) => (text += c.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(`GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1:${fx.port}\r\n`);
    const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
    await closed;
    clearInterval(drip);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers garbage bytes with 400 and keeps serving', async () => {
    fx = await startFixture();
    expect(await raw(fx.port, Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x0d, 0x0a, 0x0d, 0x0a]))).toMatch(/^HTTP\/1\.1 400/);
    expect(await raw(fx.port, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    expect((await call(fx.port, '/v1/health')).status).toBe(200);
  });

  it('keeps serving while hundreds of half-open sockets hang, and closes them', async () => {
    fx = await startFixture();
    const closed: Promise<void>[] = [];
    for (let i = 0; i < 300; i++) {
      const socket = connect({ port: fx.port, host: '127.0.0.1' });
      sockets.push(socket);
      socket.on('error', () => {});
      socket.resume(); // read to the end, so the server's FIN surfaces as 'close'
      closed.push(new Promise((resolve) => socket.on('close', () => resolve())));
      socket.write(i % 2 ? 'GET /v1/health HTTP/1.1\r\nHost: 127' : '');
    }
    const answer = await call(fx.port, '/v1/headers', { headers: bearer(fx.token) });
    expect(answer.status).toBe(200);
    await Promise.all(closed); // the server's timeouts close every one of them
  });

  it('slows wrong tokens past the limit (their 401 waits for its slot) while the right token is served at once', async () => {
    fx = await startFixture({ limits: { maxFailedAttempts: 3, failureWindowMs: 3_000 } });
    for (let i = 0; i < 3; i++) expect((await call(fx.port, '/v1/accounts', { headers: bearer('smsit_guess') })).status).toBe(401);
    const started = Date.now();
    const slowed = call(fx.port, '/v1/accounts', { headers: bearer('smsit_guess') });
    const served = await call(fx.port, '/v1/accounts', { headers: bearer(fx.token) });
    expect(served.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(500);
    expect((await slowed).status).toBe(401);
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });

  it('listens on loopback only: not reachable on any other address of this machine', async () => {
    fx = await startFixture();
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal && !a.address.startsWith('fe80'))
      .map((a) => a!.address);
    for (const address of others) {
      await expect(raw(fx.port, 'GET /v1/health HTTP/1.1\r\n\r\n', address)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    }
    // And the same request on loopback does connect (so the refusals above are about the address).
    expect((await call(fx.port, '/v1/health')).status).toBe(200);
  });

  it('answers on ::1 too when the machine has IPv6 loopback', async () => {
    fx = await startFixture();
    const v6 = await call(fx.port, '/v1/health', { host: '::1', headers: { Host: `[::1]:${fx.port}` } }).catch((e) => e);
    if (v6 instanceof Error) expect((v6 as NodeJS.ErrnoException).code).toMatch(/EADDRNOTAVAIL|ECONNREFUSED|EAFNOSUPPORT|ENETUNREACH/);
    else expect(v6.status).toBe(200);
  });

  it('keeps tokens and secrets out of every error and of the access log', async () => {
    fx = await startFixture();
    await call(fx.port, '/v1/headers', { headers: bearer(fx.token) });
    await call(fx.port, '/v1/headers?account=Keyed', { headers: bearer(fx.token) });
    const wrong = await call(fx.port, '/v1/headers', { headers: bearer('smsit_wrongwrongwrong') });
    expect(wrong.text).not.toContain('wrongwrong');
    expect((await call(fx.port, `/v1/headers/${fx.token}`, { headers: bearer(fx.token) })).status).toBe(404);
    await fx.endpoint.stop();
    const log = await readFile(join(fx.dir, 'access-log.jsonl'), 'utf8');
    expect(log.split('\n').filter(Boolean)).toHaveLength(4);
    for (const secret of [fx.token, fx.main.authToken, fx.keyed.secret, 'wrongwrong', 'Basic']) expect(log).not.toContain(secret);
    expect(JSON.parse(log.split('\n')[1]!)).toMatchObject({ tokenName: 'engine', route: '/v1/headers', account: 'Keyed', status: 200 });
  });
});
