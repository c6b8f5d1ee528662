// The window's import in the core: what it lists (never a secret), and importing by the opaque id
// it handed out — on twilio-cli configs written by twilio-cli's own code, the fake Twilio and a real
// registry file (the keychain in memory here; the e2e test runs it on the private Secret Service).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AccountStore } from '../../../../electron/core/accounts/account-store';
import { ImportCandidates } from '../../../../electron/core/import/import-candidates';
import { TwilioService } from '../../../../electron/core/twilio/twilio-service';
import { fakeTwilioForFile } from '../../../helpers/fake-twilio-for-file';
import { memoryHome } from '../../../helpers/memory-home';
import { tempDir } from '../../../helpers/temp-dir';

const { Config, ConfigData } = createRequire(import.meta.url)('@twilio/cli-core').services.config;

const fake = fakeTwilioForFile();
let home: string;
let accounts: AccountStore;
let twilio: TwilioService;
beforeEach(async () => {
  home = await tempDir('smsit-import-home-');
  ({ accounts } = memoryHome({ dir: await tempDir('smsit-import-data-') }).context);
  twilio = new TwilioService({ apiBase: fake.url, sleep: async () => {} });
});

/** twilio-cli's config in `home`/.twilio-cli, written by @twilio/cli-core. */
async function twilioCliProfile(id: string, accountSid: string, apiKey: string, apiSecret: string): Promise<string> {
  const data = new ConfigData();
  data.addProfile(id, accountSid, undefined, undefined, apiKey, apiSecret);
  await new Config(join(home, '.twilio-cli')).save(data);
  return join(home, '.twilio-cli', 'config.json');
}

describe('ImportCandidates (the window\'s import)', () => {
  it('lists twilio-cli\'s profile, the environment and a .env file under opaque ids, with free names and duplicates named, never a secret', async () => {
    const a = fake.state.addAccount();
    const key = fake.state.addKey(a.sid);
    await twilioCliProfile('prod', a.sid, key.sid, key.secret);
    const b = fake.state.addAccount();
    await accounts.add({ name: 'Prod', accountSid: b.sid, authType: 'authToken', apiKeySid: null, secret: b.authToken });
    mkdirSync(join(home, 'shop'));
    writeFileSync(join(home, 'shop', '.env'), `TWILIO_ACCOUNT_SID=${b.sid}\r\nTWILIO_AUTH_TOKEN="${b.authToken}"\r\n`);
    const c = fake.state.addAccount();
    const importer = new ImportCandidates({ accounts, twilio, env: { HOME: home, TWILIO_ACCOUNT_SID: c.sid, TWILIO_AUTH_TOKEN: c.authToken } });
    const scan = await importer.find([join(home, 'shop', '.env')]);
    expect(scan.found).toEqual([
      expect.objectContaining({ source: 'twilio-cli', profileId: 'prod', accountSid: a.sid, authType: 'apiKey', apiKeySid: key.sid, suggestedName: 'prod 2', duplicateOf: null, canScrub: true }),
      expect.objectContaining({ source: 'environment', path: null, accountSid: c.sid, authType: 'authToken', duplicateOf: null, canScrub: false }),
      expect.objectContaining({ source: 'env-file', path: join(home, 'shop', '.env'), accountSid: b.sid, suggestedName: 'shop', duplicateOf: 'Prod', canScrub: true }),
    ]);
    expect(new Set(scan.found.map((item) => item.id)).size).toBe(3);
    const shown = JSON.stringify(scan);
    for (const secret of [key.secret, b.authToken, c.authToken]) expect(shown).not.toContain(secret);
  });

  it('suggests a different name for each credential listed: two shop/.env files get "shop" and "shop 2", and both import as suggested', async () => {
    const files = ['one', 'two'].map((folder) => {
      const account = fake.state.addAccount();
      mkdirSync(join(home, folder, 'shop'), { recursive: true });
      writeFileSync(join(home, folder, 'shop', '.env'), `TWILIO_ACCOUNT_SID=${account.sid}\nTWILIO_AUTH_TOKEN=${account.authToken}\n`);
      return join(home, folder, 'shop', '.env');
    });
    const importer = new ImportCandidates({ accounts, twilio, env: { HOME: home } });
    const { found } = await importer.find(files);
    expect(found.map((item) => item.suggestedName)).toEqual(['shop', 'shop 2']);
    for (const item of found) expect(await importer.save(item.id, item.suggestedName, false)).toMatchObject({ status: 'imported', account: { name: item.suggestedName } });
  });

  it('passes on what adding an account warns about: a name that looks like a saved one', async () => {
    const saved = fake.state.addAccount();
    await accounts.add({ name: 'Main', accountSid: saved.sid, authType: 'authToken', apiKeySid: null, secret: saved.authToken });
    const a = fake.state.addAccount();
    const importer = new ImportCandidates({ accounts, twilio, env: { HOME: home, TWILIO_ACCOUNT_SID: a.sid, TWILIO_AUTH_TOKEN: a.authToken } });
    const [item] = (await importer.find([])).found;
    const outcome = await importer.save(item!.id, 'Маin', false); // Cyrillic М and а
    expect(outcome).toMatchObject({ status: 'imported', warnings: [expect.stringMatching(/looks almost the same as the account "Main"/)] });
  });

  it('says in a note that twilio-cli\'s config cannot be read, and still lists the environment and the chosen .env files', async () => {
    mkdirSync(join(home, '.twilio-cli'));
    writeFileSync(join(home, '.twilio-cli', 'config.json'), '{ "profiles": ');
    const a = fake.state.addAccount();
    writeFileSync(join(home, '.env'), `TWILIO_ACCOUNT_SID=${a.sid}\nTWILIO_AUTH_TOKEN=${a.authToken}\n`);
    const importer = new ImportCandidates({ accounts, twilio, env: { HOME: home } });
    const scan = await importer.find([join(home, '.env')]);
    expect(scan.found).toEqual([expect.objectContaining({ source: 'env-file', accountSid: a.sid })]);
    expect(scan.notes).toEqual([`${join(home, '.twilio-cli', 'config.json')} is not a twilio-cli config file (it is not a JSON object).`]);
  });

  it('imports by id with scrub (verified, saved, the line gone), then forgets the id; a new look forgets the old ids', async () => {
    const a = fake.state.addAccount();
    const file = join(home, '.env');
    writeFileSync(file, `# app\nTWILIO_ACCOUNT_SID=${a.sid}\nTWILIO_AUTH_TOKEN=${a.authToken}\nPORT=3000\n`);
    const importer = new ImportCandidates({ accounts, twilio, env: { HOME: home } });
    const [item] = (await importer.find([file])).found;
    const outcome = await importer.save(item!.id, 'Shop', true);
    expect(outcome).toMatchObject({ status: 'imported', account: { name: 'Shop', accountSid: a.sid }, scrubbed: true });
    expect(readFileSync(file, 'utf8')).toBe(`# app\nTWILIO_ACCOUNT_SID=${a.sid}\nPORT=3000\n`);
    await expect(importer.save(item!.id, 'Shop again', false)).rejects.toMatchObject({ kind: 'unknown-account' });
    const b = fake.state.addAccount();
    writeFileSync(file, `TWILIO_ACCOUNT_SID=${b.sid}\nTWILIO_AUTH_TOKEN=${b.authToken}\n`);
    const [first] = (await importer.find([file])).found;
    await importer.find([file]);
    await expect(importer.save(first!.id, 'B', false)).rejects.toMatchObject({ kind: 'unknown-account' });
  });

  it('checks the typed name with the app\'s name rules before asking Twilio: nothing saved, the file untouched, the id still good', async () => {
    const a = fake.state.addAccount();
    const file = join(home, '.env');
    const text = `TWILIO_ACCOUNT_SID=${a.sid}\nTWILIO_AUTH_TOKEN=${a.authToken}\n`;
    writeFileSync(file, text);
    await accounts.add({ name: 'Taken', accountSid: fake.state.addAccount().sid, authType: 'authToken', apiKeySid: null, secret: '0'.repeat(32) });
    const importer = new ImportCandidates({ accounts, twilio, env: { HOME: home } });
    const [item] = (await importer.find([file])).found;
    expect(await importer.save(item!.id, '  ', true)).toMatchObject({ status: 'failed', error: { kind: 'bad-input', details: { field: 'name' } } });
    expect(await importer.save(item!.id, 'taken', true)).toMatchObject({ status: 'failed', error: { kind: 'name-taken' } });
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(await accounts.list()).toHaveLength(1);
    expect(await importer.save(item!.id, 'Fine', true)).toMatchObject({ status: 'imported', scrubbed: true });
  });
});
