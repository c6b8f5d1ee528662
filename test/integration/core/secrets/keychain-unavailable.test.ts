import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBareDbus } from '../../../helpers/bare-dbus';
import { runScript } from '../../../helpers/run-script';

const probe = 'test/fixtures/keychain-probe.ts';

describe('when no keychain can be reached', () => {
  let bus: Awaited<ReturnType<typeof startBareDbus>>;
  beforeAll(async () => {
    bus = await startBareDbus();
  });
  afterAll(() => bus.stop());

  it('a D-Bus session without a Secret Service gives keychain-unavailable saying what happened (each shell adds what to install)', async () => {
    const result = await runScript(probe, { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address } });
    const outcome = JSON.parse(result.stdout);
    expect(outcome.ok).toBe(false);
    expect(outcome.error.kind).toBe('keychain-unavailable');
    expect(outcome.error.message).toMatch(/^The system keychain could not .*: it did not answer or is locked\.$/);
  });

  it('no D-Bus session at all gives the same clear error, not a crash', async () => {
    const result = await runScript(probe, { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/smsit-bus' } });
    expect(JSON.parse(result.stdout).error).toMatchObject({ kind: 'keychain-unavailable' });
  });

  it('the private test keyring itself works, so the failures above are the environment’s', async () => {
    const result = await runScript(probe);
    expect(JSON.parse(result.stdout)).toEqual({ ok: true });
  });
});
