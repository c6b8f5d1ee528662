/**
 * The real core for the end-to-end tests: a temp data folder, the private keychain (keytar inside
 * the test wrapper's gnome-keyring), the fake Twilio reached through the regional host names,
 * the loopback endpoint on a free port, and the core's AppService over all of it, merged with the
 * shell's own links/clipboard handlers as electron/main does (Electron's APIs replaced by recorders).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppContext, type AppContext } from '../../../electron/core/app-context';
import { createAppService, type AppService } from '../../../electron/core/app-service';
import { EngineEndpoint } from '../../../electron/core/endpoint/engine-endpoint';
import { TwilioService } from '../../../electron/core/twilio/twilio-service';
import { createShellHandlers, mergeHandlers } from '../../../electron/main/shell-handlers';
import type { ChannelHandlers } from '../../../electron/shared/ipc-contract';
import { startFakeTwilio, type FakeTwilio } from '../../fakes/fake-twilio';
import { hostRoutingFetch } from '../../fakes/host-routing-fetch';

/** Everything a scenario touches: the handlers behind `window.smsit`, the fake Twilio, what the shell did. */
export interface RealCore {
  handlers: ChannelHandlers;
  service: AppService;
  context: AppContext;
  twilio: FakeTwilio;
  endpoint: EngineEndpoint;
  openedLinks: string[];
  clipboard: string[];
  /** What the shell's open dialog answers next (env-files:choose); set by a scenario, [] = cancelled. */
  envFilesToChoose: string[];
  close(): Promise<void>;
}

/** Starts a fresh core with its own data folder and an empty fake Twilio (us1 and ie1 hosts); `env` is laid over this process's environment. */
export async function startRealCore(env: NodeJS.ProcessEnv = {}): Promise<RealCore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'smsit-e2e-'));
  const twilio = await startFakeTwilio({ regions: ['us1', 'ie1'] });
  const context = createAppContext({ dataDir, env: { ...process.env, ...env, SMSIT_TWILIO_HOME: dataDir } });
  const endpoint = new EngineEndpoint({
    registry: context.registry,
    accounts: context.accounts,
    port: 0,
    socketPath: join(dataDir, 'engine.sock'),
    logFile: null,
    version: 'e2e',
    registryPollMs: 200,
  });
  await endpoint.start();
  const service = createAppService({
    context,
    twilio: new TwilioService({ fetch: hostRoutingFetch(twilio.originMap()), timeoutMs: 5000, sleep: async () => {} }),
    endpoint,
  });
  const openedLinks: string[] = [];
  const clipboard: string[] = [];
  // The same merge main does: the shell's own handlers (Electron's shell, clipboard and open
  // dialog replaced by recorders), the core service for every other channel.
  const shell = createShellHandlers({
    openInBrowser: async (url) => void openedLinks.push(url),
    writeClipboard: (text) => void clipboard.push(text),
    chooseEnvFiles: async () => core.envFilesToChoose,
  });
  const handlers: ChannelHandlers = mergeHandlers(service, shell);
  const core: RealCore = {
    handlers,
    service,
    context,
    twilio,
    endpoint,
    openedLinks,
    clipboard,
    envFilesToChoose: [],
    async close() {
      await endpoint.stop();
      // Remove this run's secrets from the private keychain, then the data folder.
      for (const account of await context.accounts.list().catch(() => [])) {
        await context.accounts.remove(account.id).catch(() => {});
      }
      await twilio.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return core;
}
