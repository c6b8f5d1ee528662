/**
 * What the window's web contents may do beyond showing our bundled page: nothing. Navigation is
 * blocked, new windows are denied (allow-listed links go to the user's browser instead), every
 * permission is refused. Plain functions, so tests call them without Electron.
 */
import type { Session, WebContents } from 'electron';

/** Hosts whose https pages the window may open in the user's browser: Twilio's docs, help and console. */
const TWILIO_HOST = /^(?:[a-z0-9-]+\.)*twilio\.com$/;
const SUPPORT_MAILBOX = 'support@sms-it.ai';

/** True for https Twilio URLs (no credentials, default port) and mail to our support address. */
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'mailto:') return url.pathname.toLowerCase() === SUPPORT_MAILBOX;
  return url.protocol === 'https:' && url.port === '' && !url.username && !url.password && TWILIO_HOST.test(url.hostname);
}

/** Cancels a navigation, whatever its target: the page never leaves the bundled renderer. */
export function blockNavigation(event: { preventDefault(): void }): void {
  event.preventDefault();
}

/** The window-open handler: never a new Electron window; an allow-listed link opens in the browser. */
export function windowOpenHandler(openInBrowser: (url: string) => void) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    if (isAllowedExternalUrl(url)) openInBrowser(url);
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
