/** Issue 10 item 8: the port the user chooses — the endpoint moves to it, it is saved, a taken one changes nothing. */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bearer, call, startFixture, type Fixture } from './endpoint-fixture';

let fx: Fixture;
afterEach(async () => {
  await fx?.endpoint.stop();
});

async function freePort(): Promise<number> {
  const probe: Server = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('the port setting', () => {
  it('moves the endpoint to the new port, saves it in the registry, and the old port stops answering', async () => {
    fx = await startFixture();
    const old = fx.endpoint.status().port;
    const wanted = await freePort();
    const status = await fx.endpoint.changePort(wanted);
    expect([status.port, status.running, status.url]).toEqual([wanted, true, `http://127.0.0.1:${wanted}`]);
    expect((await call(wanted, '/v1/headers', { headers: bearer(fx.token) })).status).toBe(200);
    await expect(call(old, '/v1/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect((await fx.registry.read()).engine.port).toBe(wanted);
  });

  it('stays where it was and saves nothing when the new port is taken, naming the port', async () => {
    fx = await startFixture();
    const old = fx.endpoint.status().port;
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      await expect(fx.endpoint.changePort(taken)).rejects.toMatchObject({ kind: 'port-in-use', message: expect.stringContaining(`Port ${taken}`) });
      expect(fx.endpoint.status()).toMatchObject({ port: old, running: true, error: null });
      expect((await call(old, '/v1/headers', { headers: bearer(fx.token) })).status).toBe(200);
      expect((await fx.registry.read()).engine.port).not.toBe(taken);
    } finally {
      blocker.close();
    }
  });

  it('refuses a port that is not one', async () => {
    fx = await startFixture();
    await expect(fx.endpoint.changePort(70_000)).rejects.toMatchObject({ kind: 'bad-input' });
  });
});
