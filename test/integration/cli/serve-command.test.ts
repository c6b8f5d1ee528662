// `smsit-twilio serve` as an engine host runs it: a real process, the real keychain (private, test), tokens from the CLI.
import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { RegistryFile } from '../../../electron/core/registry/registry-file';
import { runSmsitTwilio } from './run-smsit-twilio';
import { seededHomeForFile, startServe } from './serve-process';

const home = seededHomeForFile('smsit-serve-');

const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

describe('smsit-twilio serve', () => {
  it('prints where it listens, serves keychain-backed headers to a token made by the CLI, and stops cleanly on SIGTERM', async () => {
    const token = (await runSmsitTwilio(['tokens', 'create', 'engine'], { env: { SMSIT_TWILIO_HOME: home.dir } })).stdout.trim();
    const serve = await startServe(home.dir);
    try {
      const health = await fetch(`http://127.0.0.1:${serve.port}/v1/health`);
      expect(await health.json()).toMatchObject({ ok: true });
      const answer = await fetch(`http://127.0.0.1:${serve.port}/v1/headers?account=Keyed`, { headers: { Authorization: `Bearer ${token}` } });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { headers: { Authorization: string } }).headers.Authorization).toBe(basic(home.seeded.keyed.apiKeySid, home.seeded.keyed.secret));
    } finally {
      expect(await serve.stop('SIGTERM')).toBe(0);
    }
    expect(serve.stderr()).toContain('stopped');
  });

  it('listens on the port saved in the app (engine.port) unless --port is given', async () => {
    const probe: Server = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const saved = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const registry = new RegistryFile({ path: join(home.dir, 'accounts.json') });
    await registry.update((reg) => void (reg.engine.port = saved));
    try {
      const serve = await startServe(home.dir, []);
      expect(serve.port).toBe(saved);
      expect(await serve.stop()).toBe(0);
      const overridden = await startServe(home.dir, ['--port', '0']);
      expect(overridden.port).not.toBe(saved);
      expect(await overridden.stop()).toBe(0);
    } finally {
      await registry.update((reg) => void (reg.engine.port = null));
    }
  });

  it('stops cleanly on SIGINT (Ctrl-C) too', async () => {
    const serve = await startServe(home.dir);
    expect(await serve.stop('SIGINT')).toBe(0);
  });

  it('says which port is taken when another program holds it', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const failure = await startServe(home.dir, ['--port', String(port)]).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(failure?.code).toBe(2);
      expect(failure?.stderr).toContain(`Port ${port} is already in use`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a port that is not a number with a usage error', async () => {
    const run = await runSmsitTwilio(['serve', '--port', 'http'], { env: { SMSIT_TWILIO_HOME: home.dir } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--port takes a port number');
  });
});
