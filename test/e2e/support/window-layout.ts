/**
 * What a person sees of the window at a given size: which of a step's essentials (heading,
 * instructions, fields, the button that moves on) lie outside the first screen, and which boxes
 * overlap or are cut off. Runs in the page, on bounding boxes.
 */
import type { Page } from 'playwright-core';

/** The smallest window the app allows (electron/main/window-options.ts) and its default page area. */
export const DEFAULT_PAGE = { width: 980, height: 730 };
export const MINIMUM_PAGE = { width: 720, height: 560 };

/** Essentials of the onboarding step on screen that are not fully visible at scroll 0 below the header. */
export function essentialsOffScreen(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    const section = document.querySelector('section.onboarding');
    if (!section) return ['no onboarding section'];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const essentials = [
      document.querySelector('#step-heading'),
      section.querySelector('.instructions'),
      ...section.querySelectorAll('input:not([type="hidden"]), select, textarea'),
      ...section.querySelectorAll('button.primary'),
    ].filter((el): el is Element => el !== null && visible(el) && !el.closest('.related, details:not([open])'));
    const headerBottom = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
    return essentials
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.top < headerBottom - 0.5 || r.bottom > window.innerHeight + 0.5 || r.left < 0 || r.right > window.innerWidth + 0.5;
      })
      .map((el) => {
        const r = el.getBoundingClientRect();
        return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 40) || (el as HTMLInputElement).name}" at ${Math.round(r.top)}–${Math.round(r.bottom)} (page ${window.innerHeight} high)`;
      });
  });
}

/** Boxes that overlap one another (other than one inside the other) or stick out of the page sideways. */
export function overlapsAndCutOffs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = 'h1, h2, h3, p, li, label, input, select, button, img, figure, legend, dt, dd, output, pre, table, summary, .notice';
    const boxes = [...document.querySelectorAll(selector)]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        return r.width > 1 && r.height > 1 && style.visibility !== 'hidden' && !el.closest('.visually-hidden, .skip-link, dialog, details:not([open]) > :not(summary)');
      })
      .map((el) => ({ el, r: el.getBoundingClientRect() }));
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 0.5) problems.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${width})`);
    for (const { el, r } of boxes) {
      if (r.left < -0.5 || r.right > width + 0.5) problems.push(`${name(el)} is cut off at the side (${Math.round(r.left)}–${Math.round(r.right)})`);
    }
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 1 && y > 1) problems.push(`${name(a.el)} overlaps ${name(b.el)}`);
      }
    }
    return problems;
  });
}

/** Whether the header is still at the top of the page once the page is scrolled to its end. */
export function headerStaysPut(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    window.scrollTo(0, document.documentElement.scrollHeight);
    const top = document.querySelector('.app-header')?.getBoundingClientRect().top;
    window.scrollTo(0, 0);
    return top !== undefined && Math.abs(top) < 0.5;
  });
}
