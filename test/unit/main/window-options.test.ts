import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../electron/main/window-options';

describe('window options', () => {
  const options = mainWindowOptions({ preload: '/app/out/preload/index.cjs', devTools: false });
  const prefs = options.webPreferences!;

  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and every escape hatch off', () => {
    expect(prefs.webSecurity).toBe(true);
    expect(prefs.allowRunningInsecureContent).toBe(false);
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs.webviewTag).toBe(false);
    expect(prefs.navigateOnDragDrop).toBe(false);
    expect(prefs.enableBlinkFeatures).toBe('');
    expect(prefs.disableBlinkFeatures).toBe('Auxclick');
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
