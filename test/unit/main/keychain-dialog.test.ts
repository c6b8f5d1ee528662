import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../../../electron/core/errors';
import { keychainUnavailable } from '../../../electron/core/secrets/keychain-errors';
import { keychainChoice, keychainDialogOptions } from '../../../electron/main/keychain-dialog';

describe('keychain dialog', () => {
  it('explains the cause with the platform’s fix, and offers retry / continue / quit', () => {
    const options = keychainDialogOptions({ kind: 'keychain-unavailable', message: 'No Secret Service on D-Bus.' }, 'linux');
    expect(options.message).toBe('The keychain is not available');
    expect(options.detail).toContain('No Secret Service on D-Bus.');
    // The fix is said once, with one install command (the cause no longer carries a second copy).
    expect(options.detail?.split('apt-get install').length).toBe(2);
    expect(options.detail).toContain('sudo apt-get install gnome-keyring libsecret-1-0');
    const fromCore = keychainDialogOptions(toErrorInfo(keychainUnavailable('read a secret', new Error('dbus'))), 'linux');
    expect(fromCore.detail?.match(/Secret Service|apt/g)).toEqual(['Secret Service', 'apt']);
    expect(options.buttons).toEqual(['Try again', 'Continue in the tray', 'Quit']);
    expect([0, 1, 2, 9].map(keychainChoice)).toEqual(['retry', 'continue', 'quit', 'continue']);
  });
});
