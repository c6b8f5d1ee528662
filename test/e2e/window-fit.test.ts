/**
 * The window as a person sees it, on the real renderer build bridged to the real core: every
 * onboarding step of both paths fits the default window (heading, instructions, fields and the
 * button that moves on, without scrolling), and at the smallest window nothing overlaps or is
 * cut off. The header stays put while the page scrolls.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type AppHarness } from './support/app-session';
import { walkOnboarding } from './support/onboarding-walk';
import { DEFAULT_PAGE, MINIMUM_PAGE, essentialsOffScreen, headerStaysPut, overlapsAndCutOffs } from './support/window-layout';
import { illustrationsLoaded } from './support/screenshots';

let harness: AppHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.close();
});

describe('window fit', () => {
  for (const path of ['apiKey', 'authToken'] as const) {
    it(`shows each ${path} step's heading, instructions, fields and button without scrolling at 980×730, and nothing overlaps at 720×560`, async () => {
      const app = await harness.open();
      const { page, core } = app;
      const problems: string[] = [];
      await walkOnboarding(page, core, path, async (step) => {
        await illustrationsLoaded(page);
        await page.setViewportSize(DEFAULT_PAGE);
        problems.push(...(await essentialsOffScreen(page)).map((p) => `${step} at 980×730: ${p} is below the fold or under the header`));
        problems.push(...(await overlapsAndCutOffs(page)).map((p) => `${step} at 980×730: ${p}`));
        await page.setViewportSize(MINIMUM_PAGE);
        problems.push(...(await overlapsAndCutOffs(page)).map((p) => `${step} at 720×560: ${p}`));
        if (!(await headerStaysPut(page))) problems.push(`${step} at 720×560: the header scrolls away`);
        await page.setViewportSize(DEFAULT_PAGE);
      });
      expect(problems).toEqual([]);
      await app.close();
    });
  }

  it('shows a step\'s drawing full size on click, and closes it with Escape back on the drawing', async () => {
    const app = await harness.open();
    const { page } = app;
    await page.getByRole('button', { name: 'Continue' }).click();
    await illustrationsLoaded(page);
    const small = await page.locator('img[data-illustration]').boundingBox();
    await page.getByRole('button', { name: 'Enlarge the drawing' }).click();
    const dialog = page.getByRole('dialog', { name: 'The drawing, full size' });
    await dialog.waitFor();
    const large = await dialog.locator('img').boundingBox();
    expect(large!.width).toBeGreaterThan(small!.width * 1.8);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.className ?? '')).toContain('enlarge');
    await app.close();
  });
});
