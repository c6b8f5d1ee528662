import { execFile } from 'node:child_process';
import { Agent, request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { AccountStore } from '../../../../electron/core/accounts/account-store';
import { createEngineToken } from '../../../../electron/core/endpoint/engine-tokens';
import { RegistryFile } from '../../../../electron/core/registry/registry-file';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store';
import { bearer, call, eventually, startFixture, TEST_LIMITS, type Fixture } from './endpoint-fixture';

let fx: Fixture;
afterEach(async () => {
  await fx?.endpoint.stop();
});

const script = fileURLToPath(new URL('./other-process-change.ts', import.meta.url));
const inOtherProcess = (...args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', script, fx.registry.path, ...args], { timeout: 20_000 });

const headers = async (query = '') => call(fx.port, `/v1/headers${query}`, { headers: bearer(fx.token) });

/** Another view of the same files, sharing nothing in memory with the endpoint (as another process would). */
function otherView(): { registry: RegistryFile; accounts: AccountStore } {
  const registry = new RegistryFile({ path: fx.registry.path });
  return { registry, accounts: new AccountStore({ registry, secrets: fx.secrets }) };
}

describe('live changes reach a running endpoint within a second', () => {
  it('switching the active account in another process changes /v1/headers', async () => {
    fx = await startFixture();
    expect((await headers()).json.account.name).toBe('Main');
    await inOtherProcess('activate', 'Keyed');
    await eventually(async () => (await headers()).json.account?.name === 'Keyed', 1000);
  });

  it('revoking a token in another process locks that token out', async () => {
    fx = await startFixture();
    await inOtherProcess('revoke', 'engine');
    await eventually(async () => (await headers()).status === 401, 1000);
  });

  it('revoking a token locks it out on a connection kept alive since before, and a wrong token on a known connection is refused', async () => {
    // Node announces keep-alive in whole seconds: the fixture's 400 ms would read "timeout=0" and the agent would not reuse.
    fx = await startFixture({ limits: { ...TEST_LIMITS, keepAliveTimeoutMs: 5_000 } });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const onSameConnection = (token: string) =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: fx.port, path: '/v1/headers', agent, headers: bearer(token) }, (res) => {
          res.resume();
          // The agent takes the socket back once the answer was read ('close' on the answer), not at its end.
          res.on('close', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      expect(await onSameConnection(fx.token)).toEqual({ status: 200, reused: false });
      expect(await onSameConnection(fx.token)).toEqual({ status: 200, reused: true });
      expect(await onSameConnection(`${fx.token.slice(0, -1)}x`)).toEqual({ status: 401, reused: true });
      expect(await onSameConnection(fx.token)).toEqual({ status: 200, reused: false }); // the 401 closed that connection
      expect((await onSameConnection(fx.token)).reused).toBe(true);
      await inOtherProcess('revoke', 'engine');
      await eventually(async () => (await onSameConnection(fx.token)).status === 401, 1000);
    } finally {
      agent.destroy();
    }
  });

  it('a token created elsewhere works without a restart', async () => {
    fx = await startFixture();
    const { token } = await createEngineToken(otherView().registry, 'second');
    await eventually(async () => (await call(fx.port, '/v1/accounts', { headers: bearer(token) })).status === 200, 1000);
  });

  it('removing an account stops its headers and drops its cached secret', async () => {
    fx = await startFixture();
    expect((await headers('?account=Keyed')).status).toBe(200);
    await otherView().accounts.remove('Keyed');
    await eventually(async () => (await headers('?account=Keyed')).status === 404, 1000);
  });

  it('a new secret for the same account name is served after remove and re-add, never the old one', async () => {
    fx = await startFixture();
    const before = (await headers('?account=Keyed')).json.headers.Authorization;
    const other = otherView();
    await other.accounts.remove('Keyed');
    await other.accounts.add({ name: 'Keyed', accountSid: fx.keyed.accountSid, authType: 'authToken', secret: 'f'.repeat(32) });
    await eventually(async () => {
      const answer = await headers('?account=Keyed');
      return answer.status === 200 && answer.json.headers.Authorization !== before;
    }, 1000);
  });

  it('pausing from another process answers 503 until resumed there', async () => {
    fx = await startFixture();
    const { registry } = otherView();
    await registry.update((reg) => void (reg.engine.paused = true));
    await eventually(async () => (await headers()).status === 503, 1000);
    expect(fx.endpoint.status().paused).toBe(true);
    await registry.update((reg) => void (reg.engine.paused = false));
    await eventually(async () => (await headers()).status === 200, 1000);
  });

  it('tells its listeners when the registry changed', async () => {
    fx = await startFixture();
    let notices = 0;
    fx.endpoint.onChange(() => notices++);
    await otherView().accounts.activate('Keyed');
    await eventually(async () => notices > 0, 1000);
  });
});
