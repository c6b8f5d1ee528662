/** Twilio's names for its API key types, written the same way by the core's messages, the window and the command line. */
import type { KeyType } from './app-types';

/** "Main", "Standard", "Restricted": as the Twilio Console names them. */
export const KEY_TYPE_NAMES: Readonly<Record<KeyType, string>> = {
  main: 'Main',
  standard: 'Standard',
  restricted: 'Restricted',
};
