/** How the tray icon and its tooltip summarise the app state: one look, one line. */
import type { AccountSummary, AppState } from '../shared/app-types';

export type TrayLook = 'ok' | 'warning' | 'error' | 'paused';

/** The active account, if any (the registry's pointer, not the `active` flag, is the source of truth). */
export function activeAccount(state: AppState): AccountSummary | null {
  return state.accounts.find((a) => a.id === state.activeAccountId) ?? null;
}

/** "…a1b2": enough of the Account SID to tell accounts apart without showing it whole. */
export function sidTail(accountSid: string): string {
  return `…${accountSid.slice(-4)}`;
}

/**
 * Error beats paused beats warning: a broken keychain, registry or endpoint, or an active account
 * Twilio rejected, stops the engine from working; paused is the user's choice; a warning
 * (no account yet, Twilio warnings such as a suspended account) still lets work go on.
 */
export function trayLook(state: AppState): TrayLook {
  const active = activeAccount(state);
  if (!state.keychain.available || state.registryError || state.endpoint.error) return 'error';
  if (active?.lastVerification && !active.lastVerification.ok) return 'error';
  if (state.endpoint.paused) return 'paused';
  if (!active || (active.lastVerification?.warnings.length ?? 0) > 0) return 'warning';
  return 'ok';
}

/** The line shown when hovering the tray icon (Windows/Linux) — the reason behind the look. */
export function trayTooltip(state: AppState): string {
  const app = 'SMS-iT Twilio Credentials';
  const active = activeAccount(state);
  if (!state.keychain.available) return `${app} — keychain unavailable`;
  if (state.registryError) return `${app} — accounts file could not be read`;
  if (state.endpoint.error) return `${app} — engine endpoint stopped`;
  if (!active) return `${app} — no account yet`;
  const name = `${active.name} (${sidTail(active.accountSid)})`;
  if (active.lastVerification && !active.lastVerification.ok) return `${app} — ${name} failed verification`;
  if (state.endpoint.paused) return `${app} — ${name}, engine endpoint paused`;
  return `${app} — ${name}`;
}
