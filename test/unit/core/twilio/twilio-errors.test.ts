import { describe, expect, it } from 'vitest';
import { toTwilioError } from '../../../../electron/core/twilio/twilio-errors';

const key = { authType: 'apiKey' as const, region: 'ie1' };
const token = { authType: 'authToken' as const, region: 'us1' };

describe('toTwilioError', () => {
  it('20003 names the likely causes, including the region, for API keys and auth tokens', () => {
    const keyError = toTwilioError({ status: 401, code: 20003, message: 'Authenticate' }, key);
    expect(keyError.kind).toBe('invalid-credentials');
    expect(keyError.message).toMatch(/secret is wrong.*rotated.*swapped.*another Twilio region than IE1/is);
    expect(keyError.details).toEqual({ httpStatus: 401, twilioCode: 20003 });
    expect(toTwilioError({ status: 401, code: 20003 }, token).message).toMatch(/Auth Token is wrong.*region than US1/s);
  });

  it('maps 403, 404, 429 and 5xx to their kinds and keeps the HTTP status and Twilio code', () => {
    expect(toTwilioError({ status: 403, code: 20403 }, key)).toMatchObject({ kind: 'forbidden', details: { twilioCode: 20403 } });
    expect(toTwilioError({ status: 404, code: 20404 }, key).kind).toBe('not-found');
    expect(toTwilioError({ status: 429, code: 20429 }, key).kind).toBe('rate-limited');
    const server = toTwilioError({ status: 503, code: 20500, message: 'Service Unavailable' }, key);
    expect(server).toMatchObject({ kind: 'twilio', details: { httpStatus: 503, twilioCode: 20500 } });
    expect(server.message).toContain('HTTP 503');
  });

  it('an answer that is not JSON is blamed on a proxy, not on the credentials', () => {
    expect(toTwilioError(new SyntaxError('Unexpected token <'), key)).toMatchObject({ kind: 'twilio' });
  });
});
