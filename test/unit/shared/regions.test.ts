import { describe, expect, it } from 'vitest';
import { apiOrigin } from '../../../electron/shared/regions';

describe('the Twilio API origin for a region', () => {
  it('is api.twilio.com for US1 without an edge', () => {
    expect(apiOrigin('us1', null)).toBe('https://api.twilio.com');
  });

  it('uses the region default edge elsewhere, and an explicit edge when given', () => {
    expect(apiOrigin('ie1', null)).toBe('https://api.dublin.ie1.twilio.com');
    expect(apiOrigin('au1', 'sydney')).toBe('https://api.sydney.au1.twilio.com');
    expect(apiOrigin('us1', 'umatilla')).toBe('https://api.umatilla.us1.twilio.com');
  });
});
