/** How the tray icon and its tooltip summarise the app state: one look, one line. */
import { activeAccountIn } from '../shared/active-account';
import type { AccountSummary, AppState } from '../shared/app-types';
import { verificationOutcome } from '../shared/errors';
import { secretAgeDays } from '../shared/secret-age';

export type TrayLook = 'ok' | 'warning' | 'error' | 'paused';

/** "…a1b2": enough of the Account SID to tell accounts apart without showing it whole. */
export function sidTail(accountSid: string): string {
  return `…${accountSid.slice(-4)}`;
}

/** One reason behind the tray's look: how it colours the icon, the tooltip, and the menu's status line (if any). */
export interface TrayStatus {
  look: Exclude<TrayLook, 'ok'>;
  tooltip: string;
  menuLine: string | null;
}

/** What the last verification of the active account means for the tray, if it failed. */
function verificationStatus(active: AccountSummary): TrayStatus | null {
  const check = active.lastVerification;
  if (!check || check.ok) return null;
  const name = `${active.name} (${sidTail(active.accountSid)})`;
  switch (verificationOutcome(check.error?.kind ?? 'internal')) {
    case 'inactive':
      return { look: 'error', tooltip: `${name} is suspended or closed at Twilio`, menuLine: 'The active account is suspended or closed at Twilio — open Manage accounts…' };
    case 'twilio-trouble':
      // Twilio's trouble, not the account's: the credentials may well be fine.
      return { look: 'warning', tooltip: `${name}: Twilio had a problem at the last check`, menuLine: 'Twilio had a problem at the last check — verify again' };
    default:
      return { look: 'error', tooltip: `${name} failed verification`, menuLine: 'Twilio rejected the active account — verify or fix it' };
  }
}

/** A warning when a saved key or token is older than the user's limit (off unless set). */
export function keyAgeStatus(state: AppState, now: Date): TrayStatus | null {
  const limit = state.keyAgeWarningDays;
  if (!limit) return null;
  const old = state.accounts.filter((account) => secretAgeDays(account, now).days >= limit);
  if (old.length === 0) return null;
  const first = old[0]!;
  const what = old.length === 1 ? `The ${first.authType === 'apiKey' ? 'key' : 'Auth Token'} of "${first.name}" is ${secretAgeDays(first, now).days} days old` : `${old.length} accounts have keys or tokens over ${limit} days old`;
  return { look: 'warning', tooltip: `${what} — rotate ${old.length === 1 ? 'it' : 'them'}`, menuLine: `${what} — rotate: smsit-twilio accounts rotate NAME` };
}

/**
 * Every reason the tray is not plain "ok", most important first: this one order drives the
 * tooltip (the first reason) and the menu's status lines; the look is the most severe of them.
 */
export function trayStatuses(state: AppState): TrayStatus[] {
  const statuses: TrayStatus[] = [];
  if (!state.keychain.available) statuses.push({ look: 'error', tooltip: 'keychain unavailable', menuLine: 'Keychain unavailable — open Manage accounts… for help' });
  if (state.registryError) statuses.push({ look: 'error', tooltip: 'accounts file could not be read', menuLine: 'Accounts file could not be read — open Manage accounts…' });
  if (state.endpoint.error) statuses.push({ look: 'error', tooltip: 'engine endpoint stopped', menuLine: 'Engine endpoint stopped — open Engine access…' });
  const aged = keyAgeStatus(state, new Date());
  const active = activeAccountIn(state.accounts);
  if (!active) {
    if (aged) statuses.push(aged);
    statuses.push({ look: 'warning', tooltip: 'no account yet', menuLine: null });
    if (state.endpoint.paused) statuses.push({ look: 'paused', tooltip: 'engine endpoint paused', menuLine: null });
    return statuses;
  }
  const name = `${active.name} (${sidTail(active.accountSid)})`;
  const verification = verificationStatus(active);
  if (verification) statuses.push(verification);
  if (state.endpoint.paused) statuses.push({ look: 'paused', tooltip: `${name}, engine endpoint paused`, menuLine: null });
  if ((active.lastVerification?.warnings.length ?? 0) > 0) statuses.push({ look: 'warning', tooltip: name, menuLine: null });
  if (aged) statuses.push(aged);
  return statuses;
}

const SEVERITY: TrayStatus['look'][] = ['error', 'paused', 'warning'];

/**
 * Error beats paused beats warning: a broken keychain, registry or endpoint, or an active account
 * Twilio rejected or will not let send, stops the engine from working; paused is the user's
 * choice; a warning (no account yet, Twilio trouble at the last check, Twilio warnings such as a
 * Trial account) still lets work go on.
 */
export function trayLook(state: AppState): TrayLook {
  const looks = new Set(trayStatuses(state).map((status) => status.look));
  return SEVERITY.find((look) => looks.has(look)) ?? 'ok';
}

/** The line shown when hovering the tray icon (Windows/Linux) — the first reason behind the look. */
export function trayTooltip(state: AppState): string {
  const app = 'SMS-iT Twilio Credentials';
  const first = trayStatuses(state)[0];
  if (first) return `${app} — ${first.tooltip}`;
  const active = activeAccountIn(state.accounts);
  return active ? `${app} — ${active.name} (${sidTail(active.accountSid)})` : app;
}
