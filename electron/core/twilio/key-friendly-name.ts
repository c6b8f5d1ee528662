/**
 * The friendly name of an API key this app creates (upgrade, rotation): "SMS-iT Workflow
 * integration" plus the account's name and the computer, so a user looking at the Console's list
 * of keys can tell which account on which machine each one serves, and which can go.
 */
import { hostname } from 'node:os';

/** The part every key name starts with (what onboarding tells users to type for their own keys). */
export const KEY_NAME_PREFIX = 'SMS-iT Workflow integration';

/** Twilio's limit on FriendlyName (`POST /Accounts/{Sid}/Keys.json`, twilio/FACTS.md). */
export const MAX_KEY_NAME_LENGTH = 64;

/** At most `max` UTF-16 units (how Twilio's limit is safest counted), never splitting a character; "…" when cut. */
function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** The computer's short name: the host name up to its first dot ("studio-mac.local" → "studio-mac"). */
export function computerName(raw: string = hostname()): string {
  return raw.split('.')[0]!.trim();
}

/**
 * "SMS-iT Workflow integration (Production @ studio-mac)", within Twilio's 64 characters: when both
 * do not fit, the computer keeps at least 12 and the account name the rest, each cut with "…".
 */
export function keyFriendlyName(accountName: string, computer: string = computerName()): string {
  // Invisible and control characters are of no use in a list a person reads (names refuse them anyway).
  const clean = (text: string) => text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').replace(/\s+/g, ' ').trim();
  const account = clean(accountName);
  const host = clean(computer);
  const room = MAX_KEY_NAME_LENGTH - KEY_NAME_PREFIX.length - ' ()'.length - (host ? ' @ '.length : 0);
  const hostShown = fit(host, Math.max(12, room - account.length));
  const details = [fit(account, room - hostShown.length), hostShown].filter(Boolean).join(' @ ');
  return details ? `${KEY_NAME_PREFIX} (${details})` : KEY_NAME_PREFIX;
}
