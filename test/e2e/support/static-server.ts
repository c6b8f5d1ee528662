/**
 * Serves the built renderer on 127.0.0.1 with the app's own CSP header (file:// cannot load the
 * module scripts in plain Chromium). Every request is recorded, so a test can prove the page asked
 * for nothing but its own files.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { securityHeadersListener } from '../../../electron/main/content-security';

/** The headers the Electron shell adds to every response of the window (its CSP among them). */
function shellSecurityHeaders(): Record<string, string> {
  let headers: Record<string, string | string[]> = {};
  securityHeadersListener({ responseHeaders: {} }, (response) => {
    headers = (response.responseHeaders ?? {}) as Record<string, string | string[]>;
  });
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
};

/** A running static server. */
export interface StaticServer {
  url: string;
  seen: string[];
  close(): Promise<void>;
}

/** Serves `root` (index.html at /). */
export async function serveStatic(root: string): Promise<StaticServer> {
  const seen: string[] = [];
  const securityHeaders = shellSecurityHeaders();
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://local').pathname;
    seen.push(path);
    // Chromium asks for a favicon on its own; an Electron window never does.
    if (path === '/favicon.ico') return void res.writeHead(204).end();
    const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...securityHeaders,
        'Cache-Control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end(); // only missing files come here: the headers are built once, above
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    seen,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
