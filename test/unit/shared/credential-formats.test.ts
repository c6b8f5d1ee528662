import { describe, expect, it } from 'vitest';
import { checkAccountSid, checkApiKeySecret, checkApiKeySid, checkAuthToken } from '../../../electron/shared/credential-formats';

const AC = 'AC0123456789abcdef0123456789abcdef';
const SK = 'SK0123456789abcdef0123456789abcdef';

describe('pasted Account SIDs', () => {
  it('accepts an AC SID and drops spaces and line breaks pasted around or inside it', () => {
    expect(checkAccountSid(`  ${AC}\n`)).toMatchObject({ ok: true, value: AC });
    expect(checkAccountSid(`${AC.slice(0, 10)} ${AC.slice(10)}`)).toMatchObject({ ok: true, value: AC });
  });

  it('names an API Key SID pasted into the Account SID field as that swap', () => {
    const check = checkAccountSid(SK);
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/API Key SID \(it starts with SK\), not the Account SID/);
  });

  it('says how many characters a cut-off SID has', () => {
    expect(checkAccountSid(AC.slice(0, 30)).message).toMatch(/32 characters; this one has 28/);
  });

  it('refuses characters that are not hex, and lower-case prefixes, saying so', () => {
    expect(checkAccountSid(`AC${'g'.repeat(32)}`).message).toMatch(/only the characters 0-9 and a-f/);
    expect(checkAccountSid(AC.replace('AC', 'ac')).message).toMatch(/capital "AC"/);
    expect(checkAccountSid('').message).toMatch(/Paste the Account SID/);
  });
});

describe('pasted API Key SIDs', () => {
  it('accepts an SK SID and names an Account SID pasted there as that swap', () => {
    expect(checkApiKeySid(SK).ok).toBe(true);
    expect(checkApiKeySid(AC).message).toMatch(/This is your Account SID \(it starts with AC\), not the API Key SID/);
  });
});

describe('pasted secrets', () => {
  it('accepts a 32-character auth token and trims what was pasted around it', () => {
    expect(checkAuthToken(`\t${'a'.repeat(32)}  \n`)).toMatchObject({ ok: true, value: 'a'.repeat(32) });
  });

  it('refuses an auth token of the wrong length or with a space inside', () => {
    expect(checkAuthToken('a'.repeat(31)).message).toMatch(/32 characters; this one has 31/);
    expect(checkAuthToken(`${'a'.repeat(16)} ${'a'.repeat(16)}`).message).toMatch(/space or line break inside/);
  });

  it('recognises a SID pasted into a secret field', () => {
    expect(checkAuthToken(AC).message).toMatch(/This is an Account SID/);
    expect(checkApiKeySecret(SK).message).toMatch(/This is an API Key SID/);
  });

  it('only warns about an API key secret of an unusual shape, since Twilio promises no format', () => {
    expect(checkApiKeySecret('x'.repeat(32))).toMatchObject({ ok: true, warning: null });
    const odd = checkApiKeySecret('x'.repeat(20));
    expect(odd.ok).toBe(true);
    expect(odd.warning).toMatch(/usually 32 letters and digits; this one has 20/);
  });
});
