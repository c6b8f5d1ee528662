/**
 * Run as a separate process by the registry-lock test: an `accounts add` that says "inside" once it
 * holds the registry lock and then dawdles, so the test can stop it there (SIGSTOP) and resume it.
 */
import { AccountStore } from '../../../../electron/core/accounts/account-store';
import { writeFileAtomic } from '../../../../electron/core/registry/atomic-write';
import { RegistryFile } from '../../../../electron/core/registry/registry-file';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store';

const [registryPath, name, accountSid] = process.argv.slice(2) as [string, string, string];
const registry = new RegistryFile({
  path: registryPath,
  // Called with the lock held, after the registry was read: the moment the old lock lost updates.
  writeFile: async (path, data) => {
    process.stdout.write('inside\n');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await writeFileAtomic(path, data);
  },
});
const accounts = new AccountStore({ registry, secrets: new MemorySecretStore() });
await accounts.add({ name, accountSid, authType: 'authToken', apiKeySid: null, secret: 'a'.repeat(32), region: 'us1', edge: null });
process.stdout.write('saved\n');
