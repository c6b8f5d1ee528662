/**
 * How old an account's key or token is, for `accounts list`, the account card and the tray's
 * warning. Known when the app made the secret (rotation, upgrade); otherwise counted from the day
 * the account was saved, and said so ("saved …"), since Twilio's own date may be earlier.
 */
import type { AccountSummary } from './app-types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since the secret was made (or, when that is unknown, since it was saved here). */
export function secretAgeDays(account: Pick<AccountSummary, 'secretCreatedAt' | 'createdAt'>, now: Date): { days: number; known: boolean } {
  const since = account.secretCreatedAt ?? account.createdAt;
  return { days: Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / DAY_MS)), known: Boolean(account.secretCreatedAt) };
}

/** "today", "12 days", or "saved 12 days ago" when the secret's own date is not known. */
export function secretAgeLabel(account: Pick<AccountSummary, 'secretCreatedAt' | 'createdAt'>, now: Date): string {
  const { days, known } = secretAgeDays(account, now);
  const span = days === 0 ? 'today' : days === 1 ? '1 day' : `${days} days`;
  if (known) return span;
  return days === 0 ? 'saved today' : `saved ${span} ago`;
}
