/**
 * What to do when the system keychain cannot be reached, per platform: said once, here, and shown
 * by each shell beside the core's message (which says only what happened).
 */

/** The one install command for a Secret Service on Debian and Ubuntu. */
export const LINUX_KEYRING_INSTALL = 'sudo apt-get install gnome-keyring libsecret-1-0';

/** The platform's usual fix for an unavailable keychain. */
export function keychainHelp(platform: string): string {
  if (platform === 'darwin') return 'Open Keychain Access and make sure the login keychain is unlocked, then try again.';
  if (platform === 'win32') return 'Make sure Windows Credential Manager is available for your user account (sign in to Windows with your own account), then try again.';
  return (
    'This app needs a Secret Service (GNOME Keyring or KWallet) running and unlocked on a D-Bus session. ' +
    `Install one (Debian/Ubuntu: ${LINUX_KEYRING_INSTALL}), log in to a desktop session or start one with dbus-run-session, ` +
    'and unlock your keyring, then try again. Secrets are never written to a plain file instead.'
  );
}
