/**
 * The guided onboarding in Chromium, on the real renderer build, bridged to the real core
 * (private keychain, fake Twilio). Writes a screenshot of every step, light and dark.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type AppHarness } from './support/app-session';
import { expectStep, recordStep } from './support/onboarding-steps';

const SCREENSHOT_ACCOUNT_SID = 'AC3f9a0c2b7d4e1f60a8b5c9d2e7f4a1b3';
const SCREENSHOT_KEY_SID = 'SK8e2d4c6b1a3f5e7d9c0b2a4f6e8d1c3b';
const SCREENSHOT_SECRET = 'q7Vd2LmX9pRt4KwZ8sNb3HcY6gFj1aEu';

let harness: AppHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('onboarding', () => {
  it('takes a new user on the API Key path from the choice to a saved account, through a wrong secret and its fix', async () => {
    const app = await harness.open();
    const { page, core } = app;
    // Fixed SIDs and secret, so the screenshots only change when the window does.
    const account = core.twilio.state.addAccount({ sid: SCREENSHOT_ACCOUNT_SID, friendlyName: 'Acme Dental', type: 'Trial' });
    const key = core.twilio.state.addKey(account.sid, { sid: SCREENSHOT_KEY_SID, secret: SCREENSHOT_SECRET, keyType: 'standard', friendlyName: 'SMS-iT Workflow integration' });

    // The choice, with Twilio's advice on screen.
    await expectStep(page, 'choose');
    await expect(page.getByText('Recommended for production')).toBeTruthy();
    expect(await page.getByText(/Twilio recommends it for local testing only/).count()).toBe(1);
    // The prerequisite first, with where to get it.
    await page.getByText('You need a Twilio account.').waitFor();
    await page.getByRole('link', { name: /Sign up at Twilio/ }).click();
    expect(core.openedLinks).toEqual(['https://www.twilio.com/try-twilio']);
    await recordStep(page, 'onboarding-1-choose');
    await page.getByRole('radio', { name: /API Key/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();

    // Step 1: the Account SID, with the Account Info drawing that marks only the Account SID.
    await expectStep(page, 'account-sid');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step-heading');
    expect(await page.locator('img[data-illustration="account-sid"]').count()).toBe(1);
    await page.getByLabel('Account SID', { exact: true }).fill(`  ${account.sid}\n`);
    await recordStep(page, 'onboarding-2-account-sid');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 2: the API keys page.
    await expectStep(page, 'open-keys');
    await recordStep(page, 'onboarding-3-open-api-keys');
    await page.getByRole('link', { name: /Open API keys & tokens in the Twilio Console/ }).click();
    expect(core.openedLinks).toContain('https://console.twilio.com/us1/account/keys-credentials/api-keys');
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 3: create the key — friendly name with copy, key types, the Restricted warning and where to tell us.
    await expectStep(page, 'create-key');
    await page.getByRole('button', { name: 'Copy the friendly name' }).click();
    await page.getByText('Copied').waitFor();
    expect(core.clipboard).toEqual(['SMS-iT Workflow integration']);
    await page.getByRole('radio', { name: /Restricted/ }).check();
    const warning = page.getByRole('alert').filter({ hasText: 'beta and untested with SMS-iT Workflow' });
    await warning.waitFor();
    await recordStep(page, 'onboarding-4-create-key');
    await warning.getByRole('link', { name: /tell us how it went/ }).click();
    expect(core.openedLinks.at(-1)).toMatch(/^mailto:support@sms-it\.ai\?/);
    await page.getByRole('radio', { name: /Standard/ }).check();
    expect(await warning.count()).toBe(0);
    await page.getByRole('button', { name: 'Next' }).click();

    // Step 4: the SID and a secret with one character wrong.
    await expectStep(page, 'copy-key');
    await page.getByLabel('API Key SID', { exact: true }).fill(key.sid);
    const wrongSecret = key.secret.slice(0, -1) + (key.secret.endsWith('a') ? 'b' : 'a');
    await page.getByLabel('API Key Secret', { exact: true }).fill(wrongSecret);
    await recordStep(page, 'onboarding-5-copy-sid-and-secret');
    await page.getByRole('button', { name: 'Next' }).click();

    // Verify and save: Twilio refuses, nothing is saved, the window says why and what to do.
    await expectStep(page, 'check-save');
    await page.getByLabel('Name for this account', { exact: true }).fill('Acme Dental');
    await page.getByRole('button', { name: 'Verify and save' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Twilio did not accept these credentials' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('error 20003');
    expect(await refusal.textContent()).toContain('What to do: Copy the values again');
    expect(await core.context.accounts.list()).toEqual([]);
    await recordStep(page, 'onboarding-6a-verify-refused');

    // The fix: back to the secret, paste the right one, save again (the name is kept).
    await page.getByRole('button', { name: 'Back' }).click();
    await expectStep(page, 'copy-key');
    await page.getByLabel('API Key Secret', { exact: true }).fill(key.secret);
    await page.getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 'check-save');
    expect(await page.getByLabel('Name for this account', { exact: true }).inputValue()).toBe('Acme Dental');
    expect(await refusal.count()).toBe(0); // a refusal never outlives the values it was about
    await recordStep(page, 'onboarding-6-verify-and-save');
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await expectStep(page, 'done');
    const facts = (await page.locator('section.onboarding').innerText()).replace(/\s+/g, ' ');
    // A Standard key may not read the account itself: the window says so once instead of guessing.
    expect(facts).toContain('Account Name, status and type are hidden from Standard keys');
    expect(facts.match(/hidden from Standard keys/gi)).toHaveLength(1);
    expect(facts).toContain('API key (Standard)');
    await recordStep(page, 'onboarding-7-saved');

    // Saved in the keychain; the window shows only a mask and holds the secret nowhere any more.
    const [saved] = await core.context.accounts.list();
    expect(saved).toMatchObject({ name: 'Acme Dental', accountSid: account.sid, apiKeySid: key.sid, keyType: 'standard', active: true });
    const record = await core.context.accounts.find('Acme Dental');
    expect(await core.context.accounts.readSecret(record, 'api-key-secret')).toBe(key.secret);
    expect(await page.getByTestId('saved-masked-secret').textContent()).toMatch(/^•+$/);
    expect(await page.content()).not.toContain(key.secret);
    await page.getByRole('button', { name: 'Add another account' }).click();
    await page.getByRole('radio', { name: /API Key/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    expect(await page.getByLabel('Account SID', { exact: true }).inputValue()).toBe('');

    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);
    await app.close();
  });

  it('saves an account on the Auth Token path', async () => {
    const app = await harness.open();
    const { page, core } = app;
    const account = core.twilio.state.addAccount({ sid: SCREENSHOT_ACCOUNT_SID, authToken: SCREENSHOT_SECRET.toLowerCase(), friendlyName: 'Corner Bakery' });

    await page.getByRole('radio', { name: /Auth Token/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectStep(page, 'account-sid');
    await page.getByLabel('Account SID', { exact: true }).fill(account.sid);
    await page.getByRole('button', { name: 'Next' }).click();

    await expectStep(page, 'copy-token');
    expect(await page.locator('img[data-illustration="account-info"]').count()).toBe(1);
    await page.getByLabel('Auth Token', { exact: true }).fill(account.authToken.slice(0, 20));
    await page.getByLabel('Auth Token', { exact: true }).blur();
    await page.getByText('An Auth Token is 32 characters; this one has 20.').waitFor();
    await page.getByLabel('Auth Token', { exact: true }).fill(account.authToken);
    expect(await page.getByText('An Auth Token is 32 characters').count()).toBe(0);
    await recordStep(page, 'onboarding-auth-token-2-copy-token');
    await page.getByRole('button', { name: 'Next' }).click();

    await expectStep(page, 'check-save');
    await page.getByLabel('Name for this account', { exact: true }).fill('Bakery');
    await recordStep(page, 'onboarding-auth-token-3-verify-and-save');
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await expectStep(page, 'done');
    expect(await page.locator('section.onboarding').innerText()).toContain('Corner Bakery');

    const [saved] = await core.context.accounts.list();
    expect(saved).toMatchObject({ name: 'Bakery', authType: 'authToken', accountSid: account.sid, active: true });
    expect(await page.content()).not.toContain(account.authToken);
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('catches an API Key SID pasted as the Account SID, and the reverse, before any request reaches Twilio', async () => {
    const app = await harness.open();
    const { page, core } = app;
    const account = core.twilio.state.addAccount();
    const key = core.twilio.state.addKey(account.sid);

    await page.getByRole('button', { name: 'Continue' }).click();
    const accountSid = page.getByLabel('Account SID', { exact: true });
    await accountSid.fill(key.sid);
    await page.getByText('This is an API Key SID (it starts with SK), not the Account SID.').waitFor();
    expect(await accountSid.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Next' }).click();
    // Still on the same step, with the focus back on the wrong field.
    await expectStep(page, 'account-sid');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-accountSid');

    await accountSid.fill(account.sid);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 'copy-key');
    await page.getByLabel('API Key SID', { exact: true }).fill(account.sid);
    await page.getByText('This is your Account SID (it starts with AC), not the API Key SID.').waitFor();
    await page.getByLabel('API Key Secret', { exact: true }).fill(`${key.secret.slice(0, 16)} ${key.secret.slice(16)}`);
    await page.getByText('The API Key Secret has a space or line break inside it.').waitFor();
    await page.getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 'copy-key');

    expect(core.twilio.requests).toEqual([]);
    await app.close();
  });

  it('saves a key made in another Twilio region once that region is chosen under "Advanced"', async () => {
    const app = await harness.open();
    const { page, core } = app;
    const account = core.twilio.state.addAccount({ friendlyName: 'Dublin Deli', region: 'ie1' });
    const key = core.twilio.state.addKey(account.sid, { keyType: 'standard', region: 'ie1' });

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Account SID', { exact: true }).fill(account.sid);
    for (let step = 0; step < 3; step += 1) await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('API Key SID', { exact: true }).fill(key.sid);
    await page.getByLabel('API Key Secret', { exact: true }).fill(key.secret);
    await page.getByRole('button', { name: 'Next' }).click();

    // Checked against US1 first: refused, and the words point at the region.
    await page.getByLabel('Name for this account', { exact: true }).fill('Dublin Deli');
    await page.getByRole('button', { name: 'Verify and save' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Twilio did not accept these credentials' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('choose that region under "Advanced"');

    await page.getByText('Advanced: region and edge').click();
    await page.getByLabel('Region', { exact: true }).selectOption('ie1');
    expect(await refusal.count()).toBe(0); // a refusal never outlives the values it was about
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await expectStep(page, 'done');

    const [saved] = await core.context.accounts.list();
    expect(saved).toMatchObject({ name: 'Dublin Deli', region: 'ie1' });
    expect(core.twilio.requests.filter((r) => r.status === 200).every((r) => r.region === 'ie1')).toBe(true);
    await app.close();
  });

  it('can be completed with the keyboard alone, the focus moving to each new step', async () => {
    const app = await harness.open();
    const { page, core } = app;
    const account = core.twilio.state.addAccount({ friendlyName: 'Keyboard Co' });
    const key = core.twilio.state.addKey(account.sid, { keyType: 'main' });
    const keyboard = page.keyboard;

    /** Presses Tab until the focused element matches, as a keyboard user would. */
    async function tabTo(selector: string): Promise<void> {
      for (let presses = 0; presses < 40; presses += 1) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
        await keyboard.press('Tab');
      }
      throw new Error(`Tab never reached ${selector}`);
    }
    async function focusedStep(step: string): Promise<void> {
      await expectStep(page, step);
      await page.waitForFunction(() => document.activeElement?.id === 'step-heading');
    }

    await tabTo('input[value="apiKey"]');
    await keyboard.press('Enter');
    await focusedStep('account-sid');
    await tabTo('#field-accountSid');
    await keyboard.type(account.sid);
    await keyboard.press('Enter');
    await focusedStep('open-keys');
    await tabTo('button[type="submit"]');
    await keyboard.press('Enter');
    await focusedStep('create-key');
    // A radio group is one Tab stop; the arrow keys move between its choices (Standard → Main, above it in Twilio's order).
    await tabTo('input[name="key-type"]:checked');
    await keyboard.press('ArrowUp');
    expect(await page.getByRole('radio', { name: /^Main/ }).isChecked()).toBe(true);
    await tabTo('button[type="submit"]');
    await keyboard.press('Enter');
    await focusedStep('copy-key');
    await tabTo('#field-apiKeySid');
    await keyboard.type(key.sid);
    await keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-secret');
    await keyboard.type(key.secret);
    await keyboard.press('Enter');
    await focusedStep('check-save');
    await tabTo('#onboarding-name');
    await keyboard.type('Keyboard Co');
    await keyboard.press('Enter');
    await focusedStep('done');
    const facts = (await page.locator('section.onboarding').innerText()).replace(/\s+/g, ' ');
    expect(facts).toContain('Account name Keyboard Co');
    expect(facts).toContain('Status active Account type Full');
    expect(facts).toContain('API key (Main)');

    const [saved] = await core.context.accounts.list();
    expect(saved).toMatchObject({ name: 'Keyboard Co', keyType: 'main' });
    // Every input on the way had a label (checked on the last form too).
    expect(await page.locator('input:not([type="hidden"])').evaluateAll((inputs) => inputs.filter((i) => (i as HTMLInputElement).labels?.length === 0 && !i.getAttribute('aria-label')).length)).toBe(0);
    expect(existsSync('docs/screenshots')).toBe(true);
    await app.close();
  });

  it('says each field\'s error at that field — both key fields with a summary, the account name empty or taken — and focuses the first', async () => {
    const app = await harness.open();
    const { page, core } = app;
    const account = core.twilio.state.addAccount();
    const key = core.twilio.state.addKey(account.sid, { keyType: 'standard' });
    const other = core.twilio.state.addAccount();
    await core.handlers['accounts:add']({ name: 'Taken', draft: { authType: 'authToken', accountSid: other.sid, secret: other.authToken }, verify: true });
    /** The words a screen reader hears as the field's description, and whether it is marked invalid. */
    const described = (id: string) =>
      page.locator(`#${id}`).evaluate((input) => ({
        invalid: input.getAttribute('aria-invalid'),
        description: (input.getAttribute('aria-describedby') ?? '').split(' ').map((ref) => document.getElementById(ref)?.textContent?.trim() ?? '').join(' | '),
      }));

    await page.evaluate(() => void (location.hash = 'setup'));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Account SID', { exact: true }).fill(account.sid);
    for (let step = 0; step < 3; step += 1) await page.getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 'copy-key');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('alert').filter({ hasText: '2 fields need a fix: API Key SID and API Key Secret.' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-apiKeySid');
    expect(await described('field-apiKeySid')).toMatchObject({ invalid: 'true', description: expect.stringContaining('API Key SID') });
    expect((await described('field-secret')).invalid).toBe('true');

    await page.getByLabel('API Key SID', { exact: true }).fill(key.sid);
    await page.getByLabel('API Key Secret', { exact: true }).fill(key.secret);
    expect(await page.getByText('fields need a fix').count()).toBe(0);
    await page.getByRole('button', { name: 'Next' }).click();
    await expectStep(page, 'check-save');

    await page.getByRole('button', { name: 'Verify and save' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'onboarding-name');
    expect(await described('onboarding-name')).toMatchObject({ invalid: 'true', description: expect.stringContaining('Give this account a name') });
    await page.getByLabel('Name for this account', { exact: true }).fill('Taken');
    expect((await described('onboarding-name')).invalid).toBe('false'); // the old complaint goes as the user types
    await page.getByRole('button', { name: 'Verify and save' }).click();
    await page.locator('#onboarding-name[aria-invalid="true"]').waitFor();
    expect((await described('onboarding-name')).description).toMatch(/Taken/);
    expect(await page.getByRole('alert').filter({ hasText: 'That did not work' }).count()).toBe(0);
    expect((await core.context.accounts.list()).map((a) => a.name)).toEqual(['Taken']);
    await app.close();
  });
});
