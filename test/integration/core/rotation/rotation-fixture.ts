/**
 * Accounts over a temp registry and an in-memory keychain, wired to the fake Twilio, with a watch
 * that checks after every registry and keychain write that the header the endpoint would now
 * build for the account is one Twilio accepts (the "never a refused header" promise of rotation).
 */
import type { AccountDeps } from '../../../../electron/core/accounts/account-operations';
import type { AccountStore } from '../../../../electron/core/accounts/account-store';
import { requestSecretPurpose } from '../../../../electron/core/twilio/auth-header';
import { writeFileAtomic } from '../../../../electron/core/registry/atomic-write';
import { RegistryFile } from '../../../../electron/core/registry/registry-file';
import type { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store';
import { entryName, type SecretPurpose } from '../../../../electron/core/secrets/secret-store';
import { TwilioService } from '../../../../electron/core/twilio/twilio-service';
import type { FakeTwilio } from '../../../fakes/fake-twilio';
import { memoryHome } from '../../../helpers/memory-home';
import { tempDir } from '../../../helpers/temp-dir';

/** The store, deps, and what the watch saw. */
export interface RotationFixture {
  dir: string;
  registry: RegistryFile;
  secrets: MemorySecretStore;
  accounts: AccountStore;
  deps: AccountDeps;
  /** Every write after which the account's header was refused: [what was written, account name]. */
  refusedAfter: string[];
  /** How many writes were checked. */
  checks: () => number;
  /** Turns the watch on for these account names. */
  watch(...names: string[]): void;
  entries(id: string): Partial<Record<SecretPurpose, string>>;
}

/** A fresh fixture over `fake` (no sleeps between retries). */
export async function rotationFixture(fake: FakeTwilio): Promise<RotationFixture> {
  const watched = new Set<string>();
  const refusedAfter: string[] = [];
  let checks = 0;
  const check = async (what: string) => {
    if (watched.size === 0) return;
    const current = await new RegistryFile({ path: registry.path }).read();
    for (const record of current.accounts.filter((a) => watched.has(a.name))) {
      checks += 1;
      const secret = secrets.entries.get(entryName(record.id, requestSecretPurpose(record)));
      const user = record.authType === 'apiKey' ? record.apiKeySid! : record.accountSid;
      if (secret === undefined || !fake.state.authenticate(user, secret, record.region)) refusedAfter.push(`${what} (${record.name})`);
    }
  };
  const home = memoryHome({
    dir: await tempDir('smsit-rotation-'),
    registry: { writeFile: async (file, data) => (await writeFileAtomic(file, data), await check('registry write')) },
  });
  const { dir, secrets, context: { registry, accounts } } = home;
  const set = secrets.set.bind(secrets);
  secrets.set = async (id, purpose, secret) => (await set(id, purpose, secret), await check(`keychain set ${purpose}`));
  const del = secrets.delete.bind(secrets);
  secrets.delete = async (id, purpose) => {
    const deleted = await del(id, purpose);
    await check(`keychain delete ${purpose}`);
    return deleted;
  };
  const deps: AccountDeps = { accounts, twilio: new TwilioService({ apiBase: fake.url }), sleep: async () => undefined };
  return {
    dir,
    registry,
    secrets,
    accounts,
    deps,
    refusedAfter,
    checks: () => checks,
    watch: (...names) => names.forEach((name) => watched.add(name)),
    entries: (id) => Object.fromEntries([...secrets.entries].filter(([key]) => key.startsWith(`${id}/`)).map(([key, value]) => [key.slice(id.length + 1), value])),
  };
}
