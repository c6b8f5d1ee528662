/** Builds the core's long-lived objects from the environment: one place for the CLI and the tray app. */
import { AccountStore } from './accounts/account-store';
import { parseApiBase } from './api-base';
import { secureDataFolder } from './data-folder';
import { registryPath, resolveDataDir } from './paths';
import { RegistryFile } from './registry/registry-file';
import { KeytarSecretStore } from './secrets/keytar-secret-store';
import { keychainServiceName, type SecretStore } from './secrets/secret-store';

export interface AppContextOptions {
  env?: NodeJS.ProcessEnv;
  /** Another keychain (tests); the system keychain through keytar otherwise. */
  secrets?: SecretStore;
  /** The data folder, when the shell knows it better (Electron's userData); else from the environment. */
  dataDir?: string;
}

/** The registry, the keychain and the account store of one data folder. */
export interface AppContext {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  registry: RegistryFile;
  secrets: SecretStore;
  accounts: AccountStore;
  /** SMSIT_TWILIO_API_BASE, checked (null when unset): the Twilio client and the endpoint's answers use it. */
  apiBase: string | null;
}

/** Wires the core for one process. */
export function createAppContext(options: AppContextOptions = {}): AppContext {
  const env = options.env ?? process.env;
  const dataDir = options.dataDir ?? resolveDataDir(env);
  const registry = new RegistryFile({ path: registryPath(dataDir) });
  const secrets = options.secrets ?? new KeytarSecretStore(keychainServiceName(env));
  return { env, dataDir, registry, secrets, accounts: new AccountStore({ registry, secrets }), apiBase: parseApiBase(env) };
}

/** Checks the data folder (ours, 0700: tightened or refused with `io`), then wires the core. */
export async function openAppContext(options: AppContextOptions = {}): Promise<AppContext> {
  const context = createAppContext(options);
  await secureDataFolder(context.dataDir);
  return context;
}
