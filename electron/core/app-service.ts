/**
 * The one facade the shells call: every core channel of the IPC contract, plus a subscription to
 * the whole AppState. The tray app, the window and the end-to-end tests all go through it.
 */
import type { AppState, EndpointStatus } from '../shared/app-types';
import type { ChannelHandlers, CoreChannel } from '../shared/ipc-contract';
import { addAccount, removeAccount, upgradeAccount, verifyAccount } from './accounts/account-operations';
import { rotateAccount } from './rotation/rotate-account';
import { ImportCandidates } from './import/import-candidates';
import type { AppContext } from './app-context';
import { toSummary } from './accounts/account-summary';
import { cleanOrphanSecrets } from './accounts/orphan-secrets';
import { createEngineToken, revokeEngineToken, toTokenSummary } from './endpoint/engine-tokens';
import { emptyRegistry } from './registry/registry-schema';
import type { EngineEndpoint } from './endpoint/engine-endpoint';
import { AppError, isErrorKind, toErrorInfo, type ErrorInfo } from './errors';
import type { TwilioService } from './twilio/twilio-service';

/** The core's handlers plus the state subscription. */
export type AppService = Pick<ChannelHandlers, CoreChannel> & {
  onStateChanged(listener: (state: AppState) => void): () => void;
  /** Asks the keychain whether it answers, then builds and pushes the state (start-up, "Try again"). */
  refresh(): Promise<AppState>;
};

export interface AppServiceOptions {
  context: AppContext;
  twilio: TwilioService;
  /** The running loopback endpoint; null where there is none (then its channels say so). */
  endpoint: EngineEndpoint | null;
}

const NO_ENDPOINT: EndpointStatus = { url: '', port: 0, running: false, paused: false, error: null };

function endpointRequired(endpoint: EngineEndpoint | null): EngineEndpoint {
  if (!endpoint) throw new AppError('internal', 'The engine endpoint is not running in this process.');
  return endpoint;
}

/** Wires the account store, Twilio and the endpoint into the handlers the shells expose. */
export function createAppService({ context, twilio, endpoint }: AppServiceOptions): AppService {
  const { accounts, registry } = context;
  const deps = { accounts, twilio };
  // The environment the app was started with is one of the places the import looks in.
  const importer = new ImportCandidates({ ...deps, env: context.env });
  const listeners = new Set<(state: AppState) => void>();
  let keychainError: ErrorInfo | null = null;
  // A damaged registry is kept aside on the first read; later reads find none. Keep saying so for
  // this session, so the window and tray do not quietly show an empty list.
  let registryError: ErrorInfo | null = null;

  async function state(): Promise<AppState> {
    // One read of the registry for accounts and tokens alike.
    const current = await registry.read().catch((error: unknown) => ((registryError = toErrorInfo(error)), emptyRegistry()));
    return {
      accounts: current.accounts.map((record) => toSummary(record, current)),
      endpoint: endpoint?.status() ?? NO_ENDPOINT,
      tokens: current.engine.tokens.map(toTokenSummary),
      keychain: { available: keychainError === null, error: keychainError },
      registryError,
      keyAgeWarningDays: current.settings?.keyAgeWarningDays ?? null,
    };
  }

  async function push(): Promise<AppState> {
    const current = await state();
    for (const listener of listeners) listener(current);
    return current;
  }

  // The keychain is asked once at start and on refresh, not on every state build: on macOS each
  // keychain call may prompt, and prompts on every tray update are what users hated in Leapp (#318).
  // The first time the keychain answers, secrets a removal could not delete (keychain down, a
  // crash) are deleted, from the list just taken: no second keychain call.
  let orphansCleaned = false;
  async function refresh(): Promise<AppState> {
    const listed = await context.secrets.list().then(
      (refs) => ((keychainError = null), refs),
      (error: unknown) => ((keychainError = toErrorInfo(error)), null),
    );
    // The state first: it is what reports a damaged registry (and keeps it aside, so nothing is cleaned).
    const current = await push();
    if (listed && !orphansCleaned) {
      orphansCleaned = true;
      await cleanOrphanSecrets(registry, context.secrets, new Date(), listed).catch(() => undefined);
    }
    return current;
  }

  /** Runs a change, notes whether the keychain answered, and pushes the new state either way. */
  async function change<T>(work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      keychainError = null;
      // This process's own endpoint applies the change before the next request, not at its next poll.
      await endpoint?.reload();
      return result;
    } catch (error) {
      if (isErrorKind(error, 'keychain-unavailable')) keychainError = toErrorInfo(error);
      throw error;
    } finally {
      await push();
    }
  }

  endpoint?.onChange(() => void push());
  // The first look at the keychain and the registry; callers wait for it so that a damaged
  // registry is reported by whoever asks first, not lost to a concurrent read.
  const ready = refresh();

  return {
    onStateChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh,
    'state:get': async () => {
      await ready;
      return state();
    },
    'credentials:verify': (draft) => twilio.verify(draft),
    'accounts:add': (input) => change(() => addAccount(deps, input)),
    'accounts:verify': ({ id }) => change(() => verifyAccount(deps, id)),
    'accounts:rename': ({ id, name }) => change(async () => accounts.summary((await accounts.rename(id, name)).id)),
    'accounts:activate': ({ id }) => change(async () => accounts.summary((await accounts.activate(id)).id)),
    'accounts:remove': ({ id, deleteKey }) => change(() => removeAccount(deps, id, { deleteKey })),
    'accounts:upgrade': ({ id, keepAuthToken }) => change(() => upgradeAccount(deps, id, { keepAuthToken })),
    'accounts:rotate': ({ id }) => change(() => rotateAccount(deps, id)),
    'import:find': ({ envFiles }) => importer.find(envFiles),
    'import:save': ({ id, name, scrub }) => change(() => importer.save(id, name, scrub)),
    'endpoint:pause': () => change(async () => endpointRequired(endpoint).pause()),
    'endpoint:resume': () => change(async () => endpointRequired(endpoint).resume()),
    'endpoint:set-port': ({ port }) => change(async () => endpointRequired(endpoint).changePort(port)),
    'tokens:create': ({ name }) => change(() => createEngineToken(registry, name)),
    'tokens:revoke': ({ name }) => change(async () => (await revokeEngineToken(registry, name), null)),
    'log:list': async () => endpoint?.recentLog() ?? [],
  };
}
