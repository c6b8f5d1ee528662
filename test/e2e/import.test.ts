/**
 * Import from files in the window (real renderer in Chromium, real core on the private keyring,
 * fake Twilio): twilio-cli's config written by twilio-cli's own code, the app's environment and a
 * .env file chosen in the (recorded) open dialog are listed without a secret; one is imported with
 * scrub, a duplicate is shown as saved already, and Twilio's refusal leaves the file as it was.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { requestSecretPurpose } from '../../electron/core/twilio/auth-header';
import { fakeSecret, fakeSid } from '../fakes/fake-twilio/fake-twilio-state';
import { tempDir } from '../helpers/temp-dir';
import { startHarness, type AppHarness } from './support/app-session';
import type { RealCore } from './support/real-core';
import { seriousAxeViolationsInBothSchemes } from './support/axe';
import { screenshotWithoutPageErrors } from './support/screenshots';
import { DEFAULT_PAGE, MINIMUM_PAGE, overlapsAndCutOffs } from './support/window-layout';

const { Config, ConfigData } = createRequire(import.meta.url)('@twilio/cli-core').services.config;

let harness: AppHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

/** The screenshots, from the top, with no page error but the screenshot's own CSP reports. */
const shot = (app: { page: Page; pageErrors: string[] }, name: string) => screenshotWithoutPageErrors(app, name, { fromTop: true });

/** Everything the core answered the window, as JSON: no secret may be in it. */
function recordAnswers(core: RealCore): string[] {
  const answers: string[] = [];
  const handlers = core.handlers as unknown as Record<string, (input: unknown) => Promise<unknown>>;
  for (const [channel, handler] of Object.entries(handlers)) {
    handlers[channel] = async (input) => {
      const value = await handler(input);
      answers.push(JSON.stringify(value) ?? '');
      return value;
    };
  }
  return answers;
}

/** twilio-cli's config in `home`/.twilio-cli, written by @twilio/cli-core. */
async function writeTwilioCliConfig(home: string, profiles: Array<{ id: string; accountSid: string; apiKey: string; apiSecret: string }>): Promise<string> {
  const data = new ConfigData();
  for (const p of profiles) data.addProfile(p.id, p.accountSid, undefined, undefined, p.apiKey, p.apiSecret);
  data.activeProfile = profiles[0]?.id ?? null;
  await new Config(join(home, '.twilio-cli')).save(data);
  return join(home, '.twilio-cli', 'config.json');
}

/** A .env file as people write them: comments, `export`, quotes, a trailing comment, CRLF line ends. */
function writeEnvFile(path: string, accountSid: string, authToken: string): { text: string; withoutToken: string } {
  mkdirSync(join(path, '..'), { recursive: true });
  const head = `# Shop backend\r\nexport TWILIO_ACCOUNT_SID="${accountSid}"\r\n`;
  const tokenLine = `TWILIO_AUTH_TOKEN='${authToken}'  # from the Console\r\n`;
  const tail = `PORT=3000\r\nGREETING="Hello, caf\u00e9 #1"\r\n`;
  writeFileSync(path, head + tokenLine + tail);
  return { text: head + tokenLine + tail, withoutToken: head + tail };
}

/** The window, on Add account → Import from files, with the first look done. */
async function openImport(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Add account' }).click();
  await page.getByRole('button', { name: 'Import from files…' }).click();
  await page.getByRole('heading', { name: 'Import from files', level: 2 }).waitFor();
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('import-heading');
  await page.locator('section.import[aria-busy="false"]').waitFor();
}

/** The card of one found credential, by its title. */
const card = (page: Page, title: string) => page.locator('article', { has: page.getByRole('heading', { name: title, level: 3 }) });

describe('import from files in the window', () => {
  it('lists twilio-cli\'s profiles, the environment and a chosen .env file without a secret; imports with scrub into the keychain; a duplicate shows as saved', async () => {
    const home = await tempDir('smsit-home-');
    // The environment's credential exists before the core does (the core is started with it).
    const fromEnv = { accountSid: fakeSid('AC'), apiKey: fakeSid('SK'), apiSecret: fakeSecret() };
    let answers: string[] = [];
    let secrets: string[] = [];
    let envFile = { path: join(home, 'shop', '.env'), text: '', withoutToken: '' };
    let shopToken = '';
    let stagingKey = '';
    const app = await harness.open({
      env: { HOME: home, TWILIO_ACCOUNT_SID: fromEnv.accountSid, TWILIO_API_KEY: fromEnv.apiKey, TWILIO_API_SECRET: fromEnv.apiSecret, TWILIO_AUTH_TOKEN: '' },
      before: async (core) => {
        const prod = core.twilio.state.addAccount({ friendlyName: 'Prod at Twilio' });
        const prodKey = core.twilio.state.addKey(prod.sid);
        const staging = core.twilio.state.addAccount({ friendlyName: 'Staging at Twilio' });
        const key = core.twilio.state.addKey(staging.sid);
        stagingKey = key.sid;
        const env = core.twilio.state.addAccount({ sid: fromEnv.accountSid, friendlyName: 'Scripts at Twilio' });
        core.twilio.state.addKey(env.sid, { sid: fromEnv.apiKey, secret: fromEnv.apiSecret });
        const shop = core.twilio.state.addAccount({ friendlyName: 'Shop at Twilio' });
        shopToken = shop.authToken;
        await writeTwilioCliConfig(home, [
          { id: 'prod', accountSid: prod.sid, apiKey: prodKey.sid, apiSecret: prodKey.secret },
          { id: 'staging', accountSid: staging.sid, apiKey: key.sid, apiSecret: key.secret },
        ]);
        envFile = { path: envFile.path, ...writeEnvFile(envFile.path, shop.sid, shop.authToken) };
        // Saved already: the twilio-cli profile "staging" is this very key.
        await core.handlers['accounts:add']({ name: 'Staging', draft: { authType: 'apiKey', accountSid: staging.sid, apiKeySid: key.sid, secret: key.secret }, verify: true });
        secrets = [prodKey.secret, key.secret, fromEnv.apiSecret, shop.authToken];
        core.envFilesToChoose = [envFile.path];
        answers = recordAnswers(core);
      },
    });
    const { page, core } = app;
    await openImport(page);
    const prod = card(page, 'twilio-cli profile “prod”');
    await prod.getByText('API key SK', { exact: false }).waitFor();
    await card(page, 'twilio-cli profile “staging”').getByText('Already saved as “Staging”').waitFor();
    expect(await card(page, 'twilio-cli profile “staging”').getByRole('checkbox').count()).toBe(0);
    await card(page, 'The app’s environment').getByText(`API key ${fromEnv.apiKey}`).waitFor();

    await page.getByRole('button', { name: 'Choose .env files…' }).click();
    const shop = card(page, 'File “shop/.env”');
    await shop.getByText('Auth Token', { exact: true }).waitFor();
    await page.getByText(envFile.path, { exact: true }).first().waitFor();
    await shot(app, 'import-1-found');
    const problems = [...(await seriousAxeViolationsInBothSchemes(page, 'found'))];
    for (const size of [DEFAULT_PAGE, MINIMUM_PAGE]) {
      await page.setViewportSize(size);
      problems.push(...(await overlapsAndCutOffs(page)).map((p) => `${size.width}×${size.height}: ${p}`));
    }
    await page.setViewportSize(DEFAULT_PAGE);

    await shop.getByRole('checkbox', { name: 'Import the credential from File “shop/.env”' }).check();
    const name = shop.getByLabel('Name for this account');
    expect(await name.inputValue()).toBe('shop');
    await name.fill('Shop');
    await shop.getByRole('checkbox', { name: 'Remove the secret from .env afterwards' }).check();
    problems.push(...(await seriousAxeViolationsInBothSchemes(page, 'chosen')));
    await page.getByRole('button', { name: 'Import chosen (1)' }).click();
    await shop.getByText(`Verified with Twilio and saved as "Shop"; its secret is in your system keychain. Its line was removed from ${envFile.path}; every other line is as it was.`).waitFor();
    await shot(app, 'import-2-imported');
    problems.push(...(await seriousAxeViolationsInBothSchemes(page, 'imported')));
    expect(problems).toEqual([]);

    // The keychain (the private Secret Service) holds the token; the file lost that line and nothing else.
    const saved = (await core.context.accounts.list()).find((account) => account.name === 'Shop')!;
    expect(saved).toMatchObject({ authType: 'authToken', keyType: null });
    expect(await core.context.secrets.get(saved.id, requestSecretPurpose(saved))).toBe(shopToken);
    expect(readFileSync(envFile.path, 'utf8')).toBe(envFile.withoutToken);
    expect((await core.context.accounts.list()).map((account) => account.name).sort()).toEqual(['Shop', 'Staging']);
    expect((await core.context.accounts.list()).find((account) => account.name === 'Staging')!.apiKeySid).toBe(stagingKey);

    // The other two at once, twilio-cli's with scrub: its apiSecret gives way to a note; with nothing
    // left to import the Import button goes, and the focus stays at the results.
    const configPath = join(home, '.twilio-cli', 'config.json');
    const configBefore = readFileSync(configPath, 'utf8');
    await prod.getByRole('checkbox', { name: 'Import the credential from twilio-cli profile “prod”' }).check();
    await prod.getByRole('checkbox', { name: 'Remove the secret from config.json afterwards' }).check();
    await card(page, 'The app’s environment').getByRole('checkbox', { name: /^Import/ }).check();
    await page.getByRole('button', { name: 'Import chosen (2)' }).click();
    await prod.getByText(`Its apiSecret was removed from ${configPath}`, { exact: false }).waitFor();
    await card(page, 'The app’s environment').getByText('The environment variables stay set where they were set.', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /^Import chosen/ }).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('found-heading');
    const config = readFileSync(configPath, 'utf8');
    expect(config).not.toContain(secrets[0]!);
    expect(config).toContain('"apiSecretMovedTo":');
    expect(JSON.parse(config).profiles.staging).toEqual(JSON.parse(configBefore).profiles.staging);
    expect((await core.context.accounts.list()).map((account) => account.name).sort()).toEqual(['From the environment', 'Shop', 'Staging', 'prod']);

    // No secret reached the window: not in any answer it got, not on the page.
    const page_ = await page.content();
    expect(answers.join('\n')).toContain(`"apiKeySid":"${fromEnv.apiKey}"`); // the lists were recorded
    for (const secret of secrets) {
      expect(answers.join('\n')).not.toContain(secret);
      expect(page_).not.toContain(secret);
    }
    expect(app.foreignRequests).toEqual([]);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });

  it('with the keyboard: a taken name is said at its field; Twilio\'s refusal leaves the .env file byte for byte as it was, and says so', async () => {
    const home = await tempDir('smsit-home-');
    const envPath = join(home, 'old-shop', '.env');
    let envText = '';
    let fileSid = '';
    const app = await harness.open({
      env: { HOME: home },
      before: async (core) => {
        const saved = core.twilio.state.addAccount();
        await core.handlers['accounts:add']({ name: 'Old shop', draft: { authType: 'authToken', accountSid: saved.sid, secret: saved.authToken }, verify: true });
        // The file's token was changed at Twilio since: Twilio refuses the one in the file.
        const rotated = core.twilio.state.addAccount();
        fileSid = rotated.sid;
        envText = writeEnvFile(envPath, rotated.sid, fakeSecret()).text;
        core.envFilesToChoose = [envPath];
      },
    });
    const { page, core } = app;
    await openImport(page);
    await page.getByText('No Twilio credentials found. Choose the .env files', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Choose .env files…' }).press('Enter');
    const item = card(page, 'File “old-shop/.env”');
    const choose = item.getByRole('checkbox', { name: 'Import the credential from File “old-shop/.env”' });
    await choose.focus();
    await page.keyboard.press('Space');
    const name = item.getByLabel('Name for this account');
    await name.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('OLD SHOP');
    await item.getByRole('checkbox', { name: 'Remove the secret from .env afterwards' }).focus();
    await page.keyboard.press('Space');
    await name.press('Enter');
    await item.getByText('An account named "Old shop" already exists').waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    // The name is checked before Twilio is asked.
    expect(core.twilio.requests.filter((request) => request.user === fileSid)).toEqual([]);

    await page.keyboard.press('Control+A');
    await page.keyboard.type('Shop 2019');
    await page.keyboard.press('Enter');
    const refusal = item.getByRole('alert');
    await refusal.getByText('Not imported — .env was left as it is').waitFor();
    await refusal.getByText('Twilio did not accept', { exact: false }).waitFor();
    await refusal.getByText('If the secret there is out of date', { exact: false }).waitFor();
    await shot(app, 'import-3-refused');
    expect(await seriousAxeViolationsInBothSchemes(page, 'refused')).toEqual([]);
    expect(readFileSync(envPath, 'utf8')).toBe(envText);
    expect((await core.context.accounts.list()).map((account) => account.name)).toEqual(['Old shop']);
    expect(app.pageErrors).toEqual([]);
    await app.close();
  });
});
