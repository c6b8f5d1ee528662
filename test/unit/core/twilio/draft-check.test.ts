import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../electron/core/errors';
import { checkDraft } from '../../../../electron/core/twilio/draft-check';

const AC = 'AC' + 'a'.repeat(32);
const SK = 'SK' + 'b'.repeat(32);
const TOKEN = 'c'.repeat(32);

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
  }
  throw new Error('expected a bad-input refusal');
}

describe('checkDraft', () => {
  it('trims what people paste: spaces and line breaks around SIDs and secrets', () => {
    const { credentials } = checkDraft({ authType: 'apiKey', accountSid: ` ${AC}\n`, apiKeySid: `\t${SK} `, secret: `  ${TOKEN}\r\n` });
    expect(credentials).toEqual({ authType: 'apiKey', accountSid: AC, apiKeySid: SK, secret: TOKEN, region: 'us1', edge: null });
  });

  it('names a key SID pasted as the Account SID', () => {
    const error = refusal(() => checkDraft({ authType: 'authToken', accountSid: SK, secret: TOKEN }));
    expect(error.kind).toBe('bad-input');
    expect(error.details.field).toBe('accountSid');
    expect(error.message).toContain('API Key SID (it starts with SK), not the Account SID');
  });

  it('names an Account SID pasted as the API Key SID', () => {
    const error = refusal(() => checkDraft({ authType: 'apiKey', accountSid: AC, apiKeySid: AC, secret: TOKEN }));
    expect(error.details.field).toBe('apiKeySid');
    expect(error.message).toContain('Account SID (it starts with AC), not the API Key SID');
  });

  it('says when both SIDs were swapped', () => {
    const error = refusal(() => checkDraft({ authType: 'apiKey', accountSid: SK, apiKeySid: AC, secret: TOKEN }));
    expect(error.message).toMatch(/swapped/);
  });

  it('refuses a SID in the secret field and a short auth token', () => {
    expect(refusal(() => checkDraft({ authType: 'apiKey', accountSid: AC, apiKeySid: SK, secret: SK })).details.field).toBe('apiKeySecret');
    const short = refusal(() => checkDraft({ authType: 'authToken', accountSid: AC, secret: 'abc' }));
    expect(short.message).toContain('32 characters; this one has 3');
  });

  it('warns, without refusing, about an API key secret of an unusual shape', () => {
    const checked = checkDraft({ authType: 'apiKey', accountSid: AC, apiKeySid: SK, secret: 'x'.repeat(40) });
    expect(checked.warnings[0]).toContain('usually 32 letters and digits');
  });

  it('resolves the region and edge, and refuses an unknown region naming the known ones', () => {
    expect(checkDraft({ authType: 'authToken', accountSid: AC, secret: TOKEN, region: ' IE1 ', edge: 'Dublin' }).credentials).toMatchObject({ region: 'ie1', edge: 'dublin' });
    const error = refusal(() => checkDraft({ authType: 'authToken', accountSid: AC, secret: TOKEN, region: 'eu9' }));
    expect(error.details.field).toBe('region');
    expect(error.message).toContain('ie1');
  });
});
