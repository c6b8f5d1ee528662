// The .env reader against the `dotenv` package itself (the oracle), and the scrub's byte-for-byte promise.
import dotenv from 'dotenv';
import { describe, expect, it } from 'vitest';
import { dotenvVariables, withoutDefinition } from '../../../../electron/core/import/dotenv-text';

const SAMPLES = {
  plain: 'TWILIO_ACCOUNT_SID=AC123\nTWILIO_AUTH_TOKEN=abc\n',
  crlf: '# comment\r\nexport TWILIO_ACCOUNT_SID="AC123"\r\nTWILIO_AUTH_TOKEN=\'tok en\' # trailing\r\n\r\nOTHER=1\r\n',
  quotes: 'A="x\\ny"\nB=`back tick`\nC= spaced value  \nD=\nE="has # hash"\nexport F=plain#not comment\n',
  multiline: 'KEY="line one\nline two"\nNEXT=after\n',
  colon: 'TWILIO_API_KEY: SKabc\nexport   TWILIO_API_SECRET = s3cr3t\n',
  duplicates: 'X=first\nX=second\n',
  noFinalNewline: 'TWILIO_AUTH_TOKEN=last',
  loneCr: 'A=1\rB=2\r',
};

describe('.env files as dotenv reads them', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`reads the same variables as dotenv: ${name}`, () => {
      expect(dotenvVariables(text)).toEqual(dotenv.parse(text));
    });
  }

  it('removes only the secret\'s line, keeping every other byte (CRLF, comments, export, quotes)', () => {
    const text = '# Twilio\r\nexport TWILIO_ACCOUNT_SID="AC123"\r\n  TWILIO_AUTH_TOKEN = \'0123abcd\'  # the token\r\nPORT=3000\r\n';
    expect(withoutDefinition(text, 'TWILIO_AUTH_TOKEN', '0123abcd')).toBe('# Twilio\r\nexport TWILIO_ACCOUNT_SID="AC123"\r\nPORT=3000\r\n');
    expect(withoutDefinition(SAMPLES.noFinalNewline, 'TWILIO_AUTH_TOKEN', 'last')).toBe('');
    expect(withoutDefinition(SAMPLES.multiline, 'KEY', 'line one\nline two')).toBe('NEXT=after\n');
  });

  it('leaves a line whose value is not the imported secret, and removes each line that holds it', () => {
    const text = 'TWILIO_AUTH_TOKEN=old\nTWILIO_AUTH_TOKEN=new\nX=1\nTWILIO_AUTH_TOKEN=new\n';
    expect(withoutDefinition(text, 'TWILIO_AUTH_TOKEN', 'new')).toBe('TWILIO_AUTH_TOKEN=old\nX=1\n');
    expect(withoutDefinition(text, 'TWILIO_AUTH_TOKEN', 'other')).toBe(text);
  });
});
