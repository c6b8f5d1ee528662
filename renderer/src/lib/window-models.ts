/** The window's state classes, built once over one api by `main.ts` and handed to App. */
import type { SmsitApi } from '../../../electron/shared/ipc-contract';
import { AppModel } from './app-model.svelte';
import { OnboardingFlow } from './onboarding-flow.svelte';
import { AccountsModel } from './accounts-model.svelte';
import { EngineAccess } from './engine-access.svelte';
import { ImportModel } from './import-model.svelte';

/** Everything the window's views read and act on. */
export interface WindowModels {
  app: AppModel;
  flow: OnboardingFlow;
  accounts: AccountsModel;
  engine: EngineAccess;
  importer: ImportModel;
}

/** One of each model over `api`. */
export function createWindowModels(api: SmsitApi): WindowModels {
  return { app: new AppModel(api), flow: new OnboardingFlow(api), accounts: new AccountsModel(api), engine: new EngineAccess(api), importer: new ImportModel(api) };
}
