/**
 * What the window's web contents may do beyond showing our bundled page: nothing. Navigation is
 * blocked, new windows are denied (allow-listed links go to the user's browser instead), every
 * permission is refused. Plain functions, so tests call them without Electron.
 */
import type { Session, WebContents } from 'electron';

/**
 * Hosts whose https pages the window may open in the user's browser: exactly the ones
 * renderer/src/lib/links.ts links to (a test keeps the two in step), not every *.twilio.com.
 */
export const LINKED_HOSTS: ReadonlySet<string> = new Set(['www.twilio.com', 'help.twilio.com', 'console.twilio.com']);
const SUPPORT_MAILBOX = 'support@sms-it.ai';
/** Whitespace, controls and backslashes: the URL parser drops or rewrites them, so what is opened would differ from what was written. */
const REWRITTEN_BY_PARSER = /[\u0000-\u0020\u007f-\u009f\\]/;

/**
 * The URL to hand to the OS for `raw`, normalized (the parsed `href`, never the raw string), or
 * null when it is not allowed: https on a linked Twilio host (no credentials, default port), or
 * mail to our support address with at most a subject — never cc, bcc or a pre-filled body that
 * a compromised page could fill with a token.
 */
export function externalUrl(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 2048 || REWRITTEN_BY_PARSER.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') {
    if (url.pathname.toLowerCase() !== SUPPORT_MAILBOX || url.hash) return null;
    const names = [...url.searchParams.keys()];
    if (names.some((name) => name !== 'subject') || names.length > 1) return null;
    const subject = url.searchParams.get('subject');
    return `mailto:${SUPPORT_MAILBOX}${subject ? `?subject=${encodeURIComponent(subject)}` : ''}`;
  }
  if (url.protocol !== 'https:' || url.port !== '' || url.username || url.password || !LINKED_HOSTS.has(url.hostname)) return null;
  return url.href;
}

/** True when `externalUrl` would open something for `raw`. */
export function isAllowedExternalUrl(raw: string): boolean {
  return externalUrl(raw) !== null;
}

/** Opens the normalized form of `raw` with `open` (shell.openExternal) when allowed; does nothing otherwise. */
export function openCheckedExternal(open: (url: string) => Promise<void>, raw: string): Promise<void> {
  const url = externalUrl(raw);
  return url === null ? Promise.resolve() : open(url);
}

/** Cancels a navigation, whatever its target: the page never leaves the bundled renderer. */
export function blockNavigation(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** The window-open handler: never a new Electron window; an allow-listed link opens in the browser. */
export function windowOpenHandler(openInBrowser: (url: string) => void) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    const checked = externalUrl(url);
    if (checked !== null) openInBrowser(checked);
    return { action: 'deny' };
  };
}

/** Permission requests (camera, notifications, clipboard-read, …): always refused; the page needs none. */
export function denyPermissionRequest(_contents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

/** Permission checks: always false. */
export function denyPermissionCheck(): boolean {
  return false;
}

/** Applies the guards to one web contents (every one the app creates, via `web-contents-created`). */
export function guardWebContents(contents: WebContents, openInBrowser: (url: string) => void): void {
  contents.on('will-navigate', blockNavigation);
  contents.on('will-frame-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  // No <webview>: webviewTag is off, and an attach attempt is cancelled as well.
  contents.on('will-attach-webview', blockNavigation);
  contents.setWindowOpenHandler(windowOpenHandler(openInBrowser));
}

/** Applies the deny-all permission handlers to a session. */
export function guardSession(session: Session): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.setDevicePermissionHandler(denyPermissionCheck);
}
