/** The window's strict CSP holds by construction: the page's meta policy forbids inline code and network, and no component needs an exception. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const html = readFileSync(resolve('renderer/index.html'), 'utf8');
const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.(svelte|ts)$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe('renderer content security', () => {
  it('allows only the page\'s own scripts and styles, and no network at all', () => {
    const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    expect(directives).toMatchObject({ 'default-src': "'none'", 'script-src': "'self'", 'style-src': "'self'", 'connect-src': "'none'" });
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('has no inline script in the page and no style attribute, {@html} or eval in any component', () => {
    expect(html.match(/<script(?![^>]*\ssrc=)/g)).toBeNull();
    for (const file of sourceFiles(resolve('renderer/src'))) {
      // Only markup and script count: <style> blocks are bundled into a CSS file.
      const source = readFileSync(file, 'utf8').replace(/<style>[\s\S]*?<\/style>/g, '');
      expect(source, file).not.toMatch(/\sstyle=|\sstyle:[a-z-]+|\{@html|\beval\(|new Function\(/);
    }
  });
});
