/** The window's copy of the AppState: read once, then replaced by every push. */
import { describe, expect, it } from 'vitest';
import { AppModel } from '../../../renderer/src/lib/app-model.svelte';
import type { AccountSummary } from '../../../electron/shared/app-types';
import { fakeSmsitApi, sampleState } from './fake-smsit-api';

describe('AppModel', () => {
  it('loads the state, follows pushes, and stops listening when closed', async () => {
    const fake = fakeSmsitApi();
    fake.answer('state:get', { ok: true, value: sampleState() });
    const app = new AppModel(fake.api);
    await app.start();
    expect(app.accounts).toEqual([]);
    expect(app.activeAccount).toBeNull();

    const shop = { id: 'a1', name: 'Shop', active: true } as AccountSummary;
    fake.push(sampleState({ accounts: [shop] }));
    expect(app.activeAccount).toEqual(shop);
    app.stop();
    expect(fake.listenerCount()).toBe(0);
  });

  it('keeps the error when the app does not answer', async () => {
    const fake = fakeSmsitApi();
    fake.answer('state:get', { ok: false, error: { kind: 'registry-corrupt', message: 'The account list is damaged.' } });
    const app = new AppModel(fake.api);
    await app.start();
    expect(app.state).toBeNull();
    expect(app.loadError?.kind).toBe('registry-corrupt');
  });
});
