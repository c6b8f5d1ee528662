import { afterEach, describe, expect, it } from 'vitest';
import { createAppService as createService, type AppService, type AppServiceOptions } from '../../../electron/core/app-service';
import { TwilioService } from '../../../electron/core/twilio/twilio-service';
import type { AppState } from '../../../electron/shared/app-types';
import * as sample from '../../helpers/sample-credentials';
import { memoryHome } from '../../helpers/memory-home';
import { tempDir } from '../../helpers/temp-dir';

async function setup() {
  const { context, secrets } = memoryHome({ dir: await tempDir() });
  // No request reaches Twilio in these tests: verification is off and nothing else calls it.
  const twilio = new TwilioService({ fetch: async () => Promise.reject(new Error('no network in this test')) });
  return { context, secrets, twilio };
}

// A new service looks at the keychain and cleans orphans in the background; each test waits for that
// to end, so no registry write is still under way when the test file removes its folders.
const started: AppService[] = [];
const createAppService = (options: AppServiceOptions) => {
  const service = createService(options);
  started.push(service);
  return service;
};
afterEach(async () => {
  await Promise.all(started.splice(0).map((service) => service['state:get'](undefined).catch(() => undefined)));
});

const draft = () => ({ authType: 'authToken' as const, accountSid: sample.accountSid(), secret: sample.authToken() });

describe('the app service', () => {
  it('reports an unavailable keychain in the very first state, before any change fails', async () => {
    const { context, secrets, twilio } = await setup();
    secrets.failOn.add('list');
    const service = createAppService({ context, twilio, endpoint: null });
    const state = await service.refresh();
    expect(state.keychain).toMatchObject({ available: false, error: { kind: 'keychain-unavailable' } });
  });

  it('deletes secrets left by a removal while the keychain was down at the first start where it answers', async () => {
    const { context, secrets, twilio } = await setup();
    const kept = await context.accounts.add({ name: 'Kept', ...draft() });
    const gone = await context.accounts.add({ name: 'Gone', ...draft() });
    secrets.failOn.add('delete');
    await context.accounts.remove('Gone');
    secrets.failOn.clear();
    secrets.failOn.add('list'); // the next start: keychain still locked
    const service = createAppService({ context, twilio, endpoint: null });
    await service['state:get'](undefined);
    expect(await secrets.get(gone.id, 'auth-token')).not.toBeNull();
    secrets.failOn.clear(); // unlocked: "Try again"
    await service.refresh();
    expect(await secrets.get(gone.id, 'auth-token')).toBeNull();
    expect(await secrets.get(kept.id, 'auth-token')).not.toBeNull();
  });

  it('pushes the whole state after each change, and clears the keychain error once it answers again', async () => {
    const { context, secrets, twilio } = await setup();
    const service = createAppService({ context, twilio, endpoint: null });
    const pushed: AppState[] = [];
    service.onStateChanged((state) => pushed.push(state));
    secrets.failOn.add('set');
    await expect(service['accounts:add']({ name: 'A', draft: draft(), verify: false })).rejects.toMatchObject({ kind: 'keychain-unavailable' });
    expect(pushed.at(-1)!.keychain.available).toBe(false);
    secrets.failOn.clear();
    const { account } = await service['accounts:add']({ name: 'A', draft: draft(), verify: false });
    expect(pushed.at(-1)).toMatchObject({ accounts: [{ id: account.id, active: true }], keychain: { available: true } });
    expect(pushed.at(-1)!.accounts.map((a) => a.name)).toEqual(['A']);
  });

  it('answers a damaged registry with an empty list and the error that says where the file went', async () => {
    const { context, twilio } = await setup();
    const { writeFile } = await import('node:fs/promises');
    await writeFile(context.registry.path, 'not json');
    const service = createAppService({ context, twilio, endpoint: null });
    const state = await service['state:get'](undefined);
    expect(state.accounts).toEqual([]);
    expect(state.registryError).toMatchObject({ kind: 'registry-corrupt', message: expect.stringMatching(/kept aside/) });
    expect((await service['state:get'](undefined)).registryError).toEqual(state.registryError);
  });

  it('says plainly that endpoint controls need the endpoint when none runs in this process', async () => {
    const { context, twilio } = await setup();
    const service = createAppService({ context, twilio, endpoint: null });
    await expect(service['endpoint:pause'](undefined)).rejects.toMatchObject({ message: expect.stringMatching(/not running in this process/) });
    expect(await service['log:list'](undefined)).toEqual([]);
  });
});
