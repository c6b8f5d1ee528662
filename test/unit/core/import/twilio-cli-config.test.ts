// twilio-cli configs written by twilio-cli's own code (@twilio/cli-core Config/ConfigData), read and scrubbed.
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SCRUB_NOTE_KEY, twilioCliCredentials, withoutProfileSecret } from '../../../../electron/core/import/twilio-cli-config';
import { accountSid, apiKeySecret, apiKeySid } from '../../../helpers/sample-credentials';
import { tempDir } from '../../../helpers/temp-dir';

const { Config, ConfigData } = createRequire(import.meta.url)('@twilio/cli-core').services.config;

async function writeTwilioCliConfig(build: (data: InstanceType<typeof ConfigData>) => void) {
  const dir = await tempDir('smsit-twilio-cli-');
  const data = new ConfigData();
  build(data);
  await new Config(dir).save(data);
  const path = `${dir}/config.json`;
  return { path, content: await readFile(path, 'utf8') };
}

describe('twilio-cli config', () => {
  it('finds each profile\'s API key with region and edge, and says pre-6 projects keep their secret elsewhere', async () => {
    const prod = { sid: accountSid(), key: apiKeySid(), secret: apiKeySecret() };
    const eu = { sid: accountSid(), key: apiKeySid(), secret: apiKeySecret() };
    const { path, content } = await writeTwilioCliConfig((data) => {
      data.addProfile('prod', prod.sid, undefined, undefined, prod.key, prod.secret);
      data.addProfile('eu', eu.sid, 'ie1', 'dublin', eu.key, eu.secret);
      data.addProject('legacy', accountSid(), undefined);
      data.activeProfile = 'prod';
    });
    const { found, notes } = twilioCliCredentials(content, path);
    expect(found).toEqual([
      expect.objectContaining({ kind: 'twilio-cli', profileId: 'prod', accountSid: prod.sid, authType: 'apiKey', apiKeySid: prod.key, secret: prod.secret, region: null, edge: null, suggestedName: 'prod' }),
      expect.objectContaining({ profileId: 'eu', region: 'ie1', edge: 'dublin', apiKeySid: eu.key }),
    ]);
    expect(notes).toEqual([expect.stringContaining('"legacy" is from twilio-cli before 6.0')]);
  });

  it('scrubs one profile: its apiSecret becomes a note, every other byte stays, and twilio-cli still loads the file', async () => {
    const a = { sid: accountSid(), key: apiKeySid(), secret: apiKeySecret() };
    const b = { sid: accountSid(), key: apiKeySid(), secret: apiKeySecret() };
    const { path, content } = await writeTwilioCliConfig((data) => {
      data.addProfile('a', a.sid, 'us1', undefined, a.key, a.secret);
      data.addProfile('b', b.sid, undefined, undefined, b.key, b.secret);
      data.activeProfile = 'a';
    });
    const next = withoutProfileSecret(content, path, 'a', a.secret, 'in the keychain');
    expect(next).not.toContain(a.secret);
    expect(next).toContain(b.secret);
    expect(next.replace(`"${SCRUB_NOTE_KEY}":"in the keychain"`, `"apiSecret":"${a.secret}"`)).toBe(content);
    const reloaded = new ConfigData();
    reloaded.loadFromObject(JSON.parse(next));
    expect(reloaded.getProfileById('a')).toMatchObject({ accountSid: a.sid, apiKey: a.key, apiSecret: undefined });
    expect(reloaded.getProfileById('b')).toMatchObject({ apiSecret: b.secret });
    expect(reloaded.getActiveProfile()).toMatchObject({ accountSid: a.sid });
    expect(() => withoutProfileSecret(next, path, 'a', a.secret, 'x')).toThrow('changed since it was read');
  });
});
