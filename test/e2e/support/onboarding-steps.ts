/** Helpers for the onboarding scenarios: which step is showing, and recording a step (names checked, screenshots). */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshotBothSchemes } from './screenshots';

/** Inputs, selects and buttons without a name a screen reader could say (must be none). */
export function unnamedControls(page: Page): Promise<string[]> {
  return page.locator('input, select, textarea, button').evaluateAll((elements) =>
    elements
      .filter((el) => {
        const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
        return !labelled && !(el.tagName === 'BUTTON' && el.textContent?.trim());
      })
      .map((el) => el.outerHTML.slice(0, 80)),
  );
}

/** Every step is screenshotted in light and dark, and every control on it has a name. */
export async function recordStep(page: Page, name: string): Promise<void> {
  expect(await unnamedControls(page)).toEqual([]);
  await screenshotBothSchemes(page, name);
}

/** Waits until the window shows `step` (its heading carries the step id). */
export async function expectStep(page: Page, step: string): Promise<void> {
  await page.locator(`#step-heading[data-step="${step}"]`).waitFor();
}
