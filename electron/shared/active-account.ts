/** "Is this account active", as every shell reads it: the core marks one summary `active` from the registry's pointer. */
import type { AccountSummary } from './app-types';

/** The account the engine is served: the one summary the core marked active, or null when none is. */
export function activeAccountIn(accounts: readonly AccountSummary[]): AccountSummary | null {
  return accounts.find((account) => account.active) ?? null;
}
