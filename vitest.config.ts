import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Compiles the renderer's rune classes (*.svelte.ts) that test/unit/renderer tests with a fake api.
  plugins: [svelte({ configFile: false })],
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
    // The keychain, the fake Twilio and Chromium are real processes: give them time on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Tests run the built command (bin/smsit-twilio.mjs → out/cli): build it from the current sources first.
    globalSetup: ['test/setup/build-cli.ts'],
  },
});
