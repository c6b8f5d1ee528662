/** Engine access state: a new token is held only until dismissed or revoked; pause/resume and log go to their channels. */
import { describe, expect, it } from 'vitest';
import { EngineAccess } from '../../../renderer/src/lib/engine-access.svelte';
import { fakeSmsitApi } from './fake-smsit-api';

describe('EngineAccess', () => {
  it('holds a new token until the user dismisses it', async () => {
    const fake = fakeSmsitApi();
    fake.answer('tokens:create', { ok: true, value: { name: 'engine', token: 'smsit_secret' } });
    const engine = new EngineAccess(fake.api);
    expect(await engine.createToken(' engine ')).toBe(true);
    expect(fake.calls[0]).toEqual({ channel: 'tokens:create', input: { name: 'engine' } });
    expect(engine.newToken).toEqual({ name: 'engine', token: 'smsit_secret' });
    expect(engine.announcement).toMatch(/shown only once/);
    engine.dismissToken();
    expect(engine.newToken).toBeNull();
  });

  it('forgets the shown token when that token is revoked', async () => {
    const fake = fakeSmsitApi();
    fake.answer('tokens:create', { ok: true, value: { name: 'engine', token: 'smsit_secret' } });
    const engine = new EngineAccess(fake.api);
    await engine.createToken('engine');
    expect(await engine.revokeToken('engine')).toBe(true);
    expect(engine.newToken).toBeNull();
  });

  it('shows the core\'s words at the name field when a token name is refused, until the name changes', async () => {
    const fake = fakeSmsitApi();
    const error = { kind: 'bad-input' as const, message: 'A token name is 1–64 letters…' };
    fake.answer('tokens:create', { ok: false, error });
    const engine = new EngineAccess(fake.api);
    expect(await engine.createToken('bad name')).toBe(false);
    expect(engine.nameError).toBe(error.message);
    expect(engine.failure).toBeNull();
    expect(engine.newToken).toBeNull();
    engine.nameEdited();
    expect(engine.nameError).toBeNull();
  });

  it('pauses and resumes through their channels, and loads the access log', async () => {
    const fake = fakeSmsitApi();
    const entry = { time: '2026-01-01T00:00:00Z', tokenName: 'engine', method: 'GET', route: '/v1/headers', account: 'Shop', status: 200, durationMs: 3 };
    fake.answer('log:list', { ok: true, value: [entry] });
    const engine = new EngineAccess(fake.api);
    await engine.setPaused(true);
    await engine.setPaused(false);
    await engine.refreshLog();
    expect(fake.calls.map((call) => call.channel)).toEqual(['endpoint:pause', 'endpoint:resume', 'log:list']);
    expect(engine.log).toEqual([entry]);
  });

  it('stops watching the log and forgets a shown token when the view closes', async () => {
    const fake = fakeSmsitApi();
    fake.answer('tokens:create', { ok: true, value: { name: 'engine', token: 'smsit_secret' } });
    const engine = new EngineAccess(fake.api);
    const stop = engine.watchLog(60_000);
    await engine.createToken('engine');
    stop();
    expect(engine.newToken).toBeNull();
  });

  it('changes the port through its channel and says a taken port at the port field', async () => {
    const fake = fakeSmsitApi();
    const error = { kind: 'port-in-use' as const, message: 'Port 8080 is already in use on 127.0.0.1: another program listens there.' };
    fake.answer('endpoint:set-port', { ok: false, error });
    const engine = new EngineAccess(fake.api);
    expect(await engine.setPort(8080)).toBe(false);
    expect(fake.calls[0]).toEqual({ channel: 'endpoint:set-port', input: { port: 8080 } });
    expect([engine.portError, engine.failure]).toEqual([error.message, null]);
    fake.answer('endpoint:set-port', { ok: true, value: { url: 'http://127.0.0.1:8081', port: 8081, running: true, paused: false, error: null } });
    expect(await engine.setPort(8081)).toBe(true);
    expect(engine.portError).toBeNull();
    expect(engine.announcement).toMatch(/port 8081/);
  });
});
