/**
 * `window.smsit` for a Playwright page, bridged to the real core: an init script builds one
 * method per channel of the contract (as the preload does), each call crosses to Node through
 * one binding and is answered by main's own `answer()` (trust check, zod schema, typed result),
 * and every state push of the core is delivered to the page's listeners.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { answer, type TrustedWindow } from '../../../electron/main/ipc';
import { CHANNELS, type Channel, type ChannelHandlers } from '../../../electron/shared/ipc-contract';
import type { AppService } from '../../../electron/core/app-service';

/** Runs in the page before any of its scripts: the same shape as electron/preload/smsit-api.ts builds. */
function installBridge(channels: readonly string[]): void {
  const w = window as unknown as Record<string, unknown> & {
    __smsitInvoke(channel: string, input: unknown): Promise<unknown>;
  };
  const listeners = new Set<(state: unknown) => void>();
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    violations.push(`${event.violatedDirective} ${event.blockedURI}`);
  });
  Object.defineProperty(w, '__cspViolations', { value: violations });
  Object.defineProperty(w, '__smsitPush', {
    value: (state: unknown) => listeners.forEach((listener) => listener(state)),
  });
  const api: Record<string, unknown> = {};
  for (const channel of channels) api[channel] = (input?: unknown) => w.__smsitInvoke(channel, input);
  api.onStateChanged = (listener: (state: unknown) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  Object.defineProperty(w, 'smsit', { value: Object.freeze(api) });
}

/** Installs the bridge on every page of `context`; pushes the core's state changes to `page`. */
export async function bridgeToCore(context: BrowserContext, handlers: ChannelHandlers, service: AppService): Promise<void> {
  await context.exposeBinding('__smsitInvoke', async ({ frame }, channel: Channel, input: unknown) => {
    // Main's own trust check, fed with what Playwright knows about the calling frame.
    const isMainFrame = frame === frame.page().mainFrame();
    const webContents = { mainFrame: { processId: 1, routingId: 1 } };
    const senderFrame = { url: frame.url(), parent: isMainFrame ? null : {}, processId: 1, routingId: isMainFrame ? 1 : 2 };
    const page = new URL(frame.page().url());
    page.hash = '';
    page.search = '';
    const trusted: TrustedWindow = { current: () => ({ webContents }) as never, rendererUrl: page.href };
    const event = { sender: webContents, senderFrame } as never;
    return answer(channel, handlers, event, input, trusted);
  });
  await context.addInitScript(installBridge, CHANNELS);
  service.onStateChanged((state) => {
    for (const page of context.pages()) {
      page.evaluate((next) => (window as unknown as { __smsitPush(s: unknown): void }).__smsitPush(next), state).catch(() => {});
    }
  });
}

/** CSP violations the page reported so far. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __cspViolations: string[] }).__cspViolations ?? [])]);
}
