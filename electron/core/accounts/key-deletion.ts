/**
 * Deleting an account's API key at Twilio: when it is allowed, with which credentials, and what
 * stops working. A key that another saved account uses is never deleted (no override): deleting
 * it would silently break that account, perhaps the one the engine uses.
 */
import { AppError } from '../errors';
import type { AccountRecord, Registry } from '../registry/registry-schema';
import type { AccountStore } from './account-store';
import { accountsSharingKey, canDeleteKey } from './account-summary';
import { isActiveAccount } from './account-names';
import { CONSOLE_PATHS } from '../../shared/console-paths';
import { KEY_TYPE_NAMES } from '../../shared/key-type-names';

const quoted = (accounts: readonly AccountRecord[]) => accounts.map((account) => `"${account.name}"`).join(', ');

/** What a user is told before a key is deleted: the key, and everything that stops working. */
export function keyDeletionConsequence(record: Pick<AccountRecord, 'name' | 'apiKeySid'>): string {
  return (
    `Deleting the API key ${record.apiKeySid} at Twilio cannot be undone: "${record.name}" stops working, ` +
    'and so does every server, script or other computer that was given this key.'
  );
}

/** A key the account can delete at Twilio; throws `bad-input` saying why not (no key, shared, a key that may not delete keys). */
export function assertKeyDeletable(registry: Pick<Registry, 'accounts' | 'activeAccountId'>, record: AccountRecord): string {
  if (record.authType !== 'apiKey' || !record.apiKeySid) {
    throw new AppError('bad-input', `"${record.name}" uses an Auth Token: there is no API key to delete. Remove it without deleting a key.`, { field: 'deleteKey' });
  }
  const sharing = accountsSharingKey(registry.accounts, record);
  if (sharing.length > 0) {
    const engine = sharing.some((account) => isActiveAccount(registry, account)) ? ' (the engine uses it now)' : '';
    throw new AppError(
      'bad-input',
      `The API key ${record.apiKeySid} of "${record.name}" is also used by ${quoted(sharing)}${engine}: deleting it at Twilio would stop ${sharing.length > 1 ? 'them' : 'it'} working. ` +
        `Nothing was deleted or removed. Remove "${record.name}" without deleting the key; delete the key with the last account that uses it.`,
      { field: 'deleteKey' },
    );
  }
  if (!canDeleteKey(record)) {
    throw new AppError(
      'bad-input',
      `Deleting the API key at Twilio needs the account's Auth Token or a Main API key, and "${record.name}" has only a ${KEY_TYPE_NAMES[record.keyType!]} key. ` +
        `Delete the key in the Twilio Console (${CONSOLE_PATHS.apiKeys}), then remove the account without deleting the key.`,
      { field: 'deleteKey' },
    );
  }
  return record.apiKeySid;
}

/** Checks that `ref`'s key may be deleted (see assertKeyDeletable) and says what stops working, before anyone is asked. */
export async function planKeyDeletion(accounts: AccountStore, ref: string): Promise<{ record: AccountRecord; keySid: string; consequence: string }> {
  const registry = await accounts.registry.read();
  const record = await accounts.find(ref);
  const keySid = assertKeyDeletable(registry, record);
  return { record, keySid, consequence: keyDeletionConsequence(record) };
}
