/** Desktop notifications for what a user must not miss while the window is closed. */
import { activeAccountIn } from '../shared/active-account';
import type { AppState } from '../shared/app-types';
import { verificationOutcome, type VerificationOutcome } from '../shared/errors';
import { sidTail } from './tray-look';

/** One desktop notification. */
export interface Note {
  title: string;
  body: string;
}

/** The part of Electron's Notification this file uses (a fake in tests). */
export interface NotificationApi {
  isSupported(): boolean;
  show(note: Note): void;
}

/**
 * The notes a change from `prev` to `next` deserves: the active account changed, or a
 * verification finished and failed. Nothing on the first state (launch is not news) and nothing
 * for a verification that was already known.
 */
export function notesForChange(prev: AppState | null, next: AppState): Note[] {
  if (!prev) return [];
  const notes: Note[] = [];
  const active = activeAccountIn(next.accounts);
  if (active && active.id !== activeAccountIn(prev.accounts)?.id) {
    notes.push({
      title: `Active Twilio account: ${active.name}`,
      body: `The engine now gets the credentials of ${active.name} (${sidTail(active.accountSid)}).`,
    });
  }
  for (const account of next.accounts) {
    const result = account.lastVerification;
    if (!result || result.ok) continue;
    const before = prev.accounts.find((a) => a.id === account.id)?.lastVerification;
    if (before?.at === result.at) continue;
    const error = result.error ?? { kind: 'internal' as const, message: 'The account could not be verified. Open Manage accounts… to try again.' };
    notes.push({ title: NOTE_TITLE[verificationOutcome(error.kind)](account.name), body: error.message });
  }
  return notes;
}

/** The note's title for a failed verification, by what the failure means (Twilio's trouble is not a refusal). */
const NOTE_TITLE: Record<VerificationOutcome, (name: string) => string> = {
  'not-sent': (name) => `Verification failed: ${name}`,
  rejected: (name) => `Verification failed: ${name}`,
  inactive: (name) => `${name} cannot send messages`,
  'twilio-trouble': (name) => `Could not verify ${name}: Twilio had a problem`,
  other: (name) => `Could not verify ${name}`,
};

/** Returns a state listener that shows the notes for each change, remembering the last state. */
export function setupNotifications(api: NotificationApi): (state: AppState) => void {
  let last: AppState | null = null;
  return (state) => {
    const notes = notesForChange(last, state);
    last = state;
    if (!api.isSupported()) return;
    for (const note of notes) api.show(note);
  };
}
