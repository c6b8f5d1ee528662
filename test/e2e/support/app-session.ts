/**
 * One Chromium per test file on the real renderer build; each scenario gets a fresh real core
 * and a fresh browser context bridged to it. Also records every request the page makes.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { rm } from 'node:fs/promises';
import { buildRenderer } from './renderer-build';
import { serveStatic, type StaticServer } from './static-server';
import { startRealCore, type RealCore } from './real-core';
import { bridgeToCore, cspViolations } from './smsit-bridge';

/** The browser and the built renderer, shared by the scenarios of one file. */
export interface AppHarness {
  browser: Browser;
  server: StaticServer;
  /** A fresh core, a fresh context bridged to it and the window opened on it. */
  /** `env`: laid over this process's environment for the core (a temp HOME, TWILIO_* for the import). */
  open(options?: { colorScheme?: 'light' | 'dark'; env?: NodeJS.ProcessEnv; before?: (core: RealCore) => Promise<void> }): Promise<AppWindow>;
  close(): Promise<void>;
}

/** One open window on one core. */
export interface AppWindow {
  page: Page;
  core: RealCore;
  context: BrowserContext;
  /** URLs the page requested outside its own origin (must stay empty: no network from the renderer). */
  foreignRequests: string[];
  /** Uncaught errors and console errors of the page (must stay empty). */
  pageErrors: string[];
  cspViolations(): Promise<string[]>;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Builds the renderer, serves it and launches Chromium. */
export async function startHarness(): Promise<AppHarness> {
  const outDir = await buildRenderer();
  const server = await serveStatic(outDir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const windows = new Set<AppWindow>();
  return {
    browser,
    server,
    async open(options = {}) {
      const core = await startRealCore(options.env);
      await options.before?.(core);
      // One locale and time zone everywhere, so dates render alike on every machine (screenshots).
      const context = await browser.newContext({ viewport: { width: 960, height: 760 }, colorScheme: options.colorScheme ?? 'light', locale: 'en-US', timezoneId: 'UTC' });
      // Fail a scenario on its first stuck step, well inside vitest's own timeout.
      context.setDefaultTimeout(10_000);
      await bridgeToCore(context, core.handlers, core.service);
      const page = await context.newPage();
      const foreignRequests: string[] = [];
      page.on('request', (request) => {
        if (!request.url().startsWith(server.url)) foreignRequests.push(request.url());
      });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') pageErrors.push(message.text());
      });
      await page.goto(server.url);
      const window: AppWindow = {
        page,
        core,
        context,
        foreignRequests,
        pageErrors,
        cspViolations: () => cspViolations(page),
        async close() {
          windows.delete(window);
          await context.close();
          await core.close();
        },
      };
      windows.add(window);
      return window;
    },
    async close() {
      for (const window of [...windows]) await window.close().catch(() => {});
      await browser.close();
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
