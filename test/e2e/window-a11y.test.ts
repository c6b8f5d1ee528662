/**
 * axe-core on every view of the window — each onboarding step of both paths, Accounts, Engine
 * access — in light and in dark, on the real renderer build bridged to the real core. Any serious
 * or critical violation fails. Also the keyboard paths axe cannot see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type AppHarness } from './support/app-session';
import type { RealCore } from './support/real-core';
import { walkOnboarding } from './support/onboarding-walk';
import { seriousAxeViolationsInBothSchemes } from './support/axe';
import { illustrationsLoaded } from './support/screenshots';

let harness: AppHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});


/** An Auth Token account and a Main key account, saved as a finished onboarding would have. */
async function seedAccounts(core: RealCore): Promise<void> {
  const bakery = core.twilio.state.addAccount({ friendlyName: 'Bakery at Twilio' });
  await core.handlers['accounts:add']({ name: 'Bakery', draft: { authType: 'authToken', accountSid: bakery.sid, secret: bakery.authToken }, verify: true });
  const shop = core.twilio.state.addAccount({ friendlyName: 'Shop at Twilio' });
  const key = core.twilio.state.addKey(shop.sid, { keyType: 'main' });
  await core.handlers['accounts:add']({ name: 'Shop', draft: { authType: 'apiKey', accountSid: shop.sid, apiKeySid: key.sid, secret: key.secret }, verify: true });
}

describe('accessibility', () => {
  for (const path of ['apiKey', 'authToken'] as const) {
    it(`finds no serious or critical axe violation on any ${path} onboarding step, light or dark`, async () => {
      const app = await harness.open();
      const found: string[] = [];
      await walkOnboarding(app.page, app.core, path, async (step) => {
        await illustrationsLoaded(app.page);
        found.push(...(await seriousAxeViolationsInBothSchemes(app.page, step)));
      });
      expect(found).toEqual([]);
      await app.close();
    });
  }

  it('finds no serious or critical axe violation where errors show: two fields to fix, a name missing, Twilio\'s refusal', async () => {
    const app = await harness.open();
    const { page, core } = app;
    const account = core.twilio.state.addAccount();
    const found: string[] = [];
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Account SID', { exact: true }).fill(account.sid);
    for (let step = 0; step < 4; step += 1) await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('2 fields need a fix').waitFor();
    found.push(...(await seriousAxeViolationsInBothSchemes(page, 'copy-key, two fields to fix')));
    await page.getByLabel('API Key SID', { exact: true }).fill(`SK${'cd'.repeat(16)}`);
    await page.getByLabel('API Key Secret', { exact: true }).fill('x'.repeat(32));
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await page.locator('#onboarding-name[aria-invalid="true"]').waitFor();
    await page.getByLabel('Name for this account', { exact: true }).fill('Refused');
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await page.getByRole('alert').filter({ hasText: 'Twilio did not accept these credentials' }).waitFor();
    found.push(...(await seriousAxeViolationsInBothSchemes(page, 'check-save, refused')));
    expect(found).toEqual([]);
    await app.close();
  });

  it('finds no serious or critical axe violation on Accounts (with the Remove panel open) and Engine access (with a new token and a logged request)', async () => {
    const app = await harness.open({ before: seedAccounts });
    const { page, core } = app;
    const found: string[] = [];
    await page.getByRole('heading', { name: 'Your Twilio accounts' }).waitFor();
    found.push(...(await seriousAxeViolationsInBothSchemes(page, 'accounts')));
    await page.getByRole('button', { name: 'Remove Shop' }).click();
    found.push(...(await seriousAxeViolationsInBothSchemes(page, 'accounts, remove panel')));

    await page.getByRole('button', { name: 'Engine access' }).click();
    await page.getByLabel('Token name').fill('engine');
    await page.getByRole('button', { name: 'Create token' }).click();
    const token = await page.getByRole('textbox', { name: 'New engine token' }).inputValue();
    await fetch(`${core.endpoint.status().url}/v1/headers`, { headers: { Authorization: `Bearer ${token}` } });
    await page.locator('table.log tbody tr').first().waitFor();
    found.push(...(await seriousAxeViolationsInBothSchemes(page, 'engine access')));
    expect(found).toEqual([]);
    await app.close();
  });

  it('serves the keyboard: the skip link moves the focus, the Remove confirmation opens on Cancel and closes with Escape, done steps say so in words', async () => {
    const app = await harness.open({ before: seedAccounts });
    const { page } = app;
    await page.getByRole('heading', { name: 'Your Twilio accounts' }).waitFor();

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).not.toBe('#main'); // the view's fragment is left alone

    const shop = page.locator('article[data-account="Shop"]');
    await shop.getByRole('button', { name: 'Remove Shop' }).click();
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    expect(await focused()).toBe('Cancel');
    await page.keyboard.press('Escape');
    await shop.getByRole('button', { name: /^Remove “Shop”/ }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/-open-remove$/);

    await page.getByRole('button', { name: 'Add account' }).first().click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Account SID', { exact: true }).fill(`AC${'ab'.repeat(16)}`);
    await page.getByRole('button', { name: 'Next' }).click();
    const done = page.getByRole('list', { name: 'Steps' }).getByRole('listitem').first();
    expect((await done.innerText()).trim()).toMatch(/^✓/);
    expect(await done.textContent()).toContain('(done)');
    await app.close();
  });
});
