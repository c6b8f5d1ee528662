/** Every answer the endpoint sends: JSON, never cached, never CORS, errors as `{"error": {kind, message}}`. */
import type { ServerResponse } from 'node:http';
import { toErrorInfo, type ErrorKind } from '../errors';

/**
 * HTTP status per error kind. The four an engine must tell apart on `/v1/headers` get distinct
 * codes: no active account 409, unknown account 404, paused 503, keychain unavailable 502.
 */
const STATUS_BY_KIND: Partial<Record<ErrorKind, number>> = {
  'bad-input': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  'unknown-account': 404,
  'no-active-account': 409,
  'cannot-validate': 422,
  'rate-limited': 429,
  'keychain-unavailable': 502,
  'endpoint-paused': 503,
  'registry-busy': 503,
};

/** The status an error of `kind` is answered with. */
export function statusForKind(kind: ErrorKind): number {
  return STATUS_BY_KIND[kind] ?? 500;
}

/**
 * Sends `body` as JSON with `status`; a string is taken as JSON already serialized. Every answer
 * carries these headers; `nosniff` stops a browser from ever reading our JSON as script.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, extra?: Record<string, string>): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  // A literal, not `{ ...BASE, ...extra }`: the two spreads were ~5% of a /v1/headers request's CPU (--cpu-prof).
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': Buffer.byteLength(text),
  };
  if (extra) Object.assign(headers, extra);
  res.writeHead(status, headers);
  res.end(text);
}

/**
 * Sends a 200 with a body already encoded (the cached /v1/headers answer), signed when the engine
 * sent a proof (engine-proof.ts): the same headers as sendJson, as a flat array Node copies without walking an object, and no per-request encoding.
 * Together about a tenth of a /v1/headers request's CPU (issue 14.9).
 */
export function sendBytes(res: ServerResponse, bytes: Buffer, signature?: string): void {
  const headers = [
    'Content-Type', 'application/json; charset=utf-8',
    'Cache-Control', 'no-store',
    'X-Content-Type-Options', 'nosniff',
    'Content-Length', String(bytes.length),
  ];
  if (signature !== undefined) headers.push('Smsit-Signature', signature);
  res.writeHead(200, headers);
  res.end(bytes);
}

/** Sends an error with the status of its kind (or `status` when given); the message never holds a secret. */
export function sendError(res: ServerResponse, error: unknown, status?: number, extra?: Record<string, string>): number {
  const info = toErrorInfo(error);
  const code = status ?? statusForKind(info.kind);
  sendJson(res, code, { error: { kind: info.kind, message: info.message } }, extra);
  return code;
}

/** The raw bytes of an error answer for a socket the HTTP parser gave up on (garbage, oversized or slow headers). */
export function rawErrorResponse(status: number, reason: string, message: string): string {
  const body = JSON.stringify({ error: { kind: 'bad-input', message } });
  return (
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\n` +
    `X-Content-Type-Options: nosniff\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
  );
}
