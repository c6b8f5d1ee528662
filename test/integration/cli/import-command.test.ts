// `smsit-twilio import` through the real bin, the private keyring and the fake Twilio, on
// twilio-cli configs written by twilio-cli's own code and .env files the way people write them.
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeTwilioForFile } from '../../helpers/fake-twilio-for-file';
import { removeKeyringAccounts } from '../../helpers/keyring-home';
import { runNode } from '../../helpers/run-script';
import { tempDir } from '../../helpers/temp-dir';

const BIN = fileURLToPath(new URL('../../../bin/smsit-twilio.mjs', import.meta.url));
const { Config, ConfigData } = createRequire(import.meta.url)('@twilio/cli-core').services.config;

const fake = fakeTwilioForFile();
let home: string;
let work: string;
beforeEach(async () => {
  home = await tempDir('smsit-import-home-');
  work = await tempDir('smsit-import-work-');
});
afterEach(() => removeKeyringAccounts(home));

/** Runs the bin with only `variables` as TWILIO_* (the rest of this environment without any). */
function cli(args: string[], variables: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('TWILIO_')) delete env[name];
  return runNode([BIN, ...args], { env: { ...env, HOME: work, SMSIT_TWILIO_HOME: home, SMSIT_TWILIO_API_BASE: fake.url, ...variables } });
}

/** A twilio-cli config in `work`/.twilio-cli, written by @twilio/cli-core. */
async function twilioCliConfig(profiles: Array<{ id: string; accountSid: string; apiKey: string; apiSecret: string; region?: string }>): Promise<string> {
  const data = new ConfigData();
  for (const p of profiles) data.addProfile(p.id, p.accountSid, p.region, undefined, p.apiKey, p.apiSecret);
  data.activeProfile = profiles[0]?.id ?? null;
  await new Config(join(work, '.twilio-cli')).save(data);
  return join(work, '.twilio-cli', 'config.json');
}

const savedAccounts = async () => JSON.parse((await cli(['accounts', 'list', '--json'])).stdout) as Array<Record<string, unknown>>;

describe('smsit-twilio import', () => {
  it('lists what it finds in ~/.twilio-cli, the environment and a .env file, without a secret, and changes nothing', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid);
    const path = await twilioCliConfig([{ id: 'prod', accountSid: account.sid, apiKey: key.sid, apiSecret: key.secret }]);
    const other = fake.state.addAccount();
    const envFile = join(work, 'app', '.env');
    mkdirSync(join(work, 'app'));
    writeFileSync(envFile, `# my app\r\nexport TWILIO_ACCOUNT_SID="${other.sid}"\r\nTWILIO_AUTH_TOKEN='${other.authToken}' # do not commit\r\n`);
    const before = [readFileSync(path), readFileSync(envFile)];
    const list = await cli(['import', '--env-file', envFile], { TWILIO_ACCOUNT_SID: other.sid, TWILIO_AUTH_TOKEN: other.authToken });
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(`1  twilio-cli profile "prod" in ${path}\n     ${account.sid}  API key ${key.sid}`);
    expect(list.stdout).toContain(`2  the environment (TWILIO_* variables)\n     ${other.sid}  Auth Token`);
    expect(list.stdout).toContain(`3  ${envFile}\n     ${other.sid}  Auth Token`);
    for (const secret of [key.secret, other.authToken]) expect(list.stdout + list.stderr).not.toContain(secret);
    const json = JSON.parse((await cli(['import', '--json', '--no-environment', '--env-file', envFile])).stdout);
    expect(json.found).toEqual([
      expect.objectContaining({ number: 1, source: 'twilio-cli', profileId: 'prod', authType: 'apiKey', apiKeySid: key.sid, suggestedName: 'prod', duplicateOf: null }),
      expect.objectContaining({ number: 2, source: 'env-file', path: envFile, authType: 'authToken', suggestedName: 'app' }),
    ]);
    expect([readFileSync(path), readFileSync(envFile)]).toEqual(before);
    expect(await savedAccounts()).toEqual([]);
  });

  it('--all --scrub verifies and saves each, then takes the secret out of each file: the .env line, twilio-cli\'s apiSecret with a note', async () => {
    const a = fake.state.addAccount();
    const aKey = fake.state.addKey(a.sid);
    const b = fake.state.addAccount();
    const bKey = fake.state.addKey(b.sid);
    const path = await twilioCliConfig([
      { id: 'alpha', accountSid: a.sid, apiKey: aKey.sid, apiSecret: aKey.secret },
      { id: 'beta', accountSid: b.sid, apiKey: bKey.sid, apiSecret: bKey.secret },
    ]);
    const configBefore = readFileSync(path, 'utf8');
    const c = fake.state.addAccount();
    const envFile = join(work, 'shop.env');
    const envText = `# shop\r\nexport TWILIO_ACCOUNT_SID="${c.sid}"\r\n  TWILIO_AUTH_TOKEN = "${c.authToken}"  # old habit\r\nPORT=3000\r\nNAME='caf\u00e9 #1'\r\n`;
    writeFileSync(envFile, envText);
    chmodSync(envFile, 0o640);
    const run = await cli(['import', '--all', '--scrub', '--no-environment', '--env-file', envFile]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`1 (twilio-cli profile "alpha" in ${path}): verified with Twilio and saved as "alpha"`);
    expect(run.stdout).toContain(`Removed its apiSecret from ${path}`);
    expect(run.stdout).toContain(`3 (${envFile}): verified with Twilio and saved as "${work.split('/').pop()}"`);
    expect((await savedAccounts()).map((acc) => [acc.accountSid, acc.authType, acc.apiKeySid])).toEqual([
      [a.sid, 'apiKey', aKey.sid],
      [b.sid, 'apiKey', bKey.sid],
      [c.sid, 'authToken', null],
    ]);
    expect(readFileSync(envFile, 'utf8')).toBe(`# shop\r\nexport TWILIO_ACCOUNT_SID="${c.sid}"\r\nPORT=3000\r\nNAME='caf\u00e9 #1'\r\n`);
    expect(statSync(envFile).mode & 0o777).toBe(0o640);
    const config = readFileSync(path, 'utf8');
    expect(config).not.toContain(aKey.secret);
    expect(config).not.toContain(bKey.secret);
    const note = (id: string) => `"apiSecretMovedTo":${JSON.stringify(`Moved to the system keychain by SMS-iT Twilio Credentials (account "${id}"). Run twilio with it: smsit-twilio exec "${id}" -- twilio …`)}`;
    expect(config.replace(note('alpha'), `"apiSecret":"${aKey.secret}"`).replace(note('beta'), `"apiSecret":"${bKey.secret}"`)).toBe(configBefore);
    // No copy of the old files was left beside them.
    expect(readFileSync(join(work, '.twilio-cli', 'config.json'), 'utf8')).toBe(config);
    expect(JSON.parse((await cli(['import', '--json', '--no-environment'])).stdout)).toMatchObject({ found: [], notes: [expect.stringContaining('Moved to the system keychain'), expect.stringContaining('Moved to the system keychain')] });
  });

  it('reports a credential already saved (same Account SID and key SID) instead of saving it twice, and picks by profile ID', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid);
    const path = await twilioCliConfig([{ id: 'prod', accountSid: account.sid, apiKey: key.sid, apiSecret: key.secret }]);
    expect((await cli(['import', 'prod', '--no-environment'])).code).toBe(0);
    const again = await cli(['import', 'prod', '--scrub', '--no-environment']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already saved as "prod" (same Account SID and key SID); not saved again.');
    expect(await savedAccounts()).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toContain(key.secret);
  });

  it('leaves the file untouched and saves nothing when Twilio rejects the secret (exit 1)', async () => {
    const account = fake.state.addAccount();
    const envFile = join(work, '.env');
    const text = `TWILIO_ACCOUNT_SID=${account.sid}\nTWILIO_AUTH_TOKEN=${'0'.repeat(32)}\n`;
    writeFileSync(envFile, text);
    const run = await cli(['import', '--all', '--scrub', '--no-environment', '--env-file', envFile], {});
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`1 (${envFile}): not imported.`);
    expect(readFileSync(envFile, 'utf8')).toBe(text);
    expect(await savedAccounts()).toEqual([]);
  });

  it('imports from the environment under --name, and says the environment cannot be scrubbed', async () => {
    const account = fake.state.addAccount();
    const key = fake.state.addKey(account.sid);
    const run = await cli(['import', '1', '--name', 'Shell', '--scrub'], { TWILIO_ACCOUNT_SID: account.sid, TWILIO_API_KEY: key.sid, TWILIO_API_SECRET: key.secret });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('saved as "Shell"');
    expect(run.stderr).toContain('Not scrubbed: Environment variables cannot be scrubbed from here');
    expect(await savedAccounts()).toMatchObject([{ name: 'Shell', apiKeySid: key.sid, keyType: 'standard' }]);
  });

  // A missing --env-file is tested in import-in-process.test.ts: Node 20 itself scans the whole
  // command line for --env-file and exits 9 ("node: PATH: not found") before our code runs.
  it('exits 2 for a --twilio-cli-config that is not there, and for a number not in the list', async () => {
    const missing = await cli(['import', '--twilio-cli-config', join(work, 'nope.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringContaining('There is no file')]);
    const wrong = await cli(['import', '4', '--no-environment']);
    expect([wrong.code, wrong.stderr]).toEqual([2, expect.stringContaining('"4" is neither a number from the list')]);
  });
});
