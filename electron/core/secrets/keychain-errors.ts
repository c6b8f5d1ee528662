/** Turns whatever a keychain library throws into one `keychain-unavailable` error saying what happened. */
import { AppError } from '../errors';

/**
 * Wraps a keychain library failure; the library's own text is kept only as the cause. What to do
 * is each shell's to say (shared/keychain-help.ts), so the message is not repeated beside it.
 */
export function keychainUnavailable(action: string, cause: unknown): AppError {
  return new AppError('keychain-unavailable', `The system keychain could not ${action}: it did not answer or is locked.`, {}, { cause });
}
