/** Twilio requests through Chromium's network stack, so the user's system proxy settings apply. */
import type { Net } from 'electron';

/**
 * A `fetch` for the core's Twilio client built on Electron's `net.fetch` (system proxy, PAC,
 * OS certificate store). `net.fetch` takes a string or a Request, not a URL object.
 */
export function electronFetch(net: Pick<Net, 'fetch'>): typeof fetch {
  return (input, init) => net.fetch(input instanceof URL ? input.href : input, init);
}
