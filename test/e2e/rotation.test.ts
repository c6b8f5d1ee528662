/**
 * Rotation in the window (real renderer in Chromium, real core on the private keyring, fake
 * Twilio): the Rotate action says what happens before it does it, then the key or Auth Token changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type AppHarness } from './support/app-session';
import type { RealCore } from './support/real-core';
import { screenshotWithoutPageErrors } from './support/screenshots';

let harness: AppHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** The screenshots, with no page error but the screenshot's own CSP reports. */
const shot = (app: { page: Page; pageErrors: string[] }, name: string) => screenshotWithoutPageErrors(app, name);

async function seedTokenAccount(core: RealCore, name: string) {
  const twilioAccount = core.twilio.state.addAccount({ friendlyName: `${name} at Twilio` });
  await core.handlers['accounts:add']({ name, draft: { authType: 'authToken', accountSid: twilioAccount.sid, secret: twilioAccount.authToken }, verify: true });
  return twilioAccount;
}

describe('rotation in the window', () => {
  it('rotates an upgraded account\'s key after saying what happens, and the old key is gone at Twilio', async () => {
    let sid = '';
    const app = await harness.open({
      before: async (core) => {
        sid = (await seedTokenAccount(core, 'Bakery')).sid;
        const [account] = await core.context.accounts.list();
        await core.handlers['accounts:upgrade']({ id: account!.id, keepAuthToken: true });
      },
    });
    const { page, core } = app;
    const bakery = page.locator('article[data-account="Bakery"]');
    await bakery.waitFor();
    const oldKey = core.twilio.state.keysOf(sid)[0]!.sid;
    await bakery.getByRole('button', { name: 'Rotate key of Bakery' }).click();
    await bakery.getByText(`then the old key ${oldKey} is deleted at Twilio`).waitFor();
    // The confirmation opens on Cancel, never on the button that acts.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Cancel');
    await shot(app, 'accounts-rotate-key');
    await bakery.getByRole('button', { name: 'Rotate the key' }).click();
    await bakery.getByText(/now uses the new Standard API key SK[0-9a-f]{32}, verified before the switch/).waitFor();
    const keys = core.twilio.state.keysOf(sid);
    expect(keys).toHaveLength(1);
    expect(keys[0]!.sid).not.toBe(oldKey);
    await bakery.getByText('Key age').waitFor();
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('rotates an Auth Token after saying every other system using it stops working; Cancel changes nothing', async () => {
    let twilioAccount!: Awaited<ReturnType<typeof seedTokenAccount>>;
    const app = await harness.open({ before: async (core) => void (twilioAccount = await seedTokenAccount(core, 'Shop')) });
    const { page } = app;
    const shop = page.locator('article[data-account="Shop"]');
    await shop.waitFor();
    const oldToken = twilioAccount.authToken;
    await shop.getByRole('button', { name: 'Rotate Auth Token of Shop' }).click();
    await shop.getByText(/the old\s+Auth Token stops working everywhere/).waitFor();
    await shot(app, 'accounts-rotate-token');
    await shop.getByRole('button', { name: 'Cancel' }).click();
    expect(twilioAccount.authToken).toBe(oldToken);
    await shop.getByRole('button', { name: 'Rotate Auth Token of Shop' }).click();
    await shop.getByRole('button', { name: 'Rotate the Auth Token' }).click();
    await shop.getByText(/now uses its new Auth Token/).waitFor();
    expect(twilioAccount.authToken).not.toBe(oldToken);
    expect(twilioAccount.secondaryAuthToken).toBeNull();
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
