import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineEndpoint } from '../../../../electron/core/endpoint/engine-endpoint';
import { listEngineTokens } from '../../../../electron/core/endpoint/engine-tokens';
import { eventually } from '../../../helpers/eventually';
import { bearer, call, startFixture, type Fixture } from './endpoint-fixture';

let fx: Fixture;
const extra: EngineEndpoint[] = [];
afterEach(async () => {
  await Promise.all(extra.splice(0).map((e) => e.stop()));
  await fx?.endpoint.stop();
});

const another = (port: number | null) => {
  const endpoint = new EngineEndpoint({ registry: fx.registry, accounts: fx.accounts, port, logFile: null, version: 't' });
  extra.push(endpoint);
  return endpoint;
};

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('endpoint lifecycle', () => {
  it('reports a taken port as port-in-use naming the port, without throwing', async () => {
    fx = await startFixture();
    const status = await another(fx.port).start();
    expect(status.running).toBe(false);
    expect(status.error).toMatchObject({ kind: 'port-in-use', message: expect.stringContaining(`Port ${fx.port} is already in use`) });
  });

  it('listens on the port saved in the registry when none is given', async () => {
    fx = await startFixture();
    const port = await freePort();
    await fx.registry.update((reg) => void (reg.engine.port = port));
    const status = await another(null).start();
    expect([status.running, status.port, status.url]).toEqual([true, port, `http://127.0.0.1:${port}`]);
  });

  it('pause and resume change the status, tell listeners, and are kept in the registry', async () => {
    fx = await startFixture();
    let notices = 0;
    fx.endpoint.onChange(() => notices++);
    expect((await fx.endpoint.pause()).paused).toBe(true);
    expect((await fx.registry.read()).engine.paused).toBe(true);
    expect(notices).toBeGreaterThan(0);
    expect((await fx.endpoint.resume()).paused).toBe(false);
    expect((await call(fx.port, '/v1/headers', { headers: bearer(fx.token) })).status).toBe(200);
  });

  it('keeps the recent requests for the window, newest first, with token and account names; token-less ones summed up', async () => {
    fx = await startFixture({ logSummaryMs: 100 });
    await call(fx.port, '/v1/health');
    await call(fx.port, '/v1/health');
    await call(fx.port, '/v1/headers?account=Keyed', { headers: bearer(fx.token) });
    await call(fx.port, '/v1/accounts', { headers: bearer(fx.token) });
    expect(fx.endpoint.recentLog()).toHaveLength(2);
    await eventually(async () => fx.endpoint.recentLog().length === 3);
    const [summary, newest, older] = fx.endpoint.recentLog();
    expect(summary).toMatchObject({ tokenName: null, route: '(unauthenticated)', status: 200, count: 2 });
    expect(newest).toMatchObject({ tokenName: 'engine', method: 'GET', route: '/v1/accounts', status: 200 });
    expect(older).toMatchObject({ tokenName: 'engine', method: 'GET', route: '/v1/headers', account: 'Keyed', status: 200 });
  });

  it('records when a token was last used', async () => {
    fx = await startFixture();
    await call(fx.port, '/v1/accounts', { headers: bearer(fx.token) });
    await eventually(async () => (await listEngineTokens(fx.registry))[0]?.lastUsedAt !== null);
  });

  it('stop frees the port and closes kept-alive connections; start again serves', async () => {
    fx = await startFixture();
    const port = fx.port;
    await fetch(`http://127.0.0.1:${port}/v1/health`); // leaves a keep-alive connection open
    await fx.endpoint.stop();
    expect(fx.endpoint.status().running).toBe(false);
    await expect(call(port, '/v1/health')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const again = another(port);
    expect((await again.start()).running).toBe(true);
    expect((await call(port, '/v1/health')).status).toBe(200);
  });
});
