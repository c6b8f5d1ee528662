/** Run as a separate process by the live-change test: changes the registry the way the tray or the CLI would. */
import { AccountStore } from '../../../../electron/core/accounts/account-store';
import { revokeEngineToken } from '../../../../electron/core/endpoint/engine-tokens';
import { RegistryFile } from '../../../../electron/core/registry/registry-file';
import { MemorySecretStore } from '../../../../electron/core/secrets/memory-secret-store';

const [registryPath, action, ref] = process.argv.slice(2) as [string, string, string];
const registry = new RegistryFile({ path: registryPath });
const accounts = new AccountStore({ registry, secrets: new MemorySecretStore() });
if (action === 'activate') await accounts.activate(ref);
else if (action === 'revoke') await revokeEngineToken(registry, ref);
else throw new Error(`unknown action ${action}`);
