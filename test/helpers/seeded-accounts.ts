/** The two accounts the endpoint and `serve` tests start from, saved through any account store (memory or the private keyring). */
import type { AccountStore } from '../../electron/core/accounts/account-store';
import { accountSid, apiKeySecret, apiKeySid, authToken } from './sample-credentials';

/** What was saved, secrets included, for the test to compare answers with. */
export interface SeededAccounts {
  /** The Auth Token account, saved first, so the active one. */
  main: { name: string; accountSid: string; authToken: string };
  /** The API key account, which keeps no Auth Token. */
  keyed: { name: string; accountSid: string; apiKeySid: string; secret: string };
}

/** Saves "Main" (Auth Token, active) and "Keyed" (API key) with new made-up credentials. */
export async function seedMainAndKeyed(accounts: AccountStore): Promise<SeededAccounts> {
  const main = { name: 'Main', accountSid: accountSid(), authToken: authToken() };
  const keyed = { name: 'Keyed', accountSid: accountSid(), apiKeySid: apiKeySid(), secret: apiKeySecret() };
  await accounts.add({ name: main.name, accountSid: main.accountSid, authType: 'authToken', secret: main.authToken });
  await accounts.add({ name: keyed.name, accountSid: keyed.accountSid, authType: 'apiKey', apiKeySid: keyed.apiKeySid, secret: keyed.secret });
  return { main, keyed };
}
