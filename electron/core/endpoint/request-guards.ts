/**
 * Checks that keep browsers and DNS-rebinding pages out. Loopback is reachable from every web page
 * the user opens; a page can't read our answers across origins, but a rebinding page (evil.com
 * resolving to 127.0.0.1) would be same-origin — hence the strict Host list — and a page can send
 * requests blind — hence any request carrying browser-only headers is refused before anything runs.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../errors';

/** The Host values this endpoint answers to on `port`. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** Throws `forbidden` unless the request's Host is one of `allowed` (case-insensitive). */
export function checkHost(headers: IncomingHttpHeaders, allowed: Set<string>): void {
  const host = headers.host?.toLowerCase();
  if (!host || !allowed.has(host)) {
    throw new AppError(
      'forbidden',
      'This endpoint answers only requests addressed to 127.0.0.1, localhost or [::1] with its port in the Host header. ' +
        'Call it as http://127.0.0.1:PORT/… from the engine.',
    );
  }
}

/**
 * Throws `forbidden` for requests a browser made: any `Origin` (CORS requests, preflights, form
 * posts) or a `Sec-Fetch-Site` other than `none` (no-cors fetches, images, scripts). Engines and
 * curl send neither.
 */
export function checkNotFromBrowser(headers: IncomingHttpHeaders): void {
  const fetchSite = headers['sec-fetch-site'];
  if (headers.origin !== undefined || (fetchSite !== undefined && fetchSite !== 'none')) {
    throw new AppError(
      'forbidden',
      'Requests from web pages are refused: this endpoint is for the local workflow engine only. Call it from server-side code, not from a browser.',
    );
  }
}

/** The bearer token of an `Authorization: Bearer …` header, or null. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const value = headers.authorization;
  if (!value) return null;
  const match = /^Bearer[ ]+(\S{1,512})\s*$/i.exec(value);
  return match?.[1] ?? null;
}
