import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY, securityHeadersListener, setupContentSecurity } from '../../../electron/main/content-security';

function headersFor(responseHeaders?: Record<string, string[]>): Record<string, string[]> {
  let out: Record<string, string[]> = {};
  securityHeadersListener({ responseHeaders }, (response) => (out = response.responseHeaders as Record<string, string[]>));
  return out;
}
const directives = (policy: string) => policy.split(';').map((d) => d.trim()).filter(Boolean).sort();

describe('content security policy header', () => {
  it('adds the policy: no inline script or eval, no network, no framing', () => {
    const csp = headersFor({})['Content-Security-Policy']!;
    expect(csp).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('replaces a policy the response carried, whatever its case, and keeps other headers', () => {
    const out = headersFor({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] });
    expect(out['content-security-policy']).toBeUndefined();
    expect(out['Content-Type']).toEqual(['text/html']);
    expect(out['X-Content-Type-Options']).toEqual(['nosniff']);
  });

  it('agrees with the renderer’s meta tag (the header adds only frame-ancestors)', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    expect(directives(CONTENT_SECURITY_POLICY).filter((d) => !d.startsWith('frame-ancestors'))).toEqual(directives(meta!));
  });

  it('is installed on the session’s responses', () => {
    const onHeadersReceived = vi.fn();
    setupContentSecurity({ webRequest: { onHeadersReceived } } as never);
    expect(onHeadersReceived).toHaveBeenCalledWith(securityHeadersListener);
  });
});
