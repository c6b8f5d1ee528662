import { describe, expect, it } from 'vitest';
import { allowedHosts, bearerToken, checkHost, checkNotFromBrowser } from '../../../../electron/core/endpoint/request-guards';

describe('request guards', () => {
  const hosts = allowedHosts(47123);

  it('accepts only 127.0.0.1, localhost and [::1] with the right port', () => {
    for (const host of ['127.0.0.1:47123', 'localhost:47123', 'LocalHost:47123', '[::1]:47123']) {
      expect(() => checkHost({ host }, hosts)).not.toThrow();
    }
    for (const host of [undefined, '127.0.0.1', 'localhost', '127.0.0.1:80', 'evil.com:47123', 'localhost.evil.com:47123', '[::1]', '0.0.0.0:47123']) {
      expect(() => checkHost({ host }, hosts)).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    }
  });

  it('refuses anything a browser sends: Origin (any value) or Sec-Fetch-Site other than none', () => {
    expect(() => checkNotFromBrowser({})).not.toThrow();
    expect(() => checkNotFromBrowser({ 'sec-fetch-site': 'none' })).not.toThrow();
    for (const headers of [{ origin: 'null' }, { origin: '' }, { origin: 'http://127.0.0.1:47123' }, { 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'cross-site' }]) {
      expect(() => checkNotFromBrowser(headers)).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    }
  });

  it('reads a bearer token and nothing else', () => {
    expect(bearerToken({ authorization: 'Bearer smsit_abc' })).toBe('smsit_abc');
    expect(bearerToken({ authorization: 'bearer  smsit_abc ' })).toBe('smsit_abc');
    expect(bearerToken({ authorization: 'Basic abc' })).toBeNull();
    expect(bearerToken({ authorization: 'Bearer a b' })).toBeNull();
    expect(bearerToken({})).toBeNull();
  });
});
