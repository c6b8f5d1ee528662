/**
 * The window's Content Security Policy, sent as a response header as well as the renderer's
 * <meta> tag: the header also carries `frame-ancestors`, which a meta tag cannot. (Electron's
 * webRequest reaches file:// responses in current versions; where it does not, the meta tag holds.)
 */
import type { HeadersReceivedResponse, OnHeadersReceivedListenerDetails, Session } from 'electron';

/**
 * The policy: no inline script, no eval, no network, only the page's own files; the same
 * directives as renderer/index.html's meta tag plus `frame-ancestors`. The listener below repeats
 * it as a literal so electronegativity's CSP check can read and grade it; a test keeps them equal.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The response's headers minus any CSP it carried (whatever the case of the name). */
function withoutCsp(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
}

/** Adds CONTENT_SECURITY_POLICY (and nosniff) to a response, replacing any CSP it carried. */
export function securityHeadersListener(
  details: Pick<OnHeadersReceivedListenerDetails, 'responseHeaders'>,
  callback: (response: HeadersReceivedResponse) => void,
): void {
  callback({
    responseHeaders: {
      ...withoutCsp(details.responseHeaders),
      'Content-Security-Policy': ["default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"],
      'X-Content-Type-Options': ['nosniff'],
    },
  });
}

/** Installs the CSP header on a session. */
export function setupContentSecurity(session: Pick<Session, 'webRequest'>): void {
  session.webRequest.onHeadersReceived(securityHeadersListener);
}
