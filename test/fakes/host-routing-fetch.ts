/**
 * A `fetch` that sends requests for Twilio's real origins (e.g. https://api.dublin.ie1.twilio.com)
 * to the fake's regional listeners, so tests prove which regional host the client chose
 * without setting SMSIT_TWILIO_API_BASE. Any other origin is refused, like an offline machine.
 */
export function hostRoutingFetch(originMap: Record<string, string>, seen: string[] = []): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push(url.origin);
    const target = originMap[url.origin];
    if (!target) throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
    return fetch(target + url.pathname + url.search, init);
  };
}
