/**
 * The accounts view in Chromium on the real renderer build, bridged to the real core (private
 * keyring, fake Twilio): upgrade to an API key, switch the active account, rename, verify, remove.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeAccount } from '../../electron/core/accounts/account-names';
import { startHarness, type AppHarness } from './support/app-session';
import type { RealCore } from './support/real-core';
import { screenshotBothSchemes } from './support/screenshots';

let harness: AppHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** Saves an account through the core, as a finished onboarding would have. */
async function seedAccount(core: RealCore, name: string, kind: 'authToken' | 'main' | 'standard') {
  const twilioAccount = core.twilio.state.addAccount({ friendlyName: `${name} at Twilio` });
  const key = kind === 'authToken' ? null : core.twilio.state.addKey(twilioAccount.sid, { keyType: kind });
  const draft = key
    ? { authType: 'apiKey' as const, accountSid: twilioAccount.sid, apiKeySid: key.sid, secret: key.secret }
    : { authType: 'authToken' as const, accountSid: twilioAccount.sid, secret: twilioAccount.authToken };
  await core.handlers['accounts:add']({ name, draft, verify: true });
  return { twilioAccount, key };
}

function card(page: Page, name: string) {
  return page.locator(`article[data-account="${name}"]`);
}

describe('accounts', () => {
  it('upgrades an Auth Token account to a new Standard API key in one click', async () => {
    let seeded!: Awaited<ReturnType<typeof seedAccount>>;
    const app = await harness.open({ before: async (core) => void (seeded = await seedAccount(core, 'Bakery', 'authToken')) });
    const { page, core } = app;

    const bakery = card(page, 'Bakery');
    await bakery.waitFor();
    expect(await bakery.getByText('Active', { exact: true }).count()).toBe(1);
    await screenshotBothSchemes(page, 'accounts-1-list');
    // One click; the option to keep the Auth Token is beside the button, on by default (as in the CLI), with its reason.
    const keep = bakery.getByLabel(/Keep the Auth Token/);
    expect(await keep.isChecked()).toBe(true);
    expect(await keep.evaluate((box) => document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent)).toContain('check Twilio webhook signatures');
    await bakery.getByRole('button', { name: 'Switch to an API key for Bakery' }).click();
    await bakery.getByText(/now signs in with API key SK[0-9a-f]{32}/).waitFor();

    const keys = [...core.twilio.state.keys.values()].filter((k) => k.accountSid === seeded.twilioAccount.sid);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ keyType: 'standard', friendlyName: expect.stringMatching(/^SMS-iT Workflow integration \(Bakery @ .+\)$/) });
    const [summary] = await core.context.accounts.list();
    expect(summary).toMatchObject({ authType: 'apiKey', apiKeySid: keys[0]!.sid, keepsAuthToken: true });
    await bakery.getByText(`API key ${keys[0]!.sid} (Standard)`).waitFor();
    expect(await bakery.getByRole('button', { name: /Switch to an API key/ }).count()).toBe(0);
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('switches the active account, renames one and verifies it', async () => {
    const app = await harness.open({
      before: async (core) => {
        await seedAccount(core, 'Client A', 'standard');
        await seedAccount(core, 'Client B', 'main');
      },
    });
    const { page, core } = app;
    const clientB = card(page, 'Client B');
    await clientB.waitFor();
    expect(await card(page, 'Client A').getByText('Active', { exact: true }).count()).toBe(1);

    await clientB.getByRole('button', { name: 'Make active Client B' }).click();
    await clientB.getByText('Active', { exact: true }).waitFor();
    expect(await card(page, 'Client A').getByText('Active', { exact: true }).count()).toBe(0);
    expect(activeAccount(await core.context.registry.read()).name).toBe('Client B');

    // One panel at a time in the whole list: Remove on one card closes Rename on another.
    await card(page, 'Client A').getByRole('button', { name: 'Rename Client A' }).click();
    await clientB.getByRole('button', { name: 'Remove Client B' }).click();
    expect(await page.getByLabel('New name for “Client A”').count()).toBe(0);
    await clientB.getByRole('button', { name: 'Cancel' }).click();

    await clientB.getByRole('button', { name: 'Rename Client B' }).click();
    const nameInput = page.getByLabel('New name for “Client B”');
    expect(await nameInput.evaluate((el) => el === document.activeElement)).toBe(true);
    await nameInput.fill('Client B (shop)');
    await nameInput.press('Enter');
    const renamed = card(page, 'Client B (shop)');
    await renamed.waitFor();
    expect(activeAccount(await core.context.registry.read()).name).toBe('Client B (shop)');

    await renamed.getByRole('button', { name: 'Verify Client B (shop)' }).click();
    await renamed.getByText('Verified: Client B at Twilio is active.').waitFor();
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('removes an account and, when asked, deletes its API key at Twilio', async () => {
    let seeded!: Awaited<ReturnType<typeof seedAccount>>;
    const app = await harness.open({
      before: async (core) => {
        await seedAccount(core, 'Keep me', 'standard');
        seeded = await seedAccount(core, 'Old shop', 'main');
      },
    });
    const { page, core } = app;
    const oldShop = card(page, 'Old shop');
    await oldShop.waitFor();
    // A Standard key may not delete keys, so that account does not offer it.
    await card(page, 'Keep me').getByRole('button', { name: 'Remove Keep me' }).click();
    expect(await card(page, 'Keep me').getByLabel('Also delete this API key at Twilio').count()).toBe(0);
    await card(page, 'Keep me').getByRole('button', { name: 'Cancel' }).click();

    await oldShop.getByRole('button', { name: 'Remove Old shop' }).click();
    await oldShop.getByLabel('Also delete this API key at Twilio').check();
    // The confirmation says what the command line says: which key, and what stops working.
    await oldShop.getByText(`Deleting the API key ${seeded.key!.sid} at Twilio cannot be undone: “Old shop” stops working`).waitFor();
    await screenshotBothSchemes(page, 'accounts-2-remove');
    await oldShop.getByRole('button', { name: 'Remove “Old shop”' }).click();
    await oldShop.waitFor({ state: 'detached' });
    // The focus does not vanish with the card: it lands on the list's heading.
    await page.waitForFunction(() => document.activeElement?.id === 'accounts-heading');

    expect((await core.context.accounts.list()).map((a) => a.name)).toEqual(['Keep me']);
    expect(core.twilio.state.keys.has(seeded.key!.sid)).toBe(false);
    const record = await core.context.accounts.find('Keep me');
    expect(await core.context.accounts.readSecret(record, 'api-key-secret')).toBeTruthy();
    expect(await page.getByRole('status').filter({ hasText: 'Removed "Old shop" and deleted its API key at Twilio.' }).count()).toBe(1);
    await app.close();
  });

  it('opens the view the tray asks for (the URL fragment), in a new window and in an open one', async () => {
    const app = await harness.open({ before: async (core) => void (await seedAccount(core, 'Bakery', 'authToken')) });
    const { page } = app;
    await page.getByRole('heading', { name: 'Your Twilio accounts' }).waitFor();
    // "Engine access…" from the tray while the window is open: main changes only the fragment.
    await page.evaluate(() => void (location.hash = 'engine'));
    await page.getByRole('heading', { name: 'Engine access' }).waitFor();
    // The user moves on by hand; the fragment follows, so the tray's next choice is heard again.
    await page.getByRole('button', { name: 'Accounts', exact: true }).click();
    expect(new URL(page.url()).hash).toBe('#accounts');
    await page.evaluate(() => void (location.hash = 'setup'));
    await page.locator('#step-heading[data-step="choose"]').waitFor();
    // A new window opened on a view starts there, though accounts exist.
    await page.evaluate(() => void (location.hash = 'engine'));
    await page.reload();
    await page.getByRole('heading', { name: 'Engine access' }).waitFor();
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
