/**
 * Screenshots of the window in light and in dark mode, for the README and reviews. They are
 * written to docs/screenshots only when asked (UPDATE_SCREENSHOTS=1, as `npm run screenshots`
 * does), else to test-results/screenshots (ignored by git), so `npm test` leaves the tree clean.
 * Each shot is deterministic: the values a run makes up (SIDs Twilio hands out, engine tokens,
 * the endpoint's free port, times of day, a temp home folder) are shown as fixed examples while the shot is taken,
 * and put back after; the caret, focus rings and
 * passing confirmations are hidden and animations are off.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Where the committed screenshots live. */
export const SCREENSHOT_DIR = resolve('docs/screenshots');

/** Where this run writes its screenshots: docs/screenshots when UPDATE_SCREENSHOTS=1, else test-results/screenshots. */
export function screenshotDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.UPDATE_SCREENSHOTS === '1' ? SCREENSHOT_DIR : resolve('test-results/screenshots');
}

/** The endpoint's port as the screenshots show it (the app's default). */
export const SHOWN_PORT = 47123;

/** Waits until every Console illustration on the page has loaded, so no placeholder is captured. */
export async function illustrationsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('figure.illustration')].every((figure) => {
      const img = figure.querySelector('img');
      return img !== null && img.complete && img.naturalWidth > 0;
    }),
  );
}

/**
 * Replaces, in the page's text and field values, what differs from run to run by fixed examples:
 * each distinct SID by the next of a fixed list (in order of appearance), engine tokens, the
 * loopback port, and en-US times of day; hides the focus ring and passing confirmations.
 * `restoreRunValues` puts everything back.
 */
async function showFixedValues(page: Page): Promise<void> {
  await page.evaluate((port) => {
    const pool = '3f9a0c2b7d4e1f60a8b5c9d2e7f4a1b38e2d4c6b1a3f5e7d9c0b2a4f6e8d1c3b5a7c9e1f3b5d7a9c';
    const sids = new Map<string, string>();
    const counts: Record<string, number> = { AC: 0, SK: 0 };
    const sidFor = (sid: string) => {
      const prefix = sid.slice(0, 2).toUpperCase();
      if (!sids.has(sid)) {
        const n = counts[prefix]!;
        counts[prefix] = n + 1;
        const start = (n * 7 + (prefix === 'SK' ? 32 : 0)) % (pool.length - 32);
        sids.set(sid, prefix + pool.slice(start, start + 32));
      }
      return sids.get(sid)!;
    };
    const fix = (text: string) =>
      text
        .replace(/\b(AC|SK)[0-9a-f]{32}\b/g, sidFor)
        .replace(/\bsmsit_[A-Za-z0-9_-]{20,}/g, (token) => `smsit_${'Ex4mpleEngineT0ken'.repeat(4)}`.slice(0, token.length))
        // A scenario's temp home folder (tempDir('smsit-home-')), shown as a person's home.
        .replace(/[^\s"“”()]*\/smsit-home-[A-Za-z0-9]{6}/g, '/home/ana')
        .replace(/\b(127\.0\.0\.1|localhost|\[::1\]):\d{2,5}\b/g, (_, host: string) => `${host}:${port}`)
        .replace(/\b\d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d{2}:\d{2}\s?(AM|PM)/g, '3/2/2026, 10:24:00 AM')
        .replace(/\b\d{1,2}:\d{2}:\d{2}\s?(AM|PM)/g, '10:24:00 AM');
    const changed: [Node | HTMLInputElement | HTMLTextAreaElement, string, 'text' | 'value'][] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const fixed = fix(node.nodeValue ?? '');
      if (fixed !== node.nodeValue) {
        changed.push([node, node.nodeValue ?? '', 'text']);
        node.nodeValue = fixed;
      }
    }
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      const fixed = fix(field.value);
      if (fixed !== field.value) {
        changed.push([field, field.value, 'value']);
        field.value = fixed;
      }
    }
    // No focus ring (its look depends on how focus arrived) and no "Copied" confirmation (it goes
    // after 2.5 s, so a slow run would miss it). Set through the CSSOM: the page's CSP refuses a <style>.
    const styled: [HTMLElement, string, string, string][] = [];
    const hide = (element: HTMLElement, property: string, value: string) => {
      styled.push([element, property, element.style.getPropertyValue(property), element.style.getPropertyPriority(property)]);
      element.style.setProperty(property, value, 'important');
    };
    if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
      hide(document.activeElement, 'outline', 'none');
      hide(document.activeElement, 'box-shadow', 'none');
    }
    for (const status of document.querySelectorAll<HTMLElement>('.copy-status')) hide(status, 'visibility', 'hidden');
    (window as unknown as { __runValues: typeof changed; __runStyles: typeof styled }).__runValues = changed;
    (window as unknown as { __runStyles: typeof styled }).__runStyles = styled;
  }, SHOWN_PORT);
}

async function restoreRunValues(page: Page): Promise<void> {
  await page.evaluate(() => {
    const changed = (window as unknown as { __runValues?: [Node, string, 'text' | 'value'][] }).__runValues ?? [];
    for (const [node, original, kind] of changed) {
      if (kind === 'text') node.nodeValue = original;
      else (node as HTMLInputElement).value = original;
    }
    const styled = (window as unknown as { __runStyles?: [HTMLElement, string, string, string][] }).__runStyles ?? [];
    for (const [element, property, value, priority] of styled.reverse()) {
      if (value) element.style.setProperty(property, value, priority);
      else element.style.removeProperty(property);
    }
    delete (window as unknown as { __runValues?: unknown }).__runValues;
    delete (window as unknown as { __runStyles?: unknown }).__runStyles;
  });
}

/**
 * Waits until the page has painted in the new scheme with every image decoded: a drawing caught
 * mid-decode is scaled with a coarser filter and differs by a few pixels from run to run.
 */
async function settled(page: Page): Promise<void> {
  await illustrationsLoaded(page);
  await page.evaluate(async () => {
    await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** `<name>-light.png` and `<name>-dark.png` in `screenshotDir()`; the page is left in light mode. Returns the two paths. */
export async function screenshotBothSchemes(page: Page, name: string): Promise<string[]> {
  const dir = screenshotDir();
  await mkdir(dir, { recursive: true });
  await illustrationsLoaded(page);
  const paths: string[] = [];
  await showFixedValues(page);
  try {
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await settled(page);
      const path = resolve(dir, `${name}-${scheme}.png`);
      await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
      paths.push(path);
    }
  } finally {
    await restoreRunValues(page);
    await page.emulateMedia({ colorScheme: 'light' });
  }
  return paths;
}

/**
 * Takes the screenshots and checks the page reported no error meanwhile. Playwright applies its
 * screenshot style inline, which the window's CSP (style-src 'self') refuses and reports as a
 * console error: those reports, and only those, are the screenshot's, not the window's.
 * `fromTop`: scrolled to the top first (a sticky header is otherwise drawn where the page was scrolled to).
 */
export async function screenshotWithoutPageErrors(app: { page: Page; pageErrors: string[] }, name: string, options: { fromTop?: boolean } = {}): Promise<void> {
  const before = app.pageErrors.length;
  if (options.fromTop) await app.page.evaluate(() => window.scrollTo(0, 0));
  await screenshotBothSchemes(app.page, name);
  const added = app.pageErrors.splice(before);
  expect(added.filter((error) => !error.startsWith('Applying inline style violates'))).toEqual([]);
}
