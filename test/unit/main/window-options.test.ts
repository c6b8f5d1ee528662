import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options';

describe('window options', () => {
  const options = mainWindowOptions({ preload: '/app/out/preload/index.cjs', devTools: false });
  const prefs = options.webPreferences!;

  // Each preference a compromised page could use to reach Node or weaken the web's rules, as it must be.
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['enableBlinkFeatures', ''],
    ['disableBlinkFeatures', 'Auxclick'],
  ] as const)('isolates the page and keeps every escape hatch shut: %s is %j', (preference, value) => {
    expect(prefs[preference]).toBe(value);
  });

  it('loads only our preload (the sandboxed CommonJS build) and no devtools when packaged', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.cjs');
    expect(prefs.devTools).toBe(false);
    expect(mainWindowOptions({ preload: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('opens hidden until the page is ready (no white flash) with the product name as title', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('SMS-iT Twilio Credentials');
  });
});
