/** Walks a new user through one onboarding path with valid values, calling back on every step as it shows. */
import type { Page } from 'playwright-core';
import type { RealCore } from './real-core';
import { expectStep } from './onboarding-steps';

/** The steps of each path, in order, as the window names them (`#step-heading[data-step]`). */
export const PATH_STEPS = {
  apiKey: ['choose', 'account-sid', 'open-keys', 'create-key', 'copy-key', 'check-save', 'done'],
  authToken: ['choose', 'account-sid', 'copy-token', 'check-save', 'done'],
} as const;

/** Goes from the first screen to "Saved" on `path`; `atStep` runs once on each step, before its values are typed. */
export async function walkOnboarding(page: Page, core: RealCore, path: 'apiKey' | 'authToken', atStep: (step: string) => Promise<void>): Promise<void> {
  const account = core.twilio.state.addAccount({ friendlyName: 'Walk Co' });
  const key = core.twilio.state.addKey(account.sid, { keyType: 'standard' });
  const next = () => page.locator('section.onboarding button.primary[type="submit"]').click();
  for (const step of PATH_STEPS[path]) {
    await expectStep(page, step);
    await atStep(step);
    if (step === 'choose') await page.getByRole('radio', { name: path === 'apiKey' ? /API Key/ : /Auth Token/ }).check();
    if (step === 'account-sid') await page.getByLabel('Account SID', { exact: true }).fill(account.sid);
    if (step === 'copy-key') {
      await page.getByLabel('API Key SID', { exact: true }).fill(key.sid);
      await page.getByLabel('API Key Secret', { exact: true }).fill(key.secret);
    }
    if (step === 'copy-token') await page.getByLabel('Auth Token', { exact: true }).fill(account.authToken);
    if (step === 'check-save') await page.getByLabel('Name for this account', { exact: true }).fill(`Walk ${path}`);
    if (step !== 'done') await next();
  }
}
