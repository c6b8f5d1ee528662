/** Account names: what a person types, unique without regard to case, unicode welcome. */
import { AppError } from '../errors';
import type { AccountRecord, Registry } from '../registry/registry-schema';

export const MAX_NAME_LENGTH = 64;

/** The form two names are compared in: NFC, lower case. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('und');
}

/** Trims a name and checks it can be shown and typed; throws `bad-input` saying what to change. */
export function cleanAccountName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (name === '') throw new AppError('bad-input', 'Give the account a name, for example "Production" or "Client A".', { field: 'name' });
  if ([...name].length > MAX_NAME_LENGTH) {
    throw new AppError('bad-input', `An account name can be at most ${MAX_NAME_LENGTH} characters; this one has ${[...name].length}.`, { field: 'name' });
  }
  if (/[\p{Cc}\p{Zl}\p{Zp}]/u.test(name)) throw new AppError('bad-input', 'An account name cannot contain line breaks or control characters.', { field: 'name' });
  const bidi = BIDI_CONTROL.exec(name);
  if (bidi) {
    throw new AppError('bad-input', `An account name cannot contain text-direction controls (here ${codePoint(bidi[0])}): they make a name show differently from what it is.`, { field: 'name' });
  }
  const invisible = invisibleIn(name);
  if (invisible) {
    throw new AppError('bad-input', `An account name cannot contain invisible characters (here ${codePoint(invisible)}): two names would look the same. Type the name again.`, { field: 'name' });
  }
  if (name.replace(/[\p{White_Space}\p{M}\u2800\u3164\u115F\u1160\uFFA0]/gu, '') === '') {
    throw new AppError('bad-input', 'An account name needs at least one visible character, for example "Production" or "Client A".', { field: 'name' });
  }
  return name;
}

/** Bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * The first invisible character that is not doing a job. Zero-width joiners and non-joiners are
 * allowed between two visible characters (emoji sequences like 👩‍💻, Persian and Indic spelling),
 * and variation selectors and emoji tags after one (emoji style, flags): anywhere else they only hide.
 */
function invisibleIn(name: string): string | null {
  const chars = [...name];
  for (const [index, char] of chars.entries()) {
    if (!/\p{Default_Ignorable_Code_Point}/u.test(char)) continue;
    const before = chars[index - 1] ?? '';
    const after = chars[index + 1] ?? '';
    const visible = (c: string) => c !== '' && !/[\p{Default_Ignorable_Code_Point}\p{White_Space}]/u.test(c);
    if ((char === '\u200D' || char === '\u200C') && visible(before) && visible(after)) continue;
    if (/[\uFE00-\uFE0F\u{E0100}-\u{E01EF}\u{E0020}-\u{E007F}]/u.test(char) && (visible(before) || /\p{Default_Ignorable_Code_Point}/u.test(before))) continue;
    return char;
  }
  return null;
}

/** Throws `name-taken` if another account (not `exceptId`) already has this name in any case. */
export function assertNameFree(accounts: readonly Pick<AccountRecord, 'id' | 'name'>[], name: string, exceptId?: string): void {
  const key = nameKey(name);
  const clash = accounts.find((account) => account.id !== exceptId && nameKey(account.name) === key);
  if (clash) {
    throw new AppError('name-taken', `An account named "${clash.name}" already exists (names are compared without regard to case). Choose another name.`, { field: 'name' });
  }
}

/** Finds an account by id or by name (any case); throws `unknown-account` listing the names there are. */
export function findAccount(accounts: readonly AccountRecord[], ref: string): AccountRecord {
  const byId = accounts.find((account) => account.id === ref);
  if (byId) return byId;
  const key = nameKey(ref.trim());
  const byName = accounts.find((account) => nameKey(account.name) === key);
  if (byName) return byName;
  const known = accounts.length > 0 ? `Saved accounts: ${accounts.map((a) => `"${a.name}"`).join(', ')}.` : 'No account is saved yet.';
  throw new AppError('unknown-account', `No saved account is named "${ref.slice(0, 100)}". ${known}`);
}

/**
 * Whether `account` is the active one: the registry's pointer is the one rule. Shells never decide
 * it again: they read the `active` flag the core puts on each summary from this.
 */
export function isActiveAccount(registry: Pick<Registry, 'activeAccountId'>, account: Pick<AccountRecord, 'id'>): boolean {
  return account.id === registry.activeAccountId;
}

/** The active account; throws `no-active-account` saying whether any account is saved at all. */
export function activeAccount(registry: Pick<Registry, 'accounts' | 'activeAccountId'>): AccountRecord {
  const active = registry.accounts.find((account) => isActiveAccount(registry, account));
  if (active) return active;
  throw new AppError(
    'no-active-account',
    registry.accounts.length === 0
      ? 'No Twilio account is saved yet, so none is active.'
      : `No Twilio account is active. Saved accounts: ${registry.accounts.map((a) => `"${a.name}"`).join(', ')}.`,
    registry.accounts[0] ? { account: registry.accounts[0].name } : {},
  );
}

/**
 * The one account lookup of every caller (commands, window, endpoint): the account `ref` names
 * (its id, or its name in any case and Unicode form), else the active one when `ref` is null.
 */
export function pickAccount(registry: Pick<Registry, 'accounts' | 'activeAccountId'>, ref: string | null): AccountRecord {
  return ref === null ? activeAccount(registry) : findAccount(registry.accounts, ref);
}
