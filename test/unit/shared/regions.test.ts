import { describe, expect, it } from 'vitest';
import { REGION_EDGES, REGION_LABELS, apiOrigin, cleanRegion } from '../../../electron/shared/regions';

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

describe('the one region and edge check', () => {
  it('cleans case and spaces, defaults to US1, and names the field that is wrong', () => {
    expect(cleanRegion(' IE1 ', 'Dublin')).toEqual({ ok: true, region: 'ie1', edge: 'dublin' });
    expect(cleanRegion(undefined, null)).toEqual({ ok: true, region: 'us1', edge: null });
    expect(cleanRegion('mars1', null)).toEqual({ ok: false, field: 'region', message: '"mars1" is not a Twilio region. Use one of: us1, us2, ie1, de1, au1, br1, jp1, jp2, sg1.' });
    expect(cleanRegion('ie1', 'no such edge')).toMatchObject({ ok: false, field: 'edge' });
  });
});

describe('region labels', () => {
  it('name every region Twilio has, and only those, in one table the window and the CLI share', () => {
    expect(Object.keys(REGION_LABELS)).toEqual(Object.keys(REGION_EDGES));
    expect(REGION_LABELS.ie1).toBe('Ireland (IE1)');
  });
});
