/** Turns whatever a keychain library throws into one `keychain-unavailable` error a person can act on. */
import { AppError } from '../errors';

/** What to do, per platform, when the keychain cannot be reached. */
export function keychainHelp(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') {
    return 'Open Keychain Access and make sure the login keychain is unlocked, then try again.';
  }
  if (platform === 'win32') {
    return 'Make sure Windows Credential Manager is available for your user account, then try again.';
  }
  return (
    'On Linux this app needs a Secret Service (GNOME Keyring or KWallet) on a D-Bus session. ' +
    'Install one (Debian/Ubuntu: sudo apt-get install gnome-keyring libsecret-1-0), log in to a desktop session ' +
    'or start one with dbus-run-session, and unlock your keyring, then try again. ' +
    'Secrets are never written to a plain file instead.'
  );
}

/** Wraps a keychain library failure; the library's own text is kept only as the cause. */
export function keychainUnavailable(action: string, cause: unknown, platform: NodeJS.Platform = process.platform): AppError {
  return new AppError(
    'keychain-unavailable',
    `The system keychain could not ${action}. ${keychainHelp(platform)}`,
    {},
    { cause },
  );
}
