import { describe, expect, it } from 'vitest';
import { computerName, keyFriendlyName, MAX_KEY_NAME_LENGTH } from '../../../../electron/core/twilio/key-friendly-name';

describe('the names of keys the app creates', () => {
  it('say which account on which computer, so keys made by upgrades can be told apart in the Console', () => {
    expect(keyFriendlyName('Production', 'studio-mac')).toBe('SMS-iT Workflow integration (Production @ studio-mac)');
    const names = new Set([keyFriendlyName('Production', 'studio-mac'), keyFriendlyName('Staging', 'studio-mac'), keyFriendlyName('Production', 'build-server')]);
    expect(names.size).toBe(3);
  });

  it('stay within Twilio\u2019s 64 characters, shortening long names with "…" but keeping both parts', () => {
    const name = keyFriendlyName('Client account for the northern region warehouse', 'very-long-workstation-name-0042');
    expect(name.length).toBeLessThanOrEqual(MAX_KEY_NAME_LENGTH);
    expect(name).toMatch(/^SMS-iT Workflow integration \(Client account for… @ very-long-w…\)$/);
  });

  it('never cut a character in half (emoji, accents) and leave out invisible characters', () => {
    const name = keyFriendlyName('🚀'.repeat(40), 'mac');
    expect(name.length).toBeLessThanOrEqual(MAX_KEY_NAME_LENGTH);
    expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(keyFriendlyName('Ma\u200Bin', 'mac')).toBe('SMS-iT Workflow integration (Main @ mac)');
  });

  it('use the short host name of the computer', () => {
    expect(computerName('studio-mac.local')).toBe('studio-mac');
  });
});
