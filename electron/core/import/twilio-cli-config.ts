/**
 * twilio-cli's `config.json` (cli-core ≥ 6: `profiles` hold `apiSecret` in plain text, FACTS.md):
 * the credentials in it, and the file with one profile's secret replaced by a note saying where
 * the secret lives now — every other byte as it was.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../errors';
import type { FoundCredential } from './found-credential';
import { memberSpan } from './json-member-span';

/** twilio-cli's config file: `~/.twilio-cli/config.json` (cli-core: `this.config.configDir`). */
export function defaultTwilioCliConfigPath(home: string = homedir()): string {
  return join(home, '.twilio-cli', 'config.json');
}

/** twilio-cli's config file for a process with environment `env` (its HOME when set, else the OS's home folder). */
export function twilioCliConfigPathIn(env: Readonly<Record<string, string | undefined>>): string {
  return defaultTwilioCliConfigPath(env.HOME?.trim() || undefined);
}

/** The key that takes the secret's place in a scrubbed profile (twilio-cli ignores keys it does not know). */
export const SCRUB_NOTE_KEY = 'apiSecretMovedTo';

interface ProfileJson {
  accountSid?: unknown;
  region?: unknown;
  edge?: unknown;
  apiKey?: unknown;
  apiSecret?: unknown;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

function parseConfig(content: string, path: string): { profiles?: Record<string, ProfileJson>; projects?: Array<{ id?: unknown }>; edge?: unknown } {
  try {
    const parsed: unknown = JSON.parse(content);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as ReturnType<typeof parseConfig>;
  } catch {
    // reported below
  }
  throw new AppError('bad-input', `${path} is not a twilio-cli config file (it is not a JSON object).`, { path });
}

/** The credentials in twilio-cli's config text, and notes on profiles that cannot be imported (pre-6 ones keep their secret elsewhere). */
export function twilioCliCredentials(content: string, path: string): { found: FoundCredential[]; notes: string[] } {
  const config = parseConfig(content, path);
  const found: FoundCredential[] = [];
  const notes: string[] = [];
  for (const [profileId, profile] of Object.entries(config.profiles ?? {})) {
    if (!profile || typeof profile !== 'object') continue;
    const accountSid = text(profile.accountSid);
    const apiKey = text(profile.apiKey);
    const secret = text(profile.apiSecret);
    if (!accountSid || !apiKey || !secret) {
      const moved = (profile as Record<string, unknown>)[SCRUB_NOTE_KEY];
      notes.push(typeof moved === 'string' ? `twilio-cli profile "${profileId}": ${moved}` : `twilio-cli profile "${profileId}" has no secret in ${path}; nothing to import.`);
      continue;
    }
    const isToken = apiKey.startsWith('AC');
    found.push({
      kind: 'twilio-cli',
      path,
      profileId,
      secretKey: 'apiSecret',
      accountSid,
      authType: isToken ? 'authToken' : 'apiKey',
      apiKeySid: isToken ? null : apiKey,
      secret,
      region: text(profile.region),
      edge: text(profile.edge) ?? text(config.edge),
      suggestedName: profileId,
    });
  }
  for (const project of config.projects ?? []) {
    const id = typeof project?.id === 'string' ? project.id : '?';
    notes.push(`twilio-cli profile "${id}" is from twilio-cli before 6.0: its secret is in twilio-cli's old keychain entry, not in ${path}; add it with "smsit-twilio accounts add".`);
  }
  return { found, notes };
}

/** The config text with `profileId`'s apiSecret replaced by a note; throws if the profile no longer holds `secret`. */
export function withoutProfileSecret(content: string, path: string, profileId: string, secret: string, note: string): string {
  const config = parseConfig(content, path);
  if (text(config.profiles?.[profileId]?.apiSecret) !== secret) {
    throw new AppError('io', `twilio-cli profile "${profileId}" in ${path} changed since it was read; it was left as it is.`, { path });
  }
  const span = memberSpan(content, ['profiles', profileId, 'apiSecret'])!;
  return `${content.slice(0, span.start)}${JSON.stringify(SCRUB_NOTE_KEY)}:${JSON.stringify(note)}${content.slice(span.end)}`;
}
