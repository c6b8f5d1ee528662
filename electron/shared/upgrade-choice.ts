/** The one default for "keep the Auth Token" when an account moves to an API key, and why: the window and the CLI say the same. */

/** Keep it unless the user says otherwise: without it, webhook signature checks and key deletion or rotation stop working. */
export const KEEP_AUTH_TOKEN_BY_DEFAULT = true;

/** The reason, shown where the choice is made (the window's checkbox, the CLI's help and output). */
export const KEEP_AUTH_TOKEN_REASON =
  'The Auth Token stays only in your keychain and is never handed to the engine. Keeping it lets the engine check ' +
  'Twilio webhook signatures through this app (an API key cannot) and lets this app delete or replace the new key later.';
