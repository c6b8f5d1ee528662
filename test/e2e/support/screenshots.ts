/** Writes a screenshot of the window in light and in dark mode to docs/screenshots/ (for the README and reviews). */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve('docs/screenshots');

/** Waits until every Console illustration on the page has loaded, so no placeholder is captured. */
export async function illustrationsLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('figure.illustration')].every((figure) => {
      const img = figure.querySelector('img');
      return img !== null && img.complete && img.naturalWidth > 0;
    }),
  );
}

/** `<name>-light.png` and `<name>-dark.png`; the page is left in light mode. Returns the two paths. */
export async function screenshotBothSchemes(page: Page, name: string): Promise<string[]> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await illustrationsLoaded(page);
  const paths: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const path = resolve(SCREENSHOT_DIR, `${name}-${scheme}.png`);
    await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
    paths.push(path);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return paths;
}
