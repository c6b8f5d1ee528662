import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import {
  blockNavigation,
  denyPermissionCheck,
  denyPermissionRequest,
  guardSession,
  guardWebContents,
  externalUrl,
  isAllowedExternalUrl,
  LINKED_HOSTS,
  openCheckedExternal,
  windowOpenHandler,
} from '../../../electron/main/web-guards';
import { LINKS } from '../../../renderer/src/lib/links';

describe('external links allow-list', () => {
  it.each([
    'https://www.twilio.com/docs/iam/api-keys',
    'https://console.twilio.com/us1/account/keys-credentials/api-keys',
    'https://help.twilio.com/articles/223136027-Auth-Tokens-and-How-to-Change-Them',
    'mailto:support@sms-it.ai',
    'mailto:support@sms-it.ai?subject=Restricted%20key',
  ])('opens %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://www.twilio.com/docs',
    'https://twilio.com.evil.example/',
    'https://eviltwilio.com/',
    'https://evil.example/?to=https://www.twilio.com',
    'https://user:pass@www.twilio.com/',
    'https://www.twilio.com:8443/',
    'file:///etc/passwd',
    'smb://share/x',
    'javascript:alert(1)',
    'mailto:someone@else.example',
    'not a url',
    // issue 14.6: more than a subject, parser-rewritten forms, hosts the app never links to
    'mailto:support@sms-it.ai?cc=evil@example.com&body=smsit_token',
    'mailto:support@sms-it.ai?subject=x&body=smsit_token',
    'mailto:support@sms-it.ai?bcc=evil@example.com',
    'mailto:support@sms-it.ai?subject=a&subject=b',
    'https://www.twilio.com/docs\t',
    'https://www.twilio.com/\ndocs',
    'https:/\\www.twilio.com/docs',
    'https:\\\\www.twilio.com/docs',
    ' https://www.twilio.com/docs',
    'https://twilio.com/',
    'https://evil-redirect.twilio.com/',
    'https://media.twilio.com/x',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));

  it('allows exactly the hosts renderer/src/lib/links.ts links to', () => {
    const hosts = Object.values(LINKS)
      .filter((link) => link.startsWith('https:'))
      .map((link) => new URL(link).hostname);
    expect([...LINKED_HOSTS].sort()).toEqual([...new Set(hosts)].sort());
    for (const link of Object.values(LINKS)) expect([link, isAllowedExternalUrl(link)]).toEqual([link, true]);
  });

  it('hands the OS the normalized URL, not the raw string', async () => {
    const open = vi.fn(async (_url: string) => {});
    await openCheckedExternal(open, 'HTTPS://WWW.TWILIO.COM/docs/../docs/iam');
    await openCheckedExternal(open, 'mailto:SUPPORT@sms-it.ai?subject=Restricted%20key');
    await openCheckedExternal(open, 'mailto:support@sms-it.ai?subject=x&body=smsit_token');
    expect(open.mock.calls.map(([url]) => url)).toEqual(['https://www.twilio.com/docs/iam', 'mailto:support@sms-it.ai?subject=Restricted%20key']);
    expect(externalUrl('https://www.twilio.com/docs')).toBe('https://www.twilio.com/docs');
  });
});

describe('navigation and window guards', () => {
  it('blocks every navigation', () => {
    const event = { preventDefault: vi.fn() };
    blockNavigation(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('denies every new window, handing allow-listed links to the browser only', () => {
    const open = vi.fn();
    const handler = windowOpenHandler(open);
    expect(handler({ url: 'https://www.twilio.com/docs' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('https://www.twilio.com/docs');
  });

  it('wires the guards onto a web contents: navigate, frame navigate, redirect, webview, window.open', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }) => void>();
    let openHandler: ((d: { url: string }) => unknown) | null = null;
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }) => void) => listeners.set(name, fn),
      setWindowOpenHandler: (fn: (d: { url: string }) => unknown) => (openHandler = fn),
    };
    guardWebContents(contents as unknown as WebContents, vi.fn());
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    for (const listener of listeners.values()) {
      const event = { preventDefault: vi.fn() };
      listener(event);
      expect(event.preventDefault).toHaveBeenCalled();
    }
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });
});

describe('permissions', () => {
  it('refuses every permission request and check', () => {
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      denyPermissionRequest({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(denyPermissionCheck()).toBe(false);
  });

  it('installs the deny-all handlers on the session', () => {
    const session = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), setDevicePermissionHandler: vi.fn() };
    guardSession(session as unknown as Session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
    expect(session.setDevicePermissionHandler).toHaveBeenCalledWith(denyPermissionCheck);
  });
});
