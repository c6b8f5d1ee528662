/**
 * The engine access view in Chromium on the real renderer build, bridged to the real core and its
 * real loopback endpoint: a token is shown once and works, the access log updates live, pause
 * stops the answers, revoke ends the token. Also the window in dark mode.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function seedActiveAccount(core: RealCore): Promise<void> {
  const account = core.twilio.state.addAccount({ friendlyName: 'Engine Co' });
  const key = core.twilio.state.addKey(account.sid, { keyType: 'standard' });
  await core.handlers['accounts:add']({
    name: 'Engine Co',
    draft: { authType: 'apiKey', accountSid: account.sid, apiKeySid: key.sid, secret: key.secret },
    verify: true,
  });
}

/** What the engine does: ask the loopback endpoint for the active account's headers. */
function askForHeaders(core: RealCore, token: string): Promise<Response> {
  return fetch(`${core.endpoint.status().url}/v1/headers`, { headers: { Authorization: `Bearer ${token}` } });
}

describe('engine access', () => {
  it('creates a token shown once with a copy button, logs its use live, pauses, resumes and revokes it', async () => {
    const app = await harness.open({ before: seedActiveAccount });
    const { page, core } = app;
    await page.getByRole('button', { name: 'Engine access' }).click();
    await page.getByRole('heading', { name: 'Engine access' }).waitFor();
    expect(await page.getByTestId('endpoint-url').textContent()).toBe(core.endpoint.status().url);
    expect(await page.getByTestId('endpoint-state').textContent()).toContain('Running');
    // The private socket first (only this user can reach it), then plain HTTP on loopback.
    expect(await page.locator('pre').first().textContent()).toContain(`--unix-socket '${core.endpoint.status().socketPath}'`);
    expect(await page.locator('pre').nth(1).textContent()).toContain(`${core.endpoint.status().url}/v1/headers`);

    // A name the core refuses: its message is shown at the field, nothing is created.
    await page.getByLabel('Token name').fill('Workflow engine');
    await page.getByRole('button', { name: 'Create token' }).click();
    const nameField = page.getByLabel('Token name');
    await page.locator('#token-name[aria-invalid="true"]').waitFor();
    expect(await nameField.evaluate((input) => document.getElementById('token-name-message')?.textContent?.trim() && input.getAttribute('aria-describedby'))).toContain('token-name-message');
    expect(await page.locator('#token-name-message').textContent()).not.toBe('');
    expect(await core.handlers['state:get'](undefined)).toMatchObject({ tokens: [] });

    await page.getByLabel('Token name').fill('workflow-engine');
    await page.getByRole('button', { name: 'Create token' }).click();
    const shown = page.getByRole('textbox', { name: 'New engine token' });
    await shown.waitFor();
    const token = await shown.inputValue();
    expect(token).toMatch(/^smsit_/);
    expect(await shown.evaluate((el) => el === document.activeElement)).toBe(true);
    // Shown below the form that made it; the name field is empty for the next token and no longer complains.
    const formBottom = (await page.locator('form.create-row').boundingBox())!;
    expect((await shown.boundingBox())!.y).toBeGreaterThan(formBottom.y + formBottom.height - 1);
    expect(await nameField.inputValue()).toBe('');
    expect(await nameField.getAttribute('aria-invalid')).toBe('false');
    await page.getByRole('button', { name: 'Copy the new engine token' }).click();
    await page.getByText('Copied').first().waitFor();
    expect(core.clipboard).toContain(token);
    await screenshotBothSchemes(page, 'engine-access-1-token-created');

    // The token works, and the request appears in the window's access log without a reload.
    const answer = await askForHeaders(core, token);
    expect(answer.status).toBe(200);
    await page.locator('table.log tbody tr').filter({ hasText: 'workflow-engine' }).filter({ hasText: '/v1/headers' }).first().waitFor();

    // Shown once: after "I have copied it" the token is nowhere in the window.
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.content()).not.toContain(token);
    await page.locator('table.tokens').getByRole('cell', { name: 'workflow-engine', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Pause engine access' }).click();
    await page.getByTestId('endpoint-state').filter({ hasText: 'Paused' }).waitFor();
    expect((await askForHeaders(core, token)).status).not.toBe(200);
    await page.getByRole('button', { name: 'Resume engine access' }).click();
    await page.getByTestId('endpoint-state').filter({ hasText: 'Running' }).waitFor();
    expect((await askForHeaders(core, token)).status).toBe(200);

    await page.getByRole('button', { name: 'Revoke workflow-engine' }).click();
    await page.locator('table.tokens').getByRole('cell', { name: 'workflow-engine', exact: true }).waitFor({ state: 'detached' });
    expect(await core.handlers['state:get'](undefined)).toMatchObject({ tokens: [] });
    // The app's own endpoint applies the revocation before answering the window: the very next request is refused.
    expect((await askForHeaders(core, token)).status).toBe(401);
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    expect(await app.cspViolations()).toEqual([]);
    await app.close();
  });

  it('marks a token made before the mutual exchange as Bearer only, and says what to do', async () => {
    const app = await harness.open({
      before: async (core) => {
        await seedActiveAccount(core);
        await core.handlers['tokens:create']({ name: 'older' });
        await core.handlers['tokens:create']({ name: 'newer' });
        await core.context.registry.update((registry) => {
          const older = registry.engine.tokens.find((t) => t.name === 'older')!;
          delete older.storedKey; // as a token made by an earlier version has it
          delete older.serverKey;
        });
      },
    });
    const { page } = app;
    await page.getByRole('button', { name: 'Engine access' }).click();
    const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: false }) });
    await row('older').first().waitFor();
    expect(await row('older').first().textContent()).toContain('Bearer only: made before the mutual exchange (docs/engine.md); create a new token to use it.');
    expect(await row('newer').first().textContent()).not.toContain('Bearer only');
    await app.close();
  });

  it('follows the system dark mode', async () => {
    const app = await harness.open({ colorScheme: 'dark', before: seedActiveAccount });
    const { page } = app;
    await page.getByRole('heading', { name: 'Your Twilio accounts' }).waitFor();
    const dark = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      return { background: body.backgroundColor, text: body.color };
    });
    expect(dark).toEqual({ background: 'rgb(20, 23, 27)', text: 'rgb(231, 234, 238)' });
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(246, 247, 249)');
    await app.close();
  });
});
