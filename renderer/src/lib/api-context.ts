/** Hands the `window.smsit` api down the component tree without a module global (tests pass a fake). */
import { getContext, setContext } from 'svelte';
import type { SmsitApi } from '../../../electron/shared/ipc-contract';

const KEY = Symbol('smsit-api');

/** Called once by App with the api it was given. */
export function provideApi(api: SmsitApi): void {
  setContext(KEY, api);
}

/** The api, from any component below App. */
export function useApi(): SmsitApi {
  const api = getContext<SmsitApi | undefined>(KEY);
  if (!api) throw new Error('useApi() called outside App.');
  return api;
}
