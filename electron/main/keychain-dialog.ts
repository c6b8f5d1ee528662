/** The window shown when the keychain is unavailable at start: what happened and what to do. */
import type { MessageBoxOptions } from 'electron';
import type { ErrorInfo } from '../shared/errors';
import { keychainHelp } from '../shared/keychain-help';

/** What the user chose. */
export type KeychainChoice = 'retry' | 'continue' | 'quit';
const CHOICES: KeychainChoice[] = ['retry', 'continue', 'quit'];

/**
 * The dialog: the core's message (it names the cause) plus the platform's usual fix. The app never
 * falls back to storing secrets in a file, so the choices are to retry, stay in the tray, or quit.
 */
export function keychainDialogOptions(error: ErrorInfo | null, platform: NodeJS.Platform): MessageBoxOptions {
  const cause = error?.message ?? 'The system keychain did not answer.';
  return {
    type: 'error',
    title: 'SMS-iT Twilio Credentials',
    message: 'The keychain is not available',
    detail: [cause, keychainHelp(platform), 'Nothing can be read or saved until the keychain works.']
      .filter(Boolean)
      .join('\n\n'),
    buttons: ['Try again', 'Continue in the tray', 'Quit'],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  };
}

/** The choice behind a button index of the dialog above. */
export function keychainChoice(response: number): KeychainChoice {
  return CHOICES[response] ?? 'continue';
}
