import { describe, expect, it } from 'vitest';
import { baseUrlFor, headersAnswer } from '../../../../electron/core/endpoint/headers-answer';
import { accountRecord } from '../../../helpers/account-records';

const decode = (header: string) => Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');

describe('the /v1/headers answer', () => {
  it('signs an Auth Token account as AccountSid:AuthToken, at api.twilio.com for US1', () => {
    const record = accountRecord({ name: 'Bakery' });
    const answer = headersAnswer(record, 't'.repeat(32), null);
    expect(answer).toEqual({
      account: { name: 'Bakery', accountSid: record.accountSid, authType: 'authToken', region: 'us1' },
      baseUrl: 'https://api.twilio.com',
      headers: { Authorization: expect.stringMatching(/^Basic /) },
    });
    expect(decode(answer.headers.Authorization)).toBe(`${record.accountSid}:${'t'.repeat(32)}`);
  });

  it('signs an API key account as KeySid:KeySecret, even when it keeps its Auth Token', () => {
    const record = accountRecord({ authType: 'apiKey', keepsAuthToken: true });
    expect(decode(headersAnswer(record, 'secret', null).headers.Authorization)).toBe(`${record.apiKeySid}:secret`);
  });

  it('points at the account region and edge, or at SMSIT_TWILIO_API_BASE without its trailing slash', () => {
    const dublin = accountRecord({ region: 'ie1', edge: 'dublin' });
    expect(baseUrlFor(dublin, null)).toBe('https://api.dublin.ie1.twilio.com');
    expect(baseUrlFor(accountRecord({ region: 'au1' }), null)).toBe('https://api.sydney.au1.twilio.com');
    expect(baseUrlFor(dublin, 'http://127.0.0.1:5999//')).toBe('http://127.0.0.1:5999');
  });
});
